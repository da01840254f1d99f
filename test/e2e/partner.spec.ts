import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, callApi, expect, test } from './fixtures.ts';

// The partner page and the contact page, in a Uruguayan office (es-UY), with the browser in Spanish and in English.

const SHOTS = process.env.PARTNER_SHOTS ?? '';
const shot = async (page: Page, name: string, width: number, height: number) => {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
};

/** Pictures at both widths, then axe at 1280: no critical or serious violation (the count of the others is printed). */
async function lookAt(page: Page, name: string) {
  await shot(page, name, 1280, 800);
  await shot(page, name, 1024, 700);
  await page.setViewportSize({ width: 1280, height: 800 });
  const violations = await axeViolations(page);
  console.log(`axe ${name}: ${violations.length} violations`, JSON.stringify(violations));
  expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
}

type Id = { id: number };

/** Zhangzhou with a bit of everything: a signed then active agreement, visits both ways, deliveries, tasks done and due. */
async function zhangzhou(page: Page) {
  await callApi(page, 'settings.update', { country: 'UY', language: 'es', staff: ['Ana Torres'] });
  const fujian = await callApi<Id>(page, 'localities.create', { name: 'Fujian', nativeName: '福建省', country: 'CN', level: 'province' });
  const partner = await callApi<Id>(page, 'localities.create', { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: fujian.id });
  const agreement = await callApi<Id & { version: number }>(page, 'agreements.create', {
    partnerId: partner.id,
    kind: 'twinning',
    stage: 'signed',
    stageDate: '2019-04-20',
    signedOn: '2019-04-20',
    letterOfIntentOn: '2018-10-02',
    channel: 'bilateral',
    areaIds: [],
  });
  await callApi(page, 'agreements.changeStage', { id: agreement.id, version: agreement.version, stage: 'active', date: '2020-03-01' });
  const wang = await callApi<Id>(page, 'contacts.create', {
    name: 'Wang Wei',
    nativeName: '王伟',
    title: 'Director de Asuntos Exteriores',
    localityId: partner.id,
  });
  const received = await callApi<Id>(page, 'visits.create', {
    direction: 'inbound',
    status: 'done',
    startsOn: '2025-09-01',
    endsOn: '2025-09-03',
    purpose: 'Delegación de Zhangzhou en Montevideo',
    agreementIds: [agreement.id],
    participants: [{ contactId: wang.id, role: 'head_of_delegation' }],
  });
  await callApi(page, 'visits.create', {
    direction: 'outbound',
    status: 'done',
    startsOn: '2026-04-12',
    endsOn: '2026-04-18',
    localityId: partner.id,
    purpose: 'Viaje a Zhangzhou',
    participants: [{ contactId: wang.id, role: 'host' }],
  });
  const becas = await callApi<Id>(page, 'commitments.create', {
    agreementId: agreement.id,
    kind: 'scholarship',
    direction: 'receive',
    description: 'Seis becas de verano',
    quantity: 6,
    unit: 'becas',
    dueOn: '2026-12-31',
  });
  await callApi(page, 'commitments.addDelivery', { commitmentId: becas.id, deliveredOn: '2025-12-20', quantity: 3 });
  const done = await callApi<Id & { version: number }>(page, 'tasks.create', {
    title: 'Enviar fotos de la visita',
    dueOn: '2025-09-10',
    link: { kind: 'visit', id: received.id },
  });
  await callApi(page, 'tasks.setStatus', { id: done.id, version: done.version, status: 'done', completedOn: '2025-09-08' });
  await callApi(page, 'tasks.create', { title: 'Preparar el informe de becas', dueOn: '2026-02-15', link: { kind: 'agreement', id: agreement.id } });
  return { partner, agreement, wang };
}

const open = (page: Page, route: string) => page.goto(page.url().replace(/#.*$/, `#${route}`));

for (const browserLocale of ['es-419', 'en-US']) {
  test.describe(`browser in ${browserLocale}, office in es-UY`, () => {
    test.use({ locale: browserLocale });

    test('a partner page tells its story newest first, filters it by kind, and leads to a person', async ({ app: page }) => {
      const { partner, agreement, wang } = await zhangzhou(page);
      // The office's region was set behind the page's back: start again, as the app does after Settings.
      await page.reload();
      await open(page, '/localities');
      await page.getByRole('link', { name: 'Zhangzhou', exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`#/localities/${partner.id}$`));
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toContainText('Zhangzhou');
      await expect(title.locator('[lang="zh-Hans"]')).toHaveText('漳州市');
      await expect(page.getByTestId('partner-page')).toContainText('Parte de Fujian');
      await expect(page.locator('[data-figure="visitsReceived"] dd')).toHaveText('1');
      await expect(page.locator('[data-figure="visitsMade"] dd')).toHaveText('1');

      const story = page.getByTestId('partner-timeline');
      const items = story.locator('li.story-item');
      await expect(items).toHaveCount(8);
      // The letter of intent, typed on the agreement, reads as a stage of it.
      await expect(items.last()).toContainText('Hermanamiento: Carta de intención');
      const kinds = await items.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-on')} ${li.getAttribute('data-kind')}`));
      expect(kinds).toEqual([
        '2026-04-12 visit',
        '2026-02-15 task',
        '2025-12-20 delivery',
        '2025-09-08 task',
        '2025-09-01 visit',
        '2020-03-01 stage',
        '2019-04-20 stage',
        '2018-10-02 stage',
      ]);
      // Dates the office's way, never ISO.
      // (Chromium's ICU writes 'abr', Node's 'abr.': either is the office's way.)
      await expect(items.first().locator('time')).toHaveText(/^12 abr\.? 2026$/);
      await expect(story).toContainText('Entrega de 3 becas · Seis becas de verano');
      expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);

      await lookAt(page, `partner-${browserLocale}`);

      // Only visits: a proper checkbox group, kept in the address.
      const filter = page.getByRole('group', { name: 'Mostrar' });
      for (const kind of ['Etapas de acuerdos', 'Entregas', 'Tareas', 'Eventos de la oficina']) await filter.getByRole('checkbox', { name: kind }).uncheck();
      await expect(items).toHaveCount(2);
      expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind')))).toEqual(['visit', 'visit']);
      await expect(page).toHaveURL(/kinds=visit/);
      await page.reload();
      await expect(items).toHaveCount(2);
      await filter.getByRole('checkbox', { name: 'Visitas' }).uncheck();
      await expect(story).toContainText('Nada de este tipo');

      // The person, from the partner's people.
      await page.getByTestId('people-section').getByRole('link', { name: 'Wang Wei' }).click();
      await expect(page).toHaveURL(new RegExp(`#/contacts/${wang.id}$`));
      const contact = page.getByTestId('contact-page');
      await expect(contact.getByRole('heading', { level: 1 })).toContainText('Wang Wei');
      await expect(contact.getByRole('heading', { level: 1 }).locator('[lang="zh-Hans"]')).toHaveText('王伟');
      const visits = contact.getByTestId('contact-visits');
      await expect(visits.locator('tbody tr')).toHaveCount(2);
      await expect(visits.locator('tbody tr').first()).toContainText('Viaje a Zhangzhou');
      await expect(visits.locator('tbody tr').first()).toContainText('Anfitrión/a');
      await expect(visits.locator('tbody tr').nth(1)).toContainText('Jefe/a de delegación');
      await expect(visits.locator('tbody tr').nth(1)).toContainText(/1 (sept?|set)\.? 2025/);
      expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await lookAt(page, `contact-${browserLocale}`);
      await contact.getByRole('link', { name: 'Zhangzhou' }).first().click();
      await expect(page).toHaveURL(new RegExp(`#/localities/${partner.id}`));

      // The agreement shows its tasks and its people.
      await open(page, `/agreements/${agreement.id}`);
      await expect(page.getByTestId('agreement-tasks')).toContainText('Preparar el informe de becas');
      await expect(page.getByTestId('people-section')).toContainText('Wang Wei');
      await expect(page.getByRole('heading', { level: 1 }).getByRole('link', { name: 'Zhangzhou' })).toBeVisible();
      await shot(page, `agreement-${browserLocale}`, 1280, 800);
    });
  });
}

test('a partner with nothing yet says so, and an unknown one is not found', async ({ app: page }) => {
  const empty = await callApi<Id>(page, 'localities.create', { name: 'Kobe', nativeName: '神戸市', country: 'JP', level: 'city' });
  await open(page, `/localities/${empty.id}`);
  await expect(page.getByRole('heading', { level: 1 }).locator('[lang="ja"]')).toHaveText('神戸市');
  await expect(page.getByTestId('partner-timeline')).toContainText('Nada con fecha todavía');
  await open(page, '/localities/9999');
  await expect(page.getByRole('alert')).toHaveText('No se encontró esta localidad.');
  await open(page, '/contacts/9999');
  await expect(page.getByRole('alert')).toHaveText('No se encontró este contacto.');
});
