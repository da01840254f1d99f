import { officeEventFields, type OfficeEvent } from '../../../../shared/contract/calendar.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import { checkVersion } from '../audit/public.ts';

type Fields = CallParsed<'officeEvents.create'>;
type Sample = 'real' | 'invented' | null;

export async function findOfficeEvent(ctx: Pick<Ctx, 'db'>, id: number): Promise<OfficeEvent | null> {
  const row = await ctx.db
    .selectFrom('office_events as e')
    .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
    .leftJoin('localities as l', 'l.id', 'a.partner_id')
    .selectAll('e')
    .select(['l.name as partnerName'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    allDay: row.all_day === 1,
    start: row.starts_at,
    end: row.ends_at,
    place: row.place,
    notes: row.notes,
    agreementId: row.agreement_id,
    agreementLabel: row.partnerName,
    version: row.version,
    sample: row.sample,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function mustFind(ctx: Ctx, id: number) {
  const found = await findOfficeEvent(ctx, id);
  if (!found) throw notFound('office_event', id);
  return found;
}

/** What the audit log keeps: the event's own fields, not the joined label. */
function snapshot(e: OfficeEvent) {
  const { agreementLabel: _label, ...own } = e;
  return own;
}

async function checkAgreement(ctx: Ctx, agreementId: number | null) {
  if (agreementId === null) return;
  const found = await ctx.db.selectFrom('agreements').select('archived_at').where('id', '=', agreementId).executeTakeFirst();
  if (!found) throw fieldError(['agreementId'], 'errors.not_found');
  if (found.archived_at) throw fieldError(['agreementId'], 'calendarErrors.agreement_archived');
}

function columns(input: Fields) {
  return {
    title: input.title,
    all_day: input.allDay ? 1 : 0,
    starts_at: input.start,
    ends_at: input.end,
    place: input.place,
    notes: input.notes,
    agreement_id: input.agreementId,
    search_text: searchKey(input.title, input.place, input.notes),
  };
}

export async function createOfficeEvent(input: Fields, ctx: Ctx, sample: Sample = null) {
  await checkAgreement(ctx, input.agreementId);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('office_events')
    .values({ ...columns(input), sample, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await mustFind(ctx, id);
  await ctx.audit('office_event', id, 'create', null, snapshot(created));
  return created;
}

export async function updateOfficeEvent(input: CallParsed<'officeEvents.update'>, ctx: Ctx) {
  const before = await mustFind(ctx, input.id);
  checkVersion(before, input.version);
  if (before.archivedAt) throw fieldError(['title'], 'calendarErrors.event_deleted');
  if (input.agreementId !== before.agreementId) await checkAgreement(ctx, input.agreementId);
  await ctx.db
    .updateTable('office_events')
    .set({ ...columns(input), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', input.id)
    .execute();
  const after = await mustFind(ctx, input.id);
  await ctx.audit('office_event', input.id, 'update', snapshot(before), snapshot(after));
  return after;
}

/** A drag is an edit of the dates only, checked by the same schema the form uses. */
export async function moveOfficeEvent(input: CallParsed<'officeEvents.move'>, ctx: Ctx) {
  const current = await mustFind(ctx, input.id);
  const parsed = officeEventFields.safeParse({ ...current, allDay: input.allDay, start: input.start, end: input.end });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fieldError(issue?.path.map(String) ?? ['start'], issue?.message ?? 'errors.invalid');
  }
  return updateOfficeEvent({ ...parsed.data, id: input.id, version: input.version }, ctx);
}

/** Deleting keeps the row, marked (the audit log tells the story); the undo bar takes it back. */
export async function deleteOfficeEvent(ctx: Ctx, id: number) {
  const before = await mustFind(ctx, id);
  if (before.archivedAt !== null) return before;
  await ctx.db
    .updateTable('office_events')
    .set({ archived_at: stamp(ctx), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', id)
    .execute();
  const after = await mustFind(ctx, id);
  await ctx.audit('office_event', id, 'delete', snapshot(before), snapshot(after));
  return after;
}

export { mustFind as mustFindOfficeEvent };
