import type { Page } from '@playwright/test';
import type { Language } from '../../shared/contract/settings.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { callApi, dateField, expect, test, typeInto } from './fixtures.ts';

// The browser speaks American English while the app is set to the office's
// language and region: what is typed and shown must follow the app, never the
// browser. Each office below types one amount its own way; add a row to add a region.
test.use({ locale: 'en-US', timezoneId: 'America/Montevideo' });

type Office = { language: Language; country: string; city: string; typed: string; shown: RegExp; minor: number; date: string };

const OFFICES: Office[] = [
  { language: 'es', country: 'UY', city: 'Montevideo', typed: '12.400,50', shown: /USD\s12\.400,50/, minor: 1_240_050, date: '15/03/2027' },
  { language: 'pt', country: 'BR', city: 'Porto Alegre', typed: '12.400,50', shown: /USD\s12\.400,50/, minor: 1_240_050, date: '15/03/2027' },
  { language: 'es', country: 'MX', city: 'Guadalajara', typed: '12,400.50', shown: /USD\s12,400\.50/, minor: 1_240_050, date: '15/03/2027' },
];

const call = callApi;

async function becomeOffice(page: Page, office: Office) {
  const city = await call<{ id: number }>(page, 'localities.create', {
    name: office.city,
    nativeName: null,
    country: office.country,
    level: 'city',
    parentId: null,
  });
  // Only the own locality is given: the country and its currency follow from it.
  await call(page, 'settings.update', { language: office.language, ownLocalityId: city.id });
  await page.reload();
}

for (const office of OFFICES) {
  test(`${office.language}-${office.country} in an en-US browser: a visit cost typed ${office.typed} is saved as ${office.minor} minor units and shown the office's way`, async ({
    app: page,
  }) => {
    const { t } = createI18n(office.language);
    await becomeOffice(page, office);
    await page
      .getByRole('link', { name: t('visits.new') })
      .first()
      .click();

    await typeInto(dateField(page, 'startsOn'), office.date);
    await typeInto(dateField(page, 'endsOn'), office.date);
    await page.locator('#purpose').fill('Misión técnica');
    const costs = page.getByTestId('costs');
    await costs.getByRole('button', { name: t('visits.addCost') }).click();
    const row = costs.locator('.row-line').first();
    // A new cost row starts in the office's currency (from its country, from its own locality).
    const local = { UY: 'UYU', BR: 'BRL', MX: 'MXN' }[office.country];
    await expect(row.getByLabel(t('visits.currency'))).toHaveValue(local!);
    await row.getByLabel(t('visits.costItem')).fill('Pasajes');
    await row.getByLabel(t('visits.currency')).fill('USD');
    // Typed the other region's way, it is refused beside the field, and nothing is saved.
    const other = office.typed.includes('.400,') ? '12,400.50' : '12.400,50';
    await row.getByLabel(t('visits.amount')).fill(other);
    await page.getByRole('button', { name: t('common.save') }).click();
    await expect(row.getByRole('alert')).toContainText(office.typed);
    await expect(page).toHaveURL(/#\/visits\/new$/);

    await row.getByLabel(t('visits.amount')).fill(office.typed.replace(/[.,](?=\d{3})/, ''));
    await row.getByLabel(t('visits.amount')).blur();
    // Leaving the field writes the amount out in full, as it will be saved.
    await expect(row.getByLabel(t('visits.amount'))).toHaveValue(office.typed);
    await page.getByRole('button', { name: t('common.save') }).click();
    await expect(page).toHaveURL(/#\/visits\/\d+$/);
    const id = Number(/visits\/(\d+)$/.exec(page.url())![1]);

    await page.reload();
    await expect(page.getByTestId('costs')).toContainText(office.shown);
    const visit = await call<{ startsOn: string; costs: { amountMinor: number; currency: string }[] }>(page, 'visits.get', { id });
    expect(visit.startsOn).toBe('2027-03-15');
    expect(visit.costs).toEqual([expect.objectContaining({ amountMinor: office.minor, currency: 'USD' })]);

    // Opened again for editing straight from a fresh start, the field shows it the office's way
    // (the form waits for the office's region rather than writing it the language's default way).
    await page.goto(`${page.url()}/edit`);
    await page.reload();
    await expect(page.getByTestId('costs').getByLabel(t('visits.amount'))).toHaveValue(office.typed);
    await expect(dateField(page, 'startsOn').locator('.date-input')).toHaveText(office.date);
  });
}

test('es-UY in an en-US browser: a commitment value and a delivery without a value; amounts on the Totals view the office way', async ({ app: page }) => {
  const { t } = createI18n('es');
  await becomeOffice(page, OFFICES[0]!);
  const partner = await call<{ id: number }>(page, 'localities.create', {
    name: 'Shanghai',
    nativeName: '上海市',
    country: 'CN',
    level: 'city',
    parentId: null,
  });
  const agreement = await call<{ id: number }>(page, 'agreements.create', {
    partnerId: partner.id,
    kind: 'twinning',
    stage: 'signed',
    stageDate: '2018-07-01',
    signedOn: '2018-07-01',
    letterOfIntentOn: null,
    channel: 'bilateral',
    areaIds: [],
  });
  await page.goto(page.url().replace(/#.*$/, `#/commitments/new?agreement=${agreement.id}`));
  await page.locator('#description').fill('Dos ambulancias');
  await page.locator('#quantity').fill('2');
  await expect(page.locator('#currency')).toHaveValue('UYU');
  await page.locator('#currency').fill('USD');
  await page.locator('#value').fill('1.2.3');
  await page.getByRole('button', { name: t('common.save') }).click();
  await expect(page.locator('[data-field="value"]').getByRole('alert')).toHaveText(
    'Escriba el importe como 12.400,50: «.» para los miles (puede omitirlo) y «,» para los decimales.',
  );
  await page.locator('#value').fill('85.000,00');
  await page.getByRole('button', { name: t('common.save') }).click();
  await expect(page).toHaveURL(/#\/commitments\/\d+$/);
  const id = Number(/commitments\/(\d+)$/.exec(page.url())![1]);
  expect((await call<{ valueMinor: number }>(page, 'commitments.get', { id })).valueMinor).toBe(8_500_000);

  // The delivery form offers the commitment's currency, and saves with no value.
  await page.getByRole('button', { name: t('commitments.addDelivery') }).click();
  await expect(page.locator('#deliveryCurrency')).toHaveValue('USD');
  await expect(page.locator('#deliveryValue')).toHaveValue('');
  await page.locator('#deliveryQuantity').fill('1');
  await page.getByRole('button', { name: t('common.save') }).click();
  await expect(page.getByTestId('delivery')).toHaveCount(1);

  await page.goto(page.url().replace(/#.*$/, '#/commitments/totals'));
  await expect(page.locator('main')).toContainText(/USD\s85\.000,00/);
});
