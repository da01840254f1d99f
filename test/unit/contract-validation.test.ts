import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract/index.ts';
import { agreementFields, commitmentFields, partnerWithAgreement, shanghaiFields, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// For every call: input that must be refused at the boundary. The test below
// fails if a call is added to the contract without a bad case here.
const BAD_INPUT: Record<CallName, unknown[]> = {
  'me.get': [{ extra: 1 }],
  'desktop.probeServer': [{}, { address: '' }, { address: 'x'.repeat(301) }, { address: 'https://a', extra: 1 }],
  'desktop.connectServer': [{ address: 'https://a' }, { address: 'https://a', fingerprint: 'AB:CD' }, { address: '', fingerprint: 'AB:'.repeat(31) + 'AB' }],
  'me.update': [{ language: 'fr' }, {}, { language: 'es', role: 'admin' }],
  'users.list': [{ extra: 1 }],
  'users.create': [
    { login: 'ana', name: 'Ana', role: 'editor', password: 'short' },
    { login: 'Ana Torres', name: 'Ana', role: 'editor', password: 'correct horse battery' },
    { login: 'ana', name: '', role: 'editor', password: 'correct horse battery' },
    { login: 'ana', name: 'Ana', role: 'owner', password: 'correct horse battery' },
    { login: 'ana', name: 'Ana', role: 'editor', password: 'x'.repeat(201) },
    { login: 'ana', name: 'Ana', role: 'editor' },
  ],
  'users.update': [{ id: 1 }, { id: 1, version: 1, role: 'root' }, { id: 1, version: 1, disabled: 'yes' }, { id: 1, version: 1, passwordHash: 'x' }],
  'users.resetPassword': [{ id: 1, password: '123' }, { id: 0, password: 'correct horse battery' }, { password: 'correct horse battery' }],
  'app.info': [{ extra: 1 }],
  'app.openLogFolder': [{ dir: '/tmp' }],
  'app.moveDataFile': [{}, { dir: '' }, { dir: '   ' }, { dir: 'x'.repeat(1001) }, { dir: '/tmp', extra: 1 }],
  'settings.get': [{ extra: 1 }],
  'settings.update': [
    { language: 'fr' },
    { ownLocalityId: -1 },
    { userName: 'x'.repeat(101) },
    { unknown: true },
    { staff: [''] },
    { signatures: { preparedName: 'x'.repeat(201), preparedTitle: '', approvedName: '', approvedTitle: '' } },
    { signatures: { preparedName: 'Ana Torres' } },
    { staff: 'Ana' },
    { reminderWindowDays: 0 },
    { reminderWindowDays: 1.5 },
    { sessionIdleHours: 0 },
    { sessionIdleHours: 1000 },
    { country: 'XX' },
    { country: 'Uruguay' },
    { currency: 'ABC' },
  ],
  'sample.load': [{ extra: 1 }],
  'sample.remove': [{ extra: 1 }],
  'app.chooseFolder': [{ dir: '/tmp' }],
  'backups.openFolder': [{ dir: '/tmp' }],
  'settings.office': [
    { officeName: '', ownLocalityId: 1, cityName: null, cityNativeName: null, cityCountry: null, userName: 'Ana', language: 'es' },
    { officeName: 'Oficina', ownLocalityId: null, cityName: 'Montevideo', cityNativeName: null, cityCountry: null, userName: 'Ana', language: 'es' },
    { officeName: 'Oficina', ownLocalityId: 1, cityName: null, cityNativeName: null, cityCountry: null, userName: 'Ana', language: 'es', staff: [] },
  ],
  'setup.complete': (() => {
    const good = {
      officeName: 'Oficina',
      ownLocalityId: null,
      cityName: 'Montevideo',
      cityNativeName: null,
      cityCountry: 'UY',
      country: null,
      currency: null,
      language: 'es',
      userName: 'Ana',
      staff: [],
    };
    return [
      { ...good, officeName: '  ' },
      { ...good, cityName: null },
      { ...good, cityCountry: null },
      { ...good, cityCountry: 'XX' },
      { ...good, currency: 'ABC' },
      { ...good, language: 'fr' },
      { ...good, staff: ['Ana', ''] },
      { ...good, ownLocalityId: 0 },
      { ...good, extra: 1 },
    ];
  })(),
  'areas.list': [{ extra: 1 }],
  'areas.create': [{ name: '' }, { name: '   ' }, {}],
  'localities.list': [{ limit: 0 }, { country: 'XX' }],
  'export.view': [
    { list: 'agreements', query: {}, columns: ['partner'], format: 'pdf' },
    { list: 'agreements', query: {}, columns: ['email'], format: 'csv' },
    { list: 'visits', query: {}, columns: [], format: 'csv' },
    { list: 'people', query: {}, columns: ['name'], format: 'csv' },
    { list: 'contacts', query: { sort: 'phone' }, columns: ['name'], format: 'xlsx' },
  ],
  'localities.page': [{ limit: 501 }, { sort: 'population' }, { dir: 'up' }],
  'localities.get': [{ id: 0 }, { id: 'one' }],
  'localities.create': [
    { ...shanghaiFields, name: '' },
    { ...shanghaiFields, country: 'ZZ' },
    { ...shanghaiFields, level: 'planet' },
    null,
    { ...shanghaiFields, latitude: 91, longitude: 121.4581 },
    { ...shanghaiFields, latitude: 31.2222, longitude: -180.5 },
    { ...shanghaiFields, latitude: 31.2222, longitude: null },
    { ...shanghaiFields, latitude: '31,2222', longitude: 121.4581 },
    { ...shanghaiFields, latitude: Number.NaN, longitude: 121.4581 },
  ],
  'localities.update': [
    { ...shanghaiFields, id: 1 },
    { ...shanghaiFields, id: 1, version: 0 },
    { ...shanghaiFields, id: 1, version: 1, latitude: null, longitude: 121.4581 },
  ],
  'places.suggest': [{}, { name: 'x'.repeat(201) }, { name: 'Xiamen', country: 'ZZ' }, { name: 'Xiamen', level: 'planet' }, { name: 'Xiamen', extra: 1 }],
  'places.partners': [{ extra: 1 }],
  'localities.similar': [
    {},
    { name: 'Shanghai' },
    { name: 'Shanghai', country: 'ZZ' },
    { name: 'x'.repeat(201), country: 'CN' },
    { name: 'Shanghai', country: 'CN', excludeId: 0 },
    { name: 'Shanghai', country: 'CN', extra: 1 },
  ],
  'localities.archive': [{}, { id: -3 }],
  'localities.restore': [{ id: 1.5 }],
  'partners.story': [{}, { id: 0 }, { id: 'Shanghai' }, { id: 1, extra: 1 }],
  'partners.timeline': [
    {},
    { id: 1, limit: 0 },
    { id: 1, limit: 201 },
    { id: 1, kinds: [] },
    { id: 1, kinds: ['birthday'] },
    { id: 1, offset: -1 },
    { id: 1, sort: 'asc' },
  ],
  'partners.people': [{}, { partnerId: 1, agreementId: 1 }, { partnerId: 0 }, { agreementId: 1, limit: 501 }, { partnerId: 1, extra: 1 }],
  'agreements.list': [{ sort: 'password' }, { stages: ['maybe'] }, { limit: 100001 }],
  'agreements.get': [{ id: null }],
  'agreements.create': [
    agreementFields(1, { signedOn: '2018-02-31' }),
    agreementFields(1, { signedOn: '2016-01-01', letterOfIntentOn: '2017-01-01' }),
    agreementFields(1, { expiresOn: '2010-01-01' }),
    agreementFields(1, { stage: 'ended', endedOn: null }),
    agreementFields(1, { kind: 'alliance' as never }),
    { partnerId: 1 },
  ],
  'agreements.update': [
    { ...agreementFields(1), id: 1 },
    { ...agreementFields(1, { signedOn: 'yesterday' }), id: 1, version: 1 },
  ],
  'agreements.changeStage': [
    { id: 1, version: 1, stage: 'signed', date: '31/12/2024' },
    { id: 1, version: 1, stage: 'won' },
  ],
  'agreements.similar': [
    {},
    { partnerId: 1 },
    { partnerId: 1, kind: 'alliance' },
    { partnerId: 'one', kind: 'twinning' },
    { partnerId: 1, kind: 'twinning', excludeId: -1 },
    { partnerId: 1, kind: 'twinning', stage: 'ended' },
  ],
  'agreements.archive': [{ id: 'x' }],
  'agreements.restore': [{}],
  'agreements.history': [{ id: 0 }],
  'reports.preview': [
    { kind: 'annual', year: 1800, language: 'es' },
    { kind: 'annual', year: 2020, language: 'zh' },
    { kind: 'horoscope', year: 2020, language: 'es' },
    { kind: 'agreement', language: 'es' },
    { kind: 'commitments', asAt: '31/12/2026', language: 'es' },
    { kind: 'commitments', asAt: '2026-02-30', language: 'es' },
    { kind: 'annual', year: 2020, language: 'es', region: 'XX' },
  ],
  'reports.generate': [
    { report: { kind: 'annual', year: 2020, language: 'es' }, target: 'printer' },
    { report: { kind: 'annual', year: '2020', language: 'es' } },
  ],
  'reports.open': [{ path: '' }, {}],
  'reports.assets': [{ extra: 1 }],
  'reports.setAsset': [
    { kind: 'background', fileName: 'a.png', base64: 'AAAA' },
    { kind: 'logo', fileName: '', base64: 'AAAA' },
    { kind: 'logo', fileName: 'a.png', base64: '' },
  ],
  'reports.removeAsset': [{ kind: 'font' }],
  'contacts.list': [{ limit: 0 }, { localityId: 'x' }, { sort: 'phone' }],
  'contacts.get': [{ id: 0 }],
  'contacts.similar': [{}, { name: 'x'.repeat(201) }],
  'contacts.create': [
    { ...wangFields, name: '  ' },
    { ...wangFields, email: 'not-an-email' },
    { ...wangFields, localityId: -1 },
  ],
  'contacts.update': [
    { ...wangFields, id: 1 },
    { ...wangFields, name: '', id: 1, version: 1 },
  ],
  'contacts.archive': [{ id: 'x' }],
  'contacts.restore': [{}],
  'contacts.delete': [{ id: -1 }],
  'visits.list': [{ direction: 'sideways' }, { year: 99 }, { status: 'maybe' }],
  'visits.get': [{ id: 0 }],
  'visits.create': [
    visitFields({ endsOn: '2026-04-01' }),
    visitFields({ startsOn: '2026-02-30' }),
    visitFields({ direction: 'up' as never }),
    visitFields({ purpose: '' }),
    visitFields({ costs: [{ item: 'Pasajes', amountMinor: -100, currency: 'PEN', paidBy: 'ours' }] }),
    visitFields({ costs: [{ item: 'Pasajes', amountMinor: 10.5, currency: 'PEN', paidBy: 'ours' }] }),
    visitFields({ costs: [{ item: 'Pasajes', amountMinor: 100, currency: 'SOL', paidBy: 'ours' }] }),
    visitFields({ costs: [{ item: 'Pasajes', amountMinor: 100, currency: 'PEN', paidBy: 'nobody' as never }] }),
    visitFields({ participants: [{ role: 'member' }] }),
    visitFields({ participants: [{ contactId: 1, newContact: wangFields, role: 'member' }] }),
    visitFields({ agenda: [{ onDate: '2026-05-30', what: 'Reunión' }] }),
    visitFields({ agenda: [{ onDate: '2026-04-13', atTime: '25:00', what: 'Reunión' }] }),
    visitFields({ gifts: [{ direction: 'given', what: 'Cerámica', valueMinor: 5000 }] }),
  ],
  'visits.update': [
    { ...visitFields(), id: 1 },
    { ...visitFields({ endsOn: '2020-01-01' }), id: 1, version: 1 },
  ],
  'visits.outcomeToTask': [{ outcomeId: 0 }, { outcomeId: 1, dueOn: 'mañana' }],
  'visits.archive': [{ id: null }],
  'visits.restore': [{ id: 'x' }],
  'visits.delete': [{}],
  'tasks.list': [{ view: 'someday' }, { days: 0 }, { link: { kind: 'planet', id: 1 } }],
  'tasks.get': [{ id: 0 }],
  'tasks.create': [
    taskFields({ title: '' }),
    taskFields({ dueOn: '2026-13-01' }),
    taskFields({ status: 'open', completedOn: '2026-01-01' }),
    taskFields({ priority: 'urgent' as never }),
    taskFields({ link: { kind: 'visit', id: 0 } }),
  ],
  'tasks.update': [{ ...taskFields(), id: 1 }],
  'tasks.setStatus': [
    { id: 1, version: 1, status: 'finished' },
    { id: 1, status: 'done' },
  ],
  'tasks.delete': [{ id: 'x' }],
  'home.summary': [{ days: 3 }],
  'agreements.delete': [{ id: 0 }, {}],
  'backups.list': [{ extra: 1 }],
  'backups.now': [{ extra: 1 }],
  'backups.restore': [{ name: '../office.sqlite' }, { name: '/etc/passwd' }, {}, { name: 'a.sqlite', path: '/tmp' }],
  'backups.setFolder': [{ dir: 5 }, {}, { dir: 'x'.repeat(1001) }],
  'export.tables': [{ extra: 1 }],
  'export.file': [{ format: 'pdf' }, { format: 'csv' }, { format: 'csv', table: '../x' }, {}],
  'import.preview': [
    { entity: 'planets', fileName: 'a.csv', contentBase64: 'YQ==' },
    { entity: 'agreements', fileName: 'a.csv', contentBase64: '' },
    { entity: 'agreements', fileName: 'a.csv', contentBase64: 'not base64!' },
    { entity: 'agreements', fileName: 'a.csv', contentBase64: 'A'.repeat(14_000_001) },
    { entity: 'agreements', fileName: 'a.csv', contentBase64: 'YQ==', mapping: { partner: -1 } },
  ],
  'import.commit': [{ entity: 'agreements', fileName: 'a.csv', contentBase64: 'YQ==', duplicates: 'overwrite' }, {}],
  'commitments.list': [{ statuses: ['lapsed'] }, { year: 99 }, { sort: 'price' }, { direction: 'both' }],
  'commitments.get': [{ id: 0 }],
  'commitments.create': [
    commitmentFields(1, { quantity: 0 }),
    commitmentFields(1, { quantity: 2.5 }),
    commitmentFields(1, { kind: 'loan' as never }),
    commitmentFields(1, { direction: 'both' as never }),
    commitmentFields(1, { description: '  ' }),
    commitmentFields(1, { value: '100', currency: null }),
    commitmentFields(1, { value: null, currency: 'USD' }),
    commitmentFields(1, { value: '100', currency: 'XYZ' }),
    commitmentFields(1, { value: '10.5', currency: 'JPY' }),
    commitmentFields(1, { value: '-3', currency: 'PEN' }),
    commitmentFields(1, { value: '1.2.3', currency: 'USD' }),
    commitmentFields(1, { value: '12.400.50', currency: 'USD' }),
    commitmentFields(1, { dueOn: '2026-02-30' }),
  ],
  'commitments.update': [
    { ...commitmentFields(1), id: 1 },
    { ...commitmentFields(1, { quantity: -1 }), id: 1, version: 1 },
  ],
  'commitments.cancel': [
    { id: 1, version: 1, reason: '' },
    { id: 1, version: 1 },
  ],
  'commitments.reopen': [{ id: 1 }],
  'commitments.history': [{ id: 'a' }],
  'commitments.totals': [{ groupBy: 'colour' }, {}],
  'commitments.addDelivery': [
    { commitmentId: 1, deliveredOn: '2026-13-01', quantity: 1 },
    { commitmentId: 1, deliveredOn: '2026-01-01', quantity: -1 },
    { commitmentId: 1, deliveredOn: '2026-01-01', quantity: 1, beneficiaries: [{ name: '' }] },
    { commitmentId: 1, deliveredOn: '2026-01-01', quantity: 1, value: '5', currency: null },
  ],
  'commitments.updateDelivery': [{ id: 1, deliveredOn: '2026-01-01', quantity: 1 }],
  'commitments.removeDelivery': [{ id: 1 }],
  'attachments.list': [{ entity: 'payment', entityId: 1 }, { entity: 'agreement' }],
  'attachments.add': [
    { entity: 'agreement', entityId: 1, fileName: '', contentBase64: 'aGk=' },
    { entity: 'agreement', entityId: 1, fileName: 'a.pdf', contentBase64: 'not base64!' },
    { entity: 'agreement', entityId: 1, fileName: 'a.pdf', contentBase64: 'A'.repeat(14_000_004) },
    { entity: 'invoice', entityId: 1, fileName: 'a.pdf', contentBase64: 'aGk=' },
  ],
  'attachments.remove': [{ linkId: 0 }],
  'attachments.open': [{}],
  'calendar.entries': [
    { from: '2026-02-01', to: '2026-01-01' },
    { from: '2026-02-30', to: '2026-03-01' },
    { from: '2000-01-01', to: '2026-01-01' },
    { from: '2026-01-01', to: '2026-01-31', kinds: ['birthday'] },
    { from: '2026-01-01' },
  ],
  'calendar.exportIcs': [
    { from: '2026-01-01', to: '2025-12-31' },
    { from: '2026-01-01', to: '2026-01-31', partnerId: 0 },
  ],
  'calendar.visitIcs': [{ id: 0 }, { id: 1, extra: true }],
  'officeEvents.get': [{ id: 0 }],
  'officeEvents.create': [
    { title: '', allDay: true, start: '2026-01-05', end: '2026-01-05' },
    { title: 'Foro', allDay: true, start: '2026-01-05', end: '2026-01-04' },
    { title: 'Foro', allDay: false, start: '2026-01-05', end: '2026-01-05' },
    { title: 'Foro', allDay: false, start: '2026-01-05T10:00', end: '2026-01-05T09:59' },
    { title: 'Foro', allDay: false, start: '2026-01-05T24:30', end: '2026-01-05T25:00' },
    { title: 'Foro', allDay: true, start: '2026-02-29', end: '2026-03-01' },
  ],
  'officeEvents.update': [{ id: 1, title: 'Foro', allDay: true, start: '2026-01-05', end: '2026-01-05' }],
  'officeEvents.move': [
    { id: 1, version: 1, allDay: true, start: '2026-01-06', end: '2026-01-05' },
    { id: 1, version: 1, allDay: true, start: '2026-01-06' },
  ],
  'officeEvents.delete': [{ id: 'x' }],
  'undo.apply': [{ call: 'visits.create', id: 1 }, { call: 'visits.delete' }, { call: 'visits.delete', id: 1, extra: true }],
  'jobs.progress': [{}, { id: 'short' }, { id: '../../etc/passwd' }, { id: 'a'.repeat(65) }],
  'jobs.cancel': [{}, { id: 42 }, { id: 'abcdefgh', extra: 1 }],
  'search.global': [{}, { query: 'x'.repeat(101) }, { query: 'xiamen', limit: 21 }, { query: 'xiamen', limit: 0 }, { query: 'xiamen', extra: 1 }],
  'search.pick': [
    {},
    { kind: 'staff' },
    { kind: 'contact', query: 'x'.repeat(101) },
    { kind: 'contact', limit: 10000 },
    { kind: 'contact', offset: -1 },
    { kind: 'contact', ids: Array.from({ length: 101 }, (_, i) => i + 1) },
    { kind: 'agreement', on: '2025-02-30' },
    { kind: 'contact', extra: 1 },
  ],
};

describe('the contract boundary', () => {
  it('has a bad-input case for every call', () => {
    expect(Object.keys(BAD_INPUT).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(Object.entries(BAD_INPUT))('refuses bad input to %s and writes nothing', async (name, inputs) => {
    const services = await openTestServices();
    await partnerWithAgreement(services);
    const before = tableCounts(services);
    for (const input of inputs) {
      const result = await services.dispatch(name, input);
      expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('validation');
    }
    expect(tableCounts(services)).toEqual(before);
  });

  it('puts each rule on the field the user must fix', async () => {
    const services = await openTestServices();
    const result = await services.dispatch('agreements.create', agreementFields(1, { signedOn: '2016-01-01', letterOfIntentOn: '2017-01-01' }));
    expect(result).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['signedOn'], message: 'errors.signed_before_intent' }] } });
    const bad = await services.dispatch('agreements.create', agreementFields(1, { signedOn: '2018-02-31' }));
    expect(!bad.ok && bad.error.kind === 'validation' && bad.error.issues[0]).toEqual({ path: ['signedOn'], message: 'errors.date' });
  });

  it('refuses an unknown call', async () => {
    const services = await openTestServices();
    expect(await services.dispatch('agreements.drop', {})).toEqual({ ok: false, error: { kind: 'internal', message: 'errors.unknown_call' } });
  });

  it('answers good input to every read call', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services);
    await ok(services, 'app.info', {});
    await ok(services, 'settings.get', {});
    await ok(services, 'areas.list', {});
    await ok(services, 'localities.list', {});
    expect((await ok(services, 'localities.get', { id: partner.id })).name).toBe('Shanghai');
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
    expect((await ok(services, 'agreements.get', { id: agreement.id })).partner.nativeName).toBe('上海市');
    expect((await ok(services, 'agreements.history', { id: agreement.id }))[0]?.action).toBe('create');
  });

  it('reports a missing record as not found, and a stale edit as a conflict', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const missing = await services.dispatch('agreements.get', { id: 999 });
    expect(!missing.ok && missing.error.kind).toBe('not_found');
    await ok(services, 'agreements.update', { ...agreementFields(agreement.partnerId, { notes: 'first' }), id: agreement.id, version: agreement.version });
    const stale = await services.dispatch('agreements.update', {
      ...agreementFields(agreement.partnerId, { notes: 'second' }),
      id: agreement.id,
      version: agreement.version,
    });
    expect(!stale.ok && stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) });
    expect((await ok(services, 'agreements.get', { id: agreement.id })).notes).toBe('first');
  });

  it('refuses an agreement with an archived partner, on the partner field', async () => {
    const services = await openTestServices();
    const partner = await ok(services, 'localities.create', shanghaiFields);
    await ok(services, 'localities.archive', { id: partner.id });
    const result = await services.dispatch('agreements.create', agreementFields(partner.id));
    expect(!result.ok && result.error).toEqual({ kind: 'validation', issues: [{ path: ['partnerId'], message: 'errors.partner_archived' }] });
  });

  it('puts a coordinate off the globe, or half a point, next to its field', async () => {
    const services = await openTestServices();
    const issues = async (input: object) => {
      const r = await services.dispatch('localities.create', { ...shanghaiFields, ...input });
      return !r.ok && r.error.kind === 'validation' ? r.error.issues : r;
    };
    expect(await issues({ latitude: 91, longitude: 10 })).toEqual([{ path: ['latitude'], message: 'coordinates.latitudeRange|{"max":90}' }]);
    expect(await issues({ latitude: 10, longitude: -181 })).toEqual([{ path: ['longitude'], message: 'coordinates.longitudeRange|{"max":180}' }]);
    expect(await issues({ latitude: 10, longitude: null })).toEqual([{ path: ['longitude'], message: 'coordinates.both' }]);
    expect(await issues({ latitude: null, longitude: 10 })).toEqual([{ path: ['latitude'], message: 'coordinates.both' }]);
    const placed = await ok(services, 'localities.create', { ...shanghaiFields, latitude: 31.2222, longitude: 121.4581 });
    expect([placed.latitude, placed.longitude]).toEqual([31.2222, 121.4581]);
    // A file edited by hand keeps the same rule.
    expect(() => services.opened.sqlite.prepare('UPDATE localities SET latitude = 95 WHERE id = ?').run(placed.id)).toThrow(/CHECK/);
    expect(() => services.opened.sqlite.prepare('UPDATE localities SET longitude = NULL WHERE id = ?').run(placed.id)).toThrow(/CHECK/);
  });

  it('refuses a locality that would become its own ancestor', async () => {
    const services = await openTestServices();
    const fujian = await ok(services, 'localities.create', { name: 'Fujian', nativeName: '福建省', country: 'CN', level: 'province', parentId: null });
    const zhangzhou = await ok(services, 'localities.create', { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: fujian.id });
    const loop = await services.dispatch('localities.update', { ...fujian, parentId: zhangzhou.id, id: fujian.id, version: fujian.version });
    expect(!loop.ok && loop.error).toEqual({ kind: 'validation', issues: [{ path: ['parentId'], message: 'errors.parent_loop' }] });
  });

  it('keeps the database rules even when the boundary is bypassed', async () => {
    const services = await openTestServices();
    const raw = services.opened.sqlite;
    const insert = (signed: string, intent: string) =>
      raw
        .prepare(
          `INSERT INTO agreements (partner_id, kind, stage, channel, signed_on, letter_of_intent_on, search_text, created_at, updated_at)
                  VALUES (1, 'twinning', 'signed', 'bilateral', ?, ?, '', 't', 't')`,
        )
        .run(signed, intent);
    await ok(services, 'localities.create', shanghaiFields);
    expect(() => insert('2018-02-31', '2017-01-01')).toThrow(/CHECK/);
    expect(() => insert('2016-01-01', '2017-01-01')).toThrow(/CHECK/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO agreements (partner_id, kind, stage, channel, search_text, created_at, updated_at) VALUES (99, 'twinning', 'signed', 'bilateral', '', 't', 't')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
