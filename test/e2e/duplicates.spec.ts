import { axeViolations, callApi, expect, test } from './fixtures.ts';

for (const browserLocale of ['es-419', 'en-US']) {
  test.describe(`browser in ${browserLocale}, app in Spanish`, () => {
    test.use({ locale: browserLocale });

    test('a second Shanghai and a second twinning with it are warned about before saving, with a link, and can still be saved', async ({
      app: page,
    }, testInfo) => {
      const shanghai = await callApi<{ id: number }>(page, 'localities.create', {
        name: 'Shanghai',
        nativeName: '上海市',
        country: 'CN',
        level: 'city',
        parentId: null,
      });
      const twinning = await callApi<{ id: number }>(page, 'agreements.create', {
        partnerId: shanghai.id,
        kind: 'twinning',
        stage: 'signed',
        signedOn: '2018-07-01',
        channel: 'bilateral',
        areaIds: [],
      });

      // The locality form: "shanghai " and "上海" in China are Shanghai 上海市.
      await page.goto(page.url().replace(/#.*$/, '#/localities'));
      await page.getByRole('button', { name: 'Nueva localidad' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva localidad' });
      await dialog.getByLabel('Nombre', { exact: true }).fill('shanghai ');
      await dialog.getByLabel('Nombre en escritura original').fill('上海');
      await expect(dialog.getByTestId('similar-localities')).toHaveCount(0); // no country yet: nothing to compare with
      await dialog.getByLabel('País').selectOption('CN');
      const warning = dialog.getByTestId('similar-localities');
      await expect(warning).toContainText('Ya hay una localidad de China con este nombre. ¿Es la misma?');
      await expect(warning.getByRole('link', { name: 'Shanghai 上海市' })).toHaveAttribute('href', `#/localities?open=${shanghai.id}`);
      await page.screenshot({ path: testInfo.outputPath(`locality-warning-${browserLocale}.png`), fullPage: true });
      expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
      // In Taiwan it is another place: no warning.
      await dialog.getByLabel('País').selectOption('TW');
      await expect(warning).toHaveCount(0);
      await dialog.getByLabel('País').selectOption('CN');
      await expect(warning).toBeVisible();
      // Saving anyway is never blocked.
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.locator('tbody tr')).toHaveCount(2);
      // The link opens the existing one.
      await page.goto(page.url().replace(/#.*$/, `#/localities?open=${shanghai.id}`));
      await expect(page.getByRole('dialog', { name: 'Editar localidad' }).getByLabel('Nombre en escritura original')).toHaveValue('上海市');

      // The agreement form: a new partner typed as "Ciudad de Shanghái" offers the existing one; choosing it warns of the twinning.
      await page.goto(page.url().replace(/#.*$/, '#/agreements/new'));
      await page.getByRole('button', { name: 'Nueva localidad socia' }).click();
      const partnerDialog = page.getByRole('dialog', { name: 'Nueva localidad socia' });
      await partnerDialog.getByLabel('Nombre', { exact: true }).fill('Ciudad de Shanghái');
      await partnerDialog.getByLabel('País').selectOption('CN');
      await partnerDialog
        .getByTestId('similar-localities')
        .getByRole('listitem')
        .filter({ hasText: '上海市' })
        .first()
        .getByRole('button', { name: 'Usar esta' })
        .click();
      await expect(partnerDialog).toBeHidden();
      await expect(page.locator('#partnerId')).toHaveValue('Shanghai 上海市');
      const agreementWarning = page.getByTestId('similar-agreements');
      await expect(agreementWarning).toContainText('Ya hay un acuerdo de tipo «Hermanamiento» con esta localidad que no ha terminado. ¿Es el mismo?');
      await expect(agreementWarning.getByRole('link')).toHaveAttribute('href', `#/agreements/${twinning.id}`);
      await expect(agreementWarning).toContainText('fecha de firma:');
      await page.screenshot({ path: testInfo.outputPath(`agreement-warning-${browserLocale}.png`), fullPage: true });
      expect(await axeViolations(page, 'form')).toEqual([]);
      // Another kind with the same partner is not a repeat.
      await page.locator('#kind').selectOption('cooperation_memorandum');
      await expect(agreementWarning).toHaveCount(0);
      await page.locator('#kind').selectOption('twinning');
      await expect(agreementWarning).toBeVisible();
      await page.getByRole('button', { name: 'Guardar' }).click();
      await expect(page).toHaveURL(/#\/agreements\/\d+$/);
      expect(page.url()).not.toMatch(new RegExp(`#/agreements/${twinning.id}$`));
      const list = await callApi<{ total: number }>(page, 'agreements.list', {});
      expect(list.total).toBe(2);
    });
  });
}
