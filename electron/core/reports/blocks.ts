import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type ImageRun,
  type ParagraphChild,
  type TableOfContents,
} from 'docx';
import { present } from '../../../shared/narrow.ts';
import { cellWidthXml, cellWidths, rowXml, RowsTable, type TextCell } from './rows.ts';
import type { ReportLocale } from './format.ts';
import { textRuns, type RunStyle } from './text.ts';

// The few shapes every report is written with. Reports describe their content
// with these; the look (fonts, colours, spacing) lives here and in the shell.
// Each takes the report's locale first: its runs take their East-Asian
// language from the names the report wrote (text.ts).

export type Block = Paragraph | Table | RowsTable | TableOfContents;

/** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLORS = { accent: '1F4E79', headerFill: 'DCE6F1', border: 'A6A6A6', muted: '595959' } as const;

export const heading1 = (l: ReportLocale, text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(l.names, text) });
export const heading2 = (l: ReportLocale, text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(l.names, text) });

export const para = (l: ReportLocale, text: string, style: RunStyle = {}) =>
  new Paragraph({ children: textRuns(l.names, text, style), spacing: { after: 120 } });
/** A paragraph that introduces the table after it, kept on the same page as its start. */
export const intro = (l: ReportLocale, text: string) =>
  new Paragraph({ children: textRuns(l.names, text), spacing: { after: 120 }, keepNext: true, keepLines: true });

/** A paragraph made of labelled parts, e.g. "Stage: Active"; a label is bold. */
export function labelled(l: ReportLocale, parts: [label: string, value: string][]): Paragraph {
  const children: ParagraphChild[] = [];
  parts.forEach(([label, value], i) => {
    if (i > 0) children.push(...textRuns(l.names, '   '));
    children.push(...textRuns(l.names, `${label}: `, { bold: true }), ...textRuns(l.names, value));
  });
  return new Paragraph({ children, spacing: { after: 80 } });
}

/** What a section says when the period holds nothing for it: a sentence, never an empty table. */
export const emptyNote = (l: ReportLocale, text: string) =>
  new Paragraph({ children: textRuns(l.names, text, { italics: true, color: COLORS.muted }), spacing: { after: 160 } });

export const bullet = (l: ReportLocale, text: string) => new Paragraph({ children: textRuns(l.names, text), bullet: { level: 0 }, spacing: { after: 60 } });

export type TextCellSpec = { text: string; bold?: boolean; align?: 'right' | 'left' | 'center' };
export type Cell = string | TextCellSpec | { image: ImageRun };

/** A bold cell (a total). A helper, not a literal: in `Cell` a literal's `bold` reads as String.prototype.bold. */
export const boldCell = (text: string, align?: TextCellSpec['align']): TextCellSpec => (align ? { text, bold: true, align } : { text, bold: true });

export type Column = { title: string; /** relative width */ weight: number; align?: 'right' | 'left' | 'center' };

const thin = { style: BorderStyle.SINGLE, size: 4, color: COLORS.border };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
const ALIGN = { right: AlignmentType.RIGHT, left: AlignmentType.LEFT, center: AlignmentType.CENTER } as const;

/** Paragraph style of table text, defined once in the shell so each cell carries no formatting of its own. */
export const TABLE_TEXT = 'ReportTableText';

function cellParagraph(l: ReportLocale, cell: Cell, column: Column, header: boolean, keepNext: boolean): Paragraph {
  const keep = keepNext ? { keepNext: true } : {};
  if (typeof cell === 'object' && 'image' in cell) return new Paragraph({ style: TABLE_TEXT, children: [cell.image], ...keep });
  const text = typeof cell === 'string' ? cell : cell.text;
  const bold = header || (typeof cell === 'object' && cell.bold === true) ? true : undefined;
  const align = (typeof cell === 'object' && cell.align) || column.align;
  // A cell with several lines keeps them as separate lines (participants, outcomes).
  const children: ParagraphChild[] = text.split('\n').flatMap((line, i) => textRuns(l.names, line, { bold, break: i > 0 ? 1 : undefined }, text));
  return new Paragraph({ style: TABLE_TEXT, children, alignment: align && align !== 'left' ? ALIGN[align] : undefined, ...keep });
}

type TableOptions = { widthTwips?: number; /** short tables (a chart) stay on one page */ keepTogether?: boolean };

function tableShape(columns: Column[], opts: TableOptions) {
  const width = opts.widthTwips ?? TEXT_WIDTH;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  return { width, widths: columns.map((c) => Math.floor((width * c.weight) / total)) };
}

function docxRow(l: ReportLocale, columns: Column[], cells: Cell[], header: boolean, keepNext = false) {
  return new TableRow({
    tableHeader: header ? true : undefined,
    cantSplit: true,
    // Widths come from the table grid and margins from the table: a big report has
    // thousands of cells, and every property repeated on each one costs time and bytes.
    children: cells.map(
      (cell, i) =>
        new TableCell({
          shading: header ? { type: ShadingType.CLEAR, fill: COLORS.headerFill, color: 'auto' } : undefined,
          children: [cellParagraph(l, cell, present(columns[i], 'a column for each cell'), header, keepNext)],
        }),
    ),
  });
}

function docxTable(columns: Column[], rows: TableRow[], opts: TableOptions): Table {
  const { width, widths } = tableShape(columns, opts);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80 },
    borders,
    rows,
  });
}

/** The header row keeps with the first row under it: a header alone at the foot of a page says nothing. */
const headerRow = (l: ReportLocale, columns: Column[]) =>
  docxRow(
    l,
    columns,
    columns.map((c) => c.title),
    true,
    true,
  );

/** Every row but the last keeps with the next: how Word and LibreOffice keep a table on one page. */
const keepsNext = (opts: TableOptions, i: number, count: number) => opts.keepTogether === true && i < count - 1;

/** The table built from docx's own objects throughout: what `dataTable` writes, cell for cell (the tests compare them). */
export function docxDataTable(l: ReportLocale, columns: Column[], rows: Cell[][], opts: TableOptions = {}): Table {
  const head = headerRow(l, columns);
  return docxTable(columns, [head, ...rows.map((r, i) => docxRow(l, columns, r, false, keepsNext(opts, i, rows.length)))], opts);
}

const textCell = (cell: Exclude<Cell, { image: ImageRun }>, column: Column): TextCell =>
  typeof cell === 'string'
    ? { text: cell, bold: false, align: column.align }
    : { text: cell.text, bold: cell.bold === true, align: cell.align || column.align };

/**
 * A table as wide as the text, with fixed column widths from the weights (so a
 * long name wraps instead of pushing the table off the page), a header row that
 * repeats on every page, and rows that do not split across pages. Text-only
 * body rows are written straight as XML (rows.ts); rows with a picture (the
 * chart's bars) go through docx, which files the picture in the package.
 */
/** The rows as a table or, when there are none, the sentence that says so: never a header over nothing. */
export function tableOrNote(l: ReportLocale, columns: Column[], rows: Cell[][], none: string, opts: TableOptions = {}): Block {
  return rows.length ? dataTable(l, columns, rows, opts) : emptyNote(l, none);
}

export function dataTable(l: ReportLocale, columns: Column[], rows: Cell[][], opts: TableOptions = {}): Table | RowsTable {
  const pictures = rows.some((r) => r.some((c) => typeof c === 'object' && 'image' in c));
  let table: Table | RowsTable;
  if (pictures) table = docxDataTable(l, columns, rows, opts);
  else {
    const { width, widths } = tableShape(columns, opts);
    const tcPr = cellWidths(widths, width).map(cellWidthXml);
    const head = docxTable(columns, [headerRow(l, columns)], opts);
    const body = rows.map((r, i) =>
      rowXml(
        l.names,
        r.map((c, j) => textCell(c as Exclude<Cell, { image: ImageRun }>, present(columns[j], 'a column for each cell'))),
        tcPr,
        TABLE_TEXT,
        keepsNext(opts, i, rows.length),
      ),
    );
    table = new RowsTable(head, body);
  }
  ROW_COUNTS.set(table, rows.length + 1);
  return table;
}

/** Rows per table, so the shell can tell a short report from a long one without walking docx's internals. */
export const ROW_COUNTS = new WeakMap<object, number>();

/** Label/value pairs as a two-column table: the summary's figures. */
export function figuresTable(l: ReportLocale, title: [string, string], rows: [string, string][]): Table | RowsTable {
  return dataTable(
    l,
    [
      { title: title[0], weight: 7 },
      { title: title[1], weight: 3, align: 'right' },
    ],
    rows,
  );
}

/** A blank line between blocks, e.g. after a table before the next heading. */
export const spacer = () => new Paragraph({ children: [], spacing: { after: 0 } });
