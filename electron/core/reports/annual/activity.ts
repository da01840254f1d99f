import { sql, type Kysely } from 'kysely';
import { sumByCurrency, type MoneyTotal } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';
import { groupBy } from '../group.ts';

// The year's visits, commitments and tasks, for the annual report. Each list
// is one query over the year's rows plus one per child table (participants,
// outcomes), so a large office costs a handful of statements, not one per visit.

export type VisitPerson = { name: string; nativeName: string | null; role: string };
export type AnnualVisit = {
  id: number;
  startsOn: string;
  endsOn: string;
  direction: 'inbound' | 'outbound';
  status: string;
  place: { name: string; nativeName: string | null; country: string } | null;
  partners: { name: string; nativeName: string | null }[];
  purpose: string;
  participants: VisitPerson[];
  /** People received (inbound) or who travelled (outbound): participants who are not the host side. */
  people: number;
  outcomes: string[];
  areaIds: number[];
};

export type AnnualCommitment = {
  id: number;
  partnerName: string;
  partnerNative: string | null;
  kind: string;
  direction: 'give' | 'receive';
  description: string;
  quantity: number;
  unit: string | null;
  dueOn: string | null;
  areaId: number | null;
  deliveredInYear: number;
  deliveredByYearEnd: number;
  cancelledByYearEnd: boolean;
};

export type KindLine = { kind: string; direction: 'give' | 'receive'; promised: number; delivered: number };
export type DonationLine = { direction: 'give' | 'receive'; totals: MoneyTotal[] };
export type PendingTask = { id: number; title: string; dueOn: string | null; assignee: string | null; priority: string };

export type AnnualActivity = {
  visits: AnnualVisit[];
  /** Commitments due or recorded in the year, or with a delivery in it. */
  commitments: AnnualCommitment[];
  byKind: KindLine[];
  donations: DonationLine[];
  scholarshipsAwarded: number;
  tasksCompleted: number;
  tasksOpenAtYearEnd: number;
  /** Open at the year's end: the first commitments not fully delivered and the first open tasks, by due date. */
  pendingCommitments: AnnualCommitment[];
  pendingCommitmentsTotal: number;
  pendingTasks: PendingTask[];
};

/** Roles that are the receiving side of a visit, not the delegation. */
const HOST_SIDE = { inbound: ['host', 'staff'], outbound: ['host'] } as const;
/** A large office has thousands of open items: the report lists the first ones by due date and says how many there are. */
const PENDING_SHOWN = 60;

export async function loadAnnualActivity(db: Kysely<DB>, year: number): Promise<AnnualActivity> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const endStamp = `${year}-12-31T23:59:59.999Z`;
  const nextEnd = `${year + 1}-12-31`;
  // A task counts from its due date, or from when it was recorded when it has none:
  // offices type in past years' work afterwards, so recording time alone would hide it.
  const openAtEnd = sql`status <> 'cancelled' AND (completed_on IS NULL OR completed_on > ${end})
    AND (CASE WHEN due_on IS NULL THEN created_at <= ${endStamp} ELSE due_on <= ${nextEnd} END)`;

  const visitRows = (
    await sql<{ id: number; startsOn: string; endsOn: string; direction: 'inbound' | 'outbound'; status: string; purpose: string; placeName: string | null; placeNative: string | null; placeCountry: string | null }>`
      SELECT v.id, v.starts_on AS startsOn, v.ends_on AS endsOn, v.direction, v.status, v.purpose,
             l.name AS placeName, l.native_name AS placeNative, l.country AS placeCountry
      FROM visits v LEFT JOIN localities l ON l.id = v.locality_id
      WHERE v.archived_at IS NULL AND v.status <> 'cancelled' AND v.starts_on BETWEEN ${start} AND ${end}
      ORDER BY v.starts_on, v.ends_on, v.id`.execute(db)
  ).rows;
  const inYear = sql`(SELECT id FROM visits WHERE archived_at IS NULL AND status <> 'cancelled' AND starts_on BETWEEN ${start} AND ${end})`;
  const [people, outcomes, partners] = await Promise.all([
    sql<{ visitId: number; role: string; name: string; nativeName: string | null }>`
      SELECT p.visit_id AS visitId, p.role, c.name, c.native_name AS nativeName
      FROM visit_participants p JOIN contacts c ON c.id = p.contact_id
      WHERE p.visit_id IN ${inYear} ORDER BY p.visit_id, p.position, p.id`.execute(db),
    sql<{ visitId: number; text: string }>`
      SELECT visit_id AS visitId, text FROM visit_outcomes WHERE visit_id IN ${inYear} ORDER BY visit_id, position, id`.execute(db),
    sql<{ visitId: number; name: string; nativeName: string | null; areas: string | null }>`
      SELECT va.visit_id AS visitId, l.name, l.native_name AS nativeName,
             (SELECT group_concat(aa.area_id) FROM agreement_areas aa WHERE aa.agreement_id = a.id) AS areas
      FROM visit_agreements va JOIN agreements a ON a.id = va.agreement_id JOIN localities l ON l.id = a.partner_id
      WHERE va.visit_id IN ${inYear} ORDER BY va.visit_id, l.search_text`.execute(db),
  ]);
  const group = <T extends { visitId: number }>(rows: T[]) => groupBy(rows, (r) => r.visitId);
  const peopleBy = group(people.rows);
  const outcomesBy = group(outcomes.rows);
  const partnersBy = group(partners.rows);
  const visits: AnnualVisit[] = visitRows.map((v) => {
    const participants = (peopleBy.get(v.id) ?? []).map(({ name, nativeName, role }) => ({ name, nativeName, role }));
    const hostSide: readonly string[] = HOST_SIDE[v.direction];
    const links = partnersBy.get(v.id) ?? [];
    return {
      id: v.id,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      direction: v.direction,
      status: v.status,
      purpose: v.purpose,
      place: v.placeName ? { name: v.placeName, nativeName: v.placeNative, country: v.placeCountry ?? '' } : null,
      partners: links.map(({ name, nativeName }) => ({ name, nativeName })),
      participants,
      people: participants.filter((p) => !hostSide.includes(p.role)).length,
      outcomes: (outcomesBy.get(v.id) ?? []).map((o) => o.text),
      areaIds: [...new Set(links.flatMap((l) => (l.areas ? l.areas.split(',').map(Number) : [])))],
    };
  });

  const commitmentRows = (
    await sql<Omit<AnnualCommitment, 'cancelledByYearEnd'> & { cancelledAt: string | null; createdAt: string }>`
      SELECT c.id, l.name AS partnerName, l.native_name AS partnerNative, c.kind, c.direction, c.description, c.quantity, c.unit,
             c.due_on AS dueOn, c.area_id AS areaId, c.cancelled_at AS cancelledAt, c.created_at AS createdAt,
             coalesce((SELECT sum(d.quantity) FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on BETWEEN ${start} AND ${end}), 0) AS deliveredInYear,
             coalesce((SELECT sum(d.quantity) FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on <= ${end}), 0) AS deliveredByYearEnd
      FROM commitments c JOIN agreements a ON a.id = c.agreement_id JOIN localities l ON l.id = a.partner_id
      WHERE a.archived_at IS NULL AND substr(coalesce(c.due_on, c.created_at), 1, 4) <= ${String(year + 1)}
      ORDER BY coalesce(c.due_on, c.created_at), c.id`.execute(db)
  ).rows;
  const all = commitmentRows.map(({ cancelledAt, createdAt, ...c }) => ({
    ...c,
    cancelledByYearEnd: cancelledAt !== null && cancelledAt <= endStamp,
    countsInYear: (c.dueOn ?? createdAt).slice(0, 4) === String(year),
  }));
  const strip = ({ countsInYear: _, ...c }: (typeof all)[number]): AnnualCommitment => c;
  const commitments = all.filter((c) => c.deliveredInYear > 0 || (c.countsInYear && !c.cancelledByYearEnd)).map(strip);
  // Only commitments due by the end of next year are "pending for next year"; older data typed in later counts too.
  const openAtYearEnd = all.filter((c) => !c.cancelledByYearEnd && c.deliveredByYearEnd < c.quantity);
  const pendingCommitments = openAtYearEnd.slice(0, PENDING_SHOWN).map(strip);

  const lines = new Map<string, KindLine>();
  for (const c of all) {
    const promised = c.countsInYear && !c.cancelledByYearEnd ? c.quantity : 0;
    if (promised === 0 && c.deliveredInYear === 0) continue;
    const key = `${c.kind}|${c.direction}`;
    const line = lines.get(key) ?? { kind: c.kind, direction: c.direction, promised: 0, delivered: 0 };
    line.promised += promised;
    line.delivered += c.deliveredInYear;
    lines.set(key, line);
  }

  const [donationRows, taskCounts, openTasks] = await Promise.all([
    sql<{ direction: 'give' | 'receive'; currency: string | null; minor: number | null }>`
      SELECT c.direction, coalesce(d.currency, c.currency) AS currency,
             coalesce(d.value_minor, CASE WHEN c.value_minor IS NULL THEN NULL ELSE c.value_minor * d.quantity / c.quantity END) AS minor
      FROM deliveries d JOIN commitments c ON c.id = d.commitment_id JOIN agreements a ON a.id = c.agreement_id
      WHERE a.archived_at IS NULL AND c.kind IN ('donation_in_kind', 'donation_in_cash') AND d.delivered_on BETWEEN ${start} AND ${end}`.execute(db),
    sql<{ completed: number; open: number }>`
      SELECT coalesce(sum(completed_on BETWEEN ${start} AND ${end}), 0) AS completed,
             coalesce(sum(${openAtEnd}), 0) AS open
      FROM tasks`.execute(db),
    sql<PendingTask>`
      SELECT id, title, due_on AS dueOn, assignee, priority FROM tasks
      WHERE ${openAtEnd}
      ORDER BY due_on IS NULL, due_on, id LIMIT ${PENDING_SHOWN}`.execute(db),
  ]);
  const donations = (['receive', 'give'] as const)
    .map((direction) => ({ direction, totals: sumByCurrency(donationRows.rows.filter((r) => r.direction === direction)) }))
    .filter((d) => d.totals.length > 0);

  return {
    visits,
    commitments,
    byKind: [...lines.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.direction.localeCompare(b.direction)),
    donations,
    scholarshipsAwarded: all.filter((c) => c.kind === 'scholarship').reduce((n, c) => n + c.deliveredInYear, 0),
    tasksCompleted: taskCounts.rows[0]?.completed ?? 0,
    tasksOpenAtYearEnd: taskCounts.rows[0]?.open ?? 0,
    pendingCommitments,
    pendingCommitmentsTotal: openAtYearEnd.length,
    pendingTasks: openTasks.rows,
  };
}
