import { describe, expect, it } from 'vitest';
import { agreementFields, partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

describe('agreements and localities', () => {
  it('keeps Chinese and accented text exactly as typed, through every read', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(
      services,
      { name: 'Zhāngzhōu', nativeName: '漳州市' },
      { signatoriesOurs: 'Roberto Briceño, alcalde', signatoriesTheirs: '王市长', notes: 'Cooperación en educación: 𠀀 rare CJK, emoji 🎓, Ação' },
    );
    const got = await ok(services, 'agreements.get', { id: agreement.id });
    expect(got.partner.name).toBe('Zhāngzhōu');
    expect(got.partner.nativeName).toBe('漳州市');
    expect(got.signatoriesOurs).toBe('Roberto Briceño, alcalde');
    expect(got.signatoriesTheirs).toBe('王市长');
    expect(got.notes).toBe('Cooperación en educación: 𠀀 rare CJK, emoji 🎓, Ação');
    const listed = await ok(services, 'agreements.list', {});
    expect(listed.rows[0]).toMatchObject({ partnerName: 'Zhāngzhōu', partnerNativeName: '漳州市' });
    expect((await ok(services, 'localities.get', { id: partner.id })).nativeName).toBe('漳州市');
  });

  it('finds agreements ignoring accents and case, by Chinese name, and by other fields', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services, { name: 'Zhāngzhōu', nativeName: '漳州市' }, { signedPlace: 'Chimbote' });
    await partnerWithAgreement(services, { name: 'Córdoba', nativeName: null, country: 'AR', level: 'province' }, { signedPlace: 'Córdoba' });
    const search = async (term: string) => (await ok(services, 'agreements.list', { search: term })).rows.map((r) => r.partnerName);
    expect(await search('zhangzhou')).toEqual(['Zhāngzhōu']);
    expect(await search('ZHANGZHOU')).toEqual(['Zhāngzhōu']);
    expect(await search('cordoba')).toEqual(['Córdoba']);
    expect(await search('CÓRDOBA')).toEqual(['Córdoba']);
    expect(await search('漳州')).toEqual(['Zhāngzhōu']);
    expect(await search('chimbote')).toEqual(['Zhāngzhōu']);
    expect(await search('100%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('filters by stage, country and area, and sorts by any column', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services, { name: 'Shanghai' }, { stage: 'active', areaIds: [1] });
    await partnerWithAgreement(
      services,
      { name: 'Kobe', nativeName: '神戸市', country: 'JP' },
      { stage: 'dormant', areaIds: [2], signedOn: '2014-10-03', letterOfIntentOn: null },
    );
    await partnerWithAgreement(services, { name: 'Córdoba', nativeName: null, country: 'AR' }, { stage: 'letter_of_intent', signedOn: null, areaIds: [1, 3] });
    const names = async (input: object) => (await ok(services, 'agreements.list', input)).rows.map((r) => r.partnerName);
    expect(await names({ stages: ['dormant'] })).toEqual(['Kobe']);
    expect(await names({ country: 'AR' })).toEqual(['Córdoba']);
    expect(await names({ areaId: 1 })).toEqual(['Córdoba', 'Shanghai']);
    expect(await names({ sort: 'partner', dir: 'desc' })).toEqual(['Shanghai', 'Kobe', 'Córdoba']);
    // Not yet signed: last whichever the direction (electron/core/db/sort.ts).
    expect(await names({ sort: 'signedOn', dir: 'asc' })).toEqual(['Kobe', 'Shanghai', 'Córdoba']);
    expect(await names({ sort: 'country' })).toEqual(['Córdoba', 'Shanghai', 'Kobe']);
    const page = await ok(services, 'agreements.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });

  it('archives and restores instead of deleting, out of and back into the list', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const archived = await ok(services, 'agreements.archive', { id: agreement.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await ok(services, 'agreements.list', {})).total).toBe(0);
    expect((await ok(services, 'agreements.list', { archived: true })).rows.map((r) => r.id)).toEqual([agreement.id]);
    const restored = await ok(services, 'agreements.restore', { id: agreement.id });
    expect(restored.archivedAt).toBeNull();
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
  });

  it('keeps each stage with the date it was reached', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(
      services,
      {},
      { stage: 'letter_of_intent', stageDate: '2026-02-10', letterOfIntentOn: '2026-02-10', signedOn: null },
    );
    const signed = await ok(services, 'agreements.changeStage', {
      id: agreement.id,
      version: agreement.version,
      stage: 'signed',
      date: '2026-04-15',
      note: 'Firmado en Zhangzhou',
    });
    expect(signed.stage).toBe('signed');
    expect(signed.signedOn).toBe('2026-04-15');
    expect(signed.stages.map((s) => [s.stage, s.date])).toEqual([
      ['letter_of_intent', '2026-02-10'],
      ['signed', '2026-04-15'],
    ]);
    expect(signed.stages[1]?.note).toBe('Firmado en Zhangzhou');
    const ended = await services.dispatch('agreements.changeStage', { id: agreement.id, version: signed.version, stage: 'ended', date: '2020-01-01' });
    expect(ended.ok).toBe(false);
  });

  it('writes an audit row for every change, with who, before and after', async () => {
    const services = await openTestServices();
    await ok(services, 'settings.update', { userName: 'María Quispe' });
    const { agreement } = await partnerWithAgreement(services);
    const updated = await ok(services, 'agreements.update', {
      ...agreementFields(agreement.partnerId, { notes: 'Nueva nota' }),
      id: agreement.id,
      version: agreement.version,
    });
    await ok(services, 'agreements.archive', { id: agreement.id });
    await ok(services, 'agreements.restore', { id: agreement.id });
    const rows = services.opened.sqlite
      .prepare("SELECT action, user_name, before_json, after_json FROM audit_log WHERE entity = 'agreement' ORDER BY id")
      .all() as { action: string; user_name: string; before_json: string | null; after_json: string | null }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'archive', 'restore']);
    expect(rows.every((r) => r.user_name === 'María Quispe')).toBe(true);
    expect(JSON.parse(rows[1]!.before_json!).notes).toBe('Becas para escolares de colegios públicos');
    expect(JSON.parse(rows[1]!.after_json!).notes).toBe('Nueva nota');
    const history = await ok(services, 'agreements.history', { id: agreement.id });
    expect(history[2]?.changes).toContainEqual({ field: 'notes', before: 'Becas para escolares de colegios públicos', after: 'Nueva nota' });
    expect(updated.version).toBe(agreement.version + 1);
  });

  it('writes neither the record nor its audit row when the write fails midway', async () => {
    const services = await openTestServices({ log: () => {} });
    const { partner } = await partnerWithAgreement(services);
    const counts = () =>
      services.opened.sqlite
        .prepare('SELECT (SELECT count(*) FROM agreements) a, (SELECT count(*) FROM agreement_areas) aa, (SELECT count(*) FROM audit_log) l')
        .get();
    const before = counts();
    // The agreement and its areas are inserted before the stage row; make that last insert fail.
    services.opened.sqlite.exec("CREATE TRIGGER fail_stage BEFORE INSERT ON agreement_stages BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    const result = await services.dispatch('agreements.create', agreementFields(partner.id));
    expect(!result.ok && result.error).toEqual({ kind: 'internal', message: 'errors.internal' });
    expect(counts()).toEqual(before);
  });

  it('loads the sample data once, labelled, with Lima as the office', async () => {
    const services = await openTestServices();
    await ok(services, 'sample.load', {});
    const settings = await ok(services, 'settings.get', {});
    const own = await ok(services, 'localities.get', { id: settings.ownLocalityId! });
    expect(own.name).toBe('Lima');
    const list = await ok(services, 'agreements.list', { limit: 100 });
    const shanghai = list.rows.find((r) => r.partnerName === 'Shanghai')!;
    expect(shanghai).toMatchObject({ sample: 'real', kind: 'twinning', signedOn: '2018-07-01' });
    expect(list.rows.filter((r) => r.sample === 'invented').length).toBeGreaterThanOrEqual(4);
    expect(list.rows.map((r) => r.stage)).toEqual(expect.arrayContaining(['under_discussion', 'dormant']));
    // Zhangzhou went from a letter of intent to signed on the mayor's trip (the visits sample).
    const zhangzhou = list.rows.find((r) => r.partnerName === 'Zhangzhou')!;
    const stages = (await ok(services, 'agreements.get', { id: zhangzhou.id })).stages.map((s) => s.stage);
    expect(stages).toEqual(['letter_of_intent', 'signed']);
    expect(list.rows.some((r) => r.country !== 'CN')).toBe(true);
    const again = await services.dispatch('sample.load', {});
    expect(!again.ok && again.error).toEqual({ kind: 'conflict', message: 'errors.sample_loaded' });
  });
});
