import type { CallParsed } from '../../../../shared/contract/index.ts';
import { present } from '../../../../shared/narrow.ts';
import { fieldError } from '../../../../shared/contract/result.ts';
import { placeKeys } from '../../../../shared/text/place-key.ts';
import type { Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { createLocality } from '../localities/app.ts';
import { similarLocalities } from '../localities/similar.ts';
import { knownCity } from '../places/gazetteer.ts';
import { readSettings, readSettingsView, writeSettings } from '../settings/store.ts';

type Office = CallParsed<'settings.office'>;

/** The own city: the one chosen, else the same place already known (by name in its country), else a new city. */
async function ownCity(input: Office, ctx: Ctx): Promise<number> {
  if (input.ownLocalityId !== null) {
    const chosen = await ctx.db.selectFrom('localities').select('id').where('id', '=', input.ownLocalityId).executeTakeFirst();
    if (!chosen) throw fieldError(['ownLocalityId'], 'errors.not_found');
    return chosen.id;
  }
  // Checked by the contract: without an id, both name and country are given.
  const place = { name: present(input.cityName, 'a city name'), nativeName: input.cityNativeName, country: present(input.cityCountry, 'a city country') };
  const wanted = new Set(placeKeys(place));
  const known = (await similarLocalities(ctx.db, place)).find((l) => !l.archivedAt && placeKeys(l).some((k) => wanted.has(k)));
  if (known) return known.id;
  // Placed on the map straight away when the bundled gazetteer knows the city by that name in that country.
  const point = await knownCity(place);
  return (await createLocality({ ...place, level: 'city', parentId: null, latitude: point?.latitude ?? null, longitude: point?.longitude ?? null }, ctx)).id;
}

/** Writes the office's part (and whatever else is given), with the settings' audit row; the caller's transaction. */
async function writeOffice(input: Office, more: { country?: string | null; currency?: string | null; staff?: string[] }, ctx: Ctx) {
  const ownLocalityId = await ownCity(input, ctx);
  const before = await readSettings(ctx.db);
  // The person using the app is one of the staff, so "My tasks" and the assignee lists know them.
  const staff = [...new Set([input.userName, ...(more.staff ?? before.staff)].filter(Boolean))];
  await writeSettings(ctx.db, { officeName: input.officeName, ownLocalityId, userName: input.userName, language: input.language, ...more, staff });
  await ctx.audit('settings', 0, 'update', before, await readSettings(ctx.db));
  return readSettingsView(ctx.db);
}

export const setupHandlers: Handlers<'setup.complete' | 'settings.office'> = {
  /** Everything the set-up asks, in one transaction: all of it or nothing. */
  'setup.complete': mutation(async ({ country, currency, staff, ...office }, ctx) => writeOffice(office, { country, currency, staff }, ctx)),
  /** Settings' "Office" section: the same, with a new own city created in the same transaction. */
  'settings.office': mutation(async (input, ctx) => writeOffice(input, {}, ctx)),
};
