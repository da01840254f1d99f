import { sql, type Kysely } from 'kysely';
import { notFound } from '../../../../shared/contract/result.ts';
import { formatDate } from '../../../../shared/format.ts';
import type { Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import type { DB } from '../../db/schema.ts';
import { refuseIfUsed } from '../audit/public.ts';
import { officeLocaleOf } from '../settings/public.ts';
import { findAgreement } from './queries.ts';

/** `locale` writes the dates a refusal names the way the office writes them (never ISO). */
type Dependent = { message: string; names(db: Kysely<DB>, agreementId: number, locale: string): Promise<string[]> };

const names = (query: ReturnType<typeof sql<{ name: string }>>, db: Kysely<DB>) => query.execute(db).then((r) => r.rows.map((x) => x.name));

/**
 * What may hang from an agreement, checked in this order before deleting it;
 * the first kind found is named in the refusal. A feature adding records that
 * point at agreements adds one entry.
 */
export const AGREEMENT_DEPENDENTS: Dependent[] = [
  {
    message: 'deletionErrors.agreement_visits',
    names: (db, id, locale) =>
      sql<{
        purpose: string;
        startsOn: string;
      }>`SELECT v.purpose, v.starts_on AS startsOn FROM visit_agreements va JOIN visits v ON v.id = va.visit_id WHERE va.agreement_id = ${id} ORDER BY v.starts_on DESC`
        .execute(db)
        .then((r) => r.rows.map((v) => `${v.purpose} (${formatDate(v.startsOn, locale)})`)),
  },
  {
    message: 'deletionErrors.agreement_tasks',
    names: (db, id) => names(sql<{ name: string }>`SELECT title AS name FROM tasks WHERE agreement_id = ${id} ORDER BY id`, db),
  },
  {
    message: 'deletionErrors.agreement_commitments',
    names: (db, id) => names(sql<{ name: string }>`SELECT description AS name FROM commitments WHERE agreement_id = ${id} ORDER BY id`, db),
  },
  {
    message: 'deletionErrors.agreement_events',
    names: (db, id) => names(sql<{ name: string }>`SELECT title AS name FROM office_events WHERE agreement_id = ${id} ORDER BY id`, db),
  },
  {
    message: 'deletionErrors.agreement_attachments',
    names: (db, id) =>
      names(sql<{ name: string }>`SELECT file_name AS name FROM attachment_links WHERE entity = 'agreement' AND entity_id = ${id} ORDER BY id`, db),
  },
];

/** Deleting is for an agreement entered by mistake; one with any history is archived instead. */
async function deleteAgreement({ id }: { id: number }, ctx: Ctx) {
  const before = await findAgreement(ctx.db, id);
  if (!before) throw notFound('agreement', id);
  const locale = await officeLocaleOf(ctx.db);
  for (const dependent of AGREEMENT_DEPENDENTS) refuseIfUsed(dependent.message, await dependent.names(ctx.db, id, locale));
  const { partner: _p, areas: _a, stages: _s, ...own } = before;
  await ctx.db.deleteFrom('agreements').where('id', '=', id).execute();
  await ctx.audit('agreement', id, 'delete', own, null);
  return { id };
}

export const agreementDeleteHandlers: Handlers<'agreements.delete'> = {
  'agreements.delete': mutation(undoable('agreements.delete', deleteAgreement)),
};
