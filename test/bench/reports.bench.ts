import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { barPng, SERIES_COLORS } from '../../electron/core/reports/chart.ts';
import { loadAnnualReport, type AnnualReportData } from '../../electron/core/reports/annual/data.ts';
import { annualDocument, annualFigures } from '../../electron/core/reports/annual/document.ts';
import { loadAssetsForDocument } from '../../electron/core/reports/assets.ts';
import { reportLocale } from '../../electron/core/reports/format.ts';
import { renderReport } from '../../electron/core/reports/generate.ts';
import { areaName, country, kindName, stageName } from '../../electron/core/reports/labels.ts';
import { createServices } from '../../electron/core/services.ts';
import { generateAgreements } from './generate.ts';
import { generateActivity } from './generate-activity.ts';
import { measure, measurePair, ms, report } from './stats.ts';

// The annual report of a generated office: our whole path (queries, layout,
// packing, writing the file) beside `docx` alone packing the same content built
// directly with its plain API, so the ratio is what our own code costs.

/**
 * The same content as our report, built with docx's plain API: contents, header
 * and footer with page numbers, the tables, and the activity bars as pictures
 * (drawn before timing: drawing them is our code's cost, packing them docx's).
 */
function plainDocument(d: AnnualReportData, bars: Buffer[]): Document {
  const l = reportLocale('es');
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const table = (rows: string[][]) =>
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map(cell) })) });
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading, children: [new TextRun(text)] });
  const children: (Paragraph | Table | TableOfContents)[] = [
    new TableOfContents(l.t('reports.doc.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
    h(l.t('reports.annual.summary.title'), HeadingLevel.HEADING_1),
    table(annualFigures(d, l)),
  ];
  children.push(h(l.t('reports.annual.agreements.title'), HeadingLevel.HEADING_1));
  const byCountry = new Map<string, AnnualReportData['agreements']>();
  for (const a of d.agreements) byCountry.set(a.country, [...(byCountry.get(a.country) ?? []), a]);
  for (const [code, list] of byCountry) {
    children.push(h(country(l, code), HeadingLevel.HEADING_2));
    children.push(
      table(
        list.map((a) => [
          l.bothScripts(a.partnerName, a.partnerNative, a.country),
          kindName(l, a.kind),
          stageName(l, a.stageAtYearEnd),
          l.date(a.letterOfIntentOn),
          l.date(a.signedOn),
        ]),
      ),
    );
  }
  children.push(h(l.t('reports.annual.new.title', { year: d.year }), HeadingLevel.HEADING_1));
  for (const list of [d.newLettersOfIntent, d.newSignatures])
    children.push(table(list.map((a) => [l.bothScripts(a.partnerName, a.partnerNative, a.country), country(l, a.country), kindName(l, a.kind)])));
  children.push(h(l.t('reports.annual.visits.title'), HeadingLevel.HEADING_1));
  children.push(
    table(
      d.activity.visits.map((v) => [
        `${l.date(v.startsOn)} – ${l.date(v.endsOn)}`,
        v.partners.map((p) => l.bothScripts(p.name, p.nativeName, p.country)).join('\n'),
        v.purpose,
        v.participants.map((p) => `${l.bothScripts(p.name, p.nativeName, p.country)} (${l.t(`visits.role.${p.role}`)})`).join('\n'),
        v.outcomes.join('\n'),
      ]),
    ),
  );
  children.push(h(l.t('reports.annual.commitments.title'), HeadingLevel.HEADING_1));
  const commitmentRows = (list: typeof d.activity.commitments) =>
    list.map((c) => [
      l.bothScripts(c.partnerName, c.partnerNative, c.partnerCountry),
      l.t(`commitments.kind.${c.kind}`),
      c.description,
      l.date(c.dueOn),
      `${c.deliveredByYearEnd} / ${c.quantity}`,
    ]);
  children.push(table(commitmentRows(d.activity.commitments)));
  children.push(table(commitmentRows(d.activity.pendingCommitments)));
  children.push(table(d.activity.pendingTasks.map((k) => [k.title, l.date(k.dueOn), k.assignee ?? '', k.priority])));
  children.push(h(l.t('reports.annual.areas.title'), HeadingLevel.HEADING_1));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: d.areas.map(
        (a, i) =>
          new TableRow({
            children: [
              cell(areaName(l, a)),
              new TableCell({
                children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: bars[i]!, transformation: { width: 320, height: 16 } })] })],
              }),
              cell(String(a.agreements + a.visits + a.commitments)),
            ],
          }),
      ),
    }),
  );
  return new Document({
    features: { updateFields: true },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(d.office.name ?? '')] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun({ children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
}

// Each path warms up on its own first: docx's code gets faster over the first
// few documents (the JIT), and with one warm-up the path measured first paid
// for it while the one measured after ran on code already warmed.
const SAMPLES = 15;
const WARMUP = 3;

async function office(label: string, dir: string, fill: (sqlite: import('better-sqlite3').Database) => void, year: number) {
  const file = path.join(dir, `${label}.sqlite`);
  const services = await createServices(file);
  fill(services.opened.sqlite);
  const db = services.opened.db;
  const out = path.join(dir, `${label}.docx`);
  let size = 0;
  const data = await loadAnnualReport(db, year, '2026-12-01');
  const max = Math.max(0, ...data.areas.map((a) => a.agreements + a.visits + a.commitments));
  const bars = data.areas.map((a) => barPng([a.agreements, a.visits, a.commitments], SERIES_COLORS, max));
  const [ours, raw] = await measurePair(
    async () => {
      const { bytes } = await renderReport(db, { kind: 'annual', year, language: 'es' }, '2026-12-01');
      fs.writeFileSync(out, bytes);
      size = bytes.length;
    },
    () => Packer.toBuffer(plainDocument(data, bars)),
    SAMPLES,
    WARMUP,
  );
  report(`${label}: annual ${year}`, ours, raw);
  // Where the time goes: laying out and packing our document from data already
  // loaded. Beside `ours` it shows what the queries and the file cost; beside
  // `raw`, mostly what docx spends on the formatting the plain document lacks
  // (column widths, table text style, CJK fonts, line breaks, cover).
  const assets = { ...(await loadAssetsForDocument(db)), generatedOn: '2026-12-01' };
  const packing = await measure(
    async () => {
      await Packer.toBuffer(annualDocument(data, reportLocale('es'), assets));
    },
    SAMPLES,
    WARMUP,
  );
  console.log(`  ${''.padEnd(44)} of which layout + docx packing: p50 ${ms(packing.p50)}`);
  console.log(
    `  ${''.padEnd(44)} listed: ${data.agreements.length} agreements, ${data.activity.visits.length} visits, ${data.activity.commitments.length} commitments`,
  );
  console.log(`  ${''.padEnd(44)} file ${(size / 1024).toFixed(0)} KiB`);
  await services.close();
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-reports-'));
  try {
    await office(
      'large office (500 agr., 5k visits, 20k tasks, 10k commitments)',
      dir,
      (sqlite) => {
        generateAgreements(sqlite, 300, 500);
        generateActivity(sqlite, { visits: 5000, tasks: 20000, commitments: 10000, fromYear: 2016, toYear: 2025 });
      },
      2020,
    );
    await office(
      'typical office (50 agreements, 200 visits)',
      dir,
      (sqlite) => {
        generateAgreements(sqlite, 40, 50);
        generateActivity(sqlite, { visits: 200, tasks: 400, commitments: 100, fromYear: 2016, toYear: 2025 });
      },
      2020,
    );
    console.log(`  aims: large < ${ms(2000)} and ratio ≤ 1.5; typical < ${ms(300)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
