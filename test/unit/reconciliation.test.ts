import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadAnnualReport } from '../../electron/core/reports/annual/data.ts';
import { loadCommitmentsStatement } from '../../electron/core/reports/commitments/data.ts';
import type { Services } from '../../electron/core/services.ts';
import { generateOffice, type OfficeShape } from '../support/generate-office.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// Every figure of the annual report's summary, recomputed here with plain SQL
// over the tables (and small loops over the rows it returns), never with the
// app's own queries; then the same figures asked of the screens' calls through
// the contract. Several generated offices, every year of each.

const OFFICES: OfficeShape[] = [
  { seed: 1, agreements: 4, visits: 10, commitments: 14, tasks: 8, fromYear: 2023, toYear: 2025, today: '2025-06-30' },
  { seed: 2, agreements: 18, visits: 70, commitments: 110, tasks: 50, fromYear: 2021, toYear: 2026, today: '2026-12-04' },
  { seed: 3, agreements: 40, visits: 160, commitments: 260, tasks: 120, fromYear: 2018, toYear: 2026, today: '2026-03-15' },
];

type Money = Record<string, number>;
const addMoney = (m: Money, currency: string, minor: number) => {
  m[currency] = (m[currency] ?? 0) + minor;
};
/** The app's money lists ({currency, minor}[]) as a plain record, zero amounts kept (they are amounts that were recorded). */
const asMoney = (list: { currency: string; minor: number }[]) => Object.fromEntries(list.map((m) => [m.currency, m.minor]));

type Row = Record<string, unknown>;
const all = <T = Row>(db: BetterSqlite3.Database, q: string, ...p: unknown[]) => db.prepare(q).all(...p) as T[];

type CommitmentFacts = {
  id: number;
  kind: string;
  direction: string;
  areaId: number | null;
  quantity: number;
  valueMinor: number | null;
  currency: string | null;
  dueOn: string | null;
  created: string;
  cancelledOn: string | null;
  deliveries: { on: string; quantity: number; valueMinor: number | null; currency: string | null }[];
};

/** Commitments under agreements that are not archived, with their deliveries in date order. */
function commitmentFacts(db: BetterSqlite3.Database): CommitmentFacts[] {
  const rows = all<{
    id: number;
    kind: string;
    direction: string;
    area_id: number | null;
    quantity: number;
    value_minor: number | null;
    currency: string | null;
    due_on: string | null;
    created_at: string;
    cancelled_at: string | null;
  }>(db, `SELECT c.* FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE a.archived_at IS NULL ORDER BY c.id`);
  const deliveries = all<{ commitment_id: number; delivered_on: string; quantity: number; value_minor: number | null; currency: string | null }>(
    db,
    'SELECT * FROM deliveries ORDER BY commitment_id, delivered_on, id',
  );
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    direction: c.direction,
    areaId: c.area_id,
    quantity: c.quantity,
    valueMinor: c.value_minor,
    currency: c.currency,
    dueOn: c.due_on,
    created: c.created_at.slice(0, 10),
    cancelledOn: c.cancelled_at?.slice(0, 10) ?? null,
    deliveries: deliveries
      .filter((d) => d.commitment_id === c.id)
      .map((d) => ({ on: d.delivered_on, quantity: d.quantity, valueMinor: d.value_minor, currency: d.currency })),
  }));
}

/**
 * What each delivery is worth: its own value when it has one; else its share of
 * the promise's value by quantity, counted along the deliveries so that the
 * shares of a fully delivered promise add up to exactly its value.
 */
function deliveryValues(c: CommitmentFacts) {
  const share = (n: number) => (c.valueMinor === null ? 0 : Math.floor((2 * c.valueMinor * n + c.quantity) / (2 * c.quantity)));
  let before = 0;
  return c.deliveries.map((d) => {
    const after = before + d.quantity;
    const value =
      d.valueMinor !== null
        ? { currency: d.currency!, minor: d.valueMinor }
        : c.valueMinor !== null
          ? { currency: c.currency!, minor: share(after) - share(before) }
          : null;
    before = after;
    return { ...d, value };
  });
}

const deliveredBy = (c: CommitmentFacts, day: string) => c.deliveries.filter((d) => d.on <= day).reduce((n, d) => n + d.quantity, 0);
const madeOn = (c: CommitmentFacts) => [c.created, c.dueOn, c.deliveries[0]?.on].filter((d): d is string => !!d).sort()[0]!;
const end = (year: number) => `${year}-12-31`;
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The year rule: made, due, delivered, cancelled or still open in the year. */
function inYear(c: CommitmentFacts, year: number) {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const within = (d: string | null | undefined) => !!d && d >= start && d <= end;
  if (madeOn(c) > end) return false;
  if (within(c.dueOn) || within(c.cancelledOn) || c.deliveries.some((d) => within(d.on))) return true;
  const cancelledBefore = c.cancelledOn !== null && c.cancelledOn < start;
  return !cancelledBefore && deliveredBy(c, dayBefore(start)) < c.quantity;
}

function expectedYear(db: BetterSqlite3.Database, year: number, today: string) {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const one = (q: string, ...p: unknown[]) => (db.prepare(q).get(...p) as { n: number }).n;
  const inForce = `FROM agreements a JOIN localities l ON l.id = a.partner_id
    WHERE a.archived_at IS NULL AND a.signed_on <= :end AND (a.ended_on IS NULL OR a.ended_on > :end)`;
  const held = `FROM visits v WHERE v.archived_at IS NULL AND v.status <> 'cancelled' AND v.starts_on BETWEEN :start AND :end
    AND (v.status = 'done' OR v.starts_on <= :today)`;
  const p = { start, end, today };
  const visits = (direction: string) => one(`SELECT count(*) AS n ${held} AND v.direction = ?`, p, direction);
  const people = (direction: string) =>
    one(
      `SELECT count(*) AS n FROM visit_participants vp WHERE vp.visit_id IN (SELECT v.id ${held} AND v.direction = ?)
       AND vp.role <> 'host' AND NOT (? = 'inbound' AND vp.role = 'staff')`,
      p,
      direction,
      direction,
    );
  const costs = { office: {} as Money, others: {} as Money };
  for (const c of all<{ currency: string; paid_by: string; minor: number }>(
    db,
    `SELECT currency, paid_by, sum(amount_minor) AS minor FROM visit_costs WHERE visit_id IN (SELECT v.id ${held}) GROUP BY currency, paid_by`,
    p,
  ))
    addMoney(c.paid_by === 'ours' ? costs.office : costs.others, c.currency, c.minor);

  const facts = commitmentFacts(db);
  const within = (d: string) => d >= start && d <= end;
  const donations = { receive: {} as Money, give: {} as Money };
  let scholarships = 0;
  for (const c of facts) {
    for (const d of deliveryValues(c)) {
      if (!within(d.on)) continue;
      if (c.kind === 'scholarship') scholarships += d.quantity;
      if (c.kind.startsWith('donation') && d.value) addMoney(donations[c.direction as 'give' | 'receive'], d.value.currency, d.value.minor);
    }
  }
  const members = facts.filter((c) => inYear(c, year));
  const byKind = new Map<string, { commitments: number; promised: number; delivered: number }>();
  for (const c of members) {
    const key = `${c.kind}|${c.direction}`;
    const line = byKind.get(key) ?? { commitments: 0, promised: 0, delivered: 0 };
    line.commitments += 1;
    if (!(c.cancelledOn && c.cancelledOn <= end)) line.promised += c.quantity;
    line.delivered += c.deliveries.filter((d) => within(d.on)).reduce((n, d) => n + d.quantity, 0);
    byKind.set(key, line);
  }
  const openAtEnd = facts.filter((c) => madeOn(c) <= end && !(c.cancelledOn && c.cancelledOn <= end) && deliveredBy(c, end) < c.quantity);
  const countries = all<{ country: string }>(db, `SELECT DISTINCT l.country ${inForce}`, p);
  return {
    figures: {
      agreementsInForce: one(`SELECT count(*) AS n ${inForce}`, p),
      partnerCountries: countries.length,
      newLettersOfIntent: one('SELECT count(*) AS n FROM agreements WHERE archived_at IS NULL AND letter_of_intent_on BETWEEN ? AND ?', start, end),
      newSignatures: one('SELECT count(*) AS n FROM agreements WHERE archived_at IS NULL AND signed_on BETWEEN ? AND ?', start, end),
      visitsReceived: visits('inbound'),
      peopleReceived: people('inbound'),
      visitsMade: visits('outbound'),
      peopleTravelled: people('outbound'),
      scholarshipsAwarded: scholarships,
      tasksCompleted: one('SELECT count(*) AS n FROM tasks WHERE completed_on BETWEEN ? AND ?', start, end),
      tasksOpen: one(
        `SELECT count(*) AS n FROM tasks WHERE status <> 'cancelled' AND (completed_on IS NULL OR completed_on > :end)
         AND CASE WHEN due_on IS NULL THEN substr(created_at, 1, 10) <= :end ELSE due_on <= :next END`,
        { end, next: `${year + 1}-12-31` },
      ),
    },
    donations,
    costs,
    byKind: Object.fromEntries([...byKind].sort(([a], [b]) => a.localeCompare(b))),
    commitmentIds: members.map((c) => c.id).sort((a, b) => a - b),
    openAtEnd: openAtEnd.length,
    facts,
  };
}

async function reconcileYear(services: Services, shape: OfficeShape, year: number) {
  const sqlite = services.opened.sqlite;
  const want = expectedYear(sqlite, year, shape.today);
  const report = await loadAnnualReport(services.opened.db, year, shape.today);
  const where = `office ${shape.seed}, ${year}`;

  expect.soft(report.figures, where).toEqual(want.figures);
  const donations = Object.fromEntries(report.activity.donations.map((d) => [d.direction, asMoney(d.totals)]));
  expect.soft({ receive: donations.receive ?? {}, give: donations.give ?? {} }, where).toEqual(want.donations);
  const byKind = Object.fromEntries(
    report.activity.byKind.map((k) => [`${k.kind}|${k.direction}`, { commitments: k.commitments, promised: k.promised, delivered: k.delivered }]),
  );
  expect.soft(byKind, where).toEqual(want.byKind);
  expect
    .soft(
      report.activity.commitments.map((c) => c.id).sort((a, b) => a - b),
      where,
    )
    .toEqual(want.commitmentIds);
  expect.soft(report.activity.pendingCommitmentsTotal, where).toBe(want.openAtEnd);
  const costs = report.activity.visitCosts;
  expect.soft({ office: asMoney(costs.office), others: asMoney(costs.others) }, `${where} costs`).toEqual(want.costs);

  // Each counted visit's costs in the report are what its screen shows, and they add up to the summary's.
  const summed = { office: {} as Money, others: {} as Money };
  for (const v of report.activity.visits) {
    const screen = await ok(services, 'visits.get', { id: v.id });
    expect.soft(v.costs, `${where} visit ${v.id}`).toEqual(screen.costTotals);
    if (!v.held) continue;
    for (const payer of ['office', 'others'] as const) for (const m of screen.costTotals[payer]) addMoney(summed[payer], m.currency, m.minor);
  }
  expect.soft(summed, `${where} costs from the screens`).toEqual(want.costs);

  // The screens: the Totals view filtered to the year counts the report's commitments, kind by kind.
  const totals = await ok(services, 'commitments.totals', { groupBy: 'kind', year });
  const perKind = new Map<string, number>();
  for (const k of Object.keys(want.byKind)) perKind.set(k.split('|')[0]!, (perKind.get(k.split('|')[0]!) ?? 0) + want.byKind[k]!.commitments);
  expect.soft(Object.fromEntries(totals.map((r) => [r.key, r.commitments])), where).toEqual(Object.fromEntries(perKind));
  // …and its value delivered is what arrived in the year, as the report counts it, never a later year's delivery.
  const arrived: Record<string, Money> = {};
  for (const c of want.facts)
    for (const d of deliveryValues(c)) if (d.value && d.on.startsWith(`${year}-`)) addMoney((arrived[c.kind] ??= {}), d.value.currency, d.value.minor);
  const nonEmpty = (m: Record<string, Money>) => Object.fromEntries(Object.entries(m).filter(([, v]) => Object.keys(v).length > 0));
  const totalsDelivered = nonEmpty(Object.fromEntries(totals.map((r) => [r.key, asMoney(r.delivered)])));
  expect.soft(totalsDelivered, `${where} delivered in the year`).toEqual(nonEmpty(arrived));
  const donated: Money = {};
  for (const kind of ['donation_in_kind', 'donation_in_cash'])
    for (const [cur, minor] of Object.entries(totalsDelivered[kind] ?? {})) addMoney(donated, cur, minor);
  const reported: Money = {};
  for (const d of report.activity.donations) for (const m of d.totals) addMoney(reported, m.currency, m.minor);
  expect.soft(donated, `${where} donations: Totals and the report`).toEqual(reported);

  // The Visits screen lists the year's visits the report lists (all but cancelled), in each direction.
  for (const direction of ['inbound', 'outbound'] as const) {
    const listed =
      (await ok(services, 'visits.list', { year, direction, limit: 1 })).total -
      (await ok(services, 'visits.list', { year, direction, status: 'cancelled', limit: 1 })).total;
    expect.soft(listed, `${where} ${direction}`).toBe(report.activity.visits.filter((v) => v.direction === direction).length);
  }

  // The commitments statement as at 31 December: each commitment made by then, as it stood that day.
  if (end(year) < shape.today) {
    const day = end(year);
    const statement = await loadCommitmentsStatement(services.opened.db, undefined, day);
    const stood = want.facts
      .filter((c) => madeOn(c) <= day)
      .map((c) => {
        const delivered = deliveredBy(c, day);
        const status =
          c.cancelledOn && c.cancelledOn <= day
            ? 'cancelled'
            : delivered >= c.quantity
              ? 'delivered'
              : c.dueOn && c.dueOn < day
                ? 'overdue'
                : delivered > 0
                  ? 'partly_delivered'
                  : 'promised';
        const worth: Money = {};
        for (const d of deliveryValues(c)) if (d.value && d.on <= day) addMoney(worth, d.value.currency, d.value.minor);
        return { id: c.id, delivered, status, deliveries: c.deliveries.filter((d) => d.on <= day).length, worth };
      });
    const got = statement.commitments.map((c) => ({
      id: c.id,
      delivered: c.delivered,
      status: c.status,
      deliveries: c.deliveries.length,
      worth: asMoney(c.deliveredValue),
    }));
    expect
      .soft(
        got.sort((a, b) => a.id - b.id),
        `${where} statement`,
      )
      .toEqual(stood);
  }

  // The Reports screen's preview, through the contract, shows the same numbers.
  const preview = await ok(services, 'reports.preview', { kind: 'annual', year, language: 'en' });
  const shown = new Map(preview.figures.map((f) => [f.label, f.value]));
  expect.soft(shown.get('Delegations received'), where).toBe(want.figures.visitsReceived.toLocaleString('en'));
  expect.soft(shown.get('Scholarships awarded'), where).toBe(want.figures.scholarshipsAwarded.toLocaleString('en'));
  return want;
}

/** Each partner page's figures (partners.story), recomputed from the tables: in force today, held visits, open commitments, value delivered. */
async function reconcilePartners(services: Services, today: string, facts: CommitmentFacts[]) {
  const db = services.opened.sqlite;
  const partnerOf = new Map(
    all<{ id: number; partner: number }>(db, 'SELECT c.id, a.partner_id AS partner FROM commitments c JOIN agreements a ON a.id = c.agreement_id').map((r) => [
      r.id,
      r.partner,
    ]),
  );
  let checked = 0;
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM localities ORDER BY id')) {
    const one = (q: string, ...p: unknown[]) => (db.prepare(q).get(...p) as { n: number }).n;
    const visits = (direction: string) =>
      one(
        `SELECT count(*) AS n FROM visits v WHERE v.direction = ? AND v.archived_at IS NULL AND v.status <> 'cancelled' AND (v.status = 'done' OR v.starts_on <= ?)
         AND (v.locality_id = ? OR v.id IN (SELECT va.visit_id FROM visit_agreements va JOIN agreements a ON a.id = va.agreement_id WHERE a.partner_id = ?))`,
        direction,
        today,
        id,
        id,
      );
    const mine = facts.filter((c) => partnerOf.get(c.id) === id);
    const delivered = { give: {} as Money, receive: {} as Money };
    for (const c of mine)
      for (const d of deliveryValues(c)) if (d.value) addMoney(delivered[c.direction as 'give' | 'receive'], d.value.currency, d.value.minor);
    const want = {
      agreementsInForce: one(
        'SELECT count(*) AS n FROM agreements WHERE partner_id = ? AND archived_at IS NULL AND signed_on <= ? AND (ended_on IS NULL OR ended_on > ?)',
        id,
        today,
        today,
      ),
      visitsReceived: visits('inbound'),
      visitsMade: visits('outbound'),
      commitmentsOpen: mine.filter((c) => c.cancelledOn === null && c.deliveries.reduce((n, d) => n + d.quantity, 0) < c.quantity).length,
      deliveredGiven: delivered.give,
      deliveredReceived: delivered.receive,
    };
    const { figures } = await ok(services, 'partners.story', { id });
    expect
      .soft({ ...figures, deliveredGiven: asMoney(figures.deliveredGiven), deliveredReceived: asMoney(figures.deliveredReceived) }, `partner ${id}`)
      .toEqual(want);
    if (want.visitsReceived + want.visitsMade > 0) checked++;
  }
  expect(checked, 'partners with visits').toBeGreaterThan(0);
}

describe('reconciliation: the annual report, the screens and the tables agree', () => {
  for (const shape of OFFICES) {
    it(`office ${shape.seed}: ${shape.commitments} commitments, ${shape.visits} visits, ${shape.fromYear}–${shape.toYear}`, async () => {
      const services = await openTestServices({ now: () => new Date(`${shape.today}T15:00:00`) });
      generateOffice(services.opened.sqlite, shape);
      let facts: CommitmentFacts[] = [];
      const seen = { undated: 0, crossYear: 0, typedLater: 0, cancelled: 0, futureVisits: 0 };
      for (let year = shape.fromYear; year <= Number(shape.today.slice(0, 4)); year++) facts = (await reconcileYear(services, shape, year)).facts;

      // Each commitment's detail and the Totals view give the value delivered the report counts.
      const wantDelivered: Record<string, Money> = {};
      for (const c of facts) {
        const worth: Money = {};
        for (const d of deliveryValues(c)) if (d.value) addMoney(worth, d.value.currency, d.value.minor);
        const detail = await ok(services, 'commitments.get', { id: c.id });
        expect.soft(asMoney(detail.deliveredValue), `commitment ${c.id}`).toEqual(worth);
        for (const [cur, minor] of Object.entries(worth)) addMoney((wantDelivered[c.kind] ??= {}), cur, minor);
        if (c.dueOn === null) seen.undated++;
        if (c.deliveries.some((d) => d.on.slice(0, 4) !== madeOn(c).slice(0, 4))) seen.crossYear++;
        if (c.created > madeOn(c)) seen.typedLater++;
        if (c.cancelledOn) seen.cancelled++;
      }
      const totals = await ok(services, 'commitments.totals', { groupBy: 'kind' });
      expect
        .soft(Object.fromEntries(totals.map((r) => [r.key, asMoney(r.delivered)]).filter(([, m]) => Object.keys(m as Money).length > 0)))
        .toEqual(Object.fromEntries(Object.entries(wantDelivered).filter(([, m]) => Object.keys(m).length > 0)));
      await reconcilePartners(services, shape.today, facts);
      seen.futureVisits = all(services.opened.sqlite, 'SELECT id FROM visits WHERE starts_on > ?', shape.today).length;
      // The generator made every awkward case this test is about.
      if (shape.commitments > 100) for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
    }, 60_000);
  }
});
