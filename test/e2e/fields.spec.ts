import { axeViolations, callApi, expect, test, dateField, timeField, typeInto } from './fixtures.ts';
import type { Visit } from '../../shared/contract/visits.ts';

// The browser speaks American English; the app speaks the office's language.
// Dates must be typed and shown the app's way, never the browser's.
test.use({ locale: 'en-US', timezoneId: 'America/Montevideo' });

for (const { language, words } of [
  {
    language: 'es',
    words: {
      newVisit: 'Registrar visita',
      save: 'Guardar',
      purpose: 'Propósito',
      edit: 'Editar',
      impossible: 'La fecha 31/02/2027 no existe; escriba una fecha real.',
    },
  },
  {
    language: 'pt',
    words: {
      newVisit: 'Registrar visita',
      save: 'Salvar',
      purpose: 'Propósito',
      edit: 'Editar',
      impossible: 'A data 31/02/2027 não existe; digite uma data real.',
    },
  },
] as const) {
  test(`${language}: a visit's dates typed as 15/03/2027 under an en-US browser are stored as 2027-03-15 and shown back as typed`, async ({
    app: page,
  }, testInfo) => {
    await callApi(page, 'settings.update', { language });
    await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
    await page.reload();
    await expect(dateField(page, 'startsOn').getByRole('spinbutton').first()).toBeVisible();
    // The empty field shows the app's pattern, not the browser's mm/dd/yyyy.
    await expect(dateField(page, 'startsOn').locator('.date-input')).toHaveText(/^dd\/mm\/(aaaa|yyyy)$/);

    await typeInto(dateField(page, 'startsOn'), '15/03/2027');
    await typeInto(dateField(page, 'endsOn'), '31/02/2027');
    await expect(dateField(page, 'endsOn').getByRole('alert')).toHaveText(words.impossible);
    await page.locator('#purpose').fill('Misión técnica a Zhangzhou 漳州市');
    await page.getByRole('button', { name: words.save }).click();
    // Refused: still on the form, the impossible date still named next to its field.
    await expect(page).toHaveURL(/#\/visits\/new$/);
    await expect(dateField(page, 'endsOn').getByRole('alert')).toHaveText(words.impossible);
    await dateField(page, 'endsOn').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`visit-impossible-${language}.png`) });

    await typeInto(dateField(page, 'endsOn'), '18/03/2027');
    await expect(dateField(page, 'endsOn').getByRole('alert')).toHaveCount(0);
    await page.getByTestId('agenda').getByRole('button').first().click();
    await typeInto(timeField(page, 'agenda-0-atTime'), '14:30');
    await page.getByTestId('agenda').locator('input.grow').fill('Reunión con la alcaldía');
    await dateField(page, 'startsOn').getByRole('button').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`visit-picker-${language}.png`) });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: testInfo.outputPath(`visit-form-${language}.png`), fullPage: true });
    await page.getByRole('button', { name: words.save }).click();
    await expect(page).toHaveURL(/#\/visits\/\d+$/);
    const id = Number(/visits\/(\d+)/.exec(page.url())![1]);

    const stored = await callApi<Visit>(page, 'visits.get', { id });
    expect(stored.startsOn).toBe('2027-03-15');
    expect(stored.endsOn).toBe('2027-03-18');
    expect(stored.agenda[0]).toMatchObject({ onDate: '2027-03-15', atTime: '14:30' });

    await page.reload();
    await page.goto(page.url().replace(/#.*$/, `#/visits/${id}/edit`));
    await expect(dateField(page, 'startsOn').locator('.date-input')).toHaveText('15/03/2027');
    await expect(dateField(page, 'endsOn').locator('.date-input')).toHaveText('18/03/2027');
    await expect(timeField(page, 'agenda-0-atTime').locator('.date-input')).toHaveText(/^\u2066?14:30\u2069?$/);
  });
}

test('names in two scripts: romanized first, the native part tagged by its country (Kobe in Japanese, Shanghai in Chinese)', async ({
  demoApp: page,
}, testInfo) => {
  await page.getByRole('link', { name: 'Acuerdos' }).click();
  const kobe = page.locator('[data-agreement-id]').filter({ hasText: 'Kobe' });
  await expect(kobe.locator('.native')).toHaveAttribute('lang', 'ja');
  await expect(kobe.locator('.partner-cell')).toHaveText(/^Kobe\s*神戸市/);
  const shanghai = page.locator('[data-agreement-id]').filter({ hasText: 'Shanghai' });
  await expect(shanghai.locator('.native')).toHaveAttribute('lang', 'zh-Hans');
  await page.screenshot({ path: testInfo.outputPath('agreements-two-scripts.png') });
});

test('the backup list and the export list name tables in the user language; the screens touched pass axe', async ({ demoApp: page }, testInfo) => {
  const serious = (v: { impact?: string | null }[]) => v.filter((x) => x.impact === 'critical' || x.impact === 'serious');
  await page.getByRole('link', { name: 'Configuración' }).click();
  await page.getByRole('button', { name: 'Copiar ahora' }).click();
  const list = page.getByTestId('backup-list');
  await expect(list).toContainText('Entregas');
  await expect(list).toContainText('Archivos vinculados');
  await expect(list).not.toContainText(/deliveries|attachment_links|_/);
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('backup-list-es.png'), fullPage: true });
  expect(serious(await axeViolations(page, '[data-testid="backup-list"]'))).toEqual([]);

  await page.getByRole('link', { name: 'Importar / exportar' }).click();
  const tables = page.getByRole('combobox', { name: /tabla/i });
  await expect(tables.locator('option').first()).not.toHaveText(/_|^[a-z]/);
  const names = await tables.locator('option').allTextContents();
  expect(names.filter((n) => /[a-z]+_[a-z]+/.test(n))).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('export-screen-es.png'), fullPage: true });
  expect(serious(await axeViolations(page))).toEqual([]);

  // The app's dialogs and fields: the confirm dialog and an open date picker.
  await page.getByRole('link', { name: 'Acuerdos' }).click();
  await page.locator('[data-agreement-id]').filter({ hasText: 'Kobe' }).click();
  await page.getByRole('button', { name: 'Archivar' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('confirm-dialog-es.png') });
  expect(serious(await axeViolations(page, '[role="alertdialog"]'))).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByText('Este acuerdo está archivado.')).toHaveCount(0);

  await page.getByRole('link', { name: 'Visitas' }).click();
  await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
  await typeInto(dateField(page, 'startsOn'), '15/03/2027');
  expect(serious(await axeViolations(page, '.visit-form'))).toEqual([]);
  await dateField(page, 'startsOn').getByRole('button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(serious(await axeViolations(page, '.date-popover'))).toEqual([]);
});
