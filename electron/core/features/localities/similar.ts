import type { Kysely } from 'kysely';
import type { Locality } from '../../../../shared/contract/localities.ts';
import { placeKeys } from '../../../../shared/text/place-key.ts';
import type { DB } from '../../db/schema.ts';
import { listLocalities } from './queries.ts';

/**
 * Localities of the same country known by the same name once accents, case,
 * spaces and the usual administrative words are folded ("shanghai ", "上海" and
 * "Shanghai 上海市" are one place), archived ones included: asked before saving,
 * never a refusal, since two towns may share a name.
 */
export async function similarLocalities(
  db: Kysely<DB>,
  q: { name: string; nativeName?: string | null | undefined; country: string; excludeId?: number | undefined },
): Promise<Locality[]> {
  const wanted = new Set(placeKeys(q));
  if (wanted.size === 0) return [];
  const sameCountry = await listLocalities(db, { country: q.country, includeArchived: true, offset: 0, limit: 100_000 });
  return sameCountry.filter((l) => l.id !== q.excludeId && placeKeys(l).some((k) => wanted.has(k))).slice(0, 5);
}
