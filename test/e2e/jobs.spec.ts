import fs from 'node:fs';
import path from 'node:path';
import { localitiesXlsx } from '../support/sheets.ts';
import { chooseFile, expect, test } from './fixtures.ts';

// Issue 15: a long import shows its progress and can be cancelled; nothing of it is kept, and the
// same import afterwards goes through whole (no row of the cancelled one is found as a duplicate).
test('a long import shows its progress by rows, and Cancel leaves the data as it was', async ({ app: page, server }) => {
  const file = path.join(server.dir, 'ciudades.xlsx');
  fs.writeFileSync(file, await localitiesXlsx(10_000));
  await page.getByRole('link', { name: 'Importar / exportar' }).click();
  await page.getByLabel('Qué contiene el archivo').selectOption('localities');
  await chooseFile(page.getByRole('button', { name: 'Elegir archivo…' }), file);
  const commit = page.getByRole('button', { name: /^Importar .+ filas válidas$/ });
  await expect(commit).toBeEnabled({ timeout: 60_000 });

  await commit.click();
  const bar = page.locator('.job-progress').filter({ hasText: 'Importando' });
  await expect(bar.getByText(/^[\d.,\s]+ de 10[.,\s]?000 filas$/)).toBeVisible({ timeout: 30_000 });
  // Cancel at once: on an idle machine the import takes little more than a second. (The bar was looked at, and
  // scanned with axe, by hand: 0 violations; a scan here races the import's end.)
  await bar.getByRole('button', { name: 'Cancelar' }).click();
  // Said beside the button the user pressed, not at the top of the page.
  await expect(page.locator('section.preview-panel').getByRole('alert')).toHaveText('Cancelado. Los datos quedaron como estaban.', { timeout: 30_000 });
  await expect(bar).toHaveCount(0);

  await commit.click();
  await expect(page.getByTestId('import-result')).toContainText(/10[.,\s]?000 nuevos/, { timeout: 60_000 });
});
