import { axeViolations, callApi, expect, test } from './fixtures.ts';

const SHOTS = process.env.MAP_SHOTS; // a folder: the screenshots a person looks at

for (const browserLocale of ['es-419', 'en-US']) {
  test.describe(`browser in ${browserLocale}, app in Spanish (Uruguay)`, () => {
    test.use({ locale: browserLocale });

    test('a partner placed from the gazetteer’s suggestion shows as a pin on the map, named and linked to its page', async ({ app: page }, testInfo) => {
      const montevideo = await callApi<{ id: number }>(page, 'localities.create', {
        name: 'Montevideo',
        nativeName: null,
        country: 'UY',
        level: 'city',
        parentId: null,
        latitude: -34.9033,
        longitude: -56.1882,
      });
      await callApi(page, 'settings.update', { ownLocalityId: montevideo.id, country: 'UY' });
      const xiamen = await callApi<{ id: number }>(page, 'localities.create', {
        name: 'Xiamen',
        nativeName: '厦门市',
        country: 'CN',
        level: 'city',
        parentId: null,
      });
      await callApi(page, 'agreements.create', {
        partnerId: xiamen.id,
        kind: 'twinning',
        stage: 'signed',
        signedOn: '2019-05-20',
        channel: 'bilateral',
        areaIds: [],
      });
      const guilin = await callApi<{ id: number }>(page, 'localities.create', {
        name: 'Guilin',
        nativeName: '桂林市',
        country: 'CN',
        level: 'city',
        parentId: null,
      });
      await callApi(page, 'agreements.create', {
        partnerId: guilin.id,
        kind: 'friendship',
        stage: 'letter_of_intent',
        letterOfIntentOn: '2025-03-01',
        channel: 'bilateral',
        areaIds: [],
      });

      // Not placed yet: the map says so and links to where the place is set.
      await page.goto(page.url().replace(/#.*$/, '#/map'));
      await page.reload(); // the office's region (Uruguay) as set above
      await expect(page.getByRole('heading', { name: 'Mapa de socios' })).toBeVisible();
      await expect(page.getByRole('heading', { name: '2 socios sin ubicación' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Xiamen.*Firmado/ })).toHaveCount(0);

      // The locality form: the gazetteer finds 厦门市 and fills the numbers the Uruguayan way.
      await page.getByRole('link', { name: 'Ubicar: Xiamen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editar localidad' });
      await dialog.getByRole('button', { name: 'Buscar coordenadas' }).click();
      await dialog.getByRole('button', { name: /^Usar: Xiamen 厦门市 · Fujian, China/ }).click();
      await expect(dialog.getByLabel('Latitud')).toHaveValue('24,4798');
      await expect(dialog.getByLabel('Longitud')).toHaveValue('118,0819');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/locality-form-suggested-${browserLocale}.png` });
      await dialog.getByRole('button', { name: 'Guardar' }).click();
      await expect(dialog).toBeHidden();

      // A point typed by hand is read the office's way, and a wrong one is refused next to its field.
      await page.goto(page.url().replace(/#.*$/, `#/localities?open=${guilin.id}`));
      const guilinForm = page.getByRole('dialog', { name: 'Editar localidad' });
      // A click on the small map sets the point (the numbers stay editable).
      await guilinForm.getByRole('button', { name: 'Elegir en el mapa' }).click();
      const picker = guilinForm.getByRole('group', { name: 'Mapa: haga clic donde está el lugar' });
      const box = (await picker.boundingBox())!;
      await picker.click({ position: { x: box.width * 0.8, y: box.height * 0.4 } }); // East Asia
      await expect(guilinForm.getByLabel('Latitud')).toHaveValue(/^\d{1,2},\d+$/);
      await expect(guilinForm.getByLabel('Longitud')).toHaveValue(/^1\d\d,\d+$/);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/locality-form-picker-${browserLocale}.png`, fullPage: true });
      await guilinForm.getByLabel('Latitud').fill('125,28');
      await guilinForm.getByLabel('Longitud').fill('110,2964');
      await guilinForm.getByRole('button', { name: 'Guardar' }).click();
      await expect(guilinForm.getByText('La latitud va de −90 a 90 grados.')).toBeVisible();
      await expect(guilinForm.getByLabel('Latitud')).toHaveAttribute('aria-invalid', 'true');
      await guilinForm.getByLabel('Latitud').fill('25,2802');
      await guilinForm.getByRole('button', { name: 'Guardar' }).click();
      await expect(guilinForm).toBeHidden();
      expect(await callApi(page, 'localities.get', { id: guilin.id })).toMatchObject({ latitude: 25.2802, longitude: 110.2964 });

      await page.goto(page.url().replace(/#.*$/, '#/map'));
      const pin = page.getByRole('link', { name: 'Xiamen 厦门市 (China): Firmado' });
      await expect(pin).toBeVisible();
      await expect(page.getByRole('link', { name: 'Guilin 桂林市 (China): Carta de intención' })).toBeVisible();
      await expect(page.getByRole('img', { name: 'Montevideo: nuestra ciudad' })).toBeVisible();
      await expect(page.getByText('2 socios en el mapa')).toBeVisible();
      // The legend names each stage in words, with its count.
      await expect(page.locator('.map-legend')).toContainText('Firmado (1)');
      expect((await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`map-${browserLocale}.png`) });
      if (SHOTS) {
        for (const [w, h] of [
          [1280, 800],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: `${SHOTS}/map-${w}x${h}-${browserLocale}.png` });
        }
      }

      // Keyboard: the pins are in the tab order, each a link to its partner's page.
      await expect(pin).toHaveAttribute('href', `#/localities/${xiamen.id}`);
      await pin.focus();
      await expect(pin).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`#/localities/${xiamen.id}$`));
      await expect(page.getByRole('heading', { name: /Xiamen/, level: 1 })).toBeVisible();
      await page.goto(page.url().replace(/#.*$/, '#/map'));
      const guilinPin = page.getByRole('link', { name: 'Guilin 桂林市 (China): Carta de intención' });
      await expect(guilinPin).toHaveAttribute('href', `#/localities/${guilin.id}`);
      await guilinPin.click();
      await expect(page).toHaveURL(new RegExp(`#/localities/${guilin.id}$`));
    });

    test('the sample office’s partners on the map, and zoomed to them', async ({ demoApp: page }) => {
      await page.goto(page.url().replace(/#.*$/, '#/map'));
      // Six partners with agreements, Lima being the office's own city.
      await expect(page.locator('.world-map a.pin')).toHaveCount(6);
      await expect(page.getByRole('link', { name: 'Kobe 神戸市 (Japón): Activo' })).toBeVisible();
      await page.getByRole('button', { name: 'Acercar a los socios' }).click();
      await expect(page.getByRole('button', { name: 'Acercar a los socios' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page).toHaveURL(/#\/map\?view=partners$/);
      // Framed on the main group (East Asia): Córdoba, far from it, is then out of the window and out of the tab order.
      const width = Number((await page.locator('svg.world-map').getAttribute('viewBox'))!.split(' ')[2]);
      expect(width).toBeLessThan(400);
      await expect(page.getByRole('link', { name: /^Córdoba/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Kobe 神戸市 (Japón): Activo' })).toBeVisible();
      expect((await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
      if (SHOTS) {
        for (const [w, h] of [
          [1280, 800],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: `${SHOTS}/sample-map-zoomed-${w}x${h}-${browserLocale}.png` });
        }
        await page.getByRole('button', { name: 'Mundo' }).click();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.screenshot({ path: `${SHOTS}/sample-map-world-1280x800-${browserLocale}.png` });
      }
    });
  });
}
