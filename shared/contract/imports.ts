import { z } from './zod-messages.ts';

export const IMPORT_ENTITIES = ['localities', 'agreements', 'contacts', 'visits', 'commitments', 'tasks'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** 10 MB of spreadsheet, as base64 (4/3 larger); the web server's body limit is 20 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/** The encodings a CSV is read in: detected from its bytes, or chosen in the preview when the guess is wrong. */
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'gb18030', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const importPreview = z
  .object({
    entity: z.enum(IMPORT_ENTITIES),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z
      .string()
      .min(1, 'import.errors.emptyFile')
      .max(MAX_BASE64, `import.errors.tooLarge|${JSON.stringify({ max: MAX_IMPORT_BYTES / 1024 / 1024 })}`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'errors.invalid'),
    /** Field → column index; absent = guess from the header names. */
    mapping: z.record(z.string().max(50), z.number().int().min(0).max(500).nullable()).optional(),
    /** A CSV's encoding; absent = detect it. Ignored for a workbook. */
    encoding: z.enum(CSV_ENCODINGS).optional(),
  })
  .strict();

export const importCommit = importPreview.extend({ duplicates: z.enum(['skip', 'merge']).default('skip') }).strict();

export type ImportRowProblem = { field: string | null; message: string };
export type ImportPreviewRow = {
  line: number;
  values: string[];
  problems: ImportRowProblem[];
  notes: string[];
  duplicateOf: number | null;
};
export type ImportPreview = {
  headers: string[];
  /** The encoding a CSV was read in (detected or chosen); null for a workbook. */
  encoding: CsvEncoding | null;
  fields: { key: string; label: string; required: boolean }[];
  mapping: Record<string, number | null>;
  /** Required fields no column is mapped to: nothing can be imported until they are. */
  unmapped: string[];
  /** Every row with a problem or a duplicate, and the first rows besides, for the screen. */
  rows: ImportPreviewRow[];
  totals: { rows: number; valid: number; invalid: number; duplicates: number };
};
export type ImportResult = { created: number; merged: number; skipped: number; rejected: number; backup: string | null };
