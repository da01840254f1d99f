import path from 'node:path';
import type { CsvEncoding, ImportEntity, ImportPreview, ImportPreviewRow, ImportResult } from '../../../../shared/contract/imports.ts';
import { AppFailure } from '../../../../shared/contract/result.ts';
import type { Ctx } from '../../app/context.ts';
import { officeLocaleOf } from '../../features/settings/store.ts';
import { toAppError } from '../../app/errors.ts';
import { checkCancelled } from '../../app/job.ts';
import { inTransaction, type Savepoint } from '../../app/mutation.ts';
import { takeBackup } from '../../backup/service.ts';
import { agreementImporter } from './entities/agreements.ts';
import { commitmentImporter } from './entities/commitments.ts';
import { contactImporter } from './entities/contacts.ts';
import { localityImporter } from './entities/localities.ts';
import { taskImporter } from './entities/tasks.ts';
import { visitImporter } from './entities/visits.ts';
import { guessMapping, problem, type EntityImporter, type Lookup, type ParsedRow, type RowProblem } from './entity.ts';
import { readSheet, type Sheet } from './read.ts';
import { isUncomputed, text, type Cell } from './values.ts';

// One module per importable entity; a feature adds its importer here. Each importer keeps its own input
// type: the engine is generic in it, and this hands the chosen importer to it.
function withImporter<R>(entity: ImportEntity, use: <I>(importer: EntityImporter<I>) => R): R {
  switch (entity) {
    case 'localities':
      return use(localityImporter);
    case 'agreements':
      return use(agreementImporter);
    case 'contacts':
      return use(contactImporter);
    case 'visits':
      return use(visitImporter);
    case 'commitments':
      return use(commitmentImporter);
    case 'tasks':
      return use(taskImporter);
  }
}

type Request = {
  entity: ImportEntity;
  fileName: string;
  contentBase64: string;
  mapping?: Record<string, number | null> | undefined;
  encoding?: CsvEncoding | undefined;
};
type Outcome<I> = { line: number; cells: Cell[]; row: ParsedRow<I>; action: 'created' | 'merged' | 'skipped' | 'rejected' };
type Run<I> = { sheet: Sheet; mapping: Record<string, number | null>; unmapped: string[]; outcomes: Outcome<I>[] };

const PREVIEW_OK_ROWS = 50;

/** Thrown to roll a preview's transaction back once every row has been tried. */
const ROLLBACK = new Error('preview');

/**
 * Runs the import row by row inside one transaction: each row is parsed after
 * the rows above it were written, so a partner or parent created three rows up
 * is found, and a row repeated in the file is a duplicate. A preview runs the very
 * same code and rolls back, so what it shows is what the import will do.
 */
type Plan<I> = { importer: EntityImporter<I>; sheet: Sheet; mapping: Record<string, number | null>; unmapped: string[] };

/** Reads the file and settles which column feeds which field; an import (not a preview) with a required field unmapped stops here. */
function planImport<I>(importer: EntityImporter<I>, request: Request, keep: boolean): Plan<I> {
  const sheet = readSheet(request.fileName, Buffer.from(request.contentBase64, 'base64'), { encoding: request.encoding });
  const mapping = { ...guessMapping(sheet.headers, importer.fields), ...(request.mapping ?? {}) };
  for (const [k, v] of Object.entries(mapping)) if (v !== null && v >= sheet.headers.length) mapping[k] = null;
  const unmapped = importer.fields.filter((f) => f.required && mapping[f.key] === null).map((f) => f.key);
  if (unmapped.length && keep) {
    throw new AppFailure({ kind: 'conflict', message: `import.errors.unmapped|${JSON.stringify({ fields: unmapped.join(', ') })}` });
  }
  return { importer, sheet, mapping, unmapped };
}

/**
 * One row's values by field, and a problem on each field whose cell is a
 * formula saved without its result (we cannot know what it computes).
 */
function rowValues<I>(plan: Plan<I>, cells: Cell[]): { values: Record<string, Cell>; formulas: RowProblem[] } {
  const values: Record<string, Cell> = {};
  const formulas: RowProblem[] = [];
  for (const field of plan.importer.fields) {
    const index = plan.mapping[field.key];
    const cell = index === null || index === undefined ? null : (cells[index] ?? null);
    if (isUncomputed(cell)) formulas.push(problem(field.key, 'import.errors.formula', { value: text(cell) }));
    values[field.key] = isUncomputed(cell) ? null : cell;
  }
  return { values, formulas };
}

function parseRow<I>(plan: Plan<I>, cells: Cell[], lookup: Lookup): ParsedRow<I> {
  const { values, formulas } = rowValues(plan, cells);
  const row = plan.importer.parse(values, lookup);
  if (formulas.length) {
    // The formula is the problem on its field, not the blank it was read as.
    const onFormula = new Set(formulas.map((f) => f.field));
    row.problems = [...formulas, ...row.problems.filter((p) => !onFormula.has(p.field))];
  }
  return row;
}

/**
 * Whether an import would write anything: some row is valid on its own and not
 * a duplicate to skip. (A row valid only thanks to a row above it needs that
 * row, which is valid on its own.) Nothing written, no copy taken.
 */
function anyRowToWrite<I>(plan: Plan<I>, duplicates: 'skip' | 'merge', sqlite: Lookup['sqlite'], locale: string): boolean {
  const lookup: Lookup = { sqlite, cache: new Map(), locale };
  return plan.sheet.rows.some(({ cells }) => {
    const row = parseRow(plan, cells, lookup);
    return row.problems.length === 0 && row.input !== null && !(row.duplicateOf !== null && duplicates === 'skip');
  });
}

/**
 * Runs the import row by row inside one transaction: each row is parsed after
 * the rows above it were written, so a partner or parent created three rows up
 * is found, and a row repeated in the file is a duplicate. A preview runs the very
 * same code and rolls back, so what it shows is what the import will do.
 */
async function runImport<I>(plan: Plan<I>, duplicates: 'skip' | 'merge', ctx: Ctx, keep: boolean): Promise<Run<I>> {
  const { importer, sheet, mapping, unmapped } = plan;
  const sqlite = ctx.opened.sqlite;
  const locale = await officeLocaleOf(ctx.db);
  // The preview's run, kept here when the transaction is rolled back.
  const preview: { run: Run<I> | null } = { run: null };
  const work = async (trx: Ctx, savepoint: Savepoint): Promise<Run<I>> => {
    const lookup: Lookup = { sqlite, cache: new Map(), locale };
    const outcomes: Outcome<I>[] = [];
    for (const { line, cells } of sheet.rows) {
      // Cancel throws out of the transaction: nothing of the import is kept.
      checkCancelled(ctx.job);
      ctx.job.onProgress(outcomes.length, sheet.rows.length);
      const row = parseRow(plan, cells, lookup);
      let action: Outcome<I>['action'] = 'rejected';
      if (row.problems.length === 0 && row.input) {
        if (row.duplicateOf !== null && duplicates === 'skip') action = 'skipped';
        else {
          // A row the database still refuses is undone alone and reported; the rows around it stand.
          try {
            const { input, duplicateOf } = row;
            await savepoint(() => (duplicateOf !== null ? importer.merge(duplicateOf, input, trx, lookup) : importer.create(input, trx, lookup)));
            action = duplicateOf !== null ? 'merged' : 'created';
          } catch (error) {
            // A read-only file, a full disk or anything unexpected is not this row's fault: the whole import is undone.
            if (!isRowLevel(error)) throw error;
            lookup.cache.clear();
            row.problems.push({ field: null, message: describe(error) });
          }
        }
      }
      outcomes.push({ line, cells, row, action });
    }
    ctx.job.onProgress(outcomes.length, sheet.rows.length);
    const run: Run<I> = { sheet, mapping, unmapped, outcomes };
    if (!keep) {
      preview.run = run;
      throw ROLLBACK;
    }
    return run;
  };
  try {
    return await inTransaction(ctx, work);
  } catch (error) {
    if (error === ROLLBACK && preview.run) return preview.run;
    throw error;
  }
}

function isRowLevel(error: unknown): boolean {
  const kind = toAppError(error, () => {}).kind;
  return kind === 'validation' || kind === 'conflict' || kind === 'not_found';
}

function describe(error: unknown): string {
  const reason = toAppError(error, () => {});
  if (reason.kind === 'validation') return reason.issues[0]?.message ?? 'errors.invalid';
  if (reason.kind === 'not_found') return 'errors.not_found';
  return reason.message;
}

export function previewImport(request: Request, ctx: Ctx): Promise<ImportPreview> {
  return withImporter(request.entity, (importer) => previewWith(importer, request, ctx));
}

async function previewWith<I>(importer: EntityImporter<I>, request: Request, ctx: Ctx): Promise<ImportPreview> {
  const plan = planImport(importer, request, false);
  const { sheet, mapping, unmapped, outcomes } = await runImport(plan, 'skip', ctx, false);
  let shownOk = 0;
  const shown: ImportPreviewRow[] = [];
  for (const { line, cells, row } of outcomes) {
    const interesting = row.problems.length > 0 || row.duplicateOf !== null || row.notes.length > 0;
    if (!interesting && shownOk >= PREVIEW_OK_ROWS) continue;
    if (!interesting) shownOk++;
    shown.push({ line, values: cells.map(text), problems: row.problems, notes: row.notes, duplicateOf: row.duplicateOf });
  }
  const invalid = outcomes.filter((o) => o.row.problems.length > 0).length;
  return {
    headers: sheet.headers,
    encoding: sheet.encoding,
    fields: plan.importer.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
    mapping,
    unmapped,
    rows: shown,
    totals: {
      rows: outcomes.length,
      valid: unmapped.length ? 0 : outcomes.length - invalid,
      invalid: unmapped.length ? outcomes.length : invalid,
      duplicates: outcomes.filter((o) => o.row.problems.length === 0 && o.row.duplicateOf !== null).length,
    },
  };
}

/**
 * Imports every valid row in one transaction: all of them or, if anything
 * fails, none. Once the file is read, its columns mapped and some row is to be
 * written, a copy of the data file is taken first, so even a wrong import can
 * be undone from Settings → Backups; a refused file or one with nothing to
 * import leaves no copy behind.
 */
export function commitImport(request: Request & { duplicates: 'skip' | 'merge' }, ctx: Ctx): Promise<ImportResult> {
  return withImporter(request.entity, (importer) => commitWith(importer, request, ctx));
}

async function commitWith<I>(importer: EntityImporter<I>, request: Request & { duplicates: 'skip' | 'merge' }, ctx: Ctx): Promise<ImportResult> {
  const { sqlite, path: dbPath } = ctx.opened;
  checkCancelled(ctx.job);
  const plan = planImport(importer, request, true);
  const backup = anyRowToWrite(plan, request.duplicates, sqlite, await officeLocaleOf(ctx.db))
    ? await takeBackup(sqlite, dbPath, 'before-import', ctx.now())
    : null;
  const { outcomes } = await runImport(plan, request.duplicates, ctx, true);
  const count = (action: Outcome<I>['action']) => outcomes.filter((o) => o.action === action).length;
  return {
    created: count('created'),
    merged: count('merged'),
    skipped: count('skipped'),
    rejected: count('rejected'),
    backup: backup ? path.basename(backup.file) : null,
  };
}
