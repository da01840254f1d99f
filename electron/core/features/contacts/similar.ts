import { distance } from 'fastest-levenshtein';
import type { Kysely } from 'kysely';
import type { SimilarContact } from '../../../../shared/contract/contacts.ts';
import { foldText } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';

/** How many edits still count as "the same person typed differently": about one in four letters (a swap is two). */
export const allowedEdits = (length: number) => Math.max(1, Math.floor(length / 4));

/**
 * Contacts whose name is within a few edits of `name` once accents and case
 * are folded ("Wang Wei" ~ "Wáng Wěi" ~ "wang wie"), or whose native-script
 * name is the same, closest first.
 */
export async function similarContacts(
  db: Kysely<DB>,
  q: { name: string; nativeName?: string | null | undefined; excludeId?: number | undefined },
  limit = 5,
): Promise<SimilarContact[]> {
  const wanted = foldText(q.name);
  const wantedNative = q.nativeName?.trim() || null;
  if (wanted.length < 3 && !wantedNative) return [];
  const max = allowedEdits(wanted.length);
  let query = db.selectFrom('contacts').select(['id', 'name', 'native_name', 'organisation']).where('archived_at', 'is', null);
  if (q.excludeId !== undefined) query = query.where('id', '!=', q.excludeId);
  const found: SimilarContact[] = [];
  for (const row of await query.execute()) {
    const key = foldText(row.name);
    const sameNative = wantedNative !== null && row.native_name === wantedNative;
    // Lengths that differ by more than the allowance cannot be within it: skip the distance.
    const d = Math.abs(key.length - wanted.length) > max ? Infinity : distance(key, wanted);
    if (d <= max || sameNative) {
      found.push({ id: row.id, name: row.name, nativeName: row.native_name, organisation: row.organisation, distance: sameNative ? 0 : d });
    }
  }
  return found.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, limit);
}
