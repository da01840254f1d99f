import { describe, expect, it } from 'vitest';
import { placeKey } from '../../shared/text/place-key.ts';
import { agreementFields, shanghaiFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

describe('one place written several ways', () => {
  it('folds accents, case, spaces, punctuation and the usual administrative words', () => {
    const same = [
      ['Shanghai', 'shanghai '],
      ['Shanghai', 'SHANGHAI CITY'],
      ['Shanghai', 'Shanghai Shi'],
      ['Shanghai', 'Ciudad de Shanghái'],
      ['Shanghai', 'Shang hai'],
      ['上海', '上海市'],
      ['福建', '福建省'],
      ['Fujian', 'Fujian Province'],
      ['Fujian', 'Provincia de Fujian'],
      ['Xi’an', "Xi'an"],
      ['São Paulo', 'Cidade de Sao Paulo'],
      ['京都', '京都府'],
      ['香港', '香港特别行政区'],
      ['Ｓｈａｎｇｈａｉ', 'shanghai'],
    ];
    for (const [a, b] of same) expect([a, placeKey(a)]).toEqual([a, placeKey(b)]);
    // Words that are the name itself stay: a place called "City" or "市" is not emptied.
    expect(placeKey('市')).toBe('市');
    expect(placeKey('Quebec City')).toBe('quebec');
    expect(placeKey('Shanghai')).not.toBe(placeKey('Shenzhen'));
    expect(placeKey('Estado de México')).not.toBe(placeKey('Ciudad de México'));
  });
});

describe('duplicate warnings before saving', () => {
  it('names the locality of the same country known by the same name or native name, archived ones too; never another country', async () => {
    const services = await openTestServices();
    const shanghai = await ok(services, 'localities.create', shanghaiFields);
    const fujian = await ok(services, 'localities.create', { name: 'Fujian', nativeName: '福建省', country: 'CN', level: 'province', parentId: null });
    await ok(services, 'localities.archive', { id: fujian.id });
    await ok(services, 'localities.create', { name: 'Santiago', nativeName: null, country: 'CL', level: 'city', parentId: null });
    const similar = async (name: string, nativeName: string | null, country: string, excludeId?: number) =>
      (await ok(services, 'localities.similar', { name, nativeName, country, ...(excludeId ? { excludeId } : {}) })).map((l) => l.name);

    expect(await similar('shanghai ', null, 'CN')).toEqual(['Shanghai']);
    expect(await similar('Hu', '上海', 'CN')).toEqual(['Shanghai']);
    expect(await similar('Ciudad de Shanghái', '', 'CN')).toEqual(['Shanghai']);
    expect(await similar('Fujian Province', null, 'CN')).toEqual(['Fujian']);
    expect(await similar('Shanghai', '上海市', 'TW')).toEqual([]);
    expect(await similar('Santiago', null, 'ES')).toEqual([]);
    expect(await similar('Shenzhen', '深圳市', 'CN')).toEqual([]);
    expect(await similar('   ', '', 'CN')).toEqual([]);
    // Editing Shanghai itself is not a duplicate of itself.
    expect(await similar('Shanghai', '上海市', 'CN', shanghai.id)).toEqual([]);
    // A warning, not a refusal: the second one can still be saved.
    const before = tableCounts(services).localities ?? 0;
    await ok(services, 'localities.create', { ...shanghaiFields, name: 'shanghai ' });
    expect(tableCounts(services).localities).toBe(before + 1);
  });

  it('names an agreement of the same kind with the same partner that has not ended', async () => {
    const services = await openTestServices();
    const shanghai = await ok(services, 'localities.create', shanghaiFields);
    const kobe = await ok(services, 'localities.create', { name: 'Kobe', nativeName: '神戸市', country: 'JP', level: 'city', parentId: null });
    const twinning = await ok(services, 'agreements.create', agreementFields(shanghai.id));
    await ok(services, 'agreements.create', agreementFields(shanghai.id, { kind: 'friendship' }));
    await ok(services, 'agreements.create', agreementFields(kobe.id, { stage: 'ended', endedOn: '2020-01-01' }));
    const similar = async (partnerId: number, kind: 'twinning' | 'friendship' | 'cooperation_memorandum', excludeId?: number) =>
      (await ok(services, 'agreements.similar', { partnerId, kind, ...(excludeId ? { excludeId } : {}) })).map((a) => [
        a.id,
        a.partnerNativeName,
        a.kind,
        a.stage,
      ]);

    expect(await similar(shanghai.id, 'twinning')).toEqual([[twinning.id, '上海市', 'twinning', 'signed']]);
    expect(await similar(shanghai.id, 'cooperation_memorandum')).toEqual([]);
    // Ended with Kobe: a new twinning is a new start, not a repeat.
    expect(await similar(kobe.id, 'twinning')).toEqual([]);
    expect(await similar(shanghai.id, 'twinning', twinning.id)).toEqual([]);
    // Archived ones are not in force either.
    await ok(services, 'agreements.archive', { id: twinning.id });
    expect(await similar(shanghai.id, 'twinning')).toEqual([]);
    await ok(services, 'agreements.restore', { id: twinning.id });
    // Saving the second one anyway stays possible.
    await ok(services, 'agreements.create', agreementFields(shanghai.id));
    expect((await similar(shanghai.id, 'twinning')).length).toBe(2);
  });
});
