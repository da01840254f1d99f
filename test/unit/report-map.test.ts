import { unzipSync, strFromU8 } from 'fflate';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadAnnualReport } from '../../electron/core/reports/annual/data.ts';
import { reportMapSvg } from '../../electron/core/reports/map.ts';
import { worldMap } from '../../shared/map/world.ts';
import { STAGE_STYLE } from '../../shared/map/stages.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

const NOW = new Date('2026-12-01T12:00:00Z');

async function sampleOffice() {
  const services = await openTestServices({ now: () => NOW });
  await ok(services, 'sample.load', {});
  return services;
}

const hex = (rgba: Uint8Array, i: number) =>
  `#${[rgba[i], rgba[i + 1], rgba[i + 2]]
    .map((v) => v!.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

describe('the annual report’s map of partners in force', () => {
  it('holds each partner in force at the year’s end once, placed, with its stage then, and the office’s city', async () => {
    const services = await sampleOffice();
    const data = await loadAnnualReport(services.opened.db, 2026, '2026-12-01');
    expect(data.map.office).toMatchObject({ name: 'Lima', latitude: -12.0432, longitude: -77.0282 });
    expect(data.map.partners.map((p) => [p.name, p.stage]).sort()).toEqual([
      ['Fujian', 'active'],
      ['Guilin', 'dormant'],
      ['Kobe', 'active'],
      ['Shanghai', 'active'],
      ['Zhangzhou', 'signed'], // its letter-of-intent stage was typed before the signature date: signed by the dates
    ]);
    // Same count as the report's own "in force" figure: one source.
    expect(data.map.partners.length + data.map.unplaced).toBe(data.figures.agreementsInForce);
    expect(data.map.unplaced).toBe(0);

    // A partner without coordinates is counted as left out, not drawn.
    const kobe = (await ok(services, 'localities.list', { search: 'Kobe' }))[0]!;
    await ok(services, 'localities.update', { ...kobe, latitude: null, longitude: null, id: kobe.id, version: kobe.version });
    const after = await loadAnnualReport(services.opened.db, 2026, '2026-12-01');
    expect(after.map.partners.map((p) => p.name)).not.toContain('Kobe');
    expect(after.map.unplaced).toBe(1);
  });

  it('draws each pin in its stage’s colour where the screen’s map puts it', async () => {
    const services = await sampleOffice();
    const data = await loadAnnualReport(services.opened.db, 2026, '2026-12-01');
    const rendered = new Resvg(reportMapSvg(data.map), { font: { loadSystemFonts: false } }).render();
    const map = worldMap(1000);
    // The picture keeps the map's full width and cuts its height to the places: its top is the viewBox's.
    const top = Number(/viewBox="0 ([\d.]+) /.exec(reportMapSvg(data.map))![1]);
    expect(rendered.width).toBe(1000);
    const pixel = (lon: number, lat: number) => {
      const [x, py] = map.project(lon, lat)!;
      const y = py - top;
      return hex(rendered.pixels, (Math.round(y) * rendered.width + Math.round(x)) * 4);
    };
    expect(pixel(135.183, 34.6913)).toBe(STAGE_STYLE.active.color); // Kobe
    expect(pixel(110.2964, 25.2802)).toBe(STAGE_STYLE.dormant.color); // Guilin
    expect(pixel(-25, -35)).toBe('#EEF3F8'); // the South Atlantic, off the grid lines: sea
  });

  it('is a picture in the Word file, described in words, with the legend as text in the report’s language', async () => {
    const services = await sampleOffice();
    const file = await ok(services, 'reports.generate', { report: { kind: 'annual', year: 2026, language: 'es' }, target: 'download' });
    if (file.delivered !== 'bytes') throw new Error('expected bytes');
    const zip = unzipSync(Buffer.from(file.base64, 'base64'));
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml).toContain('Mapa de socios con acuerdo vigente');
    expect(xml).toMatch(/descr="[^"]*Shanghai 上海市 \(China\)[^"]*Kobe 神戸市 \(Japón\)|descr="[^"]*Kobe 神戸市 \(Japón\)[^"]*Shanghai 上海市 \(China\)/);
    expect(xml).toContain('Lima (nuestra ciudad)');
    expect(xml).toContain('Inactivo (1)');
    const pngs = Object.keys(zip).filter((n) => n.startsWith('word/media/') && zip[n]![1] === 0x50);
    const widths = pngs.map((n) => Buffer.from(zip[n]!).readUInt32BE(16));
    expect(widths).toContain(2000); // the map, at twice its drawing size: sharp on paper
  });
});
