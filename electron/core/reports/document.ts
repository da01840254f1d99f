import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { COLORS, PAGE, ROW_COUNTS, TABLE_TEXT, TEXT_WIDTH, type Block } from './blocks.ts';
import type { ReportLocale } from './format.ts';
import { BODY_FONT, CJK, textRuns } from './text.ts';

export type ReportLogo = { data: Uint8Array; type: 'png' | 'jpg'; width: number; height: number };

/** What every report's document is wrapped in: cover, contents, header and footer, styles. */
export type ReportShell = {
  locale: ReportLocale;
  title: string;
  subtitle?: string;
  officeName: string;
  localityName: string | null;
  generatedOn: string;
  logo: ReportLogo | null;
  /** word/styles.xml of the office's house-style document, when one is set. */
  houseStyleXml: string | null;
  /** Short reports (a trip report) read better without a table of contents. */
  contents: boolean;
  body: Block[];
};

const HEADING_STYLES = ['Title', 'Heading1', 'Heading2', 'Heading3'] as const;

/** Our own look, used where the house style does not define the style itself. */
function ownStyles(houseStyleXml: string | null): IStylesOptions {
  const defines = (id: string) => houseStyleXml !== null && houseStyleXml.includes(`w:styleId="${id}"`);
  const heading = (size: number, before: number) => ({
    run: { font: BODY_FONT, size, bold: true, color: COLORS.accent },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  const all = {
    Title: { run: { font: BODY_FONT, size: 48, bold: true, color: COLORS.accent }, paragraph: { spacing: { after: 240 } } },
    Heading1: heading(32, 360),
    Heading2: heading(26, 240),
    Heading3: heading(22, 200),
  };
  const names = { Title: 'Title', Heading1: 'Heading 1', Heading2: 'Heading 2', Heading3: 'Heading 3' };
  const outline = { Title: undefined, Heading1: 0, Heading2: 1, Heading3: 2 };
  return {
    // Document defaults only without a house style: its own defaults (body font, size) win.
    default: houseStyleXml
      ? undefined
      : {
          document: {
            run: { font: { ascii: BODY_FONT, hAnsi: BODY_FONT, cs: BODY_FONT, eastAsia: CJK['zh-Hans'].font }, size: 22 },
            paragraph: { spacing: { after: 80 } },
          },
        },
    paragraphStyles: [
      // Lines of an exact height (a 9.5 pt Calibri line's own): a line with Chinese would otherwise take the
      // CJK font's taller line, and the pages would no longer break where the contents' page numbers say.
      {
        id: TABLE_TEXT,
        name: 'Report table text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: 19 },
        paragraph: { spacing: { before: 20, after: 20, line: 232, lineRule: LineRuleType.EXACT } },
      },
      ...HEADING_STYLES.filter((id) => !defines(id)).map((id) => ({
        id,
        name: names[id],
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: all[id].run,
        paragraph: { ...all[id].paragraph, outlineLevel: outline[id] },
      })),
    ],
  };
}

/** "Página {{page}} de {{pages}}" with the two numbers as fields Word and LibreOffice fill in. */
function pageOf(template: string): ParagraphChild[] {
  return template
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((p) => p !== '')
    .map((part) =>
      part === '{{page}}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 18 })
        : part === '{{pages}}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 })
          : new TextRun({ text: part, size: 18 }),
    );
}

function cover(shell: ReportShell): Paragraph[] {
  const { t, longDate } = shell.locale;
  const out: Paragraph[] = [];
  if (shell.logo) {
    // At most 5 cm wide and 3 cm tall, keeping the picture's proportions (96 px to the inch).
    const scale = Math.min(189 / shell.logo.width, 113 / shell.logo.height, 1);
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { after: 480 },
        children: [
          new ImageRun({
            type: shell.logo.type,
            data: shell.logo.data,
            transformation: { width: Math.round(shell.logo.width * scale), height: Math.round(shell.logo.height * scale) },
            altText: { name: 'logo', description: shell.officeName, title: shell.officeName },
          }),
        ],
      }),
    );
  }
  out.push(
    new Paragraph({
      spacing: { before: shell.logo ? 1200 : 2400, after: 120 },
      children: textRuns(shell.locale.names, shell.officeName || t('reports.doc.noOffice'), { size: 30, bold: true, color: COLORS.muted }),
    }),
  );
  if (shell.localityName)
    out.push(new Paragraph({ spacing: { after: 960 }, children: textRuns(shell.locale.names, shell.localityName, { size: 26, color: COLORS.muted }) }));
  else out.push(new Paragraph({ spacing: { after: 960 }, children: [] }));
  out.push(
    new Paragraph({
      style: 'Title',
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: COLORS.accent, space: 8 } },
      children: textRuns(shell.locale.names, shell.title),
    }),
  );
  if (shell.subtitle) out.push(new Paragraph({ spacing: { after: 240 }, children: textRuns(shell.locale.names, shell.subtitle, { size: 28 }) }));
  out.push(
    new Paragraph({
      spacing: { before: 2400 },
      children: textRuns(shell.locale.names, t('reports.doc.generatedOn', { date: longDate(shell.generatedOn) }), { size: 20, color: COLORS.muted }),
    }),
  );
  return out;
}

function contents(shell: ReportShell): Block[] {
  if (!shell.contents) return [];
  const { t } = shell.locale;
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 240 },
      children: textRuns(shell.locale.names, t('reports.doc.contents'), { size: 32, bold: true, color: COLORS.accent }),
    }),
    new TableOfContents(t('reports.doc.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/**
 * Page numbers in the table of contents are worked out by laying the pages out
 * (docx/layout), so LibreOffice and a printed PDF show them without updating
 * fields. That layout costs several times the packing itself, so a long
 * report leaves them to Word, which updates the table when it opens the file.
 */
const ESTIMATE_PAGES_UP_TO_ROWS = 120;

const tableRows = (body: Block[]) => body.reduce((n, b) => n + (ROW_COUNTS.get(b) ?? 0), 0);

export function buildDocument(shell: ReportShell): Document {
  const { t } = shell.locale;
  const headerText = shell.officeName || t('reports.doc.noOffice');
  const body = shell.body;
  // The first heading after the cover (or contents) starts a page of its own.
  const firstBreak = new Paragraph({ children: [new PageBreak()] });
  return new Document({
    title: shell.title,
    creator: shell.officeName || 'Twinning Desk',
    description: shell.subtitle ?? shell.title,
    externalStyles: shell.houseStyleXml ?? undefined,
    styles: ownStyles(shell.houseStyleXml),
    features: { updateFields: shell.contents },
    pageNumbers: shell.contents && tableRows(body) <= ESTIMATE_PAGES_UP_TO_ROWS ? estimatePageNumbersWith({ guess: true }) : undefined,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLORS.border, space: 4 } },
                children: textRuns(shell.locale.names, headerText, { size: 18, color: COLORS.muted }),
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageOf(t('reports.doc.pageOf', { page: '{{page}}', pages: '{{pages}}' })) })],
          }),
        },
        children: [...cover(shell), ...contents(shell), firstBreak, ...body],
      },
    ],
  });
}

export { TEXT_WIDTH };
