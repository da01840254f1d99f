import fs from 'node:fs';
import { Raster } from '../../electron/core/reports/png.ts';
import { docxPart, textOf } from '../support/docx-reader.ts';
import { chooseFile, expect, test } from './fixtures.ts';

test('preview the annual report figures, switch language, download the Word file, set a logo', async ({ demoApp: page }, testInfo) => {
  await page.getByRole('link', { name: 'Informes' }).click();
  await page.locator('#report-year').fill('2018');
  const preview = page.getByRole('region', { name: 'Cifras que contendrá el informe' });
  await expect(preview.getByText('Informe anual de actividades 2018')).toBeVisible();
  await expect(preview.locator('.dl-row', { hasText: 'Nuevos acuerdos firmados' }).locator('dd')).toHaveText('1');

  // A year out of range is refused beside the field and nothing can be generated.
  await page.locator('#report-year').fill('1800');
  await expect(page.locator('[data-field="report-year"]').getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generar documento Word' })).toBeDisabled();

  // The report's language is its own, not the app's.
  await page.locator('#report-year').fill('2018');
  await page.locator('#report-language').selectOption('en');
  await expect(preview.getByText('Annual activity report 2018')).toBeVisible();
  await expect(preview.locator('.dl-row', { hasText: 'New agreements signed' }).locator('dd')).toHaveText('1');
  await page.screenshot({ path: testInfo.outputPath('reports-screen.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Generar documento Word' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('Annual activity report 2018.docx');
  const bytes = fs.readFileSync(await file.path());
  const text = textOf(docxPart(bytes, 'word/document.xml'));
  expect(text).toContain('Shanghai 上海市');
  expect(text).toContain('Municipalidad Metropolitana de Lima');
  await expect(page.getByRole('status')).toHaveText('Se descargó Annual activity report 2018.docx.');

  // A logo is stored with the data; a file that is not a picture is refused with a message.
  await chooseFile(page.locator('#report-logo'), { name: 'escudo.png', mimeType: 'image/png', buffer: new Raster(40, 20, [200, 0, 0]).toPng() });
  await expect(page.getByTestId('logo-name')).toHaveText('escudo.png (40×20)');
  await chooseFile(page.locator('#report-logo'), { name: 'nota.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(page.locator('.report-assets').getByRole('alert')).toHaveText('El logotipo debe ser una imagen PNG o JPEG.');
  await expect(page.getByTestId('logo-name')).toHaveText('escudo.png (40×20)');
});

test('agreement dossier for a Chinese partner from the sample data', async ({ demoApp: page }) => {
  await page.getByRole('link', { name: 'Informes' }).click();
  await page.locator('#report-kind').selectOption('agreement');
  await page.locator('#report-agreement').selectOption({ label: 'Shanghai 上海市 — Hermanamiento' });
  const preview = page.getByRole('region', { name: 'Cifras que contendrá el informe' });
  await expect(preview.getByText('Expediente del acuerdo — Shanghai 上海市')).toBeVisible();
  await expect(preview.locator('.dl-row', { hasText: 'Etapa' }).first().locator('dd')).toHaveText('Activo');
});
