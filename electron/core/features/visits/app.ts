import type { CallParsed } from '../../../../shared/contract/index.ts';
import type { Visit } from '../../../../shared/contract/visits.ts';
import { conflict, fieldError, notFound } from '../../../../shared/contract/result.ts';
import { present } from '../../../../shared/narrow.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { archiveRecord, checkVersion, refuseIfUsed } from '../audit/public.ts';
import { createContact } from '../contacts/public.ts';
import { createTask } from '../tasks/public.ts';
import { findVisit, listVisits } from './queries.ts';

type Fields = CallParsed<'visits.create'>;

async function mustFind(ctx: Ctx, id: number) {
  const found = await findVisit(ctx.db, id);
  if (!found) throw notFound('visit', id);
  return found;
}

/** What the audit keeps: what the user typed, not the names and tasks joined for display. */
function snapshot(v: Visit) {
  const { locality: _l, agreements: _a, tasks: _t, costTotals: _c, ...own } = v;
  return { ...own, participants: v.participants.map((p) => ({ contactId: p.contactId, role: p.role })) };
}

async function checkReferences(ctx: Ctx, input: Fields, keptContacts: ReadonlySet<number>) {
  if (input.localityId !== null) {
    const found = await ctx.db.selectFrom('localities').select('id').where('id', '=', input.localityId).executeTakeFirst();
    if (!found) throw fieldError(['localityId'], 'errors.not_found');
  }
  if (input.agreementIds.length) {
    const found = await ctx.db.selectFrom('agreements').select('id').where('id', 'in', input.agreementIds).execute();
    if (found.length !== new Set(input.agreementIds).size) throw fieldError(['agreementIds'], 'errors.not_found');
  }
  const ids = input.participants.map((p) => p.contactId).filter((c): c is number => c !== null);
  if (ids.length) {
    const rows = await ctx.db.selectFrom('contacts').select(['id', 'archived_at']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, p] of input.participants.entries()) {
      if (p.contactId === null) continue;
      const contact = byId.get(p.contactId);
      if (!contact) throw fieldError(['participants', i, 'contactId'], 'errors.not_found');
      // Someone already on the visit may since have been archived; adding them anew is refused.
      if (contact.archived_at && !keptContacts.has(p.contactId)) throw fieldError(['participants', i, 'contactId'], 'visitsErrors.contact_archived');
    }
  }
}

function columns(input: Fields) {
  return {
    direction: input.direction,
    status: input.status,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    locality_id: input.localityId,
    venue: input.venue,
    purpose: input.purpose,
    dietary_notes: input.dietaryNotes,
    interpreter_notes: input.interpreterNotes,
    notes: input.notes,
    search_text: searchKey(input.purpose, input.venue, input.notes),
  };
}

/** Rewrites the visit's lists from the form; outcomes keep their id (and so their task). */
async function writeChildren(ctx: Ctx, visitId: number, input: Fields, sample: 'real' | 'invented' | null) {
  const db = ctx.db;
  for (const table of ['visit_agreements', 'visit_participants', 'visit_agenda_items', 'visit_costs', 'visit_gifts'] as const) {
    await db.deleteFrom(table).where('visit_id', '=', visitId).execute();
  }
  const agreementIds = [...new Set(input.agreementIds)];
  if (agreementIds.length)
    await db
      .insertInto('visit_agreements')
      .values(agreementIds.map((agreement_id) => ({ visit_id: visitId, agreement_id })))
      .execute();

  for (const [position, p] of input.participants.entries()) {
    const contactId =
      p.contactId ?? (await createContact(present(p.newContact, 'a contact id or a new contact'), ctx, sample, ['participants', position, 'newContact'])).id;
    await db.insertInto('visit_participants').values({ visit_id: visitId, contact_id: contactId, role: p.role, position }).execute();
  }
  if (input.agenda.length) {
    await db
      .insertInto('visit_agenda_items')
      .values(
        input.agenda.map((a, position) => ({
          visit_id: visitId,
          position,
          on_date: a.onDate,
          at_time: a.atTime,
          place: a.place,
          what: a.what,
          with_whom: a.withWhom,
        })),
      )
      .execute();
  }
  if (input.costs.length) {
    await db
      .insertInto('visit_costs')
      .values(
        input.costs.map((c, position) => ({ visit_id: visitId, position, item: c.item, amount_minor: c.amountMinor, currency: c.currency, paid_by: c.paidBy })),
      )
      .execute();
  }
  if (input.gifts.length) {
    await db
      .insertInto('visit_gifts')
      .values(
        input.gifts.map((g, position) => ({
          visit_id: visitId,
          position,
          direction: g.direction,
          what: g.what,
          counterpart: g.counterpart,
          value_minor: g.valueMinor,
          currency: g.currency,
        })),
      )
      .execute();
  }

  const existing = new Set((await db.selectFrom('visit_outcomes').select('id').where('visit_id', '=', visitId).execute()).map((o) => o.id));
  const kept = new Set<number>();
  for (const [position, o] of input.outcomes.entries()) {
    if (o.id !== null) {
      if (!existing.has(o.id)) throw fieldError(['outcomes', position, 'text'], 'errors.not_found');
      kept.add(o.id);
      await db.updateTable('visit_outcomes').set({ text: o.text, position }).where('id', '=', o.id).execute();
    } else {
      await db.insertInto('visit_outcomes').values({ visit_id: visitId, position, text: o.text }).execute();
    }
  }
  const dropped = [...existing].filter((o) => !kept.has(o));
  if (dropped.length) await db.deleteFrom('visit_outcomes').where('id', 'in', dropped).execute();
}

export async function createVisit(input: Fields, ctx: Ctx, sample: 'real' | 'invented' | null = null) {
  await checkReferences(ctx, input, new Set());
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('visits')
    .values({ ...columns(input), sample, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeChildren(ctx, id, input, sample);
  const created = await mustFind(ctx, id);
  await ctx.audit('visit', id, 'create', null, snapshot(created));
  return created;
}

/** Also used by the spreadsheet import to merge a row into an existing visit. */
export async function updateVisit(input: CallParsed<'visits.update'>, ctx: Ctx) {
  const before = await mustFind(ctx, input.id);
  checkVersion(before, input.version);
  await checkReferences(ctx, input, new Set(before.participants.map((p) => p.contactId)));
  await ctx.db
    .updateTable('visits')
    .set({ ...columns(input), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', input.id)
    .execute();
  await writeChildren(ctx, input.id, input, null);
  const after = await mustFind(ctx, input.id);
  await ctx.audit('visit', input.id, 'update', snapshot(before), snapshot(after));
  return after;
}

/** One outcome becomes a follow-up task linked to the visit; the outcome remembers it. */
export async function outcomeToTask(input: CallParsed<'visits.outcomeToTask'>, ctx: Ctx, sample: 'real' | 'invented' | null = null) {
  const outcome = await ctx.db.selectFrom('visit_outcomes').selectAll().where('id', '=', input.outcomeId).executeTakeFirst();
  if (!outcome) throw notFound('outcome', input.outcomeId);
  if (outcome.task_id !== null) throw conflict('visitsErrors.outcome_has_task');
  const before = await mustFind(ctx, outcome.visit_id);
  const title = outcome.text.length > 300 ? `${outcome.text.slice(0, 299)}…` : outcome.text;
  const task = await createTask(
    {
      title,
      description: outcome.text.length > 300 ? outcome.text : null,
      dueOn: input.dueOn,
      assignee: input.assignee,
      priority: input.priority,
      status: 'open',
      completedOn: null,
      link: { kind: 'visit', id: outcome.visit_id },
    },
    ctx,
    sample,
  );
  await ctx.db.updateTable('visit_outcomes').set({ task_id: task.id }).where('id', '=', outcome.id).execute();
  await ctx.audit('visit', outcome.visit_id, 'update', snapshot(before), snapshot(await mustFind(ctx, outcome.visit_id)));
  return task;
}

/** A visit that tasks came from stays (archive it instead), so no follow-up loses its origin. */
async function deleteVisit({ id }: { id: number }, ctx: Ctx) {
  const before = await mustFind(ctx, id);
  refuseIfUsed(
    'visitsErrors.delete_tasks',
    before.tasks.map((t) => t.title),
  );
  // Attachment links carry no foreign key (they point at several tables), so the rule lives here.
  const files = await ctx.db
    .selectFrom('attachment_links')
    .select('file_name')
    .where('entity', '=', 'visit')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
  refuseIfUsed(
    'visitsErrors.delete_attachments',
    files.map((f) => f.file_name),
  );
  await ctx.db.deleteFrom('visits').where('id', '=', id).execute();
  await ctx.audit('visit', id, 'delete', snapshot(before), null);
  return { id };
}

const setArchived =
  (archived: boolean) =>
  async ({ id }: { id: number }, ctx: Ctx) => {
    await archiveRecord(ctx, 'visits', 'visit', id, archived, (i) => mustFind(ctx, i).then(snapshot));
    return mustFind(ctx, id);
  };

export const visitHandlers: Handlers<
  'visits.list' | 'visits.get' | 'visits.create' | 'visits.update' | 'visits.outcomeToTask' | 'visits.archive' | 'visits.restore' | 'visits.delete'
> = {
  'visits.list': (input, ctx) => listVisits(ctx.db, input),
  'visits.get': ({ id }, ctx) => mustFind(ctx, id),
  'visits.create': mutation((input, ctx) => createVisit(input, ctx)),
  'visits.update': mutation(undoable('visits.update', updateVisit)),
  'visits.outcomeToTask': mutation((input, ctx) => outcomeToTask(input, ctx)),
  'visits.archive': mutation(undoable('visits.archive', setArchived(true))),
  'visits.restore': mutation(setArchived(false)),
  'visits.delete': mutation(undoable('visits.delete', deleteVisit)),
};
