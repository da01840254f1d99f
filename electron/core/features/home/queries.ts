import type { Kysely } from 'kysely';
import type { AgreementDate, HomeSummary } from '../../../../shared/contract/home.ts';
import { PENDING_TASK_STATUSES } from '../../../../shared/contract/tasks.ts';
import { addDays, addMonths } from '../../../../shared/dates.ts';
import type { DB } from '../../db/schema.ts';
import { activitySince, lastActivityOn } from '../agreements/public.ts';
import { toTasks } from '../tasks/public.ts';
import { selectVisitRow, visitsWithPlace } from '../visits/public.ts';

const SHOWN = 20;

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
      .where((eb) => eb.or([eb.between('a.renewal_on', today, windowEnd), eb.between('a.expires_on', today, windowEnd)])),
    quiet: live
      .select(['a.id as agreementId', 'l.name as partnerName', 'l.native_name as partnerNativeName', 'a.stage', lastActivityOn(today).as('lastActivityOn')])
      // Its own signature and stage dates are events too, so one signed or begun within the year is not listed.
      .where((eb) => eb.not(activitySince(cutoff)))
      .orderBy('l.search_text')
      .limit(SHOWN),
  };
}

export async function homeSummary(db: Kysely<DB>, today: string, windowDays: number): Promise<HomeSummary> {
  const q = homeQueries(db, today, windowDays);
  const [overdueCount, overdueRows, weekCount, weekRows, nextVisits, dated, quiet, agreements] = await Promise.all([
    q.overdueCount.executeTakeFirstOrThrow(),
    q.overdueRows.execute(),
    q.weekCount.executeTakeFirstOrThrow(),
    q.weekRows.execute(),
    q.nextVisits.execute(),
    q.agreementDates.execute(),
    q.quiet.execute(),
    db
      .selectFrom('agreements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
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
    nextVisits: nextVisits,
    agreementDates,
    quietAgreements: quiet,
    agreementCount: agreements.n,
  };
}
