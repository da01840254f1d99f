import { z } from './zod-messages.ts';
import { id, optionalText } from './common.ts';
import { COUNTRY_CODES } from '../countries.ts';
import { isCurrency } from '../money.ts';
import type { OfficeRegion } from '../region.ts';

import { LANGUAGES } from '../languages.ts';
export { LANGUAGES, type Language } from '../languages.ts';
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
  /** The office's country (ISO 3166-1): how numbers and dates are written. Null: its own locality's country. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => COUNTRY_CODES.has(c), 'errors.country')
    .nullable(),
  /** The currency new amounts start in (ISO 4217). Null: the country's. */
  currency: z.string().trim().toUpperCase().refine(isCurrency, 'moneyErrors.currency').nullable(),
  /** The office's people, offered as task assignees. */
  staff: z.array(z.string().trim().min(1).max(100)).max(100),
  /** How many days ahead the home screen looks for renewals and expiries. */
  reminderWindowDays: z.number().int().min(1).max(366),
  /** Optional: printed at the end of the annual report, the trip report and the statement. */
  signatures: signaturesShape,
  /** Office server: a session unused this many hours ends (the next click shows the login). */
  sessionIdleHours: z.number().int().min(1).max(72),
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  ownLocalityId: null,
  userName: '',
  language: 'es',
  country: null,
  currency: null,
  staff: [],
  reminderWindowDays: 60,
  signatures: { preparedName: '', preparedTitle: '', approvedName: '', approvedTitle: '' },
  sessionIdleHours: 8,
};

/** What `settings.get` answers: the stored choices and the region they come to. */
export type SettingsView = Settings & { region: OfficeRegion };

export const settingsUpdate = settingsShape.partial();

export const areaCreate = z.object({ name: optionalText(100).refine((v) => v !== null, 'errors.required') });

export type ThematicArea = { id: number; code: string | null; name: string | null; agreements: number };

export type AppInfo = {
  dbPath: string;
  schemaVersion: number;
  appVersion: string;
  sampleLoaded: boolean;
  /** A new, empty file nobody has set up yet: Home offers the first-run set-up. */
  needsSetup: boolean;
};
