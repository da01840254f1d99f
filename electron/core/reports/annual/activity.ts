import { sql, type Kysely } from 'kysely';
import { sumByCurrency, type MoneyTotal } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';
import type { CostsByPayer } from '../../../../shared/contract/visits.ts';
import { cancelledOnSql, deliveredBetweenSql, deliveredBySql, deliveryValues, inYearSql } from '../../features/figures/commitments.ts';
import { addCosts, emptyCosts, HOST_SIDE, visitCosts, visitHeldSql, visitListedInYearSql } from '../../features/figures/visits.ts';
import { groupBy } from '../group.ts';

// The year's visits, commitments and tasks, for the annual report. Each list
// is one query over the year's rows plus one per child table (participants,
// outcomes), so a large office costs a handful of statements, not one per visit.

/** `country`: the person's locality's, which tells the language of a native name (shared/names.ts). */
export type VisitPerson = { name: string; nativeName: string | null; country: string | null; role: string };
export type AnnualVisit = {
  id: number;
  startsOn: string;
  endsOn: string;
  direction: 'inbound' | 'outbound';
  status: string;
  place: { name: string; nativeName: string | null; country: string } | null;
  partners: { name: string; nativeName: string | null; country: string }[];
  purpose: string;
  participants: VisitPerson[];
  /** People received (inbound) or who travelled (outbound): participants who are not the host side. */
  people: number;
  outcomes: string[];
  areaIds: number[];
  /** Begun or done by the report's date: counted; else listed as still to come. */
  held: boolean;
  /** Per currency, the office's apart from the partner's and third parties'. */
  costs: CostsByPayer;
};

export type AnnualCommitment = {
  id: number;
  partnerName: string;
  partnerNative: string | null;
  partnerCountry: string;
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

/** Per kind and direction, the year's commitments: how many, the quantity promised (not cancelled by the year's end), the quantity delivered in the year. */
export type KindLine = { kind: string; direction: 'give' | 'receive'; commitments: number; promised: number; delivered: number };
export type DonationLine = { direction: 'give' | 'receive'; totals: MoneyTotal[] };
export type PendingTask = { id: number; title: string; dueOn: string | null; assignee: string | null; priority: string };

export type AnnualActivity = {
  visits: AnnualVisit[];
  /** The year's commitments by the year rule (features/figures/commitments.ts: made, due, delivered, cancelled or still open in it). */
  commitments: AnnualCommitment[];
  byKind: KindLine[];
  donations: DonationLine[];
  scholarshipsAwarded: number;
  /** The costs of the visits counted in the year (not those still to come). */
  visitCosts: CostsByPayer;
  tasksCompleted: number;
  tasksOpenAtYearEnd: number;
  /** Open at the year's end: the first commitments not fully delivered and the first open tasks, by due date. */
  pendingCommitments: AnnualCommitment[];
  pendingCommitmentsTotal: number;
  pendingTasks: PendingTask[];
};

/** A large office has thousands of open items: the report lists the first ones by due date and says how many there are. */
const PENDING_SHOWN = 60;

export async function loadAnnualActivity(db: Kysely<DB>, year: number, today: string): Promise<AnnualActivity> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const endStamp = `${year}-12-31T23:59:59.999Z`;
  const nextEnd = `${year + 1}-12-31`;
  // A task counts from its due date, or from when it was recorded when it has none:
  // offices type in past years' work afterwards, so recording time alone would hide it.
  const openAtEnd = sql`status <> 'cancelled' AND (completed_on IS NULL OR completed_on > ${end})
    AND (CASE WHEN due_on IS NULL THEN created_at <= ${endStamp} ELSE due_on <= ${nextEnd} END)`;

  const visitRows = (
    await sql<{
      id: number;
      startsOn: string;
      endsOn: string;
      direction: 'inbound' | 'outbound';
      status: string;
      purpose: string;
      placeName: string | null;
      placeNative: string | null;
      placeCountry: string | null;
    }>`
      SELECT v.id, v.starts_on AS startsOn, v.ends_on AS endsOn, v.direction, v.status, v.purpose,
             l.name AS placeName, l.native_name AS placeNative, l.country AS placeCountry
      FROM visits v LEFT JOIN localities l ON l.id = v.locality_id
      WHERE ${visitListedInYearSql(year)}
      ORDER BY v.starts_on, v.ends_on, v.id`.execute(db)
  ).rows;
  const inYear = sql`(SELECT v.id FROM visits v WHERE ${visitListedInYearSql(year)})`;
  const [people, outcomes, partners, costs] = await Promise.all([
    sql<{ visitId: number; role: string; name: string; nativeName: string | null; country: string | null }>`
      SELECT p.visit_id AS visitId, p.role, c.name, c.native_name AS nativeName, cl.country
      FROM visit_participants p JOIN contacts c ON c.id = p.contact_id LEFT JOIN localities cl ON cl.id = c.locality_id
      WHERE p.visit_id IN ${inYear} ORDER BY p.visit_id, p.position, p.id`.execute(db),
    sql<{ visitId: number; text: string }>`
      SELECT visit_id AS visitId, text FROM visit_outcomes WHERE visit_id IN ${inYear} ORDER BY visit_id, position, id`.execute(db),
    sql<{ visitId: number; name: string; nativeName: string | null; country: string; areas: string | null }>`
      SELECT va.visit_id AS visitId, l.name, l.native_name AS nativeName, l.country,
             (SELECT group_concat(aa.area_id) FROM agreement_areas aa WHERE aa.agreement_id = a.id) AS areas
      FROM visit_agreements va JOIN agreements a ON a.id = va.agreement_id JOIN localities l ON l.id = a.partner_id
      WHERE va.visit_id IN ${inYear} ORDER BY va.visit_id, l.search_text`.execute(db),
    visitCosts(db, inYear),
  ]);
  const held = new Set(
    (await sql<{ id: number }>`SELECT v.id FROM visits v WHERE ${visitListedInYearSql(year)} AND ${visitHeldSql(today)}`.execute(db)).rows.map((r) => r.id),
  );
  const group = <T extends { visitId: number }>(rows: T[]) => groupBy(rows, (r) => r.visitId);
  const peopleBy = group(people.rows);
  const outcomesBy = group(outcomes.rows);
  const partnersBy = group(partners.rows);
  const visits: AnnualVisit[] = visitRows.map((v) => {
    const participants = (peopleBy.get(v.id) ?? []).map(({ name, nativeName, country, role }) => ({ name, nativeName, country, role }));
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
      partners: links.map(({ name, nativeName, country }) => ({ name, nativeName, country })),
      participants,
      people: participants.filter((p) => !hostSide.includes(p.role)).length,
      outcomes: (outcomesBy.get(v.id) ?? []).map((o) => o.text),
      areaIds: [...new Set(links.flatMap((l) => (l.areas ? l.areas.split(',').map(Number) : [])))],
      costs: costs.get(v.id) ?? emptyCosts(),
      held: held.has(v.id),
    };
  });

  // One query over the year's commitments (the year rule) with what arrived in and by the year.
  const commitmentRows = (
    await sql<Omit<AnnualCommitment, 'cancelledByYearEnd'> & { cancelledOn: string | null }>`
      SELECT c.id, l.name AS partnerName, l.native_name AS partnerNative, l.country AS partnerCountry, c.kind, c.direction, c.description, c.quantity, c.unit,
             c.due_on AS dueOn, c.area_id AS areaId, ${cancelledOnSql} AS cancelledOn,
             ${deliveredBetweenSql(start, end)} AS deliveredInYear, ${deliveredBySql(end)} AS deliveredByYearEnd
      FROM commitments c JOIN agreements a ON a.id = c.agreement_id JOIN localities l ON l.id = a.partner_id
      WHERE a.archived_at IS NULL AND ${inYearSql(year)}
      ORDER BY c.due_on IS NULL, c.due_on, c.id`.execute(db)
  ).rows;
  const commitments: AnnualCommitment[] = commitmentRows.map(({ cancelledOn, ...c }) => ({
    ...c,
    cancelledByYearEnd: cancelledOn !== null && cancelledOn <= end,
  }));
  // Open at the year's end: every such commitment belongs to the year (it was still open in it).
  const openAtYearEnd = commitments.filter((c) => !c.cancelledByYearEnd && c.deliveredByYearEnd < c.quantity);
  const pendingCommitments = openAtYearEnd.slice(0, PENDING_SHOWN);

  const lines = new Map<string, KindLine>();
  for (const c of commitments) {
    const key = `${c.kind}|${c.direction}`;
    const line = lines.get(key) ?? { kind: c.kind, direction: c.direction, commitments: 0, promised: 0, delivered: 0 };
    line.commitments += 1;
    if (!c.cancelledByYearEnd) line.promised += c.quantity;
    line.delivered += c.deliveredInYear;
    lines.set(key, line);
  }

  const [donationRows, taskCounts, openTasks] = await Promise.all([
    sql<{ direction: 'give' | 'receive'; currency: string | null; minor: number | null }>`
      SELECT c.direction, d.currency, d.minor
      FROM ${deliveryValues} d JOIN commitments c ON c.id = d.commitment_id JOIN agreements a ON a.id = c.agreement_id
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
    scholarshipsAwarded: commitments.filter((c) => c.kind === 'scholarship').reduce((n, c) => n + c.deliveredInYear, 0),
    visitCosts: addCosts(visits.filter((v) => v.held).map((v) => v.costs)),
    tasksCompleted: taskCounts.rows[0]?.completed ?? 0,
    tasksOpenAtYearEnd: taskCounts.rows[0]?.open ?? 0,
    pendingCommitments,
    pendingCommitmentsTotal: openAtYearEnd.length,
    pendingTasks: openTasks.rows,
  };
}
