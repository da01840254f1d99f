import type { CallParsed } from '../../../../shared/contract/index.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import { formatDate } from '../../../../shared/format.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { archiveRecord, checkVersion, refuseIfUsed } from '../audit/public.ts';
import { officeLocaleOf } from '../settings/public.ts';
import { findContact, listContacts } from './queries.ts';
import { similarContacts } from './similar.ts';

type Fields = CallParsed<'contacts.create'>;

async function mustFind(ctx: Ctx, id: number) {
  const found = await findContact(ctx.db, id);
  if (!found) throw notFound('contact', id);
  return found;
}

/** The audit keeps the contact's own fields, not the visits listed with it. */
function snapshot(c: Awaited<ReturnType<typeof mustFind>>) {
  const { visits: _visits, localityName: _l, localityNativeName: _n, localityCountry: _c, ...own } = c;
  return own;
}

async function checkLocality(ctx: Ctx, localityId: number | null, path: (string | number)[]) {
  if (localityId === null) return;
  const found = await ctx.db.selectFrom('localities').select('id').where('id', '=', localityId).executeTakeFirst();
  if (!found) throw fieldError([...path, 'localityId'], 'errors.not_found');
}

function columns(input: Fields) {
  return {
    name: input.name,
    native_name: input.nativeName,
    title: input.title,
    organisation: input.organisation,
    locality_id: input.localityId,
    languages: input.languages,
    email: input.email,
    phone: input.phone,
    notes: input.notes,
    search_text: searchKey(input.name, input.nativeName, input.title, input.organisation, input.email),
  };
}

/** Also used by the visit form, which may create a participant's contact in the same save. */
export async function createContact(input: Fields, ctx: Ctx, sample: 'real' | 'invented' | null = null, path: (string | number)[] = []) {
  await checkLocality(ctx, input.localityId, path);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('contacts')
    .values({ ...columns(input), sample, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await mustFind(ctx, id);
  await ctx.audit('contact', id, 'create', null, snapshot(created));
  return created;
}

/** Also used by the spreadsheet import to merge a row into an existing contact. */
export async function updateContact(input: CallParsed<'contacts.update'>, ctx: Ctx) {
  const before = await mustFind(ctx, input.id);
  checkVersion(before, input.version);
  await checkLocality(ctx, input.localityId, []);
  await ctx.db
    .updateTable('contacts')
    .set({ ...columns(input), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', input.id)
    .execute();
  const after = await mustFind(ctx, input.id);
  await ctx.audit('contact', input.id, 'update', snapshot(before), snapshot(after));
  return after;
}

/** A contact who took part in a visit stays: the visit's record would lose a person. */
async function deleteContact({ id }: { id: number }, ctx: Ctx) {
  const before = await mustFind(ctx, id);
  const locale = await officeLocaleOf(ctx.db);
  refuseIfUsed(
    'contactsErrors.delete_participant',
    before.visits.map((v) => `${v.purpose} (${formatDate(v.startsOn, locale)})`),
  );
  await ctx.db.deleteFrom('contacts').where('id', '=', id).execute();
  await ctx.audit('contact', id, 'delete', snapshot(before), null);
  return { id };
}

const setArchived =
  (archived: boolean) =>
  async ({ id }: { id: number }, ctx: Ctx) => {
    await archiveRecord(ctx, 'contacts', 'contact', id, archived, (i) => mustFind(ctx, i).then(snapshot));
    return mustFind(ctx, id);
  };

export const contactHandlers: Handlers<
  'contacts.list' | 'contacts.get' | 'contacts.similar' | 'contacts.create' | 'contacts.update' | 'contacts.archive' | 'contacts.restore' | 'contacts.delete'
> = {
  'contacts.list': (input, ctx) => listContacts(ctx.db, input),
  'contacts.get': ({ id }, ctx) => mustFind(ctx, id),
  'contacts.similar': (input, ctx) => similarContacts(ctx.db, input),
  'contacts.create': mutation((input, ctx) => createContact(input, ctx)),
  'contacts.update': mutation(updateContact),
  'contacts.archive': mutation(undoable('contacts.archive', setArchived(true))),
  'contacts.restore': mutation(setArchived(false)),
  'contacts.delete': mutation(undoable('contacts.delete', deleteContact)),
};
