import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { HostileCase, HostileReport } from './hostile-run.ts';
import { SheetBuilder, workbook } from './xlsx-files.ts';

const run = promisify(execFile);

// Files a hostile or careless sender could hand the importer or the house-style
// upload, generated here (not checked in) at a size the caller picks: `scale` 1
// for `npm test`, larger for `npm run soak`. Each says what the app must answer.

export type Hostile = {
  name: string;
  fileName: string;
  bytes: Buffer;
  /** The message key (and for some, the parameters) the refusal must carry. */
  expect: RegExp;
};

const HEADER = ['Ciudad socia', 'País', 'Tipo', 'Fecha de firma'];

/**
 * Rewrites the uncompressed size that a zip's local and central headers give
 * for `name`, so an archive can claim a small part that inflates to a big one.
 */
export function lieAboutSize(zip: Uint8Array, name: string, claimed: number): Buffer {
  const out = Buffer.from(zip);
  const target = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + target.length).equals(target)) out.writeUInt32LE(claimed, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + target.length).equals(target)) out.writeUInt32LE(claimed, i + 24);
  }
  return out;
}

/** A sheet of `rows` ordinary rows. */
function rowsSheet(rows: number): SheetBuilder {
  const sheet = new SheetBuilder().row(1, HEADER);
  for (let line = 2; line <= rows + 1; line++) sheet.row(line, [{ inline: `Ciudad ${line}` }, 'China', 'Hermanamiento', 45000]);
  return sheet;
}

/** Sheet XML that inflates to about `mb` megabytes from a few hundred KB: one row, then empty cells that are not values. */
function paddedSheetXml(mb: number): string {
  const filler = '<c r="B2" s="0"/>'.repeat(Math.ceil((mb * 1024 * 1024) / 16));
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ciudad socia</t></is></c></row><row r="2">${filler}</row></sheetData></worksheet>`;
}

export function hostileWorkbooks(scale = 1): Hostile[] {
  const wide = rowsSheet(2000 * scale);
  wide.rowAt(2000 * scale + 2, [[16383, 'x']]);
  const many: Zippable = {};
  for (let i = 0; i < 3000 * scale; i++) many[`xl/media/image${i}.png`] = new Uint8Array(1);
  const bomb = workbook([paddedSheetXml(80 * scale)], { level: 9 });
  const sharedBomb = new SheetBuilder().row(1, HEADER);
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>';
  const tall = rowsSheet(50_001 + 1000 * (scale - 1));
  const longCell = new SheetBuilder().row(1, HEADER).row(2, [{ inline: 'x'.repeat(40_000 * scale) }, 'China', 'Hermanamiento', 45000]);
  const plain = workbook([rowsSheet(3)]);
  return [
    { name: 'one stray cell in column XFD', fileName: 'wide.xlsx', bytes: workbook([wide]), expect: /^import\.errors\.tooManyColumns\|.*"columns":16384/ },
    { name: `${50_001 + 1000 * (scale - 1)} rows`, fileName: 'tall.xlsx', bytes: workbook([tall]), expect: /^import\.errors\.tooManyRows/ },
    { name: 'a cell longer than Excel allows', fileName: 'long.xlsx', bytes: workbook([longCell]), expect: /^import\.errors\.cellTooLong\|.*"column":"A"/ },
    { name: `a sheet that inflates to ${80 * scale} MB`, fileName: 'bomb.xlsx', bytes: bomb, expect: /^import\.errors\.unpackedTooLarge/ },
    {
      name: `a sheet that claims 1 KB and inflates to ${80 * scale} MB`,
      fileName: 'liar.xlsx',
      bytes: lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 1024),
      expect: /^import\.errors\.unpackedTooLarge/,
    },
    { name: `${3000 * scale} entries`, fileName: 'entries.xlsx', bytes: workbook([sharedBomb], { extra: many }), expect: /^import\.errors\.notSpreadsheet$/ },
    { name: 'entity expansion (billion laughs)', fileName: 'laughs.xlsx', bytes: workbook([laughs]), expect: /^import\.errors\.notSpreadsheet$/ },
    { name: 'not a zip', fileName: 'fake.xlsx', bytes: Buffer.from('PK\u0003\u0004 but nothing after'), expect: /^import\.errors\.notSpreadsheet$/ },
    { name: 'cut in half', fileName: 'cut.xlsx', bytes: plain.subarray(0, Math.floor(plain.length / 2)), expect: /^import\.errors\.notSpreadsheet$/ },
    {
      name: 'a zip with no workbook in it',
      fileName: 'other.xlsx',
      bytes: Buffer.from(zipSync({ 'a.txt': strToU8('hola') })),
      expect: /^import\.errors\.notSpreadsheet$/,
    },
  ];
}

/** CSVs whose encoding must be found (or whose cells must not pass as something else). */
export function encodedCsvs(): { name: string; bytes: Buffer; encoding: string; first: string[] }[] {
  const rows = ['Ciudad socia;Nombre original;País', 'Pekín;北京市;China', 'Zhangzhou;漳州市;China'];
  const japanese = ['Ciudad socia;Nombre original;País', 'Tokio;東京都;JP', 'Saitama;さいたま市;JP'];
  const latin = ['Ciudad socia;País;Observaciones', 'Córdoba;España;Cooperación en educación', 'São Paulo;Brasil;Intercâmbio'];
  const utf16 = (text: string, le: boolean) => {
    const b = Buffer.from(text, 'utf16le');
    if (!le) b.swap16();
    return b;
  };
  const text = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  return [
    { name: 'GB18030', bytes: iconv.encode(text(rows), 'gb18030'), encoding: 'gb18030', first: ['Pekín', '北京市', 'China'] },
    { name: 'Shift-JIS', bytes: iconv.encode(text(japanese), 'shiftjis'), encoding: 'shift_jis', first: ['Tokio', '東京都', 'JP'] },
    { name: 'Windows-1252', bytes: iconv.encode(text(latin), 'win1252'), encoding: 'windows-1252', first: ['Córdoba', 'España', 'Cooperación en educación'] },
    { name: 'UTF-16 LE without BOM', bytes: utf16(text(rows), true), encoding: 'utf-16le', first: ['Pekín', '北京市', 'China'] },
    { name: 'UTF-16 BE without BOM', bytes: utf16(text(rows), false), encoding: 'utf-16be', first: ['Pekín', '北京市', 'China'] },
    { name: 'UTF-16 LE with BOM', bytes: utf16(`\uFEFF${text(rows)}`, true), encoding: 'utf-16le', first: ['Pekín', '北京市', 'China'] },
    { name: 'UTF-8 without BOM', bytes: Buffer.from(text(rows)), encoding: 'utf-8', first: ['Pekín', '北京市', 'China'] },
    { name: 'UTF-8 with BOM', bytes: Buffer.from(`\uFEFF${text(japanese)}`), encoding: 'utf-8', first: ['Tokio', '東京都', 'JP'] },
  ];
}

/** .docx files offered as the house style: each must be refused without inflating past the cap. */
export function hostileDocx(scale = 1): Hostile[] {
  const stylesBomb = zipSync(
    { '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8(`<w:styles>${' '.repeat(50 * scale * 1024 * 1024)}</w:styles>`) },
    { level: 9 },
  );
  const many: Zippable = { 'word/styles.xml': strToU8('<w:styles/>') };
  for (let i = 0; i < 5000 * scale; i++) many[`word/media/p${i}.png`] = new Uint8Array(1);
  return [
    {
      name: `styles that inflate to ${50 * scale} MB`,
      fileName: 'bomb.docx',
      bytes: Buffer.from(stylesBomb),
      expect: /^reportsErrors\.house_style_too_large$/,
    },
    {
      name: `styles that claim 1 KB and inflate to ${50 * scale} MB`,
      fileName: 'liar.docx',
      bytes: lieAboutSize(stylesBomb, 'word/styles.xml', 1024),
      expect: /^reportsErrors\.house_style_too_large$/,
    },
    { name: `${5000 * scale} entries`, fileName: 'entries.docx', bytes: Buffer.from(zipSync(many)), expect: /^reportsErrors\.house_style_too_large$/ },
    { name: 'not a zip', fileName: 'fake.docx', bytes: Buffer.from('PK not a zip'), expect: /^reportsErrors\.house_style_format$/ },
  ];
}

/** The heap the child runs in: the app's own start-up needs about 40 MB of it. */
export const HEAP_CAP_MB = 200;

/**
 * Writes the files to a folder, runs them through a fresh data file in a child
 * process (test/support/hostile-run.ts) and returns its report: so the memory
 * measured is that of reading the files, not of making them.
 */
export async function runHostile(dir: string, cases: { kind: 'import' | 'houseStyle'; files: Hostile[] }[]): Promise<HostileReport> {
  const manifest: HostileCase[] = [];
  let n = 0;
  for (const { kind, files } of cases) {
    for (const f of files) {
      const file = path.join(dir, `${n++}-${f.fileName}`);
      fs.writeFileSync(file, f.bytes);
      manifest.push({ name: f.name, kind, fileName: f.fileName, path: file });
    }
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  const root = path.resolve(import.meta.dirname, '../..');
  const { stdout } = await run(
    process.execPath,
    // The child's JavaScript heap is capped: a file that needed more would end it out of memory, and the test with it.
    [
      `--max-old-space-size=${HEAP_CAP_MB}`,
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      path.join(root, 'test/support/hostile-run.ts'),
      path.join(dir, 'office.sqlite'),
      path.join(dir, 'manifest.json'),
    ],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as HostileReport;
}
