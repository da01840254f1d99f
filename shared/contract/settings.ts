import { z } from './zod-messages.ts';
import { id, optionalText } from './common.ts';

export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const language = z.enum(LANGUAGES);

export const settingsShape = z.object({
  officeName: z.string().trim().max(200),
  ownLocalityId: id.nullable(),
  userName: z.string().trim().max(100),
  language,
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '',
  ownLocalityId: null,
  userName: '',
  language: 'es',
};

export const settingsUpdate = settingsShape.partial();

export const areaCreate = z.object({ name: optionalText(100).refine((v) => v !== null, 'errors.required') });

export type ThematicArea = { id: number; code: string | null; name: string | null; agreements: number };

export type AppInfo = { dbPath: string; schemaVersion: number; appVersion: string; sampleLoaded: boolean };
