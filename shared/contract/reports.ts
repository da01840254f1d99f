import { z } from './zod-messages.ts';
import { id, isoDate } from './common.ts';
import { language } from './settings.ts';
import { COUNTRY_CODES } from '../countries.ts';

/** Whose way of writing numbers and dates: absent, the office's region; a country code, that country's. */
const region = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRY_CODES.has(c), 'errors.country')
  .optional();

export const REPORT_KINDS = ['annual', 'agreement', 'visit', 'commitments'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const reportYear = z.number().int().min(1950).max(2100);

/** Which report, for what, in which language: the same shape for the screen, the CLI and tests. */
export const reportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual'), year: reportYear, language, region }).strict(),
  z.object({ kind: z.literal('agreement'), id, language, region }).strict(),
  z.object({ kind: z.literal('visit'), id, language, region }).strict(),
  /** Without a partner: the statement for all partners. `asAt`: as it stood at the end of that day (not after today); default today. */
  z.object({ kind: z.literal('commitments'), partnerId: id.optional(), asAt: isoDate.optional(), language, region }).strict(),
]);
export type ReportRequest = z.infer<typeof reportRequest>;

export const reportGenerate = z
  .object({
    report: reportRequest,
    /** `save` asks the desktop shell for a save dialog; `download` returns the bytes (npm run web, CLI). */
    target: z.enum(['download', 'save']).default('download'),
  })
  .strict();

export type ReportFigure = { label: string; value: string };
export type ReportPreview = { title: string; figures: ReportFigure[] };

export type ReportFile =
  | { fileName: string; delivered: 'bytes'; base64: string }
  | { fileName: string; delivered: 'saved'; path: string }
  | { fileName: string; delivered: 'cancelled' };

export const REPORT_ASSETS = ['logo', 'houseStyle'] as const;
export type ReportAssetKind = (typeof REPORT_ASSETS)[number];
/** 8 MB of file, as base64 is a third bigger. */
export const MAX_ASSET_BASE64 = 11_200_000;

export const reportAssetSet = z
  .object({
    kind: z.enum(REPORT_ASSETS),
    fileName: z.string().trim().min(1).max(255),
    base64: z.string().min(1).max(MAX_ASSET_BASE64, 'reportsErrors.too_large'),
  })
  .strict();
export const reportAssetRemove = z.object({ kind: z.enum(REPORT_ASSETS) }).strict();

export type ReportAssets = {
  logo: { fileName: string; width: number; height: number; type: 'png' | 'jpg' } | null;
  houseStyle: { fileName: string } | null;
};

export const reportOpen = z.object({ path: z.string().min(1).max(4096) }).strict();
