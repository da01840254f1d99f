import { ImageRun, Paragraph } from 'docx';
import { present } from '../../../shared/narrow.ts';
import { dataTable, type Block, type Cell } from './blocks.ts';
import { Raster, type Rgb } from './png.ts';
import type { ReportLocale } from './format.ts';
import { textRuns } from './text.ts';

// The chart is a table: the labels and totals stay real text in the report's
// language (Chinese included, selectable, translated), and each bar is a small
// PNG drawn here, stacked by series. Word and LibreOffice lay it out the same way,
// which a native chart or one picture with painted labels would not guarantee.

export type ChartSeries = { label: string; color: Rgb };
export type ChartRow = { label: string; values: number[] };

const BAR = { width: 320, height: 16 } as const;
const TRACK: Rgb = [235, 238, 242];

export const SERIES_COLORS: readonly [Rgb, Rgb, Rgb, Rgb] = [
  [31, 78, 121],
  [237, 125, 49],
  [112, 173, 71],
  [165, 165, 165],
];

const hex = ([r, g, b]: Rgb) =>
  [r, g, b]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** One bar: segments in series order, scaled so the largest total fills the width. */
export function barPng(values: number[], colors: readonly Rgb[], max: number): Buffer {
  const raster = new Raster(BAR.width, BAR.height);
  raster.fill(0, 3, BAR.width, BAR.height - 6, TRACK);
  let x = 0;
  values.forEach((v, i) => {
    const w = max > 0 ? (v / max) * BAR.width : 0;
    raster.fill(x, 2, w, BAR.height - 4, present(colors[i % colors.length], 'a color for each series'));
    x += w;
  });
  return raster.toPng();
}

export function barChart(
  l: ReportLocale,
  opts: { series: ChartSeries[]; rows: ChartRow[]; columns: [string, string, string]; number: (n: number) => string },
): Block[] {
  const max = Math.max(0, ...opts.rows.map((r) => r.values.reduce((s, v) => s + v, 0)));
  const colors = opts.series.map((s) => s.color);
  const rows: Cell[][] = opts.rows.map((r) => [
    r.label,
    {
      image: new ImageRun({
        type: 'png',
        data: barPng(r.values, colors, max),
        transformation: { width: BAR.width, height: BAR.height },
        altText: { name: r.label, description: `${r.label}: ${r.values.map(opts.number).join(' + ')}`, title: r.label },
      }),
    },
    { text: opts.number(r.values.reduce((s, v) => s + v, 0)), align: 'right' },
  ]);
  const legend = new Paragraph({
    spacing: { before: 80, after: 200 },
    children: opts.series.flatMap((s, i) => [
      ...textRuns(l.names, i > 0 ? '    ■ ' : '■ ', { color: hex(s.color), bold: true }),
      ...textRuns(l.names, s.label, { size: 18 }),
    ]),
  });
  return [
    dataTable(
      l,
      [
        { title: opts.columns[0], weight: 30 },
        { title: opts.columns[1], weight: 50 },
        { title: opts.columns[2], weight: 12, align: 'right' },
      ],
      rows,
      { keepTogether: rows.length <= 20 },
    ),
    legend,
  ];
}
