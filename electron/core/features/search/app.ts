import { today } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { pick, searchAll } from './queries.ts';

export const searchHandlers: Handlers<'search.global' | 'search.pick'> = {
  'search.global': (input, ctx) => searchAll(ctx.db, input, today(ctx)),
  'search.pick': (input, ctx) => pick(ctx.db, input, today(ctx)),
};
