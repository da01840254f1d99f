import { today } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { readSetting } from '../settings/public.ts';
import { homeSummary } from './queries.ts';

export const homeHandlers: Handlers<'home.summary'> = {
  'home.summary': async (_input, ctx) => homeSummary(ctx.db, today(ctx), await readSetting(ctx.db, 'reminderWindowDays')),
};
