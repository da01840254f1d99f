import { z } from './zod-messages.ts';

export const EXPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;

export const exportRequest = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** CSV is one table per file: which one. */
    table: z
      .string()
      .regex(/^[a-z_]+$/, 'errors.invalid')
      .optional(),
  })
  .strict()
  .refine((v) => v.format !== 'csv' || !!v.table, { path: ['table'], message: 'errors.required' });

export type ExportedFile = { fileName: string; mimeType: string; contentBase64: string };
export type ExportTables = { tables: { name: string; rows: number }[] };
