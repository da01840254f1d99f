import { captured } from '../../../../shared/narrow.ts';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { readZipParts, ZIP_LIMITS, ZipRefused } from '../../files/zip.ts';

// The first sheet of a workbook someone gave us, read straight from its XML:
// fflate inflates the parts with caps (files/zip.ts), saxes parses them as a
// stream, and only the cells the file holds are kept. What is refused, and why,
// is for the caller to say (XlsxRefused).

/** A formula the file saved without its result (written by a program, not by Excel): we cannot know its value. */
export type Uncomputed = { formula: string };
export type XlsxValue = string | number | Date | Uncomputed;
export type XlsxRow = { line: number; cells: (XlsxValue | null)[] };

export type XlsxLimits = { rows: number; columns: number; cellChars: number };

export type XlsxRefusal =
  | { reason: 'notSpreadsheet' }
  | { reason: 'empty' }
  | { reason: 'tooManyColumns'; columns: number }
  | { reason: 'tooManyRows'; rows: number }
  | { reason: 'cellTooLong'; line: number; column: number; chars: number }
  | { reason: 'tooLarge'; max: number };

export class XlsxRefused extends Error {
  readonly refusal: XlsxRefusal;
  constructor(refusal: XlsxRefusal) {
    super(`workbook refused: ${refusal.reason}`);
    this.refusal = refusal;
  }
}

const refuse = (refusal: XlsxRefusal): never => {
  throw new XlsxRefused(refusal);
};

const DAY_MS = 86_400_000;
// Day 0 of Excel's 1900 system is 1899-12-30 (it counts the 1900 leap day that never was); the 1904 system starts 1462 days later.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Every XML part of the workbook, in one pass over the archive (media and other
 * binaries are skipped without being inflated). The caps of files/zip.ts hold.
 */
function xmlParts(bytes: Uint8Array): Map<string, Uint8Array> {
  try {
    return readZipParts(bytes, (n) => /\.(xml|rels)$/i.test(n));
  } catch (error) {
    if (error instanceof ZipRefused && error.refusal.reason === 'tooLarge') refuse({ reason: 'tooLarge', max: error.refusal.max });
    throw error instanceof ZipRefused ? new XlsxRefused({ reason: 'notSpreadsheet' }) : error;
  }
}

const decode = (part: Uint8Array | undefined) => (part ? new TextDecoder().decode(part) : undefined);

/** Runs saxes over a document; handlers get plain tags (local names, attributes as text). */
function parseXml(xml: string | Uint8Array, on: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void }) {
  // Positions serve only error messages, which we do not show: not tracking them saves work on every character.
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', () => refuse({ reason: 'notSpreadsheet' }));
  if (on.open) parser.on('opentag', on.open);
  if (on.close) {
    const close = on.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (on.text) parser.on('text', on.text);
  if (typeof xml === 'string') parser.write(xml);
  else {
    // Big parts are decoded and parsed a slice at a time: the sheet's XML never sits in memory as one string.
    const decoder = new TextDecoder();
    const SLICE = 1024 * 1024;
    for (let at = 0; at < xml.length; at += SLICE) parser.write(decoder.decode(xml.subarray(at, at + SLICE), { stream: true }));
    parser.write(decoder.decode());
  }
  parser.close();
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** A relationship target resolved against the folder of the part that names it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const stack = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') stack.pop();
    else if (piece !== '.' && piece !== '') stack.push(piece);
  }
  return stack.join('/');
}

function relationships(xml: string | undefined, from: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!xml) return rels;
  parseXml(xml, {
    open(tag) {
      if (local(tag.name) !== 'Relationship') return;
      const { Id, Type, Target, TargetMode } = tag.attributes;
      if (Id && Target && TargetMode !== 'External') rels.set(Id, { type: (Type ?? '').split('/').pop() ?? '', target: resolveTarget(from, Target) });
    },
  });
  return rels;
}

// More distinct texts than a sheet within the row and column limits could sensibly hold.
const MAX_SHARED_STRINGS = 2_000_000;

/** Shared strings: each <si>'s text runs joined; phonetic guides (<rPh>, furigana over Japanese names) left out. */
function sharedStrings(xml: string | undefined, cellChars: number): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(tagName) {
      const name = local(tagName);
      if (name === 'si' && current) {
        const s = current.join('');
        // Kept whole only up to the cell limit (plus one, so the cell that uses it is refused by name).
        strings.push(s.length > cellChars ? s.slice(0, cellChars + 1) : s);
        if (strings.length > MAX_SHARED_STRINGS) refuse({ reason: 'tooLarge', max: ZIP_LIMITS.partBytes });
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format shows a date or time: d, m, y, h or s outside quotes, escapes and [brackets].
 * One pass from the left, as a spreadsheet reads it: `\"` is an escaped quote, not the start of a quoted run.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\\.|"[^"]*"|\[[^\]]*\]/g, '').split(';', 1)[0] ?? '';
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index (the `s` of a cell): does it show the number as a date? */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** Column letters to an index: A → 0, XFD → 16383; null when the reference is not one. */
function columnIndex(ref: string): number | null {
  const m = /^([A-Z]{1,7})\d*$/.exec(ref.replace(/\$/g, ''));
  if (!m) return null;
  let n = 0;
  for (const ch of captured(m, 1)) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type Workbook = { sheets: string[]; date1904: boolean; sharedStringsPart?: string; stylesPart?: string };

function workbookOf(parts: Map<string, Uint8Array>): Workbook {
  const root = relationships(decode(parts.get('_rels/.rels')), '');
  const bookPart = [...root.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const relsPart = `${bookPart.split('/').slice(0, -1).join('/')}/_rels/${bookPart.split('/').pop()}.rels`;
  const bookXml = decode(parts.get(bookPart));
  if (!bookXml) return refuse({ reason: 'notSpreadsheet' });
  const rels = relationships(decode(parts.get(relsPart)), bookPart);
  const sheets: string[] = [];
  let date1904 = false;
  parseXml(bookXml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
      if (name === 'sheet') {
        const id = Object.entries(tag.attributes).find(([k]) => local(k) === 'id')?.[1];
        const rel = id ? rels.get(id) : undefined;
        if (rel?.type === 'worksheet') sheets.push(rel.target);
      }
    },
  });
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target;
  return { sheets, date1904, sharedStringsPart: byType('sharedStrings'), stylesPart: byType('styles') };
}

export type ReadOptions = { limits: XlsxLimits; onRows?: ((rowsRead: number) => void) | undefined };

/**
 * The rows of the first sheet that holds anything, each with its line number
 * and its cells from column A (null where the file has none). Refuses with
 * XlsxRefused; never reads a cell the file does not hold.
 */
export function readFirstSheet(bytes: Uint8Array, options: ReadOptions): XlsxRow[] {
  const parts = xmlParts(bytes);
  const book = workbookOf(parts);
  const strings = sharedStrings(book.sharedStringsPart && decode(parts.get(book.sharedStringsPart)), options.limits.cellChars);
  const dates = dateStyles(book.stylesPart && decode(parts.get(book.stylesPart)));
  for (const sheetPart of book.sheets) {
    const xml = parts.get(sheetPart);
    if (!xml) continue;
    const rows = readSheetXml(xml, { strings, dates, epoch: book.date1904 ? EPOCH_1904 : EPOCH_1900, ...options });
    if (rows.length) return rows;
  }
  return refuse({ reason: book.sheets.length ? 'empty' : 'notSpreadsheet' });
}

type SheetContext = ReadOptions & { strings: string[]; dates: boolean[]; epoch: number };

function readSheetXml(xml: Uint8Array, ctx: SheetContext): XlsxRow[] {
  const { limits } = ctx;
  const rows: XlsxRow[] = [];
  let line = 0;
  let cells: (XlsxValue | null)[] = [];
  // The cell being read.
  let column = -1;
  let type = 'n';
  let style = 0;
  let value: string[] | null = null;
  let formula: string[] | null = null;
  let inline: string[] | null = null;
  let phonetic = 0;
  let into: string[] | null = null;

  const finishCell = () => {
    let v: XlsxValue | null = null;
    const raw = value?.join('') ?? null;
    if (type === 's') v = raw === null ? null : (ctx.strings[Number(raw)] ?? null);
    else if (type === 'inlineStr') v = inline?.join('') ?? null;
    else if (type === 'str') v = raw;
    else if (type === 'b') v = raw === null ? null : raw.trim() === '1' || raw.trim() === 'true' ? '1' : '0';
    else if (type === 'e')
      v = null; // #DIV/0!, #N/A…: a computed error, read as an empty cell
    else if (type === 'd') v = raw === null || Number.isNaN(Date.parse(raw)) ? raw : new Date(Date.parse(raw));
    else if (raw !== null && raw.trim() !== '') {
      const n = Number(raw);
      const date = ctx.dates[style] ? new Date(ctx.epoch + Math.round(n * DAY_MS)) : null;
      v = !Number.isFinite(n) ? raw : date && !Number.isNaN(date.getTime()) ? date : n;
    }
    if ((v === null || v === '') && formula !== null && (raw === null || raw === '')) v = { formula: formula.join('') };
    if (typeof v === 'string' && v.trim() === '') v = null;
    if (v === null) return;
    if (column >= limits.columns) refuse({ reason: 'tooManyColumns', columns: column + 1 });
    if (typeof v === 'string' && v.length > limits.cellChars) refuse({ reason: 'cellTooLong', line, column, chars: v.length });
    cells[column] = v;
  };

  parseXml(xml, {
    open(tag) {
      switch (local(tag.name)) {
        case 'row': {
          const r = Number(tag.attributes.r);
          line = Number.isInteger(r) && r > 0 ? r : line + 1;
          cells = [];
          column = -1;
          break;
        }
        case 'c': {
          const ref = tag.attributes.r;
          const index = ref ? columnIndex(ref) : null;
          column = index ?? column + 1;
          type = tag.attributes.t ?? 'n';
          style = Number(tag.attributes.s ?? 0) || 0;
          value = formula = inline = null;
          break;
        }
        case 'v':
          value = into = [];
          break;
        case 'f':
          formula = into = [];
          break;
        case 'is':
          inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline && phonetic === 0) into = inline;
          break;
      }
    },
    close(tagName) {
      switch (local(tagName)) {
        case 'v':
        case 'f':
        case 't':
          into = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          if (cells.length) {
            // Columns the row skips are holes; the importer wants null there.
            for (let i = 0; i < cells.length; i++) cells[i] ??= null;
            rows.push({ line, cells });
            if (rows.length > limits.rows + 1) refuse({ reason: 'tooManyRows', rows: rows.length - 1 });
            if (rows.length % 1000 === 0) ctx.onRows?.(rows.length);
          }
          break;
      }
    },
    text(text) {
      into?.push(text);
    },
  });
  ctx.onRows?.(rows.length);
  return rows;
}
