import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AgreementDate, HomeSummary, QuietAgreement } from '../../../../shared/contract/home.ts';
import { PENDING_TASK_STATUSES } from '../../../../shared/contract/tasks.ts';
import type { VisitRow } from '../../../../shared/contract/visits.ts';
import { addDays, addMonths } from '../../app/dates.ts';
import type { DB } from '../../db/schema.ts';
import { toTasks } from '../tasks/queries.ts';
import { selectVisitRow, visitsWithPlace } from '../visits/queries.ts';

const SHOWN = 20;

/**
 * What counts as activity under an agreement (`a` in the query) since `cutoff`.
 * Each entry is one EXISTS; an agreement with none of them is "quiet".
 * COMMITMENTS: the commitments feature adds its entry here (e.g. a commitment
 * created, due or delivered since the cutoff).
 */
export const ACTIVITY_SOURCES: ((cutoff: string) => RawBuilder<SqlBool>)[] = [
  // A visit under the agreement that ended on or after the cutoff, or is still to come; cancelled ones do not count.
  (cutoff) => sql<SqlBool>`EXISTS (SELECT 1 FROM visit_agreements va JOIN visits v ON v.id = va.visit_id
    WHERE va.agreement_id = a.id AND v.ends_on >= ${cutoff} AND v.status <> 'cancelled')`,
  // A task about the agreement created, completed or due since the cutoff.
  (cutoff) => sql<SqlBool>`EXISTS (SELECT 1 FROM tasks t WHERE t.agreement_id = a.id
    AND (t.created_at >= ${cutoff} OR t.completed_on >= ${cutoff} OR t.due_on >= ${cutoff}))`,
  // A commitment under the agreement made, due or delivered on since the cutoff; cancelled ones do not count.
  (cutoff) => sql<SqlBool>`EXISTS (SELECT 1 FROM commitments c WHERE c.agreement_id = a.id AND c.cancelled_at IS NULL
    AND (c.created_at >= ${cutoff} OR c.due_on >= ${cutoff}
      OR EXISTS (SELECT 1 FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on >= ${cutoff})))`,
];

/** The latest dated thing that happened under an agreement, to show beside a quiet one. */
const LAST_ACTIVITY = sql<string | null>`max(
  coalesce((SELECT max(v.ends_on) FROM visit_agreements va JOIN visits v ON v.id = va.visit_id WHERE va.agreement_id = a.id AND v.status <> 'cancelled'), ''),
  coalesce((SELECT max(coalesce(t.completed_on, substr(t.created_at, 1, 10))) FROM tasks t WHERE t.agreement_id = a.id), ''),
  coalesce((SELECT max(max(substr(c.created_at, 1, 10), coalesce((SELECT max(d.delivered_on) FROM deliveries d WHERE d.commitment_id = c.id), '')))
    FROM commitments c WHERE c.agreement_id = a.id AND c.cancelled_at IS NULL), '')
)`;

/** The statements behind the home screen, exposed so the benchmark times the same SQL. */
export function homeQueries(db: Kysely<DB>, today: string, windowDays: number) {
  const pending = [...PENDING_TASK_STATUSES];
  const week = addDays(today, 6);
  const windowEnd = addDays(today, windowDays);
  const cutoff = addMonths(today, -12);
  const overdue = db.selectFrom('tasks').where('status', 'in', pending).where('due_on', '<', today);
  const dueThisWeek = db.selectFrom('tasks').where('status', 'in', pending).where('due_on', '>=', today).where('due_on', '<=', week);
  const live = db
    .selectFrom('agreements as a')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .where('a.archived_at', 'is', null)
    .where('a.stage', '!=', 'ended');
  return {
    overdueCount: overdue.select((eb) => eb.fn.countAll<number>().as('n')),
    overdueRows: overdue.selectAll().orderBy('due_on').orderBy('id').limit(SHOWN),
    weekCount: dueThisWeek.select((eb) => eb.fn.countAll<number>().as('n')),
    weekRows: dueThisWeek.selectAll().orderBy('due_on').orderBy('id').limit(SHOWN),
    nextVisits: selectVisitRow(
      visitsWithPlace(db).where('v.archived_at', 'is', null).where('v.status', 'in', ['planned', 'confirmed']).where('v.ends_on', '>=', today),
    )
      .orderBy('v.starts_on')
      .orderBy('v.id')
      .limit(5),
    agreementDates: live
      .select(['a.id as agreementId', 'l.name as partnerName', 'l.native_name as partnerNativeName', 'a.renewal_on', 'a.expires_on'])
      .where((eb) =>
        eb.or([eb.between('a.renewal_on', today, windowEnd), eb.between('a.expires_on', today, windowEnd)]),
      ),
    quiet: live
      .select(['a.id as agreementId', 'l.name as partnerName', 'l.native_name as partnerNativeName', 'a.stage', LAST_ACTIVITY.as('lastActivityOn')])
      // Only agreements old enough to have been quiet for a year.
      .where(sql<SqlBool>`coalesce(a.signed_on, a.letter_of_intent_on, substr(a.created_at, 1, 10)) <= ${cutoff}`)
      .where((eb) => eb.not(eb.or(ACTIVITY_SOURCES.map((source) => source(cutoff)))))
      .orderBy('l.search_text')
      .limit(SHOWN),
  };
}

export async function homeSummary(db: Kysely<DB>, today: string, windowDays: number): Promise<HomeSummary> {
  const q = homeQueries(db, today, windowDays);
  const [overdueCount, overdueRows, weekCount, weekRows, nextVisits, dated, quiet] = await Promise.all([
    q.overdueCount.executeTakeFirstOrThrow(),
    q.overdueRows.execute(),
    q.weekCount.executeTakeFirstOrThrow(),
    q.weekRows.execute(),
    q.nextVisits.execute(),
    q.agreementDates.execute(),
    q.quiet.execute(),
  ]);
  const windowEnd = addDays(today, windowDays);
  const within = (d: string | null): d is string => d !== null && d >= today && d <= windowEnd;
  const agreementDates: AgreementDate[] = dated
    .flatMap((a) => [
      ...(within(a.renewal_on) ? [{ ...a, which: 'renewal' as const, date: a.renewal_on }] : []),
      ...(within(a.expires_on) ? [{ ...a, which: 'expiry' as const, date: a.expires_on }] : []),
    ])
    .map(({ renewal_on: _r, expires_on: _e, ...rest }) => rest)
    .sort((x, y) => x.date.localeCompare(y.date) || x.agreementId - y.agreementId);
  return {
    today,
    windowDays,
    overdue: { total: overdueCount.n, rows: await toTasks(db, overdueRows) },
    dueThisWeek: { total: weekCount.n, rows: await toTasks(db, weekRows) },
    nextVisits: nextVisits as VisitRow[],
    agreementDates,
    quietAgreements: quiet.map((r) => ({ ...r, lastActivityOn: r.lastActivityOn || null })) as QuietAgreement[],
  };
}
