import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../shared/contract/reports.ts';
import { Raster, pngSize } from '../../electron/core/reports/png.ts';
import type { Services } from '../../electron/core/services.ts';
import { docxPart, figure, paragraphs, runsWith, tableRows, textOf } from '../support/docx-reader.ts';
import { AGREEMENTS, buildReportOffice, COMMITMENTS, TASKS, VISITS } from '../support/report-office.ts';
import { runCliProcess } from '../support/cli.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';
import { visitFields } from '../support/factories.ts';
import { formatDate } from '../../shared/format.ts';

// The report office is Lima's: its reports write dates and amounts as Peru does (es-PE).
const PE = 'es-PE';
const day = (iso: string) => formatDate(iso, PE);

/** The summary's figures, computed here from the fixtures, not by the code under test. */
function expectedFigures(year: number) {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const within = (d?: string | null) => !!d && d >= start && d <= end;
  const live = AGREEMENTS.filter((f) => !f.archived).map((f) => ({ ...f.agreement, country: f.partner.country }));
  const inForce = live.filter((a) => a.signedOn && a.signedOn <= end && !(a.endedOn && a.endedOn <= end));
  const visits = VISITS.filter((v) => v.status !== 'cancelled' && within(v.startsOn));
  const people = (v: (typeof VISITS)[number]) => v.people.filter((p) => p.role !== 'host' && (v.direction === 'outbound' || p.role !== 'staff')).length;
  const deliveries = COMMITMENTS.flatMap((c) => c.deliveries.filter((d) => within(d.deliveredOn)).map((d) => ({ ...d, c: c.fields })));
  const tasksOpen = TASKS.filter((t) => t.status !== 'cancelled' && !(t.completedOn && t.completedOn <= end) && (t.dueOn ?? '') <= `${year + 1}-12-31`);
  return {
    inForce: inForce.length,
    countries: new Set(inForce.map((a) => a.country)).size,
    letters: live.filter((a) => within(a.letterOfIntentOn)).length,
    signatures: live.filter((a) => within(a.signedOn)).length,
    visitsReceived: visits.filter((v) => v.direction === 'inbound').length,
    peopleReceived: visits.filter((v) => v.direction === 'inbound').reduce((n, v) => n + people(v), 0),
    visitsMade: visits.filter((v) => v.direction === 'outbound').length,
    peopleTravelled: visits.filter((v) => v.direction === 'outbound').reduce((n, v) => n + people(v), 0),
    scholarships: deliveries.filter((d) => d.c.kind === 'scholarship').reduce((n, d) => n + d.quantity, 0),
    donationsReceived: deliveries.filter((d) => d.c.kind.startsWith('donation') && d.c.direction === 'receive'),
    donationsGiven: deliveries.filter((d) => d.c.kind.startsWith('donation') && d.c.direction === 'give'),
    tasksCompleted: TASKS.filter((t) => within(t.completedOn)).length,
    tasksOpen: tasksOpen.length,
  };
}

const office = async (services: Services) => [...(await buildReportOffice(services)).agreements.values()];

async function generate(services: Services, report: ReportRequest) {
  const file = await ok(services, 'reports.generate', { report, target: 'download' });
  if (file.delivered !== 'bytes') throw new Error('expected bytes');
  const bytes = Buffer.from(file.base64, 'base64');
  return { fileName: file.fileName, bytes, xml: docxPart(bytes, 'word/document.xml') };
}

describe('annual activity report', () => {
  it('holds the figures computed from the rows, in Spanish, with the partners in both scripts', async () => {
    const services = await openTestServices();
    await office(services);
    const want = expectedFigures(2020);
    const { xml, fileName } = await generate(services, { kind: 'annual', year: 2020, language: 'es' });
    expect(fileName).toBe('Informe anual de actividades 2020.docx');
    expect(figure(xml, `Acuerdos vigentes al ${day('2020-12-31')}`)).toBe(String(want.inForce));
    expect(figure(xml, 'Países de las localidades socias')).toBe(String(want.countries));
    expect(figure(xml, 'Nuevas cartas de intención')).toBe(String(want.letters));
    expect(figure(xml, 'Nuevos acuerdos firmados')).toBe(String(want.signatures));
    expect(figure(xml, 'Delegaciones recibidas')).toBe(String(want.visitsReceived));
    expect(figure(xml, 'Personas recibidas')).toBe(String(want.peopleReceived));
    expect(figure(xml, 'Viajes de nuestras delegaciones')).toBe(String(want.visitsMade));
    expect(figure(xml, 'Personas que viajaron')).toBe(String(want.peopleTravelled));
    expect(figure(xml, 'Becas otorgadas')).toBe(String(want.scholarships));
    const money = (list: typeof want.donationsReceived) =>
      list.map((d) => new Intl.NumberFormat(PE, { style: 'currency', currency: d.currency!, currencyDisplay: 'code' }).format(Number(d.value))).join('; ');
    expect(figure(xml, 'Donaciones recibidas (valor)')).toBe(money(want.donationsReceived));
    expect(figure(xml, 'Donaciones entregadas (valor)')).toBe(money(want.donationsGiven));
    expect(figure(xml, 'Tareas de seguimiento completadas')).toBe(String(want.tasksCompleted));
    expect(figure(xml, `Tareas abiertas al ${day('2020-12-31')}`)).toBe(String(want.tasksOpen));
    // The fixtures are built to exercise every rule; a change to them that empties a case shows here.
    expect(want).toMatchObject({
      inForce: 2,
      countries: 2,
      letters: 1,
      signatures: 1,
      visitsReceived: 1,
      peopleReceived: 2,
      visitsMade: 1,
      peopleTravelled: 2,
      scholarships: 3,
      tasksCompleted: 1,
      tasksOpen: 3,
    });

    const rows = tableRows(xml);
    const partnerRow = (name: string) => rows.find((r) => r[0] === name);
    expect(partnerRow('Guilin 桂林市')?.[2]).toBe('Finalizado');
    expect(partnerRow('Kobe 神戸市')?.slice(1)).toEqual(['Ciudad amiga', 'Firmado', day('2019-05-01'), day('2020-09-15')]);
    expect(partnerRow('Zhangzhou 漳州市')?.[2]).toBe('Carta de intención');
    // Ended before the year, not yet known in it, or archived: not in the report.
    for (const absent of ['Córdoba', 'Busan', 'Rosario', 'Visita cancelada', 'Visita del año siguiente']) expect(textOf(xml)).not.toContain(absent);
    // Countries are headings with their count, most agreements first.
    const text = paragraphs(xml);
    expect(text.indexOf('China (3)')).toBeGreaterThan(-1);
    expect(text.indexOf('China (3)')).toBeLessThan(text.indexOf('Japón (1)'));
    expect(text).toContain('Oficina de Relaciones Internacionales de Lima');
  });

  it('puts Chinese names in runs with an East-Asian font and language', async () => {
    const services = await openTestServices();
    await office(services);
    const { xml } = await generate(services, { kind: 'annual', year: 2020, language: 'es' });
    const shanghai = runsWith(xml, '上海市');
    expect(shanghai.length).toBeGreaterThan(0);
    for (const rPr of shanghai) {
      expect(rPr).toContain('w:eastAsia="Noto Sans CJK SC"');
      expect(rPr).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    }
    // Kanji without kana: Japanese because Kobe is in Japan (shared/names.ts), as on screens.
    expect(runsWith(xml, '神戸市').length).toBeGreaterThan(0);
    for (const rPr of runsWith(xml, '神戸市')) {
      expect(rPr).toContain('w:eastAsia="Noto Sans CJK JP"');
      expect(rPr).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    }
    // A person's native name by their locality's country: Tanaka Hiroshi of Kobe, Wang Wei of Zhangzhou.
    expect(runsWith(xml, '田中宏')[0]).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(runsWith(xml, '王伟')[0]).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('writes names as screens do, and by their country in every report', async () => {
    const services = await openTestServices();
    const { visits, partners, agreements } = await buildReportOffice(services);
    const trip = await generate(services, { kind: 'visit', id: visits[1]!, language: 'es' });
    expect(textOf(trip.xml)).toContain('Tanaka Hiroshi 田中宏');
    expect(textOf(trip.xml)).not.toContain('(田中宏)');
    for (const run of [...runsWith(trip.xml, '神戸市'), ...runsWith(trip.xml, '田中宏')]) expect(run).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    const chinese = await generate(services, { kind: 'visit', id: visits[0]!, language: 'es' });
    for (const run of [...runsWith(chinese.xml, '漳州市'), ...runsWith(chinese.xml, '王伟')])
      expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans CJK SC"/);
    const dossier = await generate(services, { kind: 'agreement', id: agreements.get('kobe')!, language: 'es' });
    expect(runsWith(dossier.xml, '神戸市').length).toBeGreaterThan(0);
    for (const run of runsWith(dossier.xml, '神戸市')) expect(run).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    const statement = await generate(services, { kind: 'commitments', partnerId: partners.get('kobe')!, language: 'es' });
    for (const run of runsWith(statement.xml, '神戸市')) expect(run).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
  });

  it('is a real Word document: headings, contents, repeating table headers, page X of Y', async () => {
    const services = await openTestServices();
    await office(services);
    const { xml, bytes } = await generate(services, { kind: 'annual', year: 2020, language: 'en' });
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(docxPart(bytes, 'word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    const footers = ['word/footer1.xml', 'word/footer2.xml']
      .map((p) => {
        try {
          return docxPart(bytes, p);
        } catch {
          return '';
        }
      })
      .join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    expect(textOf(footers)).toContain('Page ');
    expect(textOf(footers)).toContain(' of ');
    // English labels and English dates, whatever the app's language.
    expect(figure(xml, 'Agreements in force on 31 Dec 2020')).toBe('2');
    expect(paragraphs(xml)).toContain('Agreements by country');
  });

  it('speaks Portuguese when asked, with Portuguese dates', async () => {
    const services = await openTestServices();
    await office(services);
    const { xml, fileName } = await generate(services, { kind: 'annual', year: 2020, language: 'pt' });
    expect(fileName).toBe('Relatório anual de atividades 2020.docx');
    expect(figure(xml, 'Acordos vigentes em 31/12/2020')).toBe('2');
    // Dates in the tables' narrow columns stay on one line: digits, not "15 de set. de 2020".
    expect(
      tableRows(xml)
        .find((r) => r[0] === 'Kobe 神戸市')
        ?.slice(3),
    ).toEqual(['01/05/2019', '15/09/2020']);
  });

  it('is a sensible document for a year with nothing in it, and for an empty database', async () => {
    const services = await openTestServices();
    const { xml } = await generate(services, { kind: 'annual', year: 2019, language: 'es' });
    expect(paragraphs(xml)).toEqual(
      expect.arrayContaining(['No había acuerdos registrados en 2019.', 'No se firmaron cartas de intención en 2019.', 'No se firmaron acuerdos en 2019.']),
    );
    expect(figure(xml, 'Acuerdos vigentes al')).toBe('0');
    // Only the summary table: no empty tables with a header and no rows.
    expect(tableRows(xml).filter((r) => r[0] === 'Socio')).toEqual([]);
    const preview = await ok(services, 'reports.preview', { kind: 'annual', year: 2019, language: 'en' });
    expect(new Set(preview.figures.map((f) => f.value))).toEqual(new Set(['0']));
    expect(paragraphs(xml)).toEqual(
      expect.arrayContaining([
        'No se registraron delegaciones recibidas en 2019.',
        'No hubo compromisos ni entregas en 2019.',
        'No quedaban tareas abiertas al cierre de 2019.',
      ]),
    );
  });

  it("from the sample data, the current year's report has commitments made and delivered", async () => {
    const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
    await ok(services, 'sample.load', {});
    const { xml } = await generate(services, { kind: 'annual', year: 2026, language: 'es' });
    const text = paragraphs(xml);
    expect(text).not.toContain('No hubo compromisos ni entregas en 2026.');
    const rows = tableRows(xml);
    expect(rows.find((r) => r[2] === 'Donación de libros en chino para la Biblioteca Municipal')?.[4]).toBe('200 / 200 libros (100\u00a0%)');
    // One commitment, 200 promised, 200 delivered in the year.
    expect(rows.find((r) => r[0] === 'Donación en especie' && r[1] === 'Recibimos')?.slice(2)).toEqual(['1', '200', '200']);
    expect(figure(xml, 'Donaciones recibidas (valor)')).toMatch(/CNY\s?8,000\.00/);
  });

  it('counts a delegation as received once it has arrived; one still to come is listed, not counted', async () => {
    const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
    const host = await ok(services, 'contacts.create', { name: 'Lin Xiaoming', nativeName: '林晓明' });
    const base = { direction: 'inbound' as const, participants: [{ contactId: host.id, role: 'head_of_delegation' as const }] };
    await ok(
      services,
      'visits.create',
      visitFields({ ...base, status: 'done', startsOn: '2026-03-02', endsOn: '2026-03-04', purpose: 'Delegación de Zhangzhou' }),
    );
    await ok(
      services,
      'visits.create',
      visitFields({ ...base, status: 'confirmed', startsOn: '2026-06-15', endsOn: '2026-06-18', purpose: 'Delegación de Fuzhou, llega hoy' }),
    );
    await ok(
      services,
      'visits.create',
      visitFields({ ...base, status: 'confirmed', startsOn: '2026-10-10', endsOn: '2026-10-12', purpose: 'Delegación de Shanghai en octubre' }),
    );
    const { xml } = await generate(services, { kind: 'annual', year: 2026, language: 'es' });
    expect(figure(xml, 'Delegaciones recibidas')).toBe('2');
    expect(figure(xml, 'Personas recibidas')).toBe('2');
    expect(tableRows(xml).some((r) => r.some((cell) => cell.includes('Delegación de Shanghai en octubre')))).toBe(true);
    expect(paragraphs(xml)).toContain(
      'La visita marcada con su estado (prevista o confirmada) aún no se realizó en la fecha de este informe y no se cuenta en el resumen.',
    );
  });

  it('previews the same figures the document prints', async () => {
    const services = await openTestServices();
    await office(services);
    const preview = await ok(services, 'reports.preview', { kind: 'annual', year: 2020, language: 'es' });
    const { xml } = await generate(services, { kind: 'annual', year: 2020, language: 'es' });
    expect(preview.title).toBe('Informe anual de actividades 2020');
    for (const f of preview.figures) expect(figure(xml, f.label)).toBe(f.value);
  });

  it('draws the activity by area as bar pictures with the counts as text', async () => {
    const services = await openTestServices();
    await office(services);
    const { xml, bytes } = await generate(services, { kind: 'annual', year: 2020, language: 'es' });
    // Culture: Shanghai in force (Guilin ended) + the vehicles. Education: Shanghai and Zhangzhou's new letter,
    // the Zhangzhou visit, the scholarships (the training is due next year). Sports: Kobe, its visit, the donation.
    const rows = tableRows(xml);
    expect(rows.find((r) => r[0] === 'Educación')?.[2]).toBe('4');
    expect(rows.find((r) => r[0] === 'Cultura')?.[2]).toBe('2');
    expect(rows.find((r) => r[0] === 'Deportes')?.[2]).toBe('3');
    expect(xml).toContain('descr="Educación: 2 + 1 + 1"');
    const media = docxPart(bytes, '[Content_Types].xml');
    expect(media).toContain('png');
  });
});

describe('agreement dossier', () => {
  it('lists the stage history and the record of changes', async () => {
    const services = await openTestServices();
    const ids = await office(services);
    const kobe = await ok(services, 'agreements.get', { id: ids[2]! });
    await ok(services, 'agreements.changeStage', {
      id: kobe.id,
      version: kobe.version,
      stage: 'active',
      date: '2021-01-20',
      note: 'Primer intercambio escolar',
    });
    const { xml } = await generate(services, { kind: 'agreement', id: kobe.id, language: 'es' });
    const rows = tableRows(xml);
    expect(rows.find((r) => r[1] === 'Activo' && r[0] === day('2021-01-20'))?.[2]).toBe('Primer intercambio escolar');
    expect(rows.find((r) => r[0] === day('2020-09-15'))?.[1]).toBe('Firmado');
    expect(textOf(xml)).toContain('Kobe 神戸市');
    expect(rows.some((r) => r[1] === 'Modificación' && r[2]!.includes('Etapa'))).toBe(true);
  });

  it('refuses an agreement that does not exist, as data', async () => {
    const services = await openTestServices();
    const result = await services.call('reports.generate', { report: { kind: 'agreement', id: 999, language: 'es' } });
    expect(result).toEqual({ ok: false, error: { kind: 'not_found', entity: 'agreement', id: 999 } });
  });
});

describe('report assets: logo and house style', () => {
  it('puts the logo on the cover and takes on the house style headings', async () => {
    const services = await openTestServices();
    await office(services);
    const logo = new Raster(120, 60, [200, 30, 30]).toPng();
    await ok(services, 'reports.setAsset', { kind: 'logo', fileName: 'escudo.png', base64: logo.toString('base64') });
    const house = new Document({
      styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', run: { font: 'Georgia', color: 'C00000', size: 36 } }] },
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Plantilla' })] }],
    });
    const houseBytes = await Packer.toBuffer(house);
    const assets = await ok(services, 'reports.setAsset', { kind: 'houseStyle', fileName: 'plantilla.docx', base64: houseBytes.toString('base64') });
    expect(assets).toEqual({ logo: { fileName: 'escudo.png', type: 'png', width: 120, height: 60 }, houseStyle: { fileName: 'plantilla.docx' } });

    const { bytes } = await generate(services, { kind: 'annual', year: 2020, language: 'es' });
    const styles = docxPart(bytes, 'word/styles.xml');
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(heading1).toContain('C00000');
    expect(heading1).toContain('Georgia');
    const rels = docxPart(bytes, 'word/_rels/document.xml.rels');
    expect(rels).toMatch(/media\/[^"]+\.png/);

    await ok(services, 'reports.removeAsset', { kind: 'houseStyle' });
    const plain = docxPart((await generate(services, { kind: 'annual', year: 2020, language: 'es' })).bytes, 'word/styles.xml');
    expect(plain).not.toContain('C00000');
  });

  it('refuses a file that is not a picture or not a Word document, and stores nothing', async () => {
    const services = await openTestServices();
    const before = tableCounts(services);
    const notPng = await services.call('reports.setAsset', { kind: 'logo', fileName: 'logo.png', base64: Buffer.from('GIF89a nonsense').toString('base64') });
    expect(notPng).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['base64'], message: 'reportsErrors.logo_format' }] } });
    const notDocx = await services.call('reports.setAsset', {
      kind: 'houseStyle',
      fileName: 'style.docx',
      base64: Buffer.from('PK not a zip').toString('base64'),
    });
    expect(notDocx).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['base64'], message: 'reportsErrors.house_style_format' }] } });
    expect(tableCounts(services)).toEqual(before);
  });
});

describe('saving through the desktop shell', () => {
  it('saves where the dialog says, opens only what it saved, and reports a cancel', async () => {
    const saved: { name: string; size: number }[] = [];
    const opened: string[] = [];
    let answer: string | null = '/home/ana/Informe.docx';
    const services = await openTestServices({
      host: {
        saveFile: async (name, bytes) => {
          saved.push({ name, size: bytes.length });
          return answer;
        },
      },
      openPath: async (p) => {
        opened.push(p);
        return '';
      },
    });
    const report = { kind: 'annual', year: 2020, language: 'es' } as const;
    expect(await ok(services, 'reports.generate', { report, target: 'save' })).toEqual({
      fileName: 'Informe anual de actividades 2020.docx',
      delivered: 'saved',
      path: '/home/ana/Informe.docx',
    });
    expect(saved[0]?.size).toBeGreaterThan(1000);
    await ok(services, 'reports.open', { path: '/home/ana/Informe.docx' });
    expect(opened).toEqual(['/home/ana/Informe.docx']);
    const other = await services.call('reports.open', { path: '/etc/passwd' });
    expect(other.ok).toBe(false);
    answer = null;
    expect((await ok(services, 'reports.generate', { report, target: 'save' })).delivered).toBe('cancelled');
  });

  it('without a shell, asks for a download instead of failing silently', async () => {
    const services = await openTestServices();
    const result = await services.call('reports.generate', { report: { kind: 'annual', year: 2020, language: 'es' }, target: 'save' });
    expect(result).toEqual({ ok: false, error: { kind: 'validation', issues: [{ path: ['target'], message: 'reportsErrors.no_save_dialog' }] } });
  });
});

describe('the PNG writer', () => {
  it('writes a PNG whose pixels decode back', () => {
    const r = new Raster(3, 2, [255, 255, 255]);
    r.fill(1, 0, 1, 2, [10, 20, 30]);
    const png = r.toPng();
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + length));
    // Each 3-pixel row: filter byte, then RGB RGB RGB.
    expect([...raw.subarray(0, 10)]).toEqual([0, 255, 255, 255, 10, 20, 30, 255, 255, 255]);
  });
});

describe('delegation trip report', () => {
  it('holds purpose, participants in both scripts, agenda, outcomes, costs per payer and currency, and follow-up tasks', async () => {
    const services = await openTestServices();
    const { visits } = await buildReportOffice(services);
    const { xml, fileName } = await generate(services, { kind: 'visit', id: visits[0]!, language: 'es' });
    const v = VISITS[0]!;
    expect(fileName).toBe('Informe de la visita de la delegación de Zhangzhou 漳州市 2020-03-02.docx');
    const text = paragraphs(xml);
    expect(text).toContain(v.purpose);
    for (const o of v.outcomes!) expect(text).toContain(o.text);
    const rows = tableRows(xml);
    expect(rows.find((r) => r[0] === 'Wang Wei 王伟')?.[1]).toBe('Jefe/a de delegación');
    expect(rows.find((r) => r[2] === 'Firma de la carta de intención')?.[0]).toBe(`${day('2020-03-03')} 10:00`);
    // Each payer's total in its own currency, never summed across currencies; the same totals as the visit screen.
    const total = (payer: string) => rows.find((r) => r[0] === `Total pagado por ${payer}`);
    const fmt = (minor: number, currency: string) => new Intl.NumberFormat(PE, { style: 'currency', currency, currencyDisplay: 'code' }).format(minor / 100);
    expect(total('la oficina')?.[2]).toBe(fmt(150000, 'PEN'));
    expect(total('la contraparte u otros')?.[2]).toBe(fmt(300000, 'CNY'));
    expect(rows.filter((r) => TASKS.some((t) => t.title === r[0]))).toHaveLength(TASKS.length);
    // A short report: no table of contents.
    expect(xml).not.toContain('TOC \\h');
  });

  it('is a sensible document for a visit with nothing but its purpose', async () => {
    const services = await openTestServices();
    const { visits } = await buildReportOffice(services);
    const { xml } = await generate(services, { kind: 'visit', id: visits[3]!, language: 'en' });
    expect(paragraphs(xml)).toEqual(
      expect.arrayContaining([
        'No participants were recorded.',
        'No agenda was recorded.',
        'No outcomes were recorded.',
        'No costs were recorded.',
        'There are no follow-up tasks.',
      ]),
    );
  });
});

describe('commitments statement', () => {
  it('for one partner: open and fulfilled commitments with deliveries and beneficiaries', async () => {
    const services = await openTestServices();
    const { partners } = await buildReportOffice(services);
    const { xml, fileName } = await generate(services, { kind: 'commitments', partnerId: partners.get('shanghai')!, language: 'es' });
    expect(fileName).toMatch(/^Estado de compromisos con Shanghai \d{4}-\d{2}-\d{2}\.docx$/);
    const mine = COMMITMENTS.filter((c) => c.agreement === 'shanghai');
    const delivered = (c: (typeof mine)[number]) => c.deliveries.reduce((n, d) => n + d.quantity, 0);
    expect(figure(xml, 'Compromisos')).toBe(String(mine.length));
    expect(figure(xml, 'Cumplidos')).toBe(String(mine.filter((c) => delivered(c) >= c.fields.quantity).length));
    expect(figure(xml, 'Abiertos')).toBe(String(mine.filter((c) => delivered(c) < c.fields.quantity).length));
    expect(figure(xml, 'Beneficiarios registrados')).toBe(String(mine.flatMap((c) => c.deliveries.flatMap((d) => d.beneficiaries ?? [])).length));
    const text = textOf(xml);
    expect(text).toContain('Chen Jia 陈佳 — I.E. 2033');
    expect(text).toContain('Mateo Huamán — I.E. 1120, tutor/a: Rosa Díaz');
    expect(text).not.toContain('Aporte a la reconstrucción');
    expect(runsWith(xml, '陈佳')[0]).toContain('w:eastAsia="Noto Sans CJK SC"');
  });

  it('for all partners, and for an office with none', async () => {
    const services = await openTestServices();
    await buildReportOffice(services);
    const { xml } = await generate(services, { kind: 'commitments', language: 'en' });
    expect(figure(xml, 'Commitments')).toBe(String(COMMITMENTS.length));
    expect(textOf(xml)).toContain('Kobe 神戸市 — Donation in cash: Aporte a la reconstrucción');
    const empty = await openTestServices();
    const none = await generate(empty, { kind: 'commitments', language: 'en' });
    expect(paragraphs(none.xml)).toEqual(expect.arrayContaining(['There are no open commitments.', 'No commitment has been fulfilled yet.']));
  });
});

describe('agreement dossier with its activity', () => {
  it('lists visits, commitments with deliveries, and open tasks of the agreement', async () => {
    const services = await openTestServices();
    const { agreements } = await buildReportOffice(services);
    const { xml } = await generate(services, { kind: 'agreement', id: agreements.get('shanghai')!, language: 'es' });
    const rows = tableRows(xml);
    // Every visit under the agreement, cancelled ones too: the dossier is its whole history.
    for (const v of VISITS.filter((x) => x.agreements.includes('shanghai'))) expect(rows.some((r) => r[2] === v.purpose)).toBe(true);
    const text = paragraphs(xml);
    for (const c of COMMITMENTS.filter((x) => x.agreement === 'shanghai')) expect(text.some((p) => p.endsWith(c.fields.description))).toBe(true);
    expect(text).toContain('No hay documentos adjuntos.');
  });
});

describe('report from the command line', () => {
  it('writes each report to the file asked, in the language asked, and fails in one line for a missing record', async () => {
    const services = await openTestServices();
    const { visits, partners } = await buildReportOffice(services);
    await services.close();
    const dir = tempDir();
    const out = path.join(dir, 'anual.docx');
    const annual = await runCliProcess(['report', 'annual', '--db', services.file, '--year', '2020', '--lang', 'pt', '--out', out]);
    expect(annual.code).toBe(0);
    expect(annual.stdout).toContain(out);
    expect(figure(docxPart(fs.readFileSync(out), 'word/document.xml'), 'Acordos vigentes em 31/12/2020')).toBe('2');
    const trip = await runCliProcess(['report', 'visit', '--db', services.file, '--id', String(visits[0]), '--out', path.join(dir, 'viaje.docx')]);
    expect(trip.code).toBe(0);
    const statement = await runCliProcess([
      'report',
      'commitments',
      '--db',
      services.file,
      '--partner',
      String(partners.get('kobe')),
      '--out',
      path.join(dir, 'c.docx'),
    ]);
    expect(statement.code).toBe(0);
    // As at 31 December 2020: the scholarships' second delivery (January 2021) had not arrived.
    const closing = await runCliProcess([
      'report',
      'commitments',
      '--db',
      services.file,
      '--as-at',
      '2020-12-31',
      '--lang',
      'en',
      '--out',
      path.join(dir, 'c2020.docx'),
    ]);
    expect(closing.code).toBe(0);
    const closingXml = docxPart(fs.readFileSync(path.join(dir, 'c2020.docx')), 'word/document.xml');
    expect(paragraphs(closingXml).join('\n')).toContain('3 / 6 becas');
    const badDate = await runCliProcess(['report', 'commitments', '--db', services.file, '--as-at', '31/12/2020', '--out', path.join(dir, 'bad.docx')]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'bad.docx'))).toBe(false);
    const missing = await runCliProcess(['report', 'agreement', '--db', services.file, '--id', '999', '--out', path.join(dir, 'x.docx')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  }, 120_000);
});
