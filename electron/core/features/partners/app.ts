import { notFound } from '../../../../shared/contract/result.ts';
import { today } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { partnerPeople } from './people.ts';
import { partnerStory } from './story.ts';
import { partnerTimeline } from './timeline.ts';

// A partner's page: read calls only; every write stays with the record's own feature.
export const partnerHandlers: Handlers<'partners.story' | 'partners.timeline' | 'partners.people'> = {
  'partners.story': ({ id }, ctx) => partnerStory(ctx.db, ctx.opened.path, id, today(ctx)),
  'partners.timeline': async (input, ctx) => {
    // An unknown partner is said as such, not shown as an empty story.
    const found = await ctx.db.selectFrom('localities').select('id').where('id', '=', input.id).executeTakeFirst();
    if (!found) throw notFound('locality', input.id);
    return partnerTimeline(ctx.db, input);
  },
  'partners.people': (input, ctx) => partnerPeople(ctx.db, input),
};
