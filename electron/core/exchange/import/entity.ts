import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { withParams } from '../../../../shared/contract/result.ts';
import { foldText } from '../../../../shared/text/search-key.ts';
import type { Ctx } from '../../app/context.ts';
import type { Cell } from './values.ts';

/** A field of an entity the user maps a column to; `label` is an i18n key, `guesses` are header names in es/pt/en. */
export type FieldSpec = { key: string; label: string; required?: boolean; guesses: readonly string[] };

/** A problem of one row: which field, and an i18n message (`key|params`). */
export type RowProblem = { field: string | null; message: string };

export type ParsedRow<I> = { input: I | null; problems: RowProblem[]; notes: string[]; duplicateOf: number | null };

/** Lookups loaded once per import (10,000 rows must not mean 10,000 queries per reference). */
export type Lookup = {
  sqlite: Database.Database;
  /** Per-entity caches, filled lazily by the entity modules. */
  cache: Map<string, unknown>;
  /** The office's locale: amounts typed as text in a sheet are read the office's region's way. */
  locale: string;
};

/**
 * One importable entity: its fields, how a row becomes the contract's input,
 * which existing record a row repeats, and how to create or merge it through the
 * same code the forms use (validation, audit, search keys).
 */
export type EntityImporter<I> = {
  entity: string;
  fields: readonly FieldSpec[];
  parse(values: Record<string, Cell>, lookup: Lookup): ParsedRow<I>;
  create(input: I, ctx: Ctx, lookup: Lookup): Promise<void>;
  /** Fills what the existing record lacks with the row's values; never overwrites what is there. */
  merge(existingId: number, input: I, ctx: Ctx, lookup: Lookup): Promise<void>;
};

export const problem = (field: string | null, key: string, params?: Record<string, unknown>): RowProblem => ({
  field,
  message: withParams(key, params),
});

/** Turns the contract schema's verdict into row problems, each on its field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, problems: RowProblem[]): z.output<S> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push({ field: String(issue.path[0] ?? '') || null, message: issue.message });
  return null;
}

/** Keeps the existing value; takes the row's only where the record has none. */
export function fillBlanks<T extends Record<string, unknown>>(existing: T, incoming: Partial<T>): T {
  const out: Record<string, unknown> = { ...existing };
  for (const [k, v] of Object.entries(incoming)) {
    const have = out[k];
    const empty = have === null || have === undefined || have === '' || (Array.isArray(have) && have.length === 0);
    if (empty && v !== null && v !== undefined && v !== '') out[k] = v;
  }
  return out as T;
}

export const fold = foldText;

/**
 * Guesses which column holds which field from the header names: an exact
 * (accent- and case-folded) match first, then a header containing a guess.
 */
export function guessMapping(headers: readonly string[], fields: readonly FieldSpec[]): Record<string, number | null> {
  const mapping: Record<string, number | null> = Object.fromEntries(fields.map((f) => [f.key, null]));
  const used = new Set<number>();
  const folded = headers.map(fold);
  for (const exact of [true, false]) {
    for (const field of fields) {
      if (mapping[field.key] !== null) continue;
      // Longer guesses first: "fecha de firma" before "firma".
      const guesses = [...field.guesses].map(fold).sort((a, b) => b.length - a.length);
      const index = folded.findIndex((h, i) => !used.has(i) && guesses.some((g) => (exact ? h === g : h.includes(g))));
      if (index >= 0) {
        mapping[field.key] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}
