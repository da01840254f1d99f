import { ImageRun, Paragraph } from 'docx';
import type { Kysely } from 'kysely';
import { Resvg } from '@resvg/resvg-js';
import { present } from '../../../shared/narrow.ts';
import type { DB } from '../db/schema.ts';
import type { AnnualAgreement } from '../features/figures/agreements.ts';
import { readSetting } from '../features/settings/store.ts';
import type { AgreementStage } from '../../../shared/contract/agreements.ts';
import { arcPath, worldMap, type Point } from '../../../shared/map/world.ts';
import { leadingStage, LEGEND_ORDER, OFFICE_COLOR, pinPath, STAGE_STYLE, starPath } from '../../../shared/map/stages.ts';
import { emptyNote, intro, type Block } from './blocks.ts';
import type { ReportLocale } from './format.ts';
import { country, stageName } from './labels.ts';
import { textRuns } from './text.ts';

// The annual report's map of the partners in force: the screen's map (shared/map),
// drawn as SVG here and rasterised by resvg (no browser, no fonts: every word stays
// real text in the paragraphs around the picture, in the report's language).

export type ReportMapPlace = { name: string; nativeName: string | null; country: string; latitude: number; longitude: number };
export type ReportMap = {
  office: Omit<ReportMapPlace, 'country'> | null;
  partners: (ReportMapPlace & { stage: AgreementStage })[];
  /** Partners in force that have no coordinates: said under the map, not drawn. */
  unplaced: number;
};

/** The partners in force at the year's end, each place once (its furthest-along agreement), and the office's city. */
export async function loadReportMap(db: Kysely<DB>, inForce: readonly AnnualAgreement[]): Promise<ReportMap> {
  const stageOf = new Map(inForce.map((a) => [a.id, a.stageAtYearEnd]));
  const rows = stageOf.size
    ? await db
        .selectFrom('agreements as a')
        .innerJoin('localities as l', 'l.id', 'a.partner_id')
        .select(['a.id', 'l.id as placeId', 'l.name', 'l.native_name as nativeName', 'l.country', 'l.latitude', 'l.longitude'])
        .where('a.id', 'in', [...stageOf.keys()])
        .orderBy('l.search_text')
        .execute()
    : [];
  const places = new Map<number, ReportMap['partners'][number] | { unplaced: true }>();
  for (const r of rows) {
    const stage = present(stageOf.get(r.id), 'the stage of an agreement asked for by its id');
    const known = places.get(r.placeId);
    if (known && 'stage' in known) known.stage = leadingStage(known.stage, stage);
    else if (!known) {
      places.set(
        r.placeId,
        r.latitude === null || r.longitude === null
          ? { unplaced: true }
          : { name: r.name, nativeName: r.nativeName, country: r.country, latitude: r.latitude, longitude: r.longitude, stage },
      );
    }
  }
  const ownId = await readSetting(db, 'ownLocalityId');
  const own =
    ownId === null
      ? undefined
      : await db.selectFrom('localities').select(['name', 'native_name as nativeName', 'latitude', 'longitude']).where('id', '=', ownId).executeTakeFirst();
  const partners = [...places.values()].filter((p): p is ReportMap['partners'][number] => 'stage' in p);
  return {
    office:
      own && own.latitude !== null && own.longitude !== null
        ? { name: own.name, nativeName: own.nativeName, latitude: own.latitude, longitude: own.longitude }
        : null,
    partners,
    unplaced: places.size - partners.length,
  };
}

const WIDTH = 1000;
const SCALE = 2; // pixels per map unit in the PNG: sharp when printed at the page's width
/** The picture's width on the page, in points of 1/72 inch as docx sizes images (about 16.5 cm). */
const PAGE_WIDTH_PX = 624;

/** The part of the world the places need: full width, the height cut to them (a margin around), never flatter than a band. */
function frame(map: ReturnType<typeof worldMap>, points: Point[]): { y: number; height: number } {
  if (!points.length) return { y: 0, height: map.height };
  const margin = map.height * 0.12;
  const top = Math.max(0, Math.min(...points.map((p) => p[1])) - margin);
  const bottom = Math.min(map.height, Math.max(...points.map((p) => p[1])) + margin);
  const least = map.width * 0.38;
  if (bottom - top >= least) return { y: top, height: bottom - top };
  const middle = (top + bottom) / 2;
  const y = Math.min(Math.max(0, middle - least / 2), map.height - least);
  return { y, height: least };
}

export function reportMapSvg(data: ReportMap): string {
  const map = worldMap(WIDTH);
  const at = (p: { latitude: number; longitude: number }) => map.project(p.longitude, p.latitude);
  const office = data.office ? at(data.office) : null;
  const pins = data.partners.map((p) => ({ p, at: at(p) })).filter((x): x is { p: (typeof data.partners)[number]; at: Point } => x.at !== null);
  const { y, height } = frame(map, [...pins.map((p) => p.at), ...(office ? [office] : [])]);
  const view = `0 ${y.toFixed(1)} ${map.width} ${height.toFixed(1)}`;
  const xy = (pt: Point) => `${pt[0].toFixed(1)},${pt[1].toFixed(1)}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view}" width="${map.width}" height="${Math.round(height)}">`,
    `<rect y="${y.toFixed(1)}" width="${map.width}" height="${height.toFixed(1)}" fill="#eef3f8"/>`,
    `<path d="${map.graticule}" fill="none" stroke="#dbe3ec" stroke-width="0.6"/>`,
    `<path d="${map.land}" fill="#d9dfd4"/>`,
    `<path d="${map.borders}" fill="none" stroke="#ffffff" stroke-width="0.7"/>`,
    ...(office
      ? pins.map(({ p, at: pt }) => `<path d="${arcPath(office, pt)}" fill="none" stroke="${STAGE_STYLE[p.stage].color}" stroke-width="1.4" opacity="0.6"/>`)
      : []),
    ...pins.map(
      ({ p, at: pt }) =>
        `<path transform="translate(${xy(pt)})" d="${pinPath(STAGE_STYLE[p.stage].shape, 6)}" fill="${STAGE_STYLE[p.stage].color}" stroke="#ffffff" stroke-width="1.4"/>`,
    ),
    ...(office ? [`<path transform="translate(${xy(office)})" d="${starPath(11)}" fill="${OFFICE_COLOR}" stroke="#ffffff" stroke-width="1"/>`] : []),
    '</svg>',
  ];
  return parts.join('');
}

export function reportMapPng(svg: string): { png: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: SCALE }, font: { loadSystemFonts: false } }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}

const hex = (color: string) => color.slice(1).toUpperCase();
const SHAPE_GLYPH = { circle: '●', diamond: '◆', square: '■' } as const;

/** The picture, its legend in words (shape and colour both shown), and what it leaves out. */
export function partnersMap(l: ReportLocale, data: ReportMap): Block[] {
  const { t } = l;
  if (data.partners.length === 0) {
    return data.unplaced ? [emptyNote(l, t('reports.annual.map.allUnplaced', { count: data.unplaced }))] : [];
  }
  const { png, width, height } = reportMapPng(reportMapSvg(data));
  const names = data.partners.map((p) => `${l.bothScripts(p.name, p.nativeName, p.country)} (${country(l, p.country)})`).join('; ');
  const stages = LEGEND_ORDER.filter((s) => data.partners.some((p) => p.stage === s));
  const legend = new Paragraph({
    spacing: { before: 60, after: 160 },
    children: [
      ...(data.office
        ? [
            ...textRuns(l.names, '★ ', { color: hex(OFFICE_COLOR), bold: true }),
            ...textRuns(l.names, t('reports.annual.map.office', { name: l.bothScripts(data.office.name, data.office.nativeName, null) }), { size: 18 }),
          ]
        : []),
      ...stages.flatMap((s, i) => [
        ...textRuns(l.names, `${data.office || i > 0 ? '    ' : ''}${SHAPE_GLYPH[STAGE_STYLE[s].shape]} `, { color: hex(STAGE_STYLE[s].color), bold: true }),
        ...textRuns(l.names, `${stageName(l, s)} (${l.number(data.partners.filter((p) => p.stage === s).length)})`, { size: 18 }),
      ]),
    ],
  });
  return [
    intro(l, t('reports.annual.map.intro', { count: data.partners.length })),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: PAGE_WIDTH_PX, height: Math.round((PAGE_WIDTH_PX * height) / width) },
          altText: { name: t('reports.annual.map.title'), title: t('reports.annual.map.title'), description: names },
        }),
      ],
    }),
    legend,
    ...(data.unplaced ? [emptyNote(l, t('reports.annual.map.unplaced', { count: data.unplaced }))] : []),
  ];
}
