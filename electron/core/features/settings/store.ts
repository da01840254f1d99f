import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, settingsShape, type Settings, type SettingsView } from '../../../../shared/contract/settings.ts';
import { currencyForCountry, officeLocale, type OfficeRegion } from '../../../../shared/region.ts';
import type { DB } from '../../db/schema.ts';

export async function readSetting<K extends keyof Settings>(db: Kysely<DB>, key: K): Promise<Settings[K]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS[key];
  // A value from an older or hand-edited file that no longer fits falls back to the default.
  const parsed = settingsShape.shape[key].safeParse(JSON.parse(row.value));
  return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function readSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsShape.shape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as Settings;
}

export async function writeSettings(db: Kysely<DB>, values: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

/** The office's country and currency: as chosen in Settings, else its own locality's country and that country's currency. */
export async function regionOf(db: Kysely<DB>, settings: Settings): Promise<OfficeRegion> {
  let country = settings.country;
  if (!country && settings.ownLocalityId !== null) {
    const own = await db.selectFrom('localities').select('country').where('id', '=', settings.ownLocalityId).executeTakeFirst();
    country = own?.country ?? null;
  }
  return { country, currency: settings.currency ?? currencyForCountry(country) };
}

export async function readSettingsView(db: Kysely<DB>): Promise<SettingsView> {
  const settings = await readSettings(db);
  return { ...settings, region: await regionOf(db, settings) };
}

/** The office's locale (es-UY…) for what the server writes for people: amounts it reads, exports, notifications. */
export async function officeLocaleOf(db: Kysely<DB>, language?: Settings['language']): Promise<string> {
  const settings = await readSettings(db);
  return officeLocale(language ?? settings.language, (await regionOf(db, settings)).country);
}
