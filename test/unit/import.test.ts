import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../electron/core/exchange/import/values.ts';
import { countryFromText } from '../../shared/countries.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';
import { officeWorkbook } from '../support/xlsx-files.ts';

const b64 = (b: Buffer) => b.toString('base64');

describe('what offices type', () => {
  it('reads dates day-first, ISO, and as Excel serials; refuses impossible ones', () => {
    expect(parseDate('31/12/2024')).toBe('2024-12-31');
    expect(parseDate('1-7-2018')).toBe('2018-07-01');
    expect(parseDate('2024-12-31')).toBe('2024-12-31');
    expect(parseDate('2024/02/29')).toBe('2024-02-29');
    expect(parseDate(45657)).toBe('2024-12-31');
    expect(parseDate(new Date(Date.UTC(2018, 6, 1)))).toBe('2018-07-01');
  });

  it('takes a serial only from a number cell in a plausible range: a bare year or a number typed as text is not a date', () => {
    // Before: '2024' was read as serial 2024, 1905-07-16, with no warning.
    expect(parseDate('2024')).toBeNull();
    expect(parseDate(2024)).toBeNull();
    expect(parseDate('45657')).toBeNull();
    expect(parseDate(18263)).toBeNull(); // 1949-12-31
    expect(parseDate(18264)).toBe('1950-01-01');
    expect(parseDate(73415.5)).toBe('2100-12-31');
    expect(parseDate(73416)).toBeNull();
    expect(parseDate('  ')).toBeUndefined();
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('julio 2018')).toBeNull();
    expect(parseDate('')).toBeUndefined();
  });

  it('reads countries by name in three languages or by ISO code', () => {
    expect(countryFromText('China')).toBe('CN');
    expect(countryFromText('República Popular China')).toBe('CN');
    expect(countryFromText('Japón')).toBe('JP');
    expect(countryFromText('Japão')).toBe('JP');
    expect(countryFromText('PERU')).toBe('PE');
    expect(countryFromText('Perú')).toBe('PE');
    expect(countryFromText('Brasil')).toBe('BR');
    expect(countryFromText('cn')).toBe('CN');
    expect(countryFromText('Narnia')).toBeNull();
  });
});

/** A CSV as Excel on a Spanish Windows saves it: Windows-1252, ';' separated, blank rows, mixed dates. */
function messyCsv1252(): Buffer {
  const lines = [
    'Ciudad socia;País;Tipo;Etapa;Fecha de firma;Carta de intención;Observaciones',
    'Córdoba;España;Hermanamiento;Firmado;15/03/2019;2018-10-01;Cooperación en educación',
    ';;;;;;',
    'Valparaíso;Chile;Amistad;Vigente;2020-06-30;;Intercambio cultural',
    'Bogotá;Colombia;Hermanamiento;Firmado;31/02/2021;;Fecha imposible',
    'Málaga;Narnia;Hermanamiento;En conversaciones;;;País desconocido',
    '',
  ];
  return iconv.encode(lines.join('\r\n'), 'win1252');
}

function messyXlsx(): Promise<Buffer> {
  return officeWorkbook([
    ['Partner', 'Original name', 'Country', 'Kind', 'Stage', 'Signed on', 'Notes'],
    ['Zhangzhou', '漳州市', 'China', 'Twinning', 'Signed', new Date(Date.UTC(2019, 3, 12)), 'Becas para los mejores alumnos'],
    [],
    ['Guilin', '桂林市', 'CN', 'friendship', 'active', 43466, 'Turismo'],
    ['Kunming', '昆明市', 'China', 'Twinning', 'Signed', 'someday', 'Bad date'],
    ['Chengdu', '成都市', 'China', 'Alliance', 'Signed', '2019-05-05', 'Unknown kind'],
  ]);
}

describe('importing spreadsheets', () => {
  it('previews a messy Windows-1252 CSV: guessed columns, every bad row explained, then imports the rest in one go', async () => {
    const services = await openTestServices();
    const request = { entity: 'agreements' as const, fileName: 'convenios.csv', contentBase64: b64(messyCsv1252()) };
    const preview = await ok(services, 'import.preview', request);
    expect(preview.headers[0]).toBe('Ciudad socia');
    expect(preview.headers[5]).toBe('Carta de intención');
    expect(preview.mapping).toMatchObject({ partner: 0, partnerCountry: 1, kind: 2, stage: 3, signedOn: 4, letterOfIntentOn: 5, notes: 6 });
    expect(preview.unmapped).toEqual([]);
    expect(preview.totals).toEqual({ rows: 4, valid: 2, invalid: 2, duplicates: 0 });
    const bogota = preview.rows.find((r) => r.values[0] === 'Bogotá')!;
    expect(bogota.problems).toEqual([{ field: 'signedOn', message: expect.stringMatching(/^import\.errors\.date\|.*31\/02\/2021/) }]);
    const malaga = preview.rows.find((r) => r.values[0] === 'Málaga')!;
    expect(malaga.problems[0]!.message).toMatch(/^import\.errors\.country/);
    const cordoba = preview.rows.find((r) => r.values[0] === 'Córdoba')!;
    expect(cordoba.notes[0]).toMatch(/^import\.notes\.newPartner/);
    expect(cordoba.line).toBe(2);

    const result = await ok(services, 'import.commit', { ...request, duplicates: 'skip' });
    expect(result).toMatchObject({ created: 2, merged: 0, skipped: 0, rejected: 2 });
    expect(result.backup).toMatch(/before-import\.sqlite$/);
    const list = await ok(services, 'agreements.list', { search: 'educación' });
    expect(list.rows[0]).toMatchObject({ partnerName: 'Córdoba', kind: 'twinning', stage: 'signed', signedOn: '2019-03-15' });
    expect((await ok(services, 'localities.list', { search: 'Valparaíso' }))[0]!.country).toBe('CL');
    // Importing again finds the same partner and kind: offered as duplicates, skipped.
    const again = await ok(services, 'import.preview', request);
    expect(again.totals.duplicates).toBe(2);
    const skipped = await ok(services, 'import.commit', { ...request, duplicates: 'skip' });
    expect(skipped).toMatchObject({ created: 0, skipped: 2 });
    expect((await ok(services, 'agreements.list', {})).total).toBe(2);
  });

  it('imports a messy XLSX with English headers, Chinese names, date cells and serials; merge fills blanks only', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' }, { notes: null, signedPlace: null });
    const request = { entity: 'agreements' as const, fileName: 'Agreements.xlsx', contentBase64: b64(await messyXlsx()) };
    const preview = await ok(services, 'import.preview', request);
    expect(preview.mapping).toMatchObject({ partner: 0, partnerNativeName: 1, partnerCountry: 2, kind: 3, stage: 4, signedOn: 5, notes: 6 });
    expect(preview.totals).toEqual({ rows: 4, valid: 2, invalid: 2, duplicates: 1 });
    expect(preview.rows.find((r) => r.values[0] === 'Kunming')!.problems[0]!.field).toBe('signedOn');
    expect(preview.rows.find((r) => r.values[0] === 'Chengdu')!.problems[0]).toMatchObject({
      field: 'kind',
      message: expect.stringMatching(/^import\.errors\.choice/),
    });
    expect(preview.rows.find((r) => r.values[0] === 'Zhangzhou')!.duplicateOf).toBe(agreement.id);

    const before = tableCounts(services);
    const result = await ok(services, 'import.commit', { ...request, duplicates: 'merge' });
    expect(result).toMatchObject({ created: 1, merged: 1, rejected: 2 });
    const merged = await ok(services, 'agreements.get', { id: agreement.id });
    expect(merged.notes).toBe('Becas para los mejores alumnos');
    expect(merged.signedOn).toBe(agreement.signedOn); // kept, not overwritten
    const guilin = (await ok(services, 'agreements.list', { search: '桂林' })).rows[0]!;
    expect(guilin).toMatchObject({ partnerNativeName: '桂林市', signedOn: '2019-01-01', stage: 'active' });
    expect(tableCounts(services).agreements).toBe(before.agreements! + 1);
  });

  it('imports nothing when a required column is not mapped, or the file is not a spreadsheet', async () => {
    const services = await openTestServices();
    const csv = Buffer.from('\uFEFFNombre;Notas\nShanghai;x\n');
    const request = { entity: 'agreements' as const, fileName: 'a.csv', contentBase64: b64(csv), mapping: { partner: null } };
    const preview = await ok(services, 'import.preview', request);
    expect(preview.unmapped).toEqual(['partner']);
    const before = tableCounts(services);
    const refused = await services.call('import.commit', { ...request, duplicates: 'skip' });
    expect(!refused.ok && refused.error.kind === 'conflict' && refused.error.message).toMatch(/^import\.errors\.unmapped/);
    const bad = await services.call('import.preview', { entity: 'agreements', fileName: 'a.xlsx', contentBase64: b64(Buffer.from('not a zip')) });
    expect(!bad.ok && bad.error.kind === 'conflict' && bad.error.message).toBe('import.errors.notSpreadsheet');
    const { backup: _b, ...after } = { ...tableCounts(services), backup: 0 };
    expect(after).toEqual(before);
  });

  it('imports localities with UTF-8 BOM, Portuguese headers and a parent by name', async () => {
    const services = await openTestServices();
    const csv = Buffer.from(
      '\uFEFFnome,nome original,país,nível,parte de\nFujian,福建省,China,Província,\nZhangzhou,漳州市,China,Cidade,Fujian\nXiamen,厦门市,China,Cidade,Atlantis\n',
    );
    const request = { entity: 'localities' as const, fileName: 'localidades.csv', contentBase64: b64(csv) };
    const preview = await ok(services, 'import.preview', request);
    expect(preview.mapping).toMatchObject({ name: 0, nativeName: 1, country: 2, level: 3, parent: 4 });
    // Zhangzhou's parent is created two rows up by the same import: found. Atlantis is not.
    expect(preview.rows.find((r) => r.values[0] === 'Zhangzhou')!.problems).toEqual([]);
    expect(preview.rows.find((r) => r.values[0] === 'Xiamen')!.problems[0]!.message).toMatch(/^import\.errors\.unknownLocality/);
    await ok(services, 'import.commit', { ...request, duplicates: 'skip' });
    const zhangzhou = (await ok(services, 'localities.list', { search: '漳州' }))[0]!;
    expect(zhangzhou).toMatchObject({ nativeName: '漳州市', level: 'city' });
    expect(zhangzhou.parentId).not.toBeNull();
  });
});
