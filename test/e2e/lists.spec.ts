import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page, TestInfo } from '@playwright/test';
import { axeViolations, callApi, confirmDialog, expect, offeredOptions, pickRecord, test } from './fixtures.ts';

// The list screens: sorting by a column (aria-sort on its header cell), filters and sort kept in
// the address across a reload, pages from the server with the total, "Export this view" writing
// exactly the rows and columns shown, row actions in one menu, and no sideways scroll at 1024 px.

const LISTS = [
  ['agreements', 'Acuerdos'],
  ['visits', 'Visitas de delegaciones'],
  ['commitments', 'Compromisos'],
  ['commitments/all', 'Compromisos'],
  ['contacts', 'Contactos'],
  ['localities', 'Localidades'],
  ['tasks', 'Tareas de seguimiento'],
] as const;

const go = async (page: Page, route: string) => {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  await expect(page.locator('h1')).toBeVisible();
};
const serious = (v: { impact?: string | null }[]) => v.filter((x) => x.impact === 'critical' || x.impact === 'serious');

/** Where screenshots go: the test's own folder, or LIST_SHOTS when someone wants to look at them. */
const shot = (testInfo: TestInfo, name: string) => {
  const dir = process.env.LIST_SHOTS ?? testInfo.outputPath();
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
};

test('sort by a column: aria-sort on its header, the order from the server, kept with the filters across a reload', async ({ demoApp: page }) => {
  await go(page, 'agreements');
  const table = page.getByTestId('agreements-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const country = table.locator('th', { has: page.getByRole('button', { name: 'País' }) });
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  await country.getByRole('button').click();
  await expect(country).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('th[aria-sort]')).toHaveCount(1);
  const firstAsc = await table.locator('tbody tr').first().locator('td').nth(1).textContent();
  await country.getByRole('button').click();
  await expect(country).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).not.toHaveText(firstAsc!);
  const order = await table.locator('tbody tr').allTextContents();

  // The search is debounced: read the rows once the list has answered the stage and the search together.
  const answered = page.waitForResponse((r) => {
    if (!r.url().endsWith('/api/agreements.list')) return false;
    const body = JSON.parse(r.request().postData() ?? '{}') as { search?: string; stages?: string[] };
    return body.search === 'a' && body.stages?.join() === 'active';
  });
  await page.getByLabel('Etapa').selectOption('active');
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('a');
  await expect(page).toHaveURL(/sort=country/);
  await expect(page).toHaveURL(/stage=active/);
  const answer = (await (await answered).json()) as { ok: boolean; value?: { rows: unknown[] } };
  await expect(table.locator('tbody tr')).toHaveCount(answer.value?.rows.length ?? -1);
  const filtered = await table.locator('tbody tr').allTextContents();
  expect(filtered.length).toBeLessThanOrEqual(order.length);
  await page.reload();
  await expect(page.getByLabel('Etapa')).toHaveValue('active');
  await expect(page.getByRole('searchbox', { name: 'Buscar' })).toHaveValue('a');
  await expect(table.locator('th', { has: page.getByRole('button', { name: 'País' }) })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr')).toHaveText(filtered);

  // Visits sort too, with the header cell carrying the state, not the button.
  await go(page, 'visits');
  const purpose = page.getByTestId('visits-table').locator('th', { has: page.getByRole('button', { name: 'Propósito' }) });
  await purpose.getByRole('button').click();
  await expect(purpose).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('button', { name: 'Propósito' })).not.toHaveAttribute('aria-sort');
});

test('pages come from the server: the total is shown and the next page holds the rest', async ({ app: page }) => {
  for (let i = 1; i <= 57; i++) await callApi(page, 'contacts.create', { name: `Persona ${String(i).padStart(2, '0')}`, nativeName: i % 2 ? '王伟' : null });
  await go(page, 'contacts');
  const rows = page.getByTestId('contacts-table').locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('pager')).toContainText('1–50 de 57');
  await page.getByTestId('pager').getByRole('button', { name: 'Siguiente' }).click();
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toContainText('Persona 51');
  await expect(page).toHaveURL(/page=2/);
  await page.reload();
  await expect(rows).toHaveCount(7);
});

test('export a filtered, sorted view to CSV and XLSX: the rows and columns shown, in Spanish', async ({ demoApp: page }) => {
  await go(page, 'commitments/all');
  const table = page.getByTestId('commitments-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // The address changes at once, the search is debounced: read the rows only once the list has answered the last
  // filter and sort, or the table still shows the unfiltered page while the export already filters.
  const answered = page.waitForResponse((r) => {
    if (!r.url().endsWith('/api/commitments.list')) return false;
    const body = JSON.parse(r.request().postData() ?? '{}') as { search?: string; sort?: string; dir?: string };
    return body.search === 'beca' && body.dir === 'desc';
  });
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('beca');
  await table.getByRole('button', { name: 'Socio' }).click();
  await table.getByRole('button', { name: 'Socio' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
  const answer = (await (await answered).json()) as { ok: boolean; value?: { rows: unknown[] } };
  await expect(table.locator('tbody tr')).toHaveCount(answer.value?.rows.length ?? -1);
  await expect(page).toHaveURL(/q=beca/);
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
  const partners = await table.locator('tbody tr td:first-child').allInnerTexts();
  expect(partners.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Exportar esta vista' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (.csv)' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^Compromisos-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
  expect(rows[0]).toEqual(headers);
  expect(rows.slice(1).map((r) => r[0])).toEqual(partners.map((p) => p.replace(/\s+/g, ' ').trim()));

  await page.getByRole('button', { name: 'Exportar esta vista' }).click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^Compromisos-.*\.xlsx$/);
  expect(
    fs
      .readFileSync((await xlsx.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

type Page1 = { total: number; rows: { id: number }[] };
const results = (total: number) => new RegExp(`^${total} resultados?$`);

test('filters chosen through the pickers stay in the address across a reload; a value the contract refuses is ignored, not sent', async ({
  demoApp: page,
}, testInfo) => {
  const shanghai = (await callApi<Page1>(page, 'search.pick', { kind: 'locality', query: 'shanghai' })).rows[0]!.id;
  const all = await callApi<Page1>(page, 'visits.list', {});
  const theirs = await callApi<Page1>(page, 'visits.list', { partnerId: shanghai });
  expect(theirs.total).toBeGreaterThan(0);
  expect(theirs.total).toBeLessThan(all.total);

  // Visits: the partner searched in its own script, chosen from the list the contract answers.
  await go(page, 'visits');
  const count = page.locator('.filters .count');
  await expect(count).toHaveText(results(all.total));
  const partner = page.getByRole('combobox', { name: 'Socio' });
  await partner.fill('上海');
  // Only the place named so is left once the search has answered (the list shows every partner until then).
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Shanghai/ })).toBeVisible();
  await page.screenshot({ path: shot(testInfo, 'visits-partner-filter-open-1280.png') });
  // While the list is open React Aria hides the rest of the page from assistive technology (aria-hidden, by design,
  // so a click outside still closes it): the open list is checked on its own, the whole page once it is closed.
  expect(serious(await axeViolations(page, '.record-picker-popover'))).toEqual([]);
  await page.getByRole('option', { name: /Shanghai/ }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${shanghai}`));
  await expect(count).toHaveText(results(theirs.total));
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.reload();
  await expect(partner).toHaveValue(/^Shanghai/);
  await expect(count).toHaveText(results(theirs.total));
  // With a partner chosen, the agreement filter offers that partner's agreements only.
  const agreement = page.getByRole('combobox', { name: 'Acuerdos vinculados' });
  const offered = await offeredOptions(agreement);
  expect(offered.length).toBeGreaterThan(0);
  for (const text of offered) expect(text).toContain('Shanghai');
  await page.keyboard.press('Escape');
  // Emptied, the filter is gone from the list and from the address.
  await partner.fill('');
  await partner.blur();
  await expect(page).not.toHaveURL(/partner=/);
  await expect(count).toHaveText(results(all.total));

  // An address with values the contract would refuse: each is dropped (its filter shows "any"), the rest apply.
  const done = await callApi<Page1>(page, 'visits.list', { status: 'done' });
  await go(page, 'visits?direction=sideways&status=done&year=abc&partner=0&agreement=-3');
  await expect(count).toHaveText(results(done.total));
  await expect(page.getByLabel('Tipo', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Estado', { exact: true })).toHaveValue('done');
  await expect(partner).toHaveValue('');
  await expect(page.locator('.form-message')).toHaveCount(0);

  // Commitments: the same partner picker; a bad status ignored, a good direction kept, across a reload.
  const given = await callApi<Page1>(page, 'commitments.list', { direction: 'give' });
  await go(page, 'commitments/all?status=perhaps&direction=give');
  await expect(count).toHaveText(results(given.total));
  await expect(page.getByLabel('Estado', { exact: true })).toHaveValue('');
  const received = await callApi<Page1>(page, 'commitments.list', { partnerId: shanghai, direction: 'receive' });
  await page.getByLabel('Dirección', { exact: true }).selectOption('receive');
  await pickRecord(page.getByRole('combobox', { name: 'Socio' }), 'shang', /Shanghai/);
  await expect(page).toHaveURL(new RegExp(`partner=${shanghai}`));
  await expect(count).toHaveText(results(received.total));
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Socio' })).toHaveValue(/^Shanghai/);
  await expect(page.getByLabel('Dirección', { exact: true })).toHaveValue('receive');
  await expect(count).toHaveText(results(received.total));

  // Agreements: a stage the contract does not know is ignored too.
  const agreements = await callApi<Page1>(page, 'agreements.list', {});
  await go(page, 'agreements?stage=napping&area=x');
  await expect(page.getByLabel('Etapa')).toHaveValue('');
  await expect(page.getByTestId('agreements-table').locator('tbody tr')).toHaveCount(Math.min(agreements.total, 50));
});

test('row actions live in one menu; deleting asks first and can be undone', async ({ demoApp: page }) => {
  await callApi(page, 'contacts.create', { name: 'Zeng Xiaoming', nativeName: '曾晓明', title: 'Traductor' });
  await go(page, 'contacts?q=zeng');
  const table = page.getByTestId('contacts-table');
  const row = table.locator('tbody tr').first();
  await expect(row).toContainText('曾晓明');
  const name = 'Zeng Xiaoming';
  const before = await table.locator('tbody tr').count();
  await expect(table.getByRole('button', { name: 'Editar' })).toHaveCount(0);
  await expect(table.locator('th').last()).toHaveText('Acciones');
  await row.getByRole('button', { name: /^Acciones para/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect(serious(await axeViolations(page))).toEqual([]);
  await page.getByRole('menuitem', { name: 'Eliminar' }).click();
  await expect(confirmDialog(page)).toContainText(name);
  await confirmDialog(page).getByRole('button', { name: 'Cancelar' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(before);
  await row.getByRole('button', { name: /^Acciones para/ }).click();
  await page.getByRole('menuitem', { name: 'Eliminar' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Eliminar contacto' }).click();
  await expect(table.locator('tbody tr').filter({ hasText: name })).toHaveCount(0);
  await page.getByTestId('undo-bar').getByRole('button').first().click();
  await expect(table.locator('tbody tr').filter({ hasText: name })).toHaveCount(1);
});

for (const locale of ['es-UY', 'en-US']) {
  test.describe(`browser in ${locale}`, () => {
    test.use({ locale });
    test('every list fits 1024 px without sideways scroll, keeps a readable width at 1920 px, and passes axe', async ({ demoApp: page }, testInfo) => {
      for (const [route, title] of LISTS) {
        await page.setViewportSize({ width: 1024, height: 700 });
        await go(page, route);
        await expect(page.locator('h1')).toHaveText(title);
        await expect(page.locator('tbody tr, .task-list li').first()).toBeVisible();
        const overflow = await page.evaluate(() =>
          [document.scrollingElement!, ...document.querySelectorAll('.content, table, .screen')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.className || el.tagName),
        );
        await page.screenshot({ path: shot(testInfo, `${route.replace('/', '-')}-1024-${locale}.png`) });
        expect(overflow, `${route} at 1024 px`).toEqual([]);
        expect(serious(await axeViolations(page)), route).toEqual([]);
        await page.setViewportSize({ width: 1280, height: 800 });
        if (route === 'commitments/all') await page.screenshot({ path: shot(testInfo, `${route.replace('/', '-')}-1280-${locale}.png`) });
        await page.setViewportSize({ width: 1920, height: 1000 });
        const width = await page
          .locator('.screen')
          .first()
          .evaluate((el) => el.getBoundingClientRect().width);
        expect(width, `${route} at 1920 px`).toBeLessThanOrEqual(1440);
      }
    });
  });
}
