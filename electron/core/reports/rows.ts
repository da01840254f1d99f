import { FileChild, type IContext, type IXmlableObject, type Table } from 'docx';
import { present } from '../../../shared/narrow.ts';
import type { NativeLang } from '../../../shared/names.ts';
import { CJK, type NameLanguages } from './text.ts';

// The body rows of a big table, written straight in the objects docx turns
// into XML. A report of a large office has tens of thousands of cells; built
// as docx Paragraphs, TextRuns and TableCells, each cell is a dozen objects
// that docx walks again to write it, which cost several times the packing of
// the same text. These rows are the XML docx itself writes for such a cell
// (test/unit/reports-rows.test.ts holds them side by side), made once and
// shared where they repeat.

/** One text cell of a body row: its lines, bold or not, and its alignment. */
export type TextCell = { text: string; bold: boolean; align: 'right' | 'left' | 'center' | undefined };

const EMPTY = Object.freeze({});
const PRESERVE = Object.freeze({ _attr: { 'xml:space': 'preserve' } });
const BOLD = [{ 'w:b': EMPTY }, { 'w:bCs': EMPTY }];
const ROW_PROPERTIES = Object.freeze({ 'w:trPr': [{ 'w:cantSplit': EMPTY }] });

const cjkProperties = new Map<NativeLang, [fonts: IXmlableObject, language: IXmlableObject]>();
function cjk(lang: NativeLang): [fonts: IXmlableObject, language: IXmlableObject] {
  let props = cjkProperties.get(lang);
  if (!props) {
    props = [{ 'w:rFonts': { _attr: { 'w:eastAsia': CJK[lang].font } } }, { 'w:lang': { _attr: { 'w:eastAsia': CJK[lang].tag } } }];
    cjkProperties.set(lang, props);
  }
  return props;
}

const BREAK = Object.freeze({ 'w:br': EMPTY });

/** A run of text; `broken` puts a line break before the text, inside the run, as docx writes TextRun({ break: 1 }). */
function run(text: string, lang: NativeLang | null, bold: boolean, broken: boolean): IXmlableObject {
  const t = { 'w:t': [PRESERVE, text] };
  const content = broken ? [BREAK, t] : [t];
  if (!bold && !lang) return { 'w:r': content };
  const props = lang ? (bold ? [cjk(lang)[0], ...BOLD, cjk(lang)[1]] : cjk(lang)) : BOLD;
  return { 'w:r': [{ 'w:rPr': props }, ...content] };
}

const paragraphProperties = new Map<string, IXmlableObject>();
function paragraphStyle(style: string, keepNext: boolean, align: TextCell['align']): IXmlableObject {
  const key = `${style}|${keepNext}|${align}`;
  let props = paragraphProperties.get(key);
  if (!props) {
    const children: IXmlableObject[] = [{ 'w:pStyle': { _attr: { 'w:val': style } } }];
    if (keepNext) children.push({ 'w:keepNext': EMPTY });
    if (align && align !== 'left') children.push({ 'w:jc': { _attr: { 'w:val': align } } });
    props = { 'w:pPr': children };
    paragraphProperties.set(key, props);
  }
  return props;
}

/** A cell's paragraph: each line a run, from the second on starting with a line break. */
function cellParagraph(names: NameLanguages, cell: TextCell, style: string, keepNext: boolean): IXmlableObject {
  const children: IXmlableObject[] = [paragraphStyle(style, keepNext, cell.align)];
  cell.text.split('\n').forEach((line, i) => names.pieces(line, cell.text).forEach((p, j) => children.push(run(p.text, p.lang, cell.bold, i > 0 && j === 0))));
  return { 'w:p': children };
}

/** The widths docx gives cells from the column widths: scaled up when they add up to less than the table. */
export function cellWidths(columnWidths: number[], tableWidth: number): number[] {
  const total = columnWidths.reduce((s, w) => s + w, 0);
  const scale = total > 0 && tableWidth > total ? tableWidth / total : 1;
  return columnWidths.map((w) => Math.round(w * scale));
}

export function rowXml(names: NameLanguages, cells: TextCell[], widths: IXmlableObject[], style: string, keepNext: boolean): IXmlableObject {
  return {
    'w:tr': [
      ROW_PROPERTIES,
      ...cells.map((cell, i) => ({ 'w:tc': [present(widths[i], 'a width for each cell'), cellParagraph(names, cell, style, keepNext)] })),
    ],
  };
}

export const cellWidthXml = (width: number): IXmlableObject => ({ 'w:tcPr': [{ 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': width } } }] });

/**
 * A table whose properties, grid and header row docx writes (from a Table with
 * only the header row) and whose body rows are already written.
 */
export class RowsTable extends FileChild {
  private readonly head: Table;
  private readonly rows: IXmlableObject[];

  constructor(head: Table, rows: IXmlableObject[]) {
    super('w:tbl');
    this.head = head;
    this.rows = rows;
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const head = this.head.prepForXml(context) as { 'w:tbl': IXmlableObject[] } | undefined;
    if (!head) return undefined;
    return { 'w:tbl': [...head['w:tbl'], ...this.rows] };
  }
}
