import { describe, expect, it } from 'vitest';
import { agreementFields, commitmentFields, partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';
import { generateContacts } from '../bench/generate.ts';

describe('global search (search.global)', () => {
  it('finds partners, agreements, people, visits, commitments and tasks by any of their names, pinyin included, grouped by kind', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services, { name: '厦门', nativeName: '厦门市' });
    await ok(services, 'contacts.create', { ...wangFields, organisation: '厦门大学' });
    await ok(services, 'visits.create', visitFields({ localityId: partner.id, purpose: 'Misión comercial a 厦门', agreementIds: [agreement.id] }));
    await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Becas 厦门大学' }));
    await ok(services, 'tasks.create', taskFields({ title: 'Enviar fotos a Xiàmén' }));
    await ok(services, 'localities.create', { name: 'Montevideo', nativeName: null, country: 'UY', level: 'city', parentId: null });

    const { groups } = await ok(services, 'search.global', { query: 'XIAMEN' });
    expect(groups.map((g) => g.kind)).toEqual(['locality', 'agreement', 'contact', 'visit', 'commitment', 'task']);
    expect(groups[0]!.hits).toEqual([{ kind: 'locality', id: partner.id, name: '厦门', nativeName: '厦门市', detail: null, code: 'CN', date: null }]);
    expect(groups[1]!.hits[0]).toMatchObject({ kind: 'agreement', id: agreement.id, name: '厦门', code: 'twinning', inForce: true });
    expect(groups[2]!.hits[0]).toMatchObject({ kind: 'contact', name: 'Wang Wei', detail: '厦门大学' });
    expect(groups[3]!.hits[0]).toMatchObject({ kind: 'visit', name: 'Misión comercial a 厦门', detail: '厦门', code: 'outbound', date: '2026-04-12' });
    expect(groups[5]!.hits[0]).toMatchObject({ kind: 'task', name: 'Enviar fotos a Xiàmén' });

    // Every word must be found, in any order and any script.
    expect((await ok(services, 'search.global', { query: 'wei 王伟 xiamen' })).groups.map((g) => g.kind)).toEqual(['contact']);
    expect((await ok(services, 'search.global', { query: '   ' })).groups).toEqual([]);
    expect((await ok(services, 'search.global', { query: '100%' })).groups).toEqual([]);
  });

  it('keeps keys current on every write: a renamed place is found by its new name only', async () => {
    const services = await openTestServices();
    const place = await ok(services, 'localities.create', { name: 'Xiamen', nativeName: '厦门市', country: 'CN', level: 'city', parentId: null });
    await ok(services, 'localities.update', {
      id: place.id,
      version: place.version,
      name: 'Quanzhou',
      nativeName: '泉州市',
      country: 'CN',
      level: 'city',
      parentId: null,
    });
    expect((await ok(services, 'search.global', { query: 'xiamen' })).groups).toEqual([]);
    expect((await ok(services, 'search.global', { query: 'quanzhou' })).groups[0]!.hits[0]!.name).toBe('Quanzhou');
    expect((await ok(services, 'search.global', { query: '泉州' })).groups[0]!.hits[0]!.name).toBe('Quanzhou');
    // Archived records are not offered.
    await ok(services, 'localities.archive', { id: place.id });
    expect((await ok(services, 'search.global', { query: 'quanzhou' })).groups).toEqual([]);
  });
});

describe('pickers (search.pick) over 20,000 contacts in a real file', () => {
  it('pages through what the typed words find, counts them, and shows a held value whatever the query', async () => {
    const services = await openTestServices();
    generateContacts(services.opened.sqlite, 20_000);
    const wang = await ok(services, 'contacts.create', { ...wangFields, name: 'Wáng Wěi Zhōu', nativeName: '王伟舟' });

    const all = await ok(services, 'search.pick', { kind: 'contact' });
    expect(all.total).toBe(20_001);
    expect(all.rows).toHaveLength(20);

    // The one created through the contract is found by its pinyin, its characters, and accent-blind Latin.
    for (const query of ['wangweizhou', '王伟舟', 'WANG WEI ZHOU 王伟']) {
      expect((await ok(services, 'search.pick', { kind: 'contact', query })).rows.map((r) => r.id)).toEqual([wang.id]);
    }

    // A common name: many matches, paged; pages do not overlap and the count is the number of matches.
    const first = await ok(services, 'search.pick', { kind: 'contact', query: 'chen', limit: 50 });
    const second = await ok(services, 'search.pick', { kind: 'contact', query: 'chen', limit: 50, offset: 50 });
    const matching = (services.opened.sqlite.prepare("SELECT count(*) AS n FROM contacts WHERE search_text LIKE '%chen%'").get() as { n: number }).n;
    expect(first.total).toBe(matching);
    expect(matching).toBeGreaterThan(100);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(100);
    // Names that begin with the word come first.
    expect(first.rows[0]!.name.startsWith('Chen')).toBe(true);

    // A picker's value is shown by id, archived or not.
    await ok(services, 'contacts.archive', { id: wang.id });
    expect((await ok(services, 'search.pick', { kind: 'contact', query: 'wangweizhou' })).rows).toEqual([]);
    expect((await ok(services, 'search.pick', { kind: 'contact', ids: [wang.id] })).rows[0]).toMatchObject({ id: wang.id, name: 'Wáng Wěi Zhōu' });
  });

  it('offers a partner’s agreements and says which is in force on the visit’s day', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services, {}, { signedOn: '2018-07-01' });
    const ended = await ok(
      services,
      'agreements.create',
      agreementFields(partner.id, {
        kind: 'friendship',
        stage: 'ended',
        letterOfIntentOn: null,
        signedOn: '2001-01-01',
        endedOn: '2010-01-01',
        stageDate: '2010-01-01',
      }),
    );
    await partnerWithAgreement(services, { name: 'Fuzhou', nativeName: '福州市' });

    const rows = (await ok(services, 'search.pick', { kind: 'agreement', partnerId: partner.id, on: '2026-04-12' })).rows;
    expect(rows.map((r) => [r.id, r.inForce])).toEqual(
      expect.arrayContaining([
        [agreement.id, true],
        [ended.id, false],
      ]),
    );
    expect(rows).toHaveLength(2);
    // On a day before the first was signed and while the second was in force.
    const then = (await ok(services, 'search.pick', { kind: 'agreement', partnerId: partner.id, on: '2005-06-01' })).rows;
    expect(then.find((r) => r.id === agreement.id)!.inForce).toBe(false);
    expect(then.find((r) => r.id === ended.id)!.inForce).toBe(true);
  });
});
