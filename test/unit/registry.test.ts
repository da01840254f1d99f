import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract/index.ts';
import { registerHandlers } from '../../electron/core/app/handlers.ts';
import { FEATURE_HANDLERS, type Services } from '../../electron/core/services.ts';
import { columnIds } from '../../shared/lists/columns.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// One handler per call, refused when answered twice (issue 18: the features' maps were spread together,
// so a second answer silently replaced the first), and every read call answered with good input.

const CALLS = Object.keys(contract) as CallName[];

describe('the registry of calls', () => {
  it('has exactly one handler for every call of the contract, and none for a call it does not name', () => {
    const answeredBy = new Map<string, number>();
    for (const map of FEATURE_HANDLERS) for (const name of Object.keys(map)) answeredBy.set(name, (answeredBy.get(name) ?? 0) + 1);
    expect(CALLS.filter((name) => answeredBy.get(name) !== 1)).toEqual([]);
    expect([...answeredBy.keys()].filter((name) => !(name in contract))).toEqual([]);
  });

  it('refuses a call answered twice, naming it', () => {
    const first = { 'app.info': () => Promise.resolve('first') };
    const second = { 'app.info': () => Promise.resolve('second') };
    expect(() => registerHandlers([first, second])).toThrow('The call app.info is answered twice');
    expect(Object.keys(registerHandlers([first, { 'settings.get': () => Promise.resolve(null) }]))).toEqual(['app.info', 'settings.get']);
  });
});

/** The records the sample data made, to point a read call at. */
async function sampleIds(services: Services) {
  await ok(services, 'sample.load', {});
  const first = (rows: { id: number }[]) => {
    const row = rows[0];
    if (!row) throw new Error('the sample data has none');
    return row.id;
  };
  const agreement = first((await ok(services, 'agreements.list', {})).rows);
  const partner = (await ok(services, 'agreements.get', { id: agreement })).partnerId;
  const visit = first((await ok(services, 'visits.list', {})).rows);
  const commitment = first((await ok(services, 'commitments.list', {})).rows);
  const office = (await ok(services, 'calendar.entries', { from: '2026-01-01', to: '2028-12-31' })).find((e) => e.link.entity === 'office_event');
  const saved = await ok(services, 'reports.generate', { report: { kind: 'annual', year: 2026, language: 'es' }, target: 'save' });
  const attached = await ok(services, 'attachments.add', {
    entity: 'agreement',
    entityId: agreement,
    fileName: 'acta.pdf',
    contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
  });
  return {
    locality: partner,
    agreement,
    contact: first((await ok(services, 'contacts.list', {})).rows),
    visit,
    task: first((await ok(services, 'tasks.list', {})).rows),
    commitment,
    officeEvent: office?.link.id ?? 0,
    attachment: attached.linkId,
    savedReport: saved.delivered === 'saved' ? saved.path : '',
  };
}

type Ids = Awaited<ReturnType<typeof sampleIds>>;

// Read calls whose input cannot be `{}`: the good input, from the sample's records. A read call added to the
// contract without a case here, whose schema does not accept `{}`, fails the test below until it gets one.
const GOOD_INPUT: Partial<Record<CallName, (ids: Ids) => unknown>> = {
  'localities.get': (ids) => ({ id: ids.locality }),
  'localities.similar': () => ({ name: 'Shanghai', nativeName: '上海市', country: 'CN' }),
  'agreements.get': (ids) => ({ id: ids.agreement }),
  'agreements.similar': (ids) => ({ partnerId: ids.locality, kind: 'twinning' }),
  'agreements.history': (ids) => ({ id: ids.agreement }),
  'partners.story': (ids) => ({ id: ids.locality }),
  'partners.timeline': (ids) => ({ id: ids.locality }),
  'partners.people': (ids) => ({ partnerId: ids.locality }),
  'places.suggest': () => ({ name: 'Shanghai', country: 'CN' }),
  'reports.preview': () => ({ kind: 'annual', year: 2026, language: 'es' }),
  'reports.generate': (ids) => ({ report: { kind: 'agreement', id: ids.agreement, language: 'pt' } }),
  'reports.open': (ids) => ({ path: ids.savedReport }),
  'contacts.get': (ids) => ({ id: ids.contact }),
  'contacts.similar': () => ({ name: 'Wang Wei' }),
  'visits.get': (ids) => ({ id: ids.visit }),
  'tasks.get': (ids) => ({ id: ids.task }),
  'export.file': () => ({ format: 'json' }),
  'export.view': () => ({ list: 'agreements', query: {}, columns: [columnIds('agreements')[0]], format: 'csv' }),
  'commitments.get': (ids) => ({ id: ids.commitment }),
  'commitments.history': (ids) => ({ id: ids.commitment }),
  'commitments.totals': () => ({ groupBy: 'kind' }),
  'attachments.list': (ids) => ({ entity: 'agreement', entityId: ids.agreement }),
  'attachments.open': (ids) => ({ linkId: ids.attachment }),
  'calendar.entries': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'calendar.exportIcs': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'calendar.visitIcs': (ids) => ({ id: ids.visit }),
  'officeEvents.get': (ids) => ({ id: ids.officeEvent }),
  'jobs.progress': () => ({ id: 'job-never-started' }),
  'jobs.cancel': () => ({ id: 'job-never-started' }),
  'search.global': () => ({ query: 'shanghai' }),
  'search.pick': (ids) => ({ kind: 'agreement', partnerId: ids.locality }),
};

describe('every read call', () => {
  it('answers good input, each from its schema or its case above', async () => {
    // As the desktop app: a save dialog that writes where it is told, a viewer that opens anything.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reads-'));
    const host = {
      saveFile: (name: string, bytes: Uint8Array) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        return Promise.resolve(file);
      },
    };
    const services = await openTestServices({ host, openPath: () => Promise.resolve('') });
    const ids = await sampleIds(services);
    // Calls a reader may make that change something are not reads: their own preferences.
    const reads = CALLS.filter((name) => contract[name].role === 'reader' && name !== 'me.update');
    expect(reads.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const name of reads) {
      const make = GOOD_INPUT[name];
      // Generated from the schema where it can be: a call whose every field is optional takes `{}`.
      const input = make ? make(ids) : {};
      if (!make && !contract[name].input.safeParse(input).success) {
        failures.push(`${name}: no good input (add a case to GOOD_INPUT)`);
        continue;
      }
      const result = await services.dispatch(name, input);
      if (!result.ok) failures.push(`${name}: ${JSON.stringify(result.error)}`);
    }
    expect(failures).toEqual([]);
  });
});
