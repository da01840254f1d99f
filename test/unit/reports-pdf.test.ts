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
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 120_000 });
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

describe('the annual report in LibreOffice', () => {
  it('converts to a PDF with sane pages, the office, the year, a Chinese partner and a CJK font', async () => {
    const services = await openTestServices();
    await ok(services, 'sample.load', {});
    const file = await ok(services, 'reports.generate', { report: { kind: 'annual', year: 2018, language: 'es' }, target: 'download' });
    if (file.delivered !== 'bytes') throw new Error('expected bytes');
    const dir = tempDir();
    const docx = path.join(dir, 'informe.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));

    const pdf = toPdf(docx, dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
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
});
