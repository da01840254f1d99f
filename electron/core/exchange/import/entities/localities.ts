import { first } from '../../../../../shared/narrow.ts';
import { localityCreate, LOCALITY_LEVELS, type Locality } from '../../../../../shared/contract/localities.ts';
import type { z } from 'zod';
import { findLocality } from '../../../features/localities/queries.ts';
import { createLocality, updateLocality } from '../../../features/localities/app.ts';
import { fillBlanks, fold, problem, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { choiceMatcher, parseCountry, text } from '../values.ts';

type Input = z.output<typeof localityCreate>;
type Known = { id: number; country: string };

const level = choiceMatcher(LOCALITY_LEVELS, 'level', {
  ciudad: 'city',
  cidade: 'city',
  municipio: 'municipality',
  município: 'municipality',
  provincia: 'province',
  província: 'province',
  estado: 'province',
  state: 'province',
  departamento: 'department',
  región: 'region',
  região: 'region',
});

/** Localities by folded name and by native name, loaded once; rows created by this import are added as they go. */
export function knownLocalities(lookup: Lookup): Map<string, Known[]> {
  let map = lookup.cache.get('localities') as Map<string, Known[]> | undefined;
  if (!map) {
    map = new Map();
    const rows = lookup.sqlite.prepare('SELECT id, name, native_name, country FROM localities WHERE archived_at IS NULL').all() as {
      id: number;
      name: string;
      native_name: string | null;
      country: string;
    }[];
    for (const r of rows) rememberLocality(lookup, r.id, r.name, r.native_name, r.country, map);
    lookup.cache.set('localities', map);
  }
  return map;
}

export function rememberLocality(lookup: Lookup, id: number, name: string, nativeName: string | null, country: string, into = knownLocalities(lookup)) {
  for (const key of [name, nativeName]) {
    if (!key) continue;
    const list = into.get(fold(key)) ?? [];
    list.push({ id, country });
    into.set(fold(key), list);
  }
}

/** The one locality a name points to (in that country when one is given); ambiguous names are not guessed. */
export function findLocalityByName(lookup: Lookup, name: string, country?: string | null): number | null {
  const found = (knownLocalities(lookup).get(fold(name)) ?? []).filter((k) => !country || k.country === country);
  const ids = [...new Set(found.map((f) => f.id))];
  return ids.length === 1 ? first(ids, 'a locality id') : null;
}

export const localityImporter: EntityImporter<Input> = {
  entity: 'localities',
  fields: [
    {
      key: 'name',
      label: 'fields.name',
      required: true,
      guesses: ['nombre', 'name', 'nome', 'localidad', 'locality', 'localidade', 'ciudad', 'city', 'cidade'],
    },
    {
      key: 'nativeName',
      label: 'fields.nativeName',
      guesses: [
        'nombre original',
        'nombre nativo',
        'native name',
        'nome original',
        'nombre en chino',
        'chinese name',
        'original name',
        'chino',
        '中文',
        'original',
      ],
    },
    { key: 'country', label: 'fields.country', required: true, guesses: ['pais', 'country', 'país'] },
    { key: 'level', label: 'fields.level', guesses: ['nivel', 'level', 'tipo', 'type'] },
    { key: 'parent', label: 'fields.parentId', guesses: ['parte de', 'pertenece a', 'part of', 'parent', 'provincia', 'province', 'estado'] },
  ],
  parse(values, lookup) {
    const problems: RowProblem[] = [];
    const country = parseCountry(values.country ?? null);
    if (country === null) problems.push(problem('country', 'import.errors.country', { value: text(values.country ?? null) }));
    const lv = level(values.level ?? null);
    if (lv === null) problems.push(problem('level', 'import.errors.choice', { value: text(values.level ?? null) }));
    let parentId: number | null = null;
    const parentName = text(values.parent ?? null);
    if (parentName) {
      parentId = findLocalityByName(lookup, parentName, country ?? null);
      if (parentId === null) problems.push(problem('parent', 'import.errors.unknownLocality', { value: parentName }));
    }
    const input = validate(
      localityCreate,
      { name: text(values.name ?? null), nativeName: text(values.nativeName ?? null), country: country ?? '', level: lv ?? 'city', parentId },
      problems,
    );
    const duplicateOf = input ? findLocalityByName(lookup, input.name, input.country) : null;
    return { input: problems.length ? null : input, problems, notes: [], duplicateOf };
  },
  async create(input, ctx, lookup) {
    const created: Locality = await createLocality(input, ctx);
    rememberLocality(lookup, created.id, created.name, created.nativeName, created.country);
  },
  async merge(id, input, ctx) {
    const existing = await findLocality(ctx.db, id);
    if (!existing) return;
    const { name: _n, country: _c, ...rest } = input;
    const merged = fillBlanks({ ...existing }, rest);
    await updateLocality({ ...merged, id, version: existing.version }, ctx);
  },
};
