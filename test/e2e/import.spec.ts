import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { hostileWorkbooks } from '../support/hostile-files.ts';
import { officeWorkbook } from '../support/xlsx-files.ts';
import { axeViolations, callApi, chooseFile, expect, test } from './fixtures.ts';

/** An office's spreadsheet: Spanish headers in its own words, Chinese names, a date cell, a typed date and one bad row. */
async function writeWorkbook(dir: string): Promise<string> {
  const bytes = await officeWorkbook(
    [
      ['Ciudad socia', 'Nombre en chino', 'País', 'Tipo', 'Etapa', 'Fecha de firma', 'Observaciones'],
      ['Zhangzhou', '漳州市', 'China', 'Hermanamiento', 'Firmado', new Date(Date.UTC(2019, 3, 12)), 'Becas para los mejores alumnos'],
      ['Guilin', '桂林市', 'China', 'Amistad', 'Vigente', '01/02/2020', 'Turismo'],
      ['Kunming', '昆明市', 'China', 'Hermanamiento', 'Firmado', '31/02/2021', 'Fecha imposible'],
    ],
    'Hermanamientos',
  );
  const file = path.join(dir, 'convenios.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

test('import an XLSX through the mapping screen: the bad row is explained, the rest imported and listed', async ({ app: page, server }) => {
  const file = await writeWorkbook(server.dir);
  await page.getByRole('link', { name: 'Importar / exportar' }).click();
  await expect(page.getByRole('heading', { name: 'Importar y exportar' })).toBeVisible();
  await page.getByLabel('Qué contiene el archivo').selectOption('agreements');
  await chooseFile(page.getByRole('button', { name: 'Elegir archivo…' }), file);

  // The columns were guessed from the headers; nothing needs fixing.
  await expect(page.locator('#map-partner option:checked')).toHaveText('Ciudad socia');
  await expect(page.locator('#map-signedOn option:checked')).toHaveText('Fecha de firma');
  await expect(page.getByTestId('import-totals')).toHaveText('3 filas: 2 válidas, 1 con problemas (no se importa), 0 coinciden con registros existentes.');
  const bad = page.locator('tr[data-line="4"]');
  await expect(bad).toContainText('Fecha de firma: «31/02/2021» no es una fecha');
  await page.screenshot({ path: path.join(test.info().outputDir, 'import-mapping.png') });
  await page.locator('section.preview-panel').screenshot({ path: path.join(test.info().outputDir, 'import-preview.png') });

  await page.getByRole('button', { name: 'Importar 2 filas válidas' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Importado: 2 nuevos, 0 combinados, 0 omitidos, 1 fila con problemas dejada fuera');

  await page.getByRole('link', { name: 'Acuerdos' }).click();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('漳州');
  await expect(page.locator('[data-agreement-id]')).toHaveCount(1);
  await expect(page.locator('[data-agreement-id]').first()).toContainText('Zhangzhou');
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('kunming');
  await expect(page.locator('[data-agreement-id]')).toHaveCount(0);
});

test('import contacts: a Chinese name, a repeated person merged, a bad e-mail explained', async ({ demoApp: page, demoServer }) => {
  const file = path.join(demoServer.dir, 'contactos.csv');
  fs.writeFileSync(
    file,
    '\uFEFFNombre;Nombre en chino;Cargo;Organización;Correo;Teléfono\r\n' +
      'Huang Li;黄丽;Directora de Cultura;漳州市文化局;huang.li@example.cn;\r\n' +
      'Wang Wei;王伟;;漳州市外事办公室;;+86 596 2020\r\n' +
      'Zhou Qiang;周强;Vicealcalde;漳州市人民政府;zhou@@example;\r\n',
  );
  await page.getByRole('link', { name: 'Importar / exportar' }).click();
  await page.getByLabel('Qué contiene el archivo').selectOption('contacts');
  await chooseFile(page.getByRole('button', { name: 'Elegir archivo…' }), file);
  await expect(page.locator('#map-organisation option:checked')).toHaveText('Organización');
  await expect(page.getByTestId('import-totals')).toHaveText('3 filas: 2 válidas, 1 con problemas (no se importa), 1 coincide con un registro existente.');
  await expect(page.locator('tr[data-line="4"]')).toContainText('Correo electrónico');
  await expect(page.locator('tr[data-line="3"]')).toContainText('Coincide con un registro existente');
  await page.locator('section.preview-panel').screenshot({ path: path.join(test.info().outputDir, 'import-contacts-preview.png') });

  await page.getByLabel('Combinarlas (completar lo que le falta al registro existente)').check();
  await page.getByRole('button', { name: 'Importar 2 filas válidas' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Importado: 1 nuevo, 1 combinado, 0 omitidos, 1 fila con problemas dejada fuera');

  await page.getByRole('link', { name: 'Contactos' }).click();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('黄丽');
  await expect(page.locator('[data-contact-id]')).toHaveCount(1);
  await expect(page.locator('[data-contact-id]').first()).toContainText('Huang Li');
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('wang wei');
  await expect(page.locator('[data-contact-id]')).toHaveCount(1);
  await expect(page.locator('[data-contact-id]').first()).toContainText('Wang Wei');
  // The phone the contact lacked was filled in; the title it had stays.
  await page
    .locator('[data-contact-id]')
    .first()
    .getByRole('button', { name: /^Acciones para/ })
    .click();
  await page.getByRole('menuitem', { name: 'Editar' }).click();
  await expect(page.getByLabel('Teléfono')).toHaveValue('+86 596 2020');
  await expect(page.getByLabel('Cargo')).toHaveValue('Director de Asuntos Exteriores');
});

test('a GB18030 CSV: the encoding found is shown, another can be chosen, and the import keeps the Chinese names', async ({ app: page, server }) => {
  const file = path.join(server.dir, 'localidades.csv');
  fs.writeFileSync(file, iconv.encode('Nombre;Nombre original;País\r\nPekín;北京市;China\r\nZhangzhou;漳州市;China\r\n', 'gb18030'));
  await page.getByRole('link', { name: 'Importar / exportar' }).click();
  await page.getByLabel('Qué contiene el archivo').selectOption('localities');
  await chooseFile(page.getByRole('button', { name: 'Elegir archivo…' }), file);
  const encoding = page.getByLabel('Codificación del texto');
  await expect(encoding.locator('option:checked')).toHaveText('GB18030 (chino simplificado)');
  await expect(page.locator('tr[data-line="2"]')).toContainText('北京市');
  await page
    .locator('section.panel')
    .nth(1)
    .screenshot({ path: path.join(test.info().outputDir, 'import-encoding.png') });
  expect(await axeViolations(page, 'section.data-screen')).toEqual([]);
  // Read as the office's own code page, the names are mojibake: the user sees it and goes back.
  await encoding.selectOption('windows-1252');
  await expect(page.locator('tr[data-line="2"]')).not.toContainText('北京市');
  await encoding.selectOption('gb18030');
  await expect(page.locator('tr[data-line="2"]')).toContainText('北京市');
  await page.getByRole('button', { name: 'Importar 2 filas válidas' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Importado: 2 nuevos');
});

test.describe('with the browser in English', () => {
  // The office's language is Spanish; the browser's own language must not leak into the message.
  test.use({ locale: 'en-US' });

  test('a workbook with a stray cell in column XFD is refused with the number of columns, in the office language and region', async ({ app: page, server }) => {
    // A Peruvian office writes 16,384: the region's separators, not Spanish's own 16.384.
    await callApi(page, 'settings.update', { country: 'PE' });
    await page.reload();
    const wide = hostileWorkbooks().find((f) => f.fileName === 'wide.xlsx')!;
    const file = path.join(server.dir, 'ancha.xlsx');
    fs.writeFileSync(file, wide.bytes);
    await page.getByRole('link', { name: 'Importar / exportar' }).click();
    await chooseFile(page.getByRole('button', { name: 'Elegir archivo…' }), file);
    await expect(page.getByText('La hoja tiene 16,384 columnas; leemos como máximo 256.', { exact: false })).toBeVisible();
    await page
      .locator('section.panel')
      .first()
      .screenshot({ path: path.join(test.info().outputDir, 'import-too-wide.png') });
    expect(await axeViolations(page, 'section.data-screen')).toEqual([]);
  });
});
