import { fieldError } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { sampleLoaded } from '../sample/public.ts';
import { readSettings, readSettingsView, writeSettings } from './store.ts';
import { userById } from '../users/public.ts';

/** A new file: no office name and no record of any kind yet. A file already in use is never asked to set up. */
async function needsSetup(db: Kysely<DB>): Promise<boolean> {
  if ((await readSettings(db)).officeName) return false;
  for (const table of ['localities', 'agreements', 'contacts', 'visits', 'tasks', 'office_events'] as const) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return false;
  }
  return true;
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update' | 'app.info'> = {
  'app.info': async (_input, ctx) => ({
    dbPath: ctx.opened.path,
    schemaVersion: ctx.opened.schemaVersion,
    appVersion: APP_VERSION,
    sampleLoaded: sampleLoaded(ctx.opened.sqlite),
    needsSetup: await needsSetup(ctx.db),
  }),
  // A signed-in user who chose a language sees the app in it; the office's setting stays the office's.
  'settings.get': async (_input, ctx) => {
    const view = await readSettingsView(ctx.db);
    const own = ctx.actor.userId === null ? null : (await userById(ctx.db, ctx.actor.userId))?.language;
    return own ? { ...view, language: own } : view;
  },
  'settings.update': mutation(async (input, ctx) => {
    if (input.ownLocalityId) {
      const exists = await ctx.db.selectFrom('localities').select('id').where('id', '=', input.ownLocalityId).executeTakeFirst();
      if (!exists) throw fieldError(['ownLocalityId'], 'errors.not_found');
    }
    const before = await readSettings(ctx.db);
    await writeSettings(ctx.db, input);
    const after = await readSettings(ctx.db);
    await ctx.audit('settings', 0, 'update', before, after);
    return readSettingsView(ctx.db);
  }),
};

export const APP_VERSION = '0.1.0';
