import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { dateField, expect, test, typeInto } from './fixtures.ts';

// The screens that show a figure the reports also print: each gives the same
// number (the sample's books, CNY 8,000, delivered in full without a value of
// their own; the cars, USD 85,000), and each passes an accessibility scan.
// SCREENSHOTS=dir keeps a picture of each screen for a person to look at.

async function look(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  const scan = await new AxeBuilder({ page }).analyze();
  expect(
    scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

test('the Totals view and a commitment detail show the value delivered the annual report counts', async ({ demoApp: page }) => {
  test.setTimeout(90_000);
  await page.goto(page.url().replace(/#.*$/, '#/commitments/totals'));
  const totals = page.getByTestId('commitment-totals');
  await page.getByLabel('Agrupar por').selectOption('kind');
  const inKind = totals.getByRole('row').filter({ hasText: 'Donación en especie' });
  await expect(inKind).toContainText(/CNY\s?8,000\.00/);
  // Promised and delivered: the cars' USD 85,000 twice, the books' CNY 8,000 twice.
  await expect(inKind.getByText(/USD\s?85,000\.00/)).toHaveCount(2);
  await expect(inKind.getByText(/CNY\s?8,000\.00/)).toHaveCount(2);
  await look(page, 'totals-by-kind');

  await page.goto(page.url().replace(/#.*$/, '#/commitments/all'));
  await page.getByText('Donación de libros en chino para la Biblioteca Municipal').click();
  await expect(page.locator('dd[data-field="deliveredValue"]')).toContainText(/CNY\s?8,000\.00/);
  await look(page, 'commitment-books');

  // The same in another language than the browser's: the figures follow the app's locale.
  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  await expect(page.getByTestId('signatures')).toBeVisible();
  await page.locator('#signature-preparedName').fill('Ana Torres');
  await page.locator('#signature-preparedTitle').fill('Jefa de Relaciones Internacionales');
  await page.getByRole('button', { name: 'Guardar firmas' }).click();
  await expect(page.getByText('Firmas guardadas.')).toBeVisible();
  await look(page, 'settings-signatures');

  await page.goto(page.url().replace(/#.*$/, '#/reports'));
  await page.getByLabel('Informe', { exact: true }).selectOption('commitments');
  await typeInto(dateField(page, 'report-as-at'), '31/12/2099');
  await expect(page.locator('[data-field="report-as-at"]').getByRole('alert')).toContainText('no puede ser posterior a hoy');
  await typeInto(dateField(page, 'report-as-at'), '31/12/2025');
  await expect(page.getByText('de ellos, vencidos')).toBeVisible();
  await look(page, 'reports-statement-as-at');
});
