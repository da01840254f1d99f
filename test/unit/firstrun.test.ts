import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/services.ts';
import type { SetupInput } from '../../shared/contract/setup.ts';
import { agreementFields, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

const NOW = new Date(2026, 3, 20, 12, 0, 0);

const setup = (overrides: Partial<SetupInput> = {}): SetupInput => ({
  officeName: 'Intendencia de Montevideo — Relaciones Internacionales',
  ownLocalityId: null,
  cityName: 'Montevideo',
  cityNativeName: null,
  cityCountry: 'UY',
  country: null,
  currency: null,
  language: 'es',
  userName: 'Lucía Fernández',
  staff: ['Martín Pérez', 'Lucía Fernández'],
  ...overrides,
});

const rows = (s: Services, q: string, ...params: unknown[]) => s.opened.sqlite.prepare(q).all(...params) as Record<string, unknown>[];

describe('first-run set-up', () => {
  it('a new file asks for it; the set-up creates the own city and writes the settings with their audit rows; then it is not asked again', async () => {
    const services = await openTestServices({ now: () => NOW });
    expect((await ok(services, 'app.info', {})).needsSetup).toBe(true);
    const view = await ok(services, 'setup.complete', setup());
    const city = rows(services, 'SELECT id, name, country, level FROM localities');
    expect(city).toEqual([{ id: view.ownLocalityId, name: 'Montevideo', country: 'UY', level: 'city' }]);
    expect(view).toMatchObject({ officeName: 'Intendencia de Montevideo — Relaciones Internacionales', userName: 'Lucía Fernández', language: 'es' });
    // The user is one of the staff (first), once; the region follows the city: Uruguay, pesos.
    expect(view.staff).toEqual(['Lucía Fernández', 'Martín Pérez']);
    expect(view.region).toEqual({ country: 'UY', currency: 'UYU' });
    expect(rows(services, 'SELECT entity, action, user_name FROM audit_log ORDER BY id')).toEqual([
      { entity: 'locality', action: 'create', user_name: '' },
      { entity: 'settings', action: 'update', user_name: '' },
    ]);
    expect((await ok(services, 'app.info', {})).needsSetup).toBe(false);
  });

  it('uses the city when the file already knows it (any spelling), and a chosen one by id', async () => {
    const services = await openTestServices({ now: () => NOW });
    const known = await ok(services, 'localities.create', { name: 'Ciudad de Montevideo', country: 'UY', level: 'city' });
    // A file with records is in use: it is not asked to set up.
    expect((await ok(services, 'app.info', {})).needsSetup).toBe(false);
    expect((await ok(services, 'setup.complete', setup({ cityName: 'montevideo ' }))).ownLocalityId).toBe(known.id);
    expect((await ok(services, 'setup.complete', setup({ ownLocalityId: known.id, cityName: null, cityCountry: null }))).ownLocalityId).toBe(known.id);
    expect(rows(services, 'SELECT count(*) AS n FROM localities')).toEqual([{ n: 1 }]);
  });

  it('a refused set-up writes nothing: a missing city, an unknown chosen city', async () => {
    const services = await openTestServices({ now: () => NOW });
    const before = tableCounts(services);
    const missing = await services.call('setup.complete', setup({ cityName: null }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ kind: 'validation', issues: [{ path: ['cityName'], message: 'errors.required' }] });
    const unknown = await services.call('setup.complete', setup({ ownLocalityId: 999, cityName: null, cityCountry: null }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatchObject({ kind: 'validation', issues: [{ path: ['ownLocalityId'], message: 'errors.not_found' }] });
    expect(tableCounts(services)).toEqual(before);
    expect((await ok(services, 'app.info', {})).needsSetup).toBe(true);
  });

  it('Home with no agreement says so (the screen then tells what to do first), not that all had activity', async () => {
    const services = await openTestServices({ now: () => NOW });
    const home = await ok(services, 'home.summary', {});
    expect(home.agreementCount).toBe(0);
    expect(home.quietAgreements).toEqual([]);
  });
});

describe('sample data removed again', () => {
  it('takes out exactly the sample rows; keeps the user’s rows, a sample row the user changed and one the user’s rows point at', async () => {
    const services = await openTestServices({ now: () => NOW });
    await ok(services, 'setup.complete', setup());
    const own = await ok(services, 'settings.get', {});
    const empty = tableCounts(services);
    await ok(services, 'sample.load', {});
    expect((await ok(services, 'app.info', {})).sampleLoaded).toBe(true);
    // The sample left the user's office name, own city and staff alone.
    expect(await ok(services, 'settings.get', {})).toMatchObject({ officeName: own.officeName, ownLocalityId: own.ownLocalityId, staff: own.staff });

    const localities = await ok(services, 'localities.list', {});
    const kobe = localities.find((l) => l.name === 'Kobe')!; // in the sample
    const shanghai = localities.find((l) => l.name === 'Shanghai')!;
    // The user's own rows: a contact, a visit linked to a sample agreement, a task on it.
    const mine = await ok(services, 'contacts.create', { ...wangFields, name: 'Sofía Rodríguez', nativeName: null });
    const kobeAgreement = (await ok(services, 'agreements.list', {})).rows.find((a) => a.partnerName === 'Kobe')!;
    const myVisit = await ok(services, 'visits.create', {
      ...visitFields({ purpose: 'Misión a Kobe', localityId: kobe.id }),
      agreementIds: [kobeAgreement.id],
    });
    const myTask = await ok(services, 'tasks.create', taskFields({ title: 'Llamar a Kobe', link: { kind: 'agreement', id: kobeAgreement.id } }));
    // A sample contact the user corrected.
    const chen = (await ok(services, 'contacts.list', { search: 'Chen Jing' })).rows[0]!;
    const chenFull = await ok(services, 'contacts.get', { id: chen.id });
    await ok(services, 'contacts.update', { ...chenFull, email: 'chen.jing@example.com', id: chen.id, version: chenFull.version });
    // A new agreement of the user's with the sample partner Shanghai.
    const myAgreement = await ok(services, 'agreements.create', agreementFields(shanghai.id, { kind: 'friendship', notes: 'Nuestro' }));

    const result = await ok(services, 'sample.remove', {});
    expect(result.removed.agreements).toBe(5); // six sample agreements but Kobe's
    expect(result.kept).toMatchObject({ agreements: 1, contacts: 1 });

    const names = rows(services, 'SELECT name FROM localities ORDER BY name').map((r) => r.name);
    // Montevideo (the user's), Kobe (the user's visit goes there), Shanghai (the user's agreement).
    expect(names).toEqual(['Kobe', 'Montevideo', 'Shanghai']);
    expect(rows(services, 'SELECT name FROM contacts ORDER BY name').map((r) => r.name)).toEqual(['Chen Jing', 'Sofía Rodríguez']);
    expect(rows(services, 'SELECT id FROM agreements ORDER BY id').map((r) => r.id)).toEqual([kobeAgreement.id, myAgreement.id]);
    expect(rows(services, 'SELECT id FROM visits').map((r) => r.id)).toEqual([myVisit.id]);
    expect(rows(services, 'SELECT id FROM tasks').map((r) => r.id)).toEqual([myTask.id]);
    expect(rows(services, 'SELECT agreement_id FROM visit_agreements')).toEqual([{ agreement_id: kobeAgreement.id }]);
    expect(rows(services, 'SELECT count(*) AS n FROM commitments')).toEqual([{ n: 0 }]);
    expect(rows(services, 'SELECT count(*) AS n FROM office_events')).toEqual([{ n: 0 }]);
    // Kobe's agreement keeps its own history; the file is whole.
    expect(rows(services, 'SELECT count(*) AS n FROM agreement_stages WHERE agreement_id = ?', kobeAgreement.id)).toEqual([{ n: 1 }]);
    expect(rows(services, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(await ok(services, 'contacts.get', { id: mine.id })).toMatchObject({ name: 'Sofía Rodríguez' });
    expect(await ok(services, 'settings.get', {})).toMatchObject({ officeName: own.officeName, ownLocalityId: own.ownLocalityId, staff: own.staff });

    const info = await ok(services, 'app.info', {});
    expect(info.sampleLoaded).toBe(false);
    expect(rows(services, "SELECT entity, action FROM audit_log WHERE entity = 'sample'")).toEqual([{ entity: 'sample', action: 'delete' }]);
    // Removing twice is refused; loading again works.
    expect((await services.call('sample.remove', {})).ok).toBe(false);
    await ok(services, 'sample.load', {});
    expect(tableCounts(services).agreements).toBeGreaterThan((empty.agreements ?? 0) + 2);
  });

  it('an untouched sample in a new file goes entirely, with the settings it filled in', async () => {
    const services = await openTestServices({ now: () => NOW });
    const empty = tableCounts(services);
    await ok(services, 'sample.load', {});
    expect((await ok(services, 'settings.get', {})).staff.length).toBeGreaterThan(0);
    await ok(services, 'sample.remove', {});
    const after = tableCounts(services);
    // Nothing but the audit trail (the load's and the removal's rows) is left of it.
    expect({ ...after, audit_log: 0, settings: 0 }).toEqual({ ...empty, audit_log: 0, settings: 0 });
    expect(await ok(services, 'settings.get', {})).toMatchObject({ officeName: '', ownLocalityId: null, staff: [] });
    expect((await ok(services, 'app.info', {})).needsSetup).toBe(true);
  });

  it('a file that loaded the sample before this version (no list of sample rows) gets one from the tags and the load’s timestamps', async () => {
    const first = await openTestServices({ now: () => NOW });
    await ok(first, 'sample.load', {});
    const later = new Date(NOW.getTime() + 3_600_000);
    const kobe = (await ok(first, 'localities.list', {})).find((l) => l.name === 'Kobe')!;
    const file = first.file;
    // As an older build left it: no list, no migration 10 recorded.
    first.opened.sqlite.exec("DROP TABLE sample_rows; DELETE FROM schema_migrations WHERE version = 10; DELETE FROM settings WHERE key = 'sampleSettings';");
    await first.close();
    const services = await createServices(file, { now: () => later });
    try {
      expect((await ok(services, 'app.info', {})).sampleLoaded).toBe(true);
      const kobeAgreement = (await ok(services, 'agreements.list', {})).rows.find((a) => a.partnerName === 'Kobe')!;
      await ok(services, 'commitments.create', {
        agreementId: kobeAgreement.id,
        areaId: 2,
        kind: 'donation_in_kind',
        direction: 'receive',
        description: 'Libros',
        quantity: 10,
        unit: null,
        value: null,
        currency: null,
        dueOn: null,
        notes: null,
      });
      await ok(services, 'sample.remove', {});
      expect(rows(services, 'SELECT name FROM localities').map((r) => r.name)).toEqual([kobe.name]);
      expect(rows(services, 'SELECT description FROM commitments')).toEqual([{ description: 'Libros' }]);
      expect(rows(services, 'SELECT count(*) AS n FROM visits')).toEqual([{ n: 0 }]);
      expect(rows(services, 'PRAGMA foreign_key_check')).toEqual([]);
      // The own city the sample set (Lima) is gone, so it is forgotten rather than left pointing nowhere.
      expect((await ok(services, 'settings.get', {})).ownLocalityId).toBeNull();
    } finally {
      await services.close();
    }
  });
});

describe('Settings: the office section', () => {
  it('creates a new own city in the same transaction as the settings, and refuses without writing when the name is missing', async () => {
    const services = await openTestServices({ now: () => NOW });
    const office = {
      officeName: 'Prefeitura de Porto Alegre',
      ownLocalityId: null,
      cityName: 'Porto Alegre',
      cityNativeName: null,
      cityCountry: 'BR',
      userName: 'João',
      language: 'pt',
    } as const;
    const before = tableCounts(services);
    expect((await services.call('settings.office', { ...office, officeName: '' })).ok).toBe(false);
    expect(tableCounts(services)).toEqual(before);
    const view = await ok(services, 'settings.office', office);
    expect(view).toMatchObject({ language: 'pt', userName: 'João', staff: ['João'], region: { country: 'BR', currency: 'BRL' } });
    expect(rows(services, 'SELECT name, country FROM localities')).toEqual([{ name: 'Porto Alegre', country: 'BR' }]);
  });
});

describe('Settings: the backups folder through the desktop bridge', () => {
  it('the desktop app offers its folder picker (titled in the app language) and opens the folder; the browser build says it has none', async () => {
    const asked: { title: string; current: string | null }[] = [];
    const opened: string[] = [];
    const desktop = await openTestServices({
      host: { saveFile: async () => null, chooseFolder: async (title, current) => (asked.push({ title, current }), '/media/usb/copias') },
      openPath: async (file) => (opened.push(file), ''),
    });
    await ok(desktop, 'settings.update', { language: 'pt' });
    expect(await ok(desktop, 'app.chooseFolder', {})).toEqual({ available: true, dir: '/media/usb/copias' });
    expect(asked).toEqual([{ title: 'Pasta para os backups', current: (await ok(desktop, 'backups.list', {})).dir }]);
    // A folder not made yet (no backup so far) is said so rather than handed to the file manager.
    expect((await desktop.call('backups.openFolder', {})).ok).toBe(false);
    await ok(desktop, 'backups.now', {});
    expect(await ok(desktop, 'backups.openFolder', {})).toMatchObject({ opened: true });
    expect(opened).toEqual([(await ok(desktop, 'backups.list', {})).dir]);

    const web = await openTestServices();
    expect(await ok(web, 'app.chooseFolder', {})).toEqual({ available: false, dir: null });
    expect(await ok(web, 'backups.openFolder', {})).toEqual({ opened: false, dir: (await ok(web, 'backups.list', {})).dir });
  });
});
