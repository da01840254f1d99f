import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

// The report as a person sees it: LibreOffice lays it out and prints it to PDF
// (CI installs libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk).
function toPdf(docx: string, outDir: string): string {
  // A profile of its own, so parallel runs and a user's open LibreOffice do not collide.
  const profile = `file://${path.join(outDir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

/** The sample data's annual report for `year`, printed to PDF by LibreOffice. */
async function annualPdf(year: number, now?: Date): Promise<{ pdf: string; pages: number }> {
  const services = await openTestServices(now ? { now: () => now } : {});
  await ok(services, 'sample.load', {});
  const file = await ok(services, 'reports.generate', { report: { kind: 'annual', year, language: 'es' }, target: 'download' });
  if (file.delivered !== 'bytes') throw new Error('expected bytes');
  const dir = tempDir();
  const docx = path.join(dir, 'informe.docx');
  fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
  const pdf = toPdf(docx, dir);
  return { pdf, pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]) };
}

describe('the annual report in LibreOffice', () => {
  it('converts to a PDF with sane pages, the office, the year, a Chinese partner and a CJK font', async () => {
    const { pdf, pages } = await annualPdf(2018);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Municipalidad Metropolitana de Lima');
    expect(text).toContain('Informe anual de actividades 2018');
    expect(text).toContain('上海市');
    expect(text).toMatch(/Página 2 de \d+/);
    // The contents lists the headings with the page each starts on.
    expect(text).toMatch(/Resumen del año\s*\.+\s*3/);
    // Chinese is drawn with a font that has the glyphs, not a Latin font's empty boxes.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJK/);
  }, 180_000);

  it("numbers the contents with the pages the headings fall on, Chinese names' lines included", async () => {
    // The current year of the sample data: the visit tables list many participants with Chinese names,
    // whose lines must be no taller than the layout that worked the page numbers out expects.
    const { pdf, pages } = await annualPdf(2026, new Date('2026-12-01T12:00:00Z'));
    const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const entries = [...pageText(2).matchAll(/^\s*(\S.*?)\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ heading: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThan(12);
    const onPage = (heading: string) =>
      [...Array(pages).keys()]
        .map((i) => i + 1)
        .find(
          (n) =>
            n > 2 &&
            pageText(n)
              .split('\n')
              .some((line) => line.trim() === heading),
        );
    for (const { heading, page } of entries) expect({ heading, page: onPage(heading) }).toEqual({ heading, page });
  }, 180_000);
});
