import { fold, problem, type Lookup, type RowProblem } from './entity.ts';
import { first } from '../../../../shared/narrow.ts';
import { agreementKind } from './entities/agreements.ts';
import { findLocalityByName } from './entities/localities.ts';
import { text, type Cell } from './values.ts';

/**
 * What rows refer to by name (contacts, agreements by partner), loaded once per
 * import and kept up to date as the import creates records, so a row finds what
 * a row above it created without a query per row.
 */
export function cached<T>(lookup: Lookup, key: string, load: () => T): T {
  let value = lookup.cache.get(key) as T | undefined;
  if (value === undefined) {
    value = load();
    lookup.cache.set(key, value);
  }
  return value;
}

/**
 * The first record (oldest id) per key, from one query, for duplicates; the
 * records this import creates are added with `rememberFirst`.
 */
export function recordsByKey<R extends { id: number }>(lookup: Lookup, name: string, query: string, key: (row: R) => string): Map<string, number> {
  return cached(lookup, name, () => {
    const map = new Map<string, number>();
    for (const row of lookup.sqlite.prepare(query).all() as R[]) rememberFirst(map, key(row), row.id);
    return map;
  });
}

export function rememberFirst(map: Map<string, number>, key: string, id: number) {
  if (!map.has(key)) map.set(key, id);
}

/** Adds `value` to the list kept under `key`. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type KnownContact = { id: number; organisation: string; archived: boolean };

/** Contacts by folded name and by folded native name. */
export function knownContacts(lookup: Lookup): Map<string, KnownContact[]> {
  return cached(lookup, 'contacts', () => {
    const map = new Map<string, KnownContact[]>();
    const rows = lookup.sqlite.prepare('SELECT id, name, native_name, organisation, archived_at FROM contacts ORDER BY id').all() as {
      id: number;
      name: string;
      native_name: string | null;
      organisation: string | null;
      archived_at: string | null;
    }[];
    for (const r of rows) rememberContact(map, r.id, r.name, r.native_name, r.organisation, r.archived_at !== null);
    return map;
  });
}

export function rememberContact(
  map: Map<string, KnownContact[]>,
  id: number,
  name: string,
  nativeName: string | null,
  organisation: string | null,
  archived = false,
) {
  const entry = { id, organisation: fold(organisation ?? ''), archived };
  for (const key of new Set([fold(name), nativeName ? fold(nativeName) : ''])) if (key) addTo(map, key, entry);
}

type PartnerAgreement = { id: number; kind: string };

/** Agreements not archived, by partner locality. */
function agreementsByPartner(lookup: Lookup): Map<number, PartnerAgreement[]> {
  return cached(lookup, 'agreementsByPartner', () => {
    const map = new Map<number, PartnerAgreement[]>();
    const rows = lookup.sqlite.prepare('SELECT id, partner_id, kind FROM agreements WHERE archived_at IS NULL ORDER BY id').all() as {
      id: number;
      partner_id: number;
      kind: string;
    }[];
    for (const r of rows) addTo(map, r.partner_id, { id: r.id, kind: r.kind });
    return map;
  });
}

export function agreementsOf(lookup: Lookup, partnerId: number): readonly PartnerAgreement[] {
  return agreementsByPartner(lookup).get(partnerId) ?? [];
}

/**
 * The partner locality a cell names (in the row's country when it has one), or
 * a problem on `field`: offices refer to their partners by name, never by id.
 */
export function partnerByName(lookup: Lookup, field: string, name: string, country: string | null, problems: RowProblem[]): number | null {
  const id = findLocalityByName(lookup, name, country);
  if (id === null) problems.push(problem(field, 'import.errors.missingPartner', { value: name }));
  return id;
}

/**
 * The one agreement a row means: the partner's only agreement, or the one of the
 * kind given. Several without a kind, or none, is a problem of the row.
 */
export function agreementByPartner(
  lookup: Lookup,
  field: string,
  partnerId: number,
  partnerName: string,
  kind: string | null,
  problems: RowProblem[],
): number | null {
  const all = agreementsOf(lookup, partnerId);
  const matching = kind ? all.filter((a) => a.kind === kind) : all;
  if (matching.length === 1) return first(matching, 'an agreement').id;
  if (matching.length === 0) problems.push(problem(field, 'import.errors.unknownAgreement', { value: partnerName }));
  else problems.push(problem(field, 'import.errors.ambiguousAgreement', { value: partnerName, count: matching.length }));
  return null;
}

/**
 * The agreement a row names by its partner (and, where the partner has several,
 * the agreement's kind): commitment and task sheets say "Zhangzhou", not an id.
 */
export function agreementNamed(
  lookup: Lookup,
  fields: { partner: string; kind: string },
  partnerCell: Cell,
  kindCell: Cell,
  country: string | null,
  problems: RowProblem[],
): number | null {
  const kind = agreementKind(kindCell);
  if (kind === null) problems.push(problem(fields.kind, 'import.errors.choice', { value: text(kindCell) }));
  const name = text(partnerCell);
  if (!name) problems.push(problem(fields.partner, 'errors.required'));
  const partnerId = name ? partnerByName(lookup, fields.partner, name, country, problems) : null;
  return partnerId === null ? null : agreementByPartner(lookup, fields.partner, partnerId, name, kind ?? null, problems);
}

/** Problems the contract schema reports on its own keys, moved to the column the user mapped. */
export function onColumns(problems: RowProblem[], columns: Record<string, string>): RowProblem[] {
  return problems.map((p) => {
    const column = p.field ? columns[p.field] : undefined;
    return column ? { ...p, field: column } : p;
  });
}

/** Adds the schema's problems except on fields already reported as unreadable: one message per cell. */
export function addSchemaProblems(problems: RowProblem[], fromSchema: RowProblem[]) {
  const reported = new Set(problems.map((p) => p.field));
  problems.push(...fromSchema.filter((p) => !reported.has(p.field)));
}
