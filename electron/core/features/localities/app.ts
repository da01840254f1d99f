import type { CallParsed } from '../../../../shared/contract/index.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { archiveRecord, checkVersion } from '../audit/public.ts';
import { findLocality, listLocalities, pageOfLocalities } from './queries.ts';
import { similarLocalities } from './similar.ts';

async function mustFind(ctx: Ctx, id: number) {
  const found = await findLocality(ctx.db, id);
  if (!found) throw notFound('locality', id);
  return found;
}

async function checkParent(ctx: Ctx, id: number | null, parentId: number | null) {
  // Walk up from the new parent: meeting ourselves would make a loop.
  let current = parentId;
  for (let depth = 0; current !== null && depth < 50; depth++) {
    if (current === id) throw fieldError(['parentId'], 'errors.parent_loop');
    const row = await ctx.db.selectFrom('localities').select('parent_id').where('id', '=', current).executeTakeFirst();
    if (!row) throw fieldError(['parentId'], 'errors.not_found');
    current = row.parent_id;
  }
}

export async function createLocality(input: CallParsed<'localities.create'>, ctx: Ctx, sample: 'real' | 'invented' | null = null) {
  await checkParent(ctx, null, input.parentId);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('localities')
    .values({
      name: input.name,
      native_name: input.nativeName,
      country: input.country,
      level: input.level,
      parent_id: input.parentId,
      latitude: input.latitude,
      longitude: input.longitude,
      sample,
      search_text: searchKey(input.name, input.nativeName),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await mustFind(ctx, id);
  await ctx.audit('locality', id, 'create', null, created);
  return created;
}

export async function updateLocality(input: CallParsed<'localities.update'>, ctx: Ctx) {
  const before = await mustFind(ctx, input.id);
  checkVersion(before, input.version);
  await checkParent(ctx, input.id, input.parentId);
  await ctx.db
    .updateTable('localities')
    .set({
      name: input.name,
      native_name: input.nativeName,
      country: input.country,
      level: input.level,
      parent_id: input.parentId,
      latitude: input.latitude,
      longitude: input.longitude,
      search_text: searchKey(input.name, input.nativeName),
      version: before.version + 1,
      updated_at: stamp(ctx),
    })
    .where('id', '=', input.id)
    .execute();
  const after = await mustFind(ctx, input.id);
  await ctx.audit('locality', input.id, 'update', before, after);
  return after;
}

const setArchived =
  (archived: boolean) =>
  async ({ id }: { id: number }, ctx: Ctx) => {
    await archiveRecord(ctx, 'localities', 'locality', id, archived, (i) => mustFind(ctx, i));
    return mustFind(ctx, id);
  };

export const localityHandlers: Handlers<
  | 'localities.list'
  | 'localities.page'
  | 'localities.get'
  | 'localities.similar'
  | 'localities.create'
  | 'localities.update'
  | 'localities.archive'
  | 'localities.restore'
> = {
  'localities.list': (input, ctx) => listLocalities(ctx.db, input),
  'localities.page': (input, ctx) => pageOfLocalities(ctx.db, input),
  'localities.get': ({ id }, ctx) => mustFind(ctx, id),
  'localities.similar': (input, ctx) => similarLocalities(ctx.db, input),
  'localities.create': mutation((input, ctx) => createLocality(input, ctx)),
  'localities.update': mutation(updateLocality),
  'localities.archive': mutation(undoable('localities.archive', setArchived(true))),
  'localities.restore': mutation(setArchived(false)),
};
