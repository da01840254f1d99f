import { callApi, expect, test } from './fixtures.ts';

const OUT = '/work/helpers/shots/search';
test('form pickers', async ({ demoApp: page }) => {
  const base = page.url().replace(/#.*$/, '');
  await callApi(page, 'settings.update', { staff: ['Ana Torres', 'Luis Quispe', 'Sofía Núñez'] });
  for (const [w, h] of [[1280, 800], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`${base}#/agreements/new`);
    await page.getByRole('combobox', { name: 'Localidad socia' }).click();
    await page.keyboard.type('zh');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/agreement-partner-picker-${w}x${h}.png` });
    await page.keyboard.press('Escape');
    await page.goto(`${base}#/tasks?new=1`);
    await page.getByLabel('Tipo de registro').selectOption('commitment');
    await page.locator('#task-new-link').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/task-link-picker-${w}x${h}.png` });
    await page.keyboard.press('Escape');
    await page.locator('#task-new-assignee').fill('nu');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/task-assignee-picker-${w}x${h}.png` });
    await page.keyboard.press('Escape');
    await page.goto(`${base}#/visits/new`);
    await page.getByRole('combobox', { name: 'Localidad' }).fill('shanghai');
    await page.getByRole('option', { name: /Shanghai/ }).first().click();
    await expect(page.locator('.record-chip').first()).toBeVisible();
    await page.screenshot({ path: `${OUT}/visit-partner-agreement-preselected-${w}x${h}.png` });
  }
});
