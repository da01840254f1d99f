import { describe, expect, it } from 'vitest';
import { officeWorkbook, SheetBuilder, simpleWorkbook, withDataDescriptors, workbook } from '../support/xlsx-files.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// What the importer makes of the shapes real workbooks take, read through the contract.

const b64 = (b: Buffer) => b.toString('base64');
const HEADER = ['Ciudad socia', 'País', 'Tipo', 'Fecha de firma'];

describe('reading only the cells a sheet holds', () => {
  it('reads a 2,000-row sheet with one stray cell in column XFD quickly, and refuses it naming the columns', async () => {
    // Before: every row was read 16,384 cells wide (~4 MB of heap per row); the process died out of memory.
    const sheet = new SheetBuilder().row(1, HEADER);
    for (let line = 2; line <= 2001; line++) sheet.row(line, [`Ciudad ${line}`, 'China', 'Hermanamiento', 45000 + line]);
    sheet.rowAt(2002, [[16383, 'x']]);
    const file = workbook([sheet]);
    expect(file.length).toBeLessThan(64 * 1024);
    const services = await openTestServices();
    const before = tableCounts(services);
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await services.call('import.preview', { entity: 'agreements', fileName: 'convenios.xlsx', contentBase64: b64(file) });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    expect(!result.ok && result.error.kind === 'conflict' && result.error.message).toBe('import.errors.tooManyColumns|{"columns":16384,"max":256}');
    expect(tableCounts(services)).toEqual(before);
  });

  it('reads a sheet whose cells skip columns, keeping each value under its header', async () => {
    const sheet = new SheetBuilder().row(1, HEADER);
    sheet.rowAt(2, [
      [0, 'Zhangzhou'],
      [1, 'China'],
      [3, { date: 43567 }],
    ]);
    const services = await openTestServices();
    const preview = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'c.xlsx', contentBase64: b64(workbook([sheet])) });
    expect(preview.rows[0]!.values).toEqual(['Zhangzhou', 'China', '', '2019-04-12']);
    expect(preview.rows[0]!.problems).toEqual([]);
  });
});

describe('workbooks as different programs write them', () => {
  it('reads shared and inline strings, phonetic guides, date styles, the 1904 system and parts packed with data descriptors', async () => {
    const sheet = new SheetBuilder()
      .row(1, ['Nombre', 'Nombre original', 'País'])
      .row(2, [{ inline: 'Ōsaka' }, '大阪市', 'JP'])
      .raw(
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>Sai</t></r><r><t>tama</t></r></is></c><c r="B3" t="inlineStr"><is><t>さいたま市</t><rPh sb="0" eb="1"><t>サイタマ</t></rPh></is></c><c r="C3" t="str"><f>"JP"</f><v>JP</v></c></row>',
      );
    const services = await openTestServices();
    for (const bytes of [workbook([sheet]), withDataDescriptors(workbook([sheet]))]) {
      const preview = await ok(services, 'import.preview', { entity: 'localities', fileName: 'l.xlsx', contentBase64: b64(bytes) });
      expect(preview.rows.map((r) => r.values)).toEqual([
        ['Ōsaka', '大阪市', 'JP'],
        ['Saitama', 'さいたま市', 'JP'],
      ]);
    }
    // A date cell in a workbook that counts from 1904 (old Mac Excel): serial 42004 is 2019-01-01 there.
    const mac = simpleWorkbook([HEADER, ['Zhangzhou', 'China', 'Hermanamiento', { date: 42004 }]], { date1904: true });
    const macPreview = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'm.xlsx', contentBase64: b64(mac) });
    expect(macPreview.rows[0]!.values[3]).toBe('2019-01-01');
    // Written by another library (write-excel-file), packed with data descriptors: a date cell with a custom format.
    const other = withDataDescriptors(await officeWorkbook([HEADER, ['Guilin', 'China', 'Amistad', new Date(Date.UTC(2020, 1, 29))]]));
    const otherPreview = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'o.xlsx', contentBase64: b64(other) });
    expect(otherPreview.rows[0]!.values[3]).toBe('2020-02-29');
    expect(otherPreview.rows[0]!.problems).toEqual([]);
  });
});

describe('a bare year in a date column', () => {
  it('is a problem on that column, typed as a number or as text; a date cell and a full date are read', async () => {
    // Before: 2024 was taken for an Excel serial and imported as 1905-07-16 without a word.
    const file = simpleWorkbook([
      HEADER,
      ['Zhangzhou', 'China', 'Hermanamiento', 2024],
      ['Guilin', 'China', 'Hermanamiento', { inline: '2024' }],
      ['Chengdu', 'China', 'Hermanamiento', { date: 45292 }],
      ['Kunming', 'China', 'Hermanamiento', '01/02/2024'],
    ]);
    const services = await openTestServices();
    const preview = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'c.xlsx', contentBase64: b64(file) });
    const row = (name: string) => preview.rows.find((r) => r.values[0] === name)!;
    expect(row('Zhangzhou').problems).toEqual([{ field: 'signedOn', message: 'import.errors.yearOnly|{"value":"2024"}' }]);
    expect(row('Guilin').problems).toEqual([{ field: 'signedOn', message: 'import.errors.yearOnly|{"value":"2024"}' }]);
    expect(row('Chengdu').problems).toEqual([]);
    expect(row('Kunming').problems).toEqual([]);
    expect(preview.totals).toMatchObject({ valid: 2, invalid: 2 });
    const csv = Buffer.from('Ciudad socia;País;Tipo;Fecha de firma\r\nXiamen;China;Hermanamiento;2024\r\nNingbo;China;Hermanamiento;45292\r\n');
    const fromCsv = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'c.csv', contentBase64: b64(csv) });
    expect(fromCsv.rows.map((r) => r.problems[0]?.message.split('|')[0])).toEqual(['import.errors.yearOnly', 'import.errors.date']);
  });
});

describe('limits on a CSV', () => {
  it('refuses a CSV too wide, too long or with a cell longer than a spreadsheet cell, saying which limit', async () => {
    const services = await openTestServices();
    const preview = (csv: string) => services.call('import.preview', { entity: 'agreements', fileName: 'c.csv', contentBase64: b64(Buffer.from(csv)) });
    const message = (r: Awaited<ReturnType<typeof preview>>) => (!r.ok && r.error.kind === 'conflict' ? r.error.message : JSON.stringify(r));
    expect(message(await preview(`a${','.repeat(300)}\r\n1\r\n`))).toBe('import.errors.tooManyColumns|{"columns":301,"max":256}');
    expect(message(await preview(`Ciudad socia\r\n${'Lima\r\n'.repeat(50_001)}`))).toBe('import.errors.tooManyRows|{"rows":50001,"max":50000}');
    expect(message(await preview(`Ciudad socia;País;Notas\r\nCusco;Perú;x\r\nLima;Perú;${'x'.repeat(40_000)}\r\n`))).toBe(
      'import.errors.cellTooLong|{"line":3,"column":"C","chars":40000,"max":32767}',
    );
  });
});
