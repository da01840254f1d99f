import { strToU8, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';

// Workbooks written part by part, so a test can hold exactly the XML a real
// spreadsheet program (or an attacker) would: inline strings, formulas without a
// cached value, a stray cell in column XFD, shared strings with phonetic runs.
// Nothing here uses the reader under test.

export type RawCell =
  | string // a shared string
  | number
  | { inline: string }
  | { date: number } // a serial number in a cell styled as a date
  | { formula: string; cached?: string | number }
  | { bool: boolean }
  | { error: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 0 → A, 25 → Z, 26 → AA, 16383 → XFD. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export class SheetBuilder {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly rows: string[] = [];

  private shared(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  cell(ref: string, value: RawCell): string {
    if (typeof value === 'string') return `<c r="${ref}" t="s"><v>${this.shared(value)}</v></c>`;
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if ('inline' in value) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(value.inline)}</t></is></c>`;
    if ('date' in value) return `<c r="${ref}" s="1"><v>${value.date}</v></c>`;
    if ('bool' in value) return `<c r="${ref}" t="b"><v>${value.bool ? 1 : 0}</v></c>`;
    if ('error' in value) return `<c r="${ref}" t="e"><v>${esc(value.error)}</v></c>`;
    const t = typeof value.cached === 'string' ? ' t="str"' : '';
    const cached = value.cached === undefined ? '' : `<v>${esc(String(value.cached))}</v>`;
    return `<c r="${ref}"${t}><f>${esc(value.formula)}</f>${cached}</c>`;
  }

  /** A row of cells from column A on; null leaves a cell out. */
  row(line: number, cells: (RawCell | null)[]): this {
    return this.rowAt(
      line,
      cells.map((c, i) => (c === null ? null : ([i, c] as const))).filter((c) => c !== null),
    );
  }

  /** A row with cells at the given column indexes (0 = A). */
  rowAt(line: number, cells: readonly (readonly [number, RawCell])[]): this {
    this.rows.push(`<row r="${line}">${cells.map(([col, v]) => this.cell(`${columnName(col)}${line}`, v)).join('')}</row>`);
    return this;
  }

  /** Raw XML for a row, for shapes the helpers above do not make. */
  raw(xml: string): this {
    this.rows.push(xml);
    return this;
  }

  sheetXml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${this.rows.join('')}</sheetData></worksheet>`;
  }
}

const CONTENT_TYPES = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join(
    '',
  )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

// Style 1 is a date (built-in format 14), as Excel writes a typed date.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export type WorkbookOptions = { date1904?: boolean; level?: 0 | 1 | 6 | 9; extra?: Zippable; sheetNames?: string[] };

/** An .xlsx holding the given sheets (each a builder or raw sheet XML); shared strings are pooled across builders. */
export function workbook(sheets: (SheetBuilder | string)[], options: WorkbookOptions = {}): Buffer {
  const strings = sheets.flatMap((s) => (typeof s === 'string' ? [] : [s]));
  if (strings.length > 1) throw new Error('one SheetBuilder per workbook: shared strings are its own');
  const pool = strings[0]?.strings ?? [];
  const names = options.sheetNames ?? sheets.map((_, i) => `Hoja${i + 1}`);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES(sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
        options.date1904 ? '<workbookPr date1904="1"/>' : ''
      }<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${pool.length}" uniqueCount="${pool.length}">${pool
        .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
        .join('')}</sst>`,
    ),
    ...options.extra,
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(typeof s === 'string' ? s : s.sheetXml())));
  return Buffer.from(zipSync(files, { level: options.level ?? 6 }));
}

/** A one-sheet workbook from rows of values (row 1 first). */
export function simpleWorkbook(rows: (RawCell | null)[][], options: WorkbookOptions = {}): Buffer {
  const sheet = new SheetBuilder();
  rows.forEach((cells, i) => sheet.row(i + 1, cells));
  return workbook([sheet], options);
}

/**
 * A workbook as a spreadsheet program saves it, written by write-excel-file (a
 * different writer from the app's reader): text, numbers, booleans, and dates
 * as date cells (dd/mm/yyyy). Blank rows stay blank.
 */
export async function officeWorkbook(rows: readonly (readonly unknown[])[], sheet = 'Hoja1'): Promise<Buffer> {
  const data: Cell[][] = rows.map((row) =>
    row.map((v): Cell => {
      if (v === null || v === undefined) return null;
      if (v instanceof Date) return { value: v, type: Date, format: 'dd/mm/yyyy' };
      if (typeof v === 'number') return { value: v, type: Number };
      if (typeof v === 'boolean') return { value: v, type: Boolean };
      return { value: String(v), type: String };
    }),
  );
  return writeXlsxFile([{ data, sheet }]).toBuffer();
}

/**
 * The same workbook re-packed as a streaming writer packs it (Java's ZipOutputStream, Apache POI, LibreOffice):
 * each part's sizes come after its data, in a data descriptor, not in its header.
 */
export function withDataDescriptors(xlsx: Uint8Array): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(unzipSync(xlsx))) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(data, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
