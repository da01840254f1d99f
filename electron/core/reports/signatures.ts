import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Signatures } from '../../../shared/contract/settings.ts';
import { TEXT_WIDTH, type Block } from './blocks.ts';
import type { ReportLocale } from './format.ts';
import { textRuns } from './text.ts';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/**
 * Who prepared the report and who approves it, each with room to sign above
 * the name: printed at the end of the annual report, the trip report and the
 * statement when the office filled them in (Settings), kept on one page.
 */
export function signatureBlock(l: ReportLocale, s: Signatures): Block[] {
  const people = [
    { label: l.t('reports.signatures.preparedBy'), name: s.preparedName, title: s.preparedTitle },
    { label: l.t('reports.signatures.approvedBy'), name: s.approvedName, title: s.approvedTitle },
  ].filter((p) => p.name || p.title);
  if (people.length === 0) return [];
  const width = Math.floor(TEXT_WIDTH / 2);
  const cell = (p: (typeof people)[number]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({ children: textRuns(l.names, p.label, { bold: true }), keepNext: true, keepLines: true, spacing: { after: 600 } }),
        new Paragraph({ children: textRuns(l.names, '_______________________________'), keepNext: true, keepLines: true }),
        new Paragraph({ children: textRuns(l.names, p.name), keepNext: true, keepLines: true }),
        new Paragraph({ children: textRuns(l.names, p.title), keepLines: true }),
      ],
    });
  return [
    new Paragraph({ children: [], spacing: { before: 240 }, keepNext: true }),
    new Table({
      width: { size: width * people.length, type: WidthType.DXA },
      columnWidths: people.map(() => width),
      layout: TableLayoutType.FIXED,
      borders: noBorders,
      rows: [new TableRow({ cantSplit: true, children: people.map(cell) })],
    }),
  ];
}
