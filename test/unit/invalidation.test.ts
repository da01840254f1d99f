import { describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract/index.ts';
import { invalidates, readsOf, writesOf, DOMAINS } from '../../shared/contract/touches.ts';
import { office } from '../support/list-office.ts';
import { ok } from '../support/temp-db.ts';
import type { Services } from '../../electron/core/services.ts';

// After a write the screen refetches only the cached reads the write can have changed
// (shared/contract/touches.ts). Checked against a real data file: every read the screens make is
// answered before and after each write, and each read whose answer changed must be one the write
// invalidates. A write that invalidates too little would leave a stale figure on screen; the list
// of reads a visit save leaves alone shows it no longer refetches everything.

type Read = [CallName, unknown];

async function reads(
  services: Services,
  ids: { agreement: number; visit: number; contact: number; commitment: number; task: number; place: number; event: number },
): Promise<Read[]> {
  return [
    ['settings.get', {}],
    ['app.info', {}],
    ['areas.list', {}],
    ['localities.list', { limit: 10000 }],
    ['localities.page', {}],
    ['localities.get', { id: ids.place }],
    ['agreements.list', {}],
    ['agreements.list', { sort: 'partner', archived: true }],
    ['agreements.get', { id: ids.agreement }],
    ['agreements.history', { id: ids.agreement }],
    ['contacts.list', {}],
    ['contacts.get', { id: ids.contact }],
    ['visits.list', {}],
    ['visits.list', { agreementId: ids.agreement }],
    ['visits.get', { id: ids.visit }],
    ['tasks.list', { view: 'all' }],
    ['tasks.list', { view: 'open', link: { kind: 'visit', id: ids.visit } }],
    ['tasks.get', { id: ids.task }],
    ['home.summary', {}],
    ['commitments.list', {}],
    ['commitments.get', { id: ids.commitment }],
    ['commitments.totals', { groupBy: 'partner' }],
    ['commitments.history', { id: ids.commitment }],
    ['calendar.entries', { from: '2025-06-01', to: '2027-12-31' }],
    ['officeEvents.get', { id: ids.event }],
    ['attachments.list', { entity: 'visit', entityId: ids.visit }],
    ['reports.assets', {}],
    ['reports.preview', { kind: 'annual', year: 2026, language: 'es' }],
    ['export.tables', {}],
    ['places.suggest', { name: 'Xiamen', country: 'CN' }],
    ['places.partners', {}],
    ['partners.story', { id: ids.place }],
    ['partners.timeline', { id: ids.place }],
    ['partners.people', { partnerId: ids.place }],
    ['search.global', { query: 'xiamen' }],
    ['search.pick', { kind: 'contact', query: 'chen' }],
    ['search.pick', { kind: 'agreement', partnerId: ids.place }],
    ['me.get', {}],
    ['users.list', {}],
  ];
}

async function answers(services: Services, list: Read[]): Promise<string[]> {
  return Promise.all(
    list.map(async ([name, input]) => {
      const result = await services.call(name, input as CallInput<typeof name>);
      if (!result.ok) throw new Error(`${name} ${JSON.stringify(result.error)}`);
      // A report preview carries when it was made; that is not data a write changes.
      return JSON.stringify(result.value).replace(/"generatedAt":"[^"]*"/g, '');
    }),
  );
}

describe('cache invalidation by what a write touches', () => {
  it('every read whose answer a write changes is invalidated by that write, and a visit save leaves the rest alone', async () => {
    const { services, xiamen, agreements, first } = await office();
    const visit = (await ok(services, 'visits.list', {})).rows[0]!;
    const contact = (await ok(services, 'contacts.list', {})).rows[0]!;
    const task = (await ok(services, 'tasks.list', { view: 'all' })).rows[0]!;
    const event = await ok(services, 'officeEvents.create', {
      title: 'Recepción',
      allDay: true,
      start: '2026-05-05',
      end: '2026-05-05',
      agreementId: agreements[0]!.id,
    });
    const ids = { agreement: agreements[0]!.id, visit: visit.id, contact: contact.id, commitment: first.id, task: task.id, place: xiamen.id, event: event.id };
    const list = await reads(services, ids);
    const fullVisit = await ok(services, 'visits.get', { id: visit.id });

    const writes: [CallName, () => Promise<unknown>][] = [
      [
        'visits.update',
        async () => {
          const v = await ok(services, 'visits.get', { id: visit.id });
          return ok(services, 'visits.update', {
            id: v.id,
            version: v.version,
            direction: v.direction,
            status: v.status,
            startsOn: '2026-04-13',
            endsOn: '2026-04-20',
            localityId: v.localityId,
            venue: v.venue,
            purpose: `${v.purpose} (corregido)`,
            agreementIds: [ids.agreement],
            participants: [{ newContact: { name: 'Chen Jie', nativeName: '陈洁' }, role: 'host' }],
            outcomes: [{ text: 'Enviar lista de becarios' }],
          });
        },
      ],
      [
        'visits.outcomeToTask',
        async () => {
          const v = await ok(services, 'visits.get', { id: visit.id });
          return ok(services, 'visits.outcomeToTask', { outcomeId: v.outcomes[0]!.id, dueOn: '2026-07-01' });
        },
      ],
      [
        'visits.create',
        () =>
          ok(services, 'visits.create', {
            direction: 'inbound',
            status: 'planned',
            startsOn: '2026-09-01',
            endsOn: '2026-09-02',
            purpose: 'Delegación de Fujian',
            localityId: ids.place,
            agreementIds: [ids.agreement],
            participants: [{ newContact: { name: 'Lin Hua' }, role: 'member' }],
          }),
      ],
      [
        'contacts.update',
        async () => {
          const c = await ok(services, 'contacts.get', { id: ids.contact });
          return ok(services, 'contacts.update', { ...c, id: c.id, version: c.version, title: 'Subdirector' });
        },
      ],
      [
        'localities.update',
        async () => {
          const l = await ok(services, 'localities.get', { id: ids.place });
          return ok(services, 'localities.update', {
            id: l.id,
            version: l.version,
            name: 'Xiamen (Amoy)',
            nativeName: l.nativeName,
            country: l.country,
            level: l.level,
            parentId: l.parentId,
          });
        },
      ],
      [
        'agreements.changeStage',
        async () => {
          const a = await ok(services, 'agreements.get', { id: ids.agreement });
          return ok(services, 'agreements.changeStage', { id: a.id, version: a.version, stage: 'active', date: '2026-06-01' });
        },
      ],
      [
        'commitments.addDelivery',
        () =>
          ok(services, 'commitments.addDelivery', {
            commitmentId: ids.commitment,
            deliveredOn: '2026-06-10',
            quantity: 1,
            value: null,
            currency: null,
            notes: null,
            beneficiaries: [],
          }),
      ],
      [
        'tasks.setStatus',
        async () => {
          const t = await ok(services, 'tasks.get', { id: ids.task });
          return ok(services, 'tasks.setStatus', { id: t.id, version: t.version, status: 'done', completedOn: '2026-06-14' });
        },
      ],
      [
        'tasks.create',
        () => ok(services, 'tasks.create', { title: 'Preparar regalos', dueOn: '2026-06-20', priority: 'high', link: { kind: 'visit', id: ids.visit } }),
      ],
      [
        'officeEvents.update',
        async () => {
          const e = await ok(services, 'officeEvents.get', { id: ids.event });
          return ok(services, 'officeEvents.update', {
            id: e.id,
            version: e.version,
            title: 'Recepción oficial',
            allDay: true,
            start: e.start,
            end: e.end,
            place: null,
            notes: null,
            agreementId: e.agreementId,
          });
        },
      ],
      ['areas.create', () => ok(services, 'areas.create', { name: 'Deporte' })],
      ['settings.update', () => ok(services, 'settings.update', { userName: 'Ana Torres' })],
      ['users.create', () => ok(services, 'users.create', { login: 'ana', name: 'Ana Torres', role: 'editor', password: 'una clave larga' })],
      ['me.update', () => ok(services, 'me.update', { language: 'pt' })],
      ['agreements.archive', () => ok(services, 'agreements.archive', { id: agreements[1]!.id })],
      [
        'contacts.delete',
        async () => {
          const created = await ok(services, 'contacts.create', { name: 'Borrar Pronto' });
          return ok(services, 'contacts.delete', { id: created.id });
        },
      ],
    ];
    expect(fullVisit.id).toBe(visit.id);
    const missed: string[] = [];
    for (const [write, run] of writes) {
      const before = await answers(services, list);
      await run();
      const after = await answers(services, list);
      list.forEach(([read], i) => {
        if (before[i] !== after[i] && !invalidates(write, read)) missed.push(`${write} changed ${read} without invalidating it`);
      });
    }
    expect(missed).toEqual([]);

    // A visit save refetches the visits, people, tasks and the figures that count them, not the rest.
    const untouched = list.map(([read]) => read).filter((read) => !invalidates('visits.update', read));
    expect(new Set(untouched)).toEqual(
      new Set([
        'settings.get',
        'app.info',
        'areas.list',
        'localities.list',
        'localities.page',
        'localities.get',
        'agreements.list',
        'agreements.get',
        'agreements.history',
        'commitments.list',
        'commitments.get',
        'commitments.totals',
        'commitments.history',
        'officeEvents.get',
        'attachments.list',
        'reports.assets',
        'places.suggest',
        'places.partners',
        'me.get',
        'users.list',
      ]),
    );
  });

  it('a write or read not declared touches everything, so a new call is never left stale', () => {
    expect(writesOf('partners.merge')).toEqual(DOMAINS);
    expect(readsOf('atlas.query')).toEqual(DOMAINS);
    expect(invalidates('partners.merge', 'settings.get')).toBe(true);
    expect(invalidates('visits.update', 'atlas.query')).toBe(true);
    // Writes that change nothing (a report written to disk, a file opened) refetch nothing.
    expect(invalidates('reports.generate', 'home.summary')).toBe(false);
    expect(invalidates('undo.apply', 'reports.assets')).toBe(true);
  });
});
