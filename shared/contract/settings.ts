import { z } from './zod-messages.ts';
import { id, optionalText } from './common.ts';

export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const language = z.enum(LANGUAGES);

const signatureText = z.string().trim().max(200);
export const signaturesShape = z
  .object({ preparedName: signatureText, preparedTitle: signatureText, approvedName: signatureText, approvedTitle: signatureText })
  .strict();
export type Signatures = z.infer<typeof signaturesShape>;

export const settingsShape = z.object({
  officeName: z.string().trim().max(200),
  ownLocalityId: id.nullable(),
  userName: z.string().trim().max(100),
  language,
  /** The office's people, offered as task assignees. */
  staff: z.array(z.string().trim().min(1).max(100)).max(100),
  /** How many days ahead the home screen looks for renewals and expiries. */
  reminderWindowDays: z.number().int().min(1).max(366),
  /** Optional: printed at the end of the annual report, the trip report and the statement. */
  signatures: signaturesShape,
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  ownLocalityId: null,
  userName: '',
  language: 'es',
  staff: [],
  reminderWindowDays: 60,
  signatures: { preparedName: '', preparedTitle: '', approvedName: '', approvedTitle: '' },
};

export const settingsUpdate = settingsShape.partial();

export const areaCreate = z.object({ name: optionalText(100).refine((v) => v !== null, 'errors.required') });

export type ThematicArea = { id: number; code: string | null; name: string | null; agreements: number };

export type AppInfo = { dbPath: string; schemaVersion: number; appVersion: string; sampleLoaded: boolean };
