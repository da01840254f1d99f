import { sql } from 'kysely';
import { fieldError } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import type { Ctx } from '../../app/context.ts';
import { foldText } from '../../../../shared/text/search-key.ts';

async function listAreas(ctx: Ctx) {
  return ctx.db
    .selectFrom('thematic_areas as t')
    .select(['t.id', 't.code', 't.name', sql<number>`(SELECT count(*) FROM agreement_areas aa WHERE aa.area_id = t.id)`.as('agreements')])
    .orderBy('t.id')
    .execute();
}

export const areaHandlers: Handlers<'areas.list' | 'areas.create'> = {
  'areas.list': (_input, ctx) => listAreas(ctx),
  'areas.create': mutation(async ({ name }, ctx) => {
    const wanted = foldText(name);
    const existing = (await listAreas(ctx)).find((a) => a.name !== null && foldText(a.name) === wanted);
    if (existing) throw fieldError(['name'], 'errors.duplicate');
    const { id } = await ctx.db.insertInto('thematic_areas').values({ code: null, name }).returning('id').executeTakeFirstOrThrow();
    await ctx.audit('thematic_area', id, 'create', null, { name });
    return { id, code: null, name, agreements: 0 };
  }),
};
