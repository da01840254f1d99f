import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEPT_BY_TRIGGERS } from '../../electron/core/app/undo.ts';
import type { Services } from '../../electron/core/services.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { UNDOABLE_CALLS, type UndoableCall } from '../../shared/contract/undo.ts';
import { agreementFields, commitmentFields, taskFields, visitFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';
import { taskWithDueDate, visitWithDates } from '../../shared/calendar-moves.ts';

// Every undoable call, done on a generated office's realistic record and then
// undone, must leave every table as it was: trigger-kept columns such as a
// commitment's delivered quantity included. The audit log keeps its history and
// gains only the call's own row(s) and the undo's one 'restore'.

const NOW = new Date('2026-11-20T15:00:00Z');

type Row = Record<string, unknown>;

/** Every row of every table of the main schema, in a stable order. */
function dump(services: Services): Record<string, Row[]> {
  const sqlite = services.opened.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const sorted = (rows: Row[]) =>
    rows
      .map((r) => [JSON.stringify(r), r] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  return Object.fromEntries(tables.map((t) => [t, sorted(sqlite.prepare(`SELECT * FROM main."${t}"`).all() as Row[])]));
}

const auditRows = (services: Services) => services.opened.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

// ---- generated offices ------------------------------------------------------------------------

const PLACES = [
  { name: 'Shanghai', nativeName: '上海市', country: 'CN' },
  { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN' },
  { name: 'Chengdu', nativeName: '成都市', country: 'CN' },
  { name: 'Fujian', nativeName: '福建省', country: 'CN' },
  { name: 'Kyoto', nativeName: '京都市', country: 'JP' },
  { name: 'São Paulo', nativeName: null, country: 'BR' },
] as const;
const PEOPLE = [
  { name: 'Wang Wei', nativeName: '王伟' },
  { name: 'Li Na', nativeName: '李娜' },
  { name: 'Zhang Min', nativeName: '张敏' },
  { name: 'María José Núñez', nativeName: null },
  { name: 'João Gonçalves', nativeName: null },
] as const;
const CURRENCIES = ['CNY', 'USD', 'PEN', 'MXN'] as const;

const day = fc.integer({ min: 0, max: 600 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
// Whole amounts as an officer types them; the form's parser is region's to test.
const money = fc.option(fc.record({ value: fc.integer({ min: 1, max: 90_000 }).map(String), currency: fc.constantFrom(...CURRENCIES) }), { nil: null });
const person = fc.constantFrom(...PEOPLE);

const deliveryArb = fc.record({
  on: day,
  quantity: fc.integer({ min: 0, max: 5 }),
  money,
  beneficiaries: fc.array(person, { maxLength: 3 }),
});

const officeArb = fc.record({
  place: fc.constantFrom(...PLACES),
  commitments: fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 12 }),
      money,
      due: fc.option(day, { nil: null }),
      deliveries: fc.array(deliveryArb, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  participants: fc.uniqueArray(person, { maxLength: 4, selector: (p) => p.name }),
  agenda: fc.array(
    fc.record({ what: fc.constantFrom('Firma del acuerdo', '参观学校', 'Visita ao porto'), at: fc.option(fc.constantFrom('09:30', '15:00'), { nil: null }) }),
    { maxLength: 3 },
  ),
  outcomes: fc.array(fc.constantFrom('Becas para alumnos de Chimbote', '交流项目', 'Intercâmbio de professores'), { minLength: 1, maxLength: 3 }),
  costs: fc.array(
    fc.record({
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      currency: fc.constantFrom(...CURRENCIES),
      paidBy: fc.constantFrom('ours', 'partner', 'third_party') as fc.Arbitrary<'ours' | 'partner' | 'third_party'>,
    }),
    { maxLength: 3 },
  ),
  gifts: fc.array(
    fc.record({
      what: fc.constantFrom('Cerámica de Chulucanas', '茶具'),
      value: fc.option(fc.integer({ min: 1, max: 900_000 }), { nil: null }),
      currency: fc.constantFrom(...CURRENCIES),
    }),
    { maxLength: 2 },
  ),
  tasksDone: fc.array(fc.option(day, { nil: null }), { maxLength: 3 }),
  stageChanges: fc.integer({ min: 0, max: 2 }),
  pick: fc.nat(),
});
type Office = typeof officeArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the office through the calls the screens use; returns the ids each undoable call is tried on. */
async function build(services: Services, o: Office) {
  const partner = await ok(services, 'localities.create', { ...o.place, level: 'city', parentId: null });
  const agreement = await ok(services, 'agreements.create', agreementFields(partner.id, { signedPlace: o.place.nativeName ?? o.place.name }));

  const deliveries: { id: number; version: number }[] = [];
  const commitments: number[] = [];
  for (const c of o.commitments) {
    const created = await ok(services, 'commitments.create', {
      ...commitmentFields(agreement.id, { quantity: c.quantity, dueOn: c.due, kind: c.money ? 'donation_in_kind' : 'scholarship' }),
      value: c.money?.value ?? null,
      currency: c.money?.currency ?? null,
    });
    commitments.push(created.id);
    for (const d of c.deliveries) {
      const after = await ok(services, 'commitments.addDelivery', {
        commitmentId: created.id,
        deliveredOn: d.on,
        quantity: d.quantity,
        value: d.money?.value ?? null,
        currency: d.money?.currency ?? null,
        beneficiaries: d.beneficiaries.map((p) => ({ ...p, school: 'Colegio Nacional San Pedro' })),
        confirmOverDelivery: true,
      });
      const last = after.deliveries.at(-1)!; // just added: the list is in the order they were recorded
      deliveries.push({ id: last.id, version: last.version });
    }
  }

  const contactHere = await ok(services, 'contacts.create', {
    name: 'Chen Jing',
    nativeName: '陈静',
    localityId: partner.id,
    organisation: 'Oficina de Asuntos Exteriores',
  });
  const visitInput = {
    ...visitFields({ localityId: partner.id, agreementIds: [agreement.id], startsOn: '2026-04-12', endsOn: '2026-04-18' }),
    participants: [
      ...o.participants.map((p) => ({ newContact: { ...p, organisation: 'Gobierno municipal' }, role: 'member' as const })),
      { contactId: contactHere.id, role: 'host' as const },
    ],
    agenda: o.agenda.map((a, i) => ({ onDate: `2026-04-1${2 + i}`, atTime: a.at, place: '市政府', what: a.what, withWhom: null })),
    outcomes: o.outcomes.map((text) => ({ text })),
    costs: o.costs.map((c) => ({ item: 'Pasajes', amountMinor: c.amount, currency: c.currency, paidBy: c.paidBy })),
    gifts: o.gifts.map((g) => ({
      direction: 'given' as const,
      what: g.what,
      counterpart: '王市长',
      valueMinor: g.value,
      currency: g.value === null ? null : g.currency,
    })),
  };
  const visit = await ok(services, 'visits.create', visitInput);
  // A second visit with everything but follow-up tasks, which is what a visit must be to be deleted.
  const plainVisit = await ok(services, 'visits.create', {
    ...visitInput,
    participants: visitInput.participants.slice(-1),
    startsOn: '2026-04-12',
    purpose: 'Visita de seguimiento',
  });

  const outcome = visit.outcomes[o.pick % visit.outcomes.length]!;
  const fromOutcome = await ok(services, 'visits.outcomeToTask', { outcomeId: outcome.id, dueOn: '2026-05-02', assignee: 'Ana Torres' });
  const tasks = [fromOutcome.id];
  for (const [i, done] of o.tasksDone.entries()) {
    const link = [
      { kind: 'agreement' as const, id: agreement.id },
      { kind: 'visit' as const, id: visit.id },
      { kind: 'commitment' as const, id: commitments[0]! },
    ][i % 3]!;
    const t = await ok(
      services,
      'tasks.create',
      taskFields({ title: `Seguimiento ${i + 1}: 发送照片`, status: done ? 'done' : 'open', completedOn: done, link }),
    );
    tasks.push(t.id);
  }
  await ok(services, 'tasks.setStatus', { id: fromOutcome.id, version: fromOutcome.version, status: 'done', completedOn: '2026-05-01' });

  // An agreement entered by mistake: areas and a stage history, nothing hanging from it.
  let mistaken = await ok(
    services,
    'agreements.create',
    agreementFields(partner.id, { kind: 'friendship', stage: 'letter_of_intent', signedOn: null, stageDate: '2026-01-10', letterOfIntentOn: '2026-01-10' }),
  );
  for (let i = 0; i < o.stageChanges; i++) {
    mistaken = await ok(services, 'agreements.changeStage', {
      id: mistaken.id,
      version: mistaken.version,
      stage: i === 0 ? 'under_discussion' : 'letter_of_intent',
      date: `2026-0${2 + i}-01`,
      note: 'Según acta 同意',
    });
  }
  const strayContact = await ok(services, 'contacts.create', { name: 'Liu Yang', nativeName: '刘洋', localityId: partner.id, email: 'liu.yang@example.cn' });

  // The calendar's drags: a visit and a task take new dates through their own update call, an office event its move.
  const storedVisit = await ok(services, 'visits.get', { id: visit.id });
  const openTask = await ok(
    services,
    'tasks.create',
    taskFields({ title: 'Enviar fotos 发送照片', dueOn: '2026-12-28', link: { kind: 'visit', id: visit.id } }),
  );
  const event = await ok(services, 'officeEvents.create', {
    title: 'Foro China–CELAC 论坛',
    allDay: true,
    start: '2026-12-30',
    end: '2027-01-02',
    place: '成都',
    notes: null,
    agreementId: agreement.id,
  });

  return {
    'localities.archive': { id: partner.id },
    'agreements.archive': { id: agreement.id },
    'agreements.delete': { id: mistaken.id },
    'contacts.archive': { id: contactHere.id },
    'contacts.delete': { id: strayContact.id },
    'visits.archive': { id: visit.id },
    'visits.delete': { id: plainVisit.id },
    'tasks.delete': { id: tasks[o.pick % tasks.length]! },
    'commitments.removeDelivery': deliveries[o.pick % deliveries.length]!,
    'tasks.setStatus': { id: openTask.id, version: openTask.version, status: 'done' as const },
    'tasks.update': taskWithDueDate(openTask, '2027-01-04', openTask.version),
    // Across 31 December, the move the calendar asks about before making it.
    'visits.update': visitWithDates(storedVisit, '2026-12-30', '2027-01-05', storedVisit.version),
    'officeEvents.move': { id: event.id, version: event.version, allDay: true, start: '2027-01-06', end: '2027-01-09' },
    'officeEvents.delete': { id: event.id },
  } satisfies { [N in UndoableCall]: CallInput<N> & { id: number } };
}

async function roundTrip(services: Services, call: UndoableCall, input: { id: number; version?: number }) {
  const before = dump(services);
  const auditBefore = auditRows(services);
  const result = await services.call(call, input);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  const auditByCall = auditRows(services).slice(auditBefore.length);
  expect(auditByCall.length).toBeGreaterThan(0);

  await ok(services, 'undo.apply', { call, id: input.id });

  const after = dump(services);
  const { audit_log: _a, ...tablesAfter } = after;
  const { audit_log: _b, ...tablesBefore } = before;
  expect(tablesAfter).toEqual(tablesBefore);
  const audit = auditRows(services);
  expect(audit.slice(0, auditBefore.length + auditByCall.length)).toEqual([...auditBefore, ...auditByCall]);
  expect(audit.slice(auditBefore.length + auditByCall.length)).toEqual([expect.objectContaining({ entity_id: input.id, action: 'restore' })]);
  // Named apart because it is the one the old undo got wrong: trigger-kept counters match their rows.
  const drift = services.opened.sqlite
    .prepare(
      'SELECT c.id FROM commitments c WHERE c.delivered_quantity <> (SELECT coalesce(sum(d.quantity), 0) FROM deliveries d WHERE d.commitment_id = c.id)',
    )
    .all();
  expect(drift).toEqual([]);
}

describe('undo round-trips every undoable call', () => {
  it.each(UNDOABLE_CALLS)('%s, undone, leaves the whole database as it was', async (call) => {
    const services = await openTestServices({ now: () => NOW });
    await fc.assert(
      fc.asyncProperty(officeArb, async (office) => {
        const targets = await build(services, office);
        await roundTrip(services, call, targets[call]);
      }),
      { seed: 20261204, numRuns: 6, endOnFailure: true },
    );
  });

  it('puts a removed delivery back without counting it twice (5 delivered, remove 3, undo)', async () => {
    const services = await openTestServices({ now: () => NOW });
    const partner = await ok(services, 'localities.create', { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: null });
    const agreement = await ok(services, 'agreements.create', agreementFields(partner.id));
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id, { quantity: 6 }));
    await ok(services, 'commitments.addDelivery', { commitmentId: c.id, deliveredOn: '2026-03-01', quantity: 2, beneficiaries: [] });
    const withBoth = await ok(services, 'commitments.addDelivery', {
      commitmentId: c.id,
      deliveredOn: '2026-06-01',
      quantity: 3,
      beneficiaries: [{ name: 'Li Na', nativeName: '李娜' }],
    });
    const three = withBoth.deliveries.find((d) => d.quantity === 3)!;
    await ok(services, 'commitments.removeDelivery', { id: three.id, version: three.version });
    await ok(services, 'undo.apply', { call: 'commitments.removeDelivery', id: three.id });
    const back = await ok(services, 'commitments.get', { id: c.id });
    expect({ delivered: back.delivered, status: back.status, deliveries: back.deliveries.length }).toEqual({
      delivered: 5,
      status: 'partly_delivered',
      deliveries: 2,
    });
  });
});

describe('columns kept by triggers', () => {
  it('are exactly those the schema’s triggers write, so none is recorded as an inverse', async () => {
    const services = await openTestServices();
    const bodies = services.opened.sqlite.prepare("SELECT sql FROM main.sqlite_schema WHERE type = 'trigger'").pluck().all() as string[];
    const written: Record<string, string[]> = {};
    for (const body of bodies) {
      for (const [, table, assignments] of body.matchAll(/UPDATE\s+(\w+)\s+SET\s+([\s\S]*?)\s+WHERE\s/gi)) {
        const columns = [...assignments!.matchAll(/(?:^|,)\s*(\w+)\s*=/g)].map((m) => m[1]!);
        written[table!] = [...new Set([...(written[table!] ?? []), ...columns])].sort();
      }
    }
    expect(written).toEqual(KEPT_BY_TRIGGERS);
  });
});
