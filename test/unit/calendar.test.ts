import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../shared/contract/calendar.ts';
import { escapeText, foldLine } from '../../electron/core/features/calendar/ics.ts';
import { anniversaryIn } from '../../electron/core/features/calendar/sources/agreement-dates.ts';
import { commitmentFields, partnerWithAgreement } from '../support/factories.ts';
import { parseIcs } from '../support/ics.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

const NOW = new Date('2026-12-01T16:00:00Z');

async function office(language: 'es' | 'pt' | 'en' = 'es') {
  const services = await openTestServices({ now: () => NOW });
  const lima = await ok(services, 'localities.create', { name: 'Lima', nativeName: null, country: 'PE', level: 'city', parentId: null });
  await ok(services, 'settings.update', { ownLocalityId: lima.id, language, officeName: 'Oficina de Relaciones Internacionales' });
  return services;
}

const event = (overrides: Record<string, unknown> = {}) => ({
  title: 'Foro China–CELAC',
  allDay: true,
  start: '2026-01-05',
  end: '2026-01-07',
  place: 'Chengdu',
  notes: null,
  agreementId: null,
  ...overrides,
});

const ids = (entries: CalendarEntry[]) => entries.map((e) => e.id);

describe('office events', () => {
  it('creates, edits, moves, deletes and restores (through the one undo), each step audited', async () => {
    const services = await office();
    const created = await ok(services, 'officeEvents.create', event());
    expect(created).toMatchObject({ title: 'Foro China–CELAC', allDay: true, start: '2026-01-05', end: '2026-01-07', version: 1 });
    const moved = await ok(services, 'officeEvents.move', { id: created.id, version: 1, allDay: true, start: '2026-01-12', end: '2026-01-14' });
    expect(moved).toMatchObject({ start: '2026-01-12', end: '2026-01-14', version: 2, place: 'Chengdu' });
    const timed = await ok(services, 'officeEvents.move', { id: created.id, version: 2, allDay: false, start: '2026-01-12T09:00', end: '2026-01-12T11:00' });
    expect(timed).toMatchObject({ allDay: false, start: '2026-01-12T09:00', version: 3 });
    const deleted = await ok(services, 'officeEvents.delete', { id: created.id });
    expect(deleted.archivedAt).not.toBeNull();
    expect(await ok(services, 'calendar.entries', { from: '2026-01-01', to: '2026-01-31' })).toEqual([]);
    await ok(services, 'undo.apply', { call: 'officeEvents.delete', id: created.id });
    expect(ids(await ok(services, 'calendar.entries', { from: '2026-01-01', to: '2026-01-31' }))).toEqual([`office_event:${created.id}`]);
    const actions = services.opened.sqlite
      .prepare("SELECT action FROM audit_log WHERE entity = 'office_event' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['create', 'update', 'update', 'delete', 'restore']);
  });

  it('refuses a move from a stale screen, or one that breaks the form rules, and writes nothing', async () => {
    const services = await office();
    const created = await ok(services, 'officeEvents.create', event());
    await ok(services, 'officeEvents.update', { ...event({ title: 'Foro (editado)' }), id: created.id, version: 1 });
    const before = tableCounts(services);
    const stale = await services.call('officeEvents.move', { id: created.id, version: 1, allDay: true, start: '2026-02-01', end: '2026-02-01' });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) } });
    const backwards = await services.call('officeEvents.move', { id: created.id, version: 2, allDay: true, start: '2026-02-03', end: '2026-02-01' });
    expect(backwards).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['end'], message: 'calendarErrors.end_before_start' }] } });
    const missing = await services.call('officeEvents.move', { id: 999, version: 1, allDay: true, start: '2026-02-01', end: '2026-02-01' });
    expect(!missing.ok && missing.error.kind).toBe('not_found');
    expect(tableCounts(services)).toEqual(before);
    expect((await ok(services, 'officeEvents.get', { id: created.id })).start).toBe('2026-01-05');
  });

  it('refuses a link to a missing agreement next to the field', async () => {
    const services = await office();
    const result = await services.call('officeEvents.create', event({ agreementId: 4242 }));
    expect(result).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['agreementId'], message: 'errors.not_found' }] } });
  });

  it('is guarded by the database too: no end before start, no impossible time', async () => {
    const services = await office();
    const insert = services.opened.sqlite.prepare(
      "INSERT INTO office_events (title, all_day, starts_at, ends_at, search_text, created_at, updated_at) VALUES ('x', ?, ?, ?, 'x', 't', 't')",
    );
    expect(() => insert.run(1, '2026-01-05', '2026-01-04')).toThrow(/CHECK/);
    expect(() => insert.run(0, '2026-01-05T10:00', '2026-01-05T09:00')).toThrow(/CHECK/);
    expect(() => insert.run(0, '2026-02-30T10:00', '2026-02-30T11:00')).toThrow(/CHECK/);
    expect(() => insert.run(1, '2026-01-05T10:00', '2026-01-05T11:00')).toThrow(/CHECK/);
    expect(() => insert.run(0, '2026-01-05T10:00', '2026-01-05T11:00')).not.toThrow();
  });
});

describe('the entries of a range', () => {
  it('keeps events that cross either edge of the range and drops those just outside', async () => {
    const services = await office();
    const across = await ok(services, 'officeEvents.create', event({ title: 'Across', start: '2026-01-28', end: '2026-03-03' }));
    const intoStart = await ok(services, 'officeEvents.create', event({ title: 'Into start', start: '2026-01-30', end: '2026-02-01' }));
    const outOfEnd = await ok(services, 'officeEvents.create', event({ title: 'Out of end', start: '2026-02-28', end: '2026-03-02' }));
    const lastEvening = await ok(
      services,
      'officeEvents.create',
      event({ title: 'Last evening', allDay: false, start: '2026-02-28T19:00', end: '2026-02-28T21:00' }),
    );
    await ok(services, 'officeEvents.create', event({ title: 'Day before', start: '2026-01-20', end: '2026-01-31' }));
    await ok(services, 'officeEvents.create', event({ title: 'Day after', start: '2026-03-01', end: '2026-03-01' }));
    await ok(services, 'officeEvents.create', event({ title: 'Night before', allDay: false, start: '2026-01-31T22:00', end: '2026-01-31T23:30' }));
    const entries = await ok(services, 'calendar.entries', { from: '2026-02-01', to: '2026-02-28' });
    expect(ids(entries).sort()).toEqual([across, intoStart, outOfEnd, lastEvening].map((e) => `office_event:${e.id}`).sort());
    const first = entries.find((e) => e.id === `office_event:${across.id}`)!;
    expect(first).toMatchObject({ kind: 'office_event', start: '2026-01-28', end: '2026-03-03', allDay: true, movable: true, version: 1 });
    expect(first.link).toEqual({ entity: 'office_event', id: across.id });
  });

  it('puts anniversaries on the signature date, 29 February on the 28th in other years, numbered per language', async () => {
    expect(anniversaryIn('2016-02-29', 2027)).toBe('2027-02-28');
    expect(anniversaryIn('2016-02-29', 2028)).toBe('2028-02-29');
    expect(anniversaryIn('2016-02-29', 2100)).toBe('2100-02-28');
    expect(anniversaryIn('2018-07-01', 2023)).toBe('2023-07-01');

    const services = await office();
    const { agreement } = await partnerWithAgreement(services, {}, { signedOn: '2016-02-29', stageDate: '2016-02-29', letterOfIntentOn: null });
    const feb2027 = await ok(services, 'calendar.entries', { from: '2027-02-01', to: '2027-02-28', kinds: ['anniversary'] });
    expect(feb2027).toEqual([
      expect.objectContaining({
        id: `anniversary:${agreement.id}:2027`,
        start: '2027-02-28',
        end: '2027-02-28',
        allDay: true,
        movable: false,
        title: '11.º aniversario del hermanamiento Lima–Shanghai',
        link: { entity: 'agreement', id: agreement.id },
      }),
    ]);
    const leap = await ok(services, 'calendar.entries', { from: '2028-02-28', to: '2028-03-01', kinds: ['anniversary'] });
    expect(leap.map((e) => e.start)).toEqual(['2028-02-29']);
    // No anniversary in the year of the signature itself.
    expect(await ok(services, 'calendar.entries', { from: '2016-01-01', to: '2016-12-31', kinds: ['anniversary'] })).toEqual([]);

    await ok(services, 'settings.update', { language: 'en' });
    const titles = [];
    for (const year of [2017, 2018, 2019, 2020, 2027, 2028, 2029, 2037, 2038]) {
      const [e] = await ok(services, 'calendar.entries', { from: `${year}-02-01`, to: `${year}-03-01`, kinds: ['anniversary'] });
      titles.push(e!.title.split(' ')[0]);
    }
    expect(titles).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
    await ok(services, 'settings.update', { language: 'pt' });
    const [pt] = await ok(services, 'calendar.entries', { from: '2021-02-01', to: '2021-03-01', kinds: ['anniversary'] });
    expect(pt!.title).toBe('5º aniversário do irmanamento Lima–Shanghai');
  });

  it('shows renewal and expiry dates, and no anniversaries after an agreement ended', async () => {
    const services = await office('en');
    const { agreement } = await partnerWithAgreement(
      services,
      {},
      { signedOn: '2018-07-01', renewalOn: '2026-06-15', expiresOn: '2027-07-01', stage: 'ended', endedOn: '2027-08-01' },
    );
    const range = (from: string, to: string) => ok(services, 'calendar.entries', { from, to });
    expect((await range('2026-06-01', '2026-07-31')).map((e) => [e.kind, e.start, e.title])).toEqual([
      ['renewal', '2026-06-15', 'Renewal of the Lima–Shanghai twinning'],
      ['anniversary', '2026-07-01', '8th anniversary of the Lima–Shanghai twinning'],
    ]);
    expect((await range('2027-07-01', '2027-07-01')).map((e) => e.kind)).toEqual(['anniversary', 'expiry']);
    expect((await range('2027-07-01', '2027-07-01')).find((e) => e.kind === 'expiry')).toMatchObject({
      id: `expiry:${agreement.id}`,
      title: 'Expiry of the Lima–Shanghai twinning',
      notes: 'Shanghai 上海市',
    });
    expect(await range('2028-01-01', '2028-12-31')).toEqual([]);
  });

  it('filters by kind, partner and agreement', async () => {
    const services = await office();
    const shanghai = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01', expiresOn: '2026-07-20' });
    const kobe = await partnerWithAgreement(services, { name: 'Kobe', nativeName: '神戸市', country: 'JP' }, { signedOn: '2019-07-10' });
    const forum = await ok(services, 'officeEvents.create', event({ start: '2026-07-02', end: '2026-07-03', agreementId: kobe.agreement.id }));
    await ok(services, 'officeEvents.create', event({ title: 'Sin acuerdo', start: '2026-07-04', end: '2026-07-04' }));
    const q = { from: '2026-07-01', to: '2026-07-31' };
    expect(await ok(services, 'calendar.entries', q)).toHaveLength(5);
    expect(ids(await ok(services, 'calendar.entries', { ...q, partnerId: kobe.partner.id }))).toEqual([
      `office_event:${forum.id}`,
      `anniversary:${kobe.agreement.id}:2026`,
    ]);
    expect(ids(await ok(services, 'calendar.entries', { ...q, agreementId: shanghai.agreement.id }))).toEqual([
      `anniversary:${shanghai.agreement.id}:2026`,
      `expiry:${shanghai.agreement.id}`,
    ]);
    expect((await ok(services, 'calendar.entries', { ...q, kinds: ['expiry', 'office_event'] })).map((e) => e.kind)).toEqual([
      'office_event',
      'office_event',
      'expiry',
    ]);
    expect(await ok(services, 'calendar.entries', { ...q, kinds: [] })).toEqual([]);
  });

  it('shows commitment due dates with progress and status, not cancelled ones', async () => {
    const services = await office();
    const { agreement } = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01' });
    const becas = await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, { description: 'Becas campamento de verano', quantity: 6, dueOn: '2026-11-20' }),
    );
    await ok(services, 'commitments.addDelivery', { commitmentId: becas.id, deliveredOn: '2026-11-10', quantity: 3, value: null, currency: null });
    const cars = await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Autos', quantity: 2, dueOn: '2026-11-25' }));
    await ok(services, 'commitments.cancel', { id: cars.id, version: cars.version, reason: 'Sin presupuesto' });
    await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Sin fecha', quantity: 1, dueOn: null }));
    const entries = await ok(services, 'calendar.entries', { from: '2026-11-01', to: '2026-11-30' });
    expect(entries).toEqual([
      expect.objectContaining({
        id: `commitment:${becas.id}`,
        kind: 'commitment',
        title: 'Plazo: Becas campamento de verano (3/6) — Shanghai',
        start: '2026-11-20',
        allDay: true,
        movable: false,
        link: { entity: 'commitment', id: becas.id },
      }),
    ]);
    // Today is 1 December 2026 in these tests: half delivered and past its date.
    expect(entries[0]!.notes?.split('\n')[0]).toBe('Vencido');
    expect(await ok(services, 'calendar.entries', { from: '2026-11-01', to: '2026-11-30', partnerId: 999 })).toEqual([]);
  });

  it('leaves archived agreements and their dates out', async () => {
    const services = await office();
    const { agreement } = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01' });
    await ok(services, 'agreements.archive', { id: agreement.id });
    expect(await ok(services, 'calendar.entries', { from: '2026-07-01', to: '2026-07-31' })).toEqual([]);
  });
});

describe('the .ics export', () => {
  it('escapes TEXT and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const line = `SUMMARY:${'上海市漳州市'.repeat(10)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const physical of folded) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('reads back field by field in ical.js: UIDs, all-day ends, times, escaping, Chinese text', async () => {
    const services = await office();
    const { agreement } = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01', expiresOn: '2026-07-20' });
    const tricky = 'Agenda: firma, brindis; visita\\recorrido\nSegunda línea: 上海市人民政府外事办公室 y 漳州市, con acentos áéíóú ñ — y un emoji 🎉';
    const forum = await ok(
      services,
      'officeEvents.create',
      event({ title: 'Foro; China, CELAC \\ 论坛', start: '2026-07-02', end: '2026-07-04', place: 'Chengdu, 成都市', notes: tricky }),
    );
    const meeting = await ok(
      services,
      'officeEvents.create',
      event({ title: 'Reunión', allDay: false, start: '2026-07-10T10:00', end: '2026-07-10T11:30', place: null }),
    );
    await ok(services, 'officeEvents.move', { id: meeting.id, version: 1, allDay: false, start: '2026-07-10T15:00', end: '2026-07-10T16:30' });

    const file = await ok(services, 'calendar.exportIcs', { from: '2026-07-01', to: '2026-07-31' });
    expect(file.filename).toBe('twinning-desk-2026-07-01-2026-07-31.ics');
    expect(file.events).toBe(4);
    const physical = file.content.split('\r\n');
    expect(physical.at(-1)).toBe('');
    expect(file.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of physical) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(file.content).toContain('DTSTAMP:20261201T160000Z');

    const parsed = parseIcs(file.content);
    expect(parsed.name).toBe('Twinning Desk — Oficina de Relaciones Internacionales');
    expect(parsed.method).toBe('PUBLISH');
    const byUid = new Map(parsed.events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [
        `anniversary-${agreement.id}-2026@twinning-desk`,
        `expiry-${agreement.id}@twinning-desk`,
        `office_event-${forum.id}@twinning-desk`,
        `office_event-${meeting.id}@twinning-desk`,
      ].sort(),
    );
    expect(byUid.get(`office_event-${forum.id}@twinning-desk`)).toEqual({
      uid: `office_event-${forum.id}@twinning-desk`,
      summary: 'Foro; China, CELAC \\ 论坛',
      location: 'Chengdu, 成都市',
      description: tricky,
      start: '2026-07-02',
      end: '2026-07-05',
      startIsDate: true,
      categories: ['Eventos de la oficina'],
      sequence: 0,
    });
    expect(byUid.get(`office_event-${meeting.id}@twinning-desk`)).toMatchObject({
      summary: 'Reunión',
      location: null,
      start: '2026-07-10T15:00:00',
      end: '2026-07-10T16:30:00',
      startIsDate: false,
      sequence: 1,
    });
    expect(byUid.get(`anniversary-${agreement.id}-2026@twinning-desk`)).toMatchObject({
      summary: '8.º aniversario del hermanamiento Lima–Shanghai',
      description: 'Shanghai 上海市',
      start: '2026-07-01',
      end: '2026-07-02',
      startIsDate: true,
      categories: ['Aniversarios de acuerdos'],
    });

    // The same records exported again keep their UIDs, so calendar apps update rather than duplicate.
    const again = parseIcs((await ok(services, 'calendar.exportIcs', { from: '2026-06-01', to: '2026-08-31' })).content);
    expect(again.events.map((e) => e.uid).sort()).toEqual([...byUid.keys()].sort());
  });

  it('exports only what the filters show', async () => {
    const services = await office();
    await partnerWithAgreement(services, {}, { signedOn: '2018-07-01' });
    const forum = await ok(services, 'officeEvents.create', event({ start: '2026-07-02', end: '2026-07-02' }));
    const file = await ok(services, 'calendar.exportIcs', { from: '2026-07-01', to: '2026-07-31', kinds: ['office_event'] });
    expect(parseIcs(file.content).events.map((e) => e.uid)).toEqual([`office_event-${forum.id}@twinning-desk`]);
  });
});
