import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, restoreFormulaText } from '../../electron/core/exchange/csv-formulas.ts';
import { readCsv } from '../../electron/core/exchange/import/read.ts';
import { exportCsvTable } from '../../electron/core/exchange/sheets.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { runCliProcess } from '../support/cli.ts';
import { encodedCsvs, HEAP_CAP_MB, hostileDocx, hostileWorkbooks, runHostile } from '../support/hostile-files.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';
import { SheetBuilder, workbook } from '../support/xlsx-files.ts';

// Issue 14: files from outside are refused with a message that says why, in
// bounded memory, and nothing already saved changes. Heavier versions of the
// same corpus run in `npm run soak`.

const b64 = (b: Buffer) => b.toString('base64');
const MB = 1024 * 1024;
const failureMessage = (r: { ok: boolean; error?: unknown }) => {
  const e = (r as { error?: { kind: string; message?: string; issues?: { message: string }[] } }).error;
  return e?.message ?? e?.issues?.[0]?.message ?? JSON.stringify(r);
};

describe('hostile workbooks and .docx files', { timeout: 180_000 }, () => {
  it('are refused with their message, in bounded memory, and nothing saved changes', async () => {
    // Before: the XFD sheet killed the process out of memory, and reports/zip.ts inflated a house style with no cap.
    const workbooks = hostileWorkbooks();
    const docx = hostileDocx();
    const report = await runHostile(tempDir(), [
      { kind: 'import', files: workbooks },
      { kind: 'houseStyle', files: docx },
    ]);
    for (const [i, file] of [...workbooks, ...docx].entries()) {
      const result = report.results[i]!;
      expect(result.name).toBe(file.name);
      expect(result.ok, file.name).toBe(false);
      expect(result.message, file.name).toMatch(file.expect);
      expect(result.ms, file.name).toBeLessThan(30_000);
    }
    // The child ran with its heap capped at HEAP_CAP_MB (it would have died otherwise): that is the bound. Its
    // resident memory, garbage not yet collected and native buffers included, rose by less than 400 MB at its
    // highest, inside any call: this side depends on when the collector runs, and a fresh-clone run beside another
    // suite measured 301 MB against the 300 once allowed (every other run: well under).
    expect(HEAP_CAP_MB).toBe(200);
    expect(report.peakGrowthBytes).toBeLessThan(400 * MB);
    expect(report.changedTables).toBe(false);
  });

  it('a refused workbook leaves no backup and changes nothing through import.commit either', async () => {
    const services = await openTestServices();
    const before = tableCounts(services);
    for (const file of hostileWorkbooks().slice(0, 3)) {
      const result = await services.call('import.commit', {
        entity: 'agreements',
        fileName: file.fileName,
        contentBase64: b64(file.bytes),
        duplicates: 'skip',
      });
      expect(failureMessage(result), file.name).toMatch(file.expect);
    }
    expect(tableCounts(services)).toEqual(before);
    expect(fs.existsSync(path.join(services.dir, 'backups'))).toBe(false);
  });
});

describe('CSV encodings', () => {
  it('detects GB18030, Shift-JIS, Windows-1252, UTF-16 with or without a BOM and UTF-8, and says which in the preview', async () => {
    // Before: GB18030 and Shift-JIS fell back to Windows-1252 ("北京" → "±±¾©"), UTF-16 without a BOM became garbage rows.
    const services = await openTestServices();
    for (const file of encodedCsvs()) {
      const preview = await ok(services, 'import.preview', { entity: 'localities', fileName: 'l.csv', contentBase64: b64(file.bytes) });
      expect(preview.encoding, file.name).toBe(file.encoding);
      expect(preview.rows[0]!.values, file.name).toEqual(file.first);
    }
  });

  it('reads the file again in the encoding the user picks, and says so; a workbook has none', async () => {
    const services = await openTestServices();
    const gb = encodedCsvs().find((f) => f.encoding === 'gb18030')!;
    const request = { entity: 'localities' as const, fileName: 'l.csv', contentBase64: b64(gb.bytes) };
    const forced = await ok(services, 'import.preview', { ...request, encoding: 'windows-1252' });
    expect(forced.encoding).toBe('windows-1252');
    expect(forced.rows[0]!.values[1]).not.toBe('北京市');
    const bad = await services.call('import.preview', { ...request, encoding: 'ebcdic' } as never);
    expect(bad.ok).toBe(false);
    const result = await ok(services, 'import.commit', { ...request, encoding: 'gb18030', duplicates: 'skip' });
    expect(result.created).toBe(2);
    expect((await ok(services, 'localities.list', { search: '漳州' }))[0]!.nativeName).toBe('漳州市');
    const xlsx = workbook([new SheetBuilder().row(1, ['Nombre', 'País']).row(2, ['Lima', 'Perú'])]);
    expect((await ok(services, 'import.preview', { entity: 'localities', fileName: 'l.xlsx', contentBase64: b64(xlsx) })).encoding).toBeNull();
  });
});

describe('CSV encodings on the command line', { timeout: 60_000 }, () => {
  it('says which encoding it read a CSV in, and takes another with --encoding', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'localidades.csv');
    fs.writeFileSync(csv, encodedCsvs().find((f) => f.encoding === 'gb18030')!.bytes);
    const db = path.join(dir, 'office.sqlite');
    const found = await runCliProcess(['import', '--db', db, '--in', csv, '--entity', 'localities', '--dry-run']);
    expect(found.stdout).toContain('Read as GB18030 (Simplified Chinese) (change it with --encoding).');
    const forced = await runCliProcess(['import', '--db', db, '--in', csv, '--entity', 'localities', '--dry-run', '--encoding', 'windows-1252']);
    expect(forced.stdout).toContain('Read as Windows-1252');
    const wrong = await runCliProcess(['import', '--db', db, '--in', csv, '--entity', 'localities', '--encoding', 'ebcdic']);
    expect(wrong.code).not.toBe(0);
  });
});

describe('formula cells', () => {
  it('a formula saved without its result is a problem on its column; one with its result is read', async () => {
    // Before: the cell was imported as "[object Object]".
    const sheet = new SheetBuilder()
      .row(1, ['Ciudad socia', 'País', 'Tipo', 'Observaciones'])
      .row(2, ['Zhangzhou', 'China', { formula: 'IF(B2="China","Hermanamiento","Amistad")' }, 'x'])
      .row(3, ['Guilin', 'China', { formula: 'C4', cached: 'Amistad' }, { formula: 'CONCAT("a","b")' }])
      .row(4, ['Chengdu', 'China', 'Amistad', { formula: '1+1', cached: 2 }]);
    const services = await openTestServices();
    const preview = await ok(services, 'import.preview', { entity: 'agreements', fileName: 'f.xlsx', contentBase64: b64(workbook([sheet])) });
    const row = (name: string) => preview.rows.find((r) => r.values[0] === name)!;
    expect(row('Zhangzhou').problems).toEqual([
      { field: 'kind', message: 'import.errors.formula|{"value":"=IF(B2=\\"China\\",\\"Hermanamiento\\",\\"Amistad\\")"}' },
    ]);
    expect(row('Zhangzhou').values[2]).toBe('=IF(B2="China","Hermanamiento","Amistad")');
    expect(row('Guilin').problems).toEqual([{ field: 'notes', message: 'import.errors.formula|{"value":"=CONCAT(\\"a\\",\\"b\\")"}' }]);
    expect(row('Chengdu').problems).toEqual([]);
    expect(preview.totals).toMatchObject({ valid: 1, invalid: 2 });
    expect(JSON.stringify(preview)).not.toContain('[object Object]');
  });
});

describe('CSV export and formulas', () => {
  it('quotes text a spreadsheet would run, and import reads it back exactly', async () => {
    // Before: '=HYPERLINK(…)' and '+cmd|…' were written as they were, and Excel ran them on opening the file.
    const dangerous = [
      '=HYPERLINK("http://evil.example","Ver")',
      "+cmd|' /C calc'!A0",
      '@SUM(A1:A2)',
      '-2+3',
      '\t=1+1',
      '\r=1+1',
      "'=already quoted",
      "''+twice",
      "'s-Hertogenbosch",
      '＝1+1',
      'Cooperación = amistad',
    ];
    const services = await openTestServices();
    for (const [i, notes] of dangerous.entries()) await partnerWithAgreement(services, { name: `Ciudad ${i}` }, { notes });
    const csv = exportCsvTable(services.opened.sqlite, 'agreements')!;
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const column = parsed[0]!.indexOf('notes');
    const written = parsed.slice(1).map((r) => r[column]);
    for (const text of written) expect(text).not.toMatch(/^[=+\-@\t\r＝]/);
    expect(written).toContain('\'=HYPERLINK("http://evil.example","Ver")');
    expect(written).toContain("'s-Hertogenbosch");
    const back = readCsv(Buffer.from(csv));
    const notes = back.headers.indexOf('notes');
    // The forms trim what they store ('\t=1+1' is kept as '=1+1'): the round trip gives back exactly what was stored.
    const stored = (services.opened.sqlite.prepare('SELECT notes FROM agreements ORDER BY id').all() as { notes: string }[]).map((r) => r.notes);
    expect(stored).toHaveLength(dangerous.length);
    expect(back.rows.map((r) => r.cells[notes])).toEqual(stored);
    // And text that starts with a tab or a carriage return, as another program may write it, is quoted and restored too.
    const written2 = Papa.parse<string[]>(Papa.unparse([['\t=1+1', '\r=1+1']], { escapeFormulae: FORMULA_START })).data[0]!;
    expect(written2).toEqual(["'\t=1+1", "'\r=1+1"]);
    expect(written2.map(restoreFormulaText)).toEqual(['\t=1+1', '\r=1+1']);
  });
});
