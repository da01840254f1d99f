// fast-check inputs for a contract call, generated from its zod schema (through
// zod's own JSON Schema export, so every call is covered without a list to keep),
// then mutated around it: dropped and unknown keys, wrong types, values just out
// of range, hostile strings. Test-only.
import fc from 'fast-check';
import { z } from 'zod';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
};

/** Strings that have broken programs before: bidi overrides, NUL, escapes, CJK, a formula, a path, a very long word. */
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'Acta\u202efdp.exe',
  '%E0%A4%A',
  '../../etc/passwd',
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  "'; DROP TABLE agreements; --",
  '林晓明 (Lin Xiaoming)',
  '神戸市',
  'Ñandú São Paulo',
  '\ud800',
  '𠮷野家',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  '2027-02-31',
  '0000-00-00',
];

const character = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-_.,/'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...'上海市漳州北京神戸ñáéíóúãçÑ€¥'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('\u202e', '\u2066', '\u0000', '\n', '\t', '"', '\\', '%', '\ud83d\ude00', '\u200d') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

const text = (min = 0, max = 60) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: character, minLength: min, maxLength: Math.min(max, Math.max(min, 60)) }) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  );

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Ids mostly point at records the sample data has, so calls get past "not found" to their real work. */
const idLike = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 13, max: 2 ** 31 }) });

const base64 = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('base64')),
  fc
    .array(fc.array(text(0, 20), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
    .map((rows) => Buffer.from(rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n')).toString('base64')),
);

/** The special cases by the field's name: where a plain string would never reach the code behind it. */
function byName(key: string, schema: Schema): fc.Arbitrary<unknown> | null {
  if (schema.type !== 'string') return null;
  if (key === 'contentBase64') return base64;
  if (schema.format === 'date') return isoDate;
  return null;
}

export function arbitraryFor(schema: Schema, key = ''): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => arbitraryFor(s, key)));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryFor({ ...schema, type }, key)));
  const named = byName(key, schema);
  if (named) return named;
  switch (schema.type) {
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arbitraryFor(s, k)]));
      const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null;
      if (!extra) return record;
      const keys = schema.propertyNames ? (arbitraryFor(schema.propertyNames) as fc.Arbitrary<string>) : text(1, 20);
      return fc.tuple(record, fc.dictionary(keys, arbitraryFor(extra), { maxKeys: 4 })).map(([r, d]) => ({ ...d, ...r }));
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, key), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 6, 6) });
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
      return text(schema.minLength ?? 0, schema.maxLength ?? 200);
    case 'integer': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -(2 ** 31));
      const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 2 ** 31);
      if (min === 1 && max > 1000) return idLike;
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of the wrong kind or just outside the schema: what a hostile or buggy client sends. */
const wrong = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, -(2 ** 63), '', [], {}, { $base64: 'AA==' }, '9'.repeat(400)),
  fc.constantFrom(...HOSTILE),
  fc.string({ minLength: 200, maxLength: 20_000 }).map((s) => s.repeat(3)),
);

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function setAt(value: unknown, at: Path, next: unknown, remove = false): unknown {
  if (at.length === 0) return next;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = at as [string | number, ...Path];
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, next, remove);
  return copy;
}

/** One input: valid by the schema (about two in three), or one of those with one thing broken. */
export function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema);
  const broken = valid.chain((v) => {
    const all = paths(v);
    return fc.oneof(
      // A value replaced by a wrong one.
      fc.tuple(fc.constantFrom(...all), wrong).map(([at, w]) => setAt(v, at, w)),
      // A key dropped.
      fc.constantFrom(...all.filter((p) => p.length > 0).concat([[]])).map((at) => (at.length ? setAt(v, at, undefined, true) : v)),
      // A key nobody declared.
      fc
        .tuple(fc.constantFrom('__proto__', 'constructor', 'id', 'extra', 'sql'), wrong)
        .map(([k, w]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k]: w } : v)),
      // Not an object at all.
      wrong,
    );
  });
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: broken });
}
