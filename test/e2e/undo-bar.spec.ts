import type { Locator, Page } from '@playwright/test';
import { axeViolations, callApi, confirmDialog, expect, test } from './fixtures.ts';

/** The month grid's cell for a day, found as a person would: by the day's link in it ('Ir al 28 de diciembre de 2026'). */
const dayCell = (page: Page, day: number, month: string, year: number) =>
  page.getByRole('cell').filter({ has: page.getByRole('link', { name: `Ir al ${day} de ${month} de ${year}`, exact: true }) });

/** Drags with the mouse in small steps, as FullCalendar needs to see a drag. */
async function drag(page: Page, from: Locator, to: Locator) {
  const [a, b] = [(await from.boundingBox())!, (await to.boundingBox())!];
  const [x0, y0, x1, y1] = [a.x + 12, a.y + a.height / 2, b.x + b.width / 2, b.y + b.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
  await page.mouse.up();
}

type Visit = { id: number; startsOn: string; endsOn: string; version: number };

test('a visit dragged across 31 December asks first; no keeps it, yes moves it; the undo bar puts its dates back', async ({ app: page }, testInfo) => {
  const visit = await callApi<Visit>(page, 'visits.create', {
    direction: 'inbound',
    status: 'confirmed',
    startsOn: '2026-12-28',
    endsOn: '2026-12-30',
    purpose: 'Delegación de Xiamen 厦门市',
    agenda: [{ onDate: '2026-12-29', what: 'Visita al puerto' }],
  });
  await page.goto(page.url().replace(/#.*$/, '#/calendar?view=dayGridMonth&date=2026-12-01'));
  await expect(page.getByRole('heading', { name: 'diciembre de 2026' })).toBeVisible();
  const entry = page.locator('.entry-visit', { hasText: 'Delegación de Xiamen 厦门市' }).first();
  await expect(entry).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Into January: another annual report would count it, so the app asks; "Cancelar" leaves it where it was.
  await drag(page, entry, dayCell(page, 4, 'enero', 2027));
  const question = confirmDialog(page);
  await expect(question).toContainText('¿Mover «Delegación de Xiamen 厦门市» de 2026 a 2027?');
  await expect(question).toContainText('informe anual de 2027');
  await question.getByRole('button', { name: 'Cancelar' }).click();
  await expect(question).toBeHidden();
  expect(await callApi<Visit>(page, 'visits.get', { id: visit.id })).toMatchObject({ startsOn: '2026-12-28', endsOn: '2026-12-30' });
  await expect(page.getByTestId('undo-bar')).toHaveCount(0);

  await drag(page, page.locator('.entry-visit', { hasText: 'Delegación de Xiamen 厦门市' }).first(), dayCell(page, 4, 'enero', 2027));
  await confirmDialog(page).getByRole('button', { name: 'Mover a 2027' }).click();
  const bar = page.getByTestId('undo-bar');
  await expect(bar).toContainText(/Visita «Delegación de Xiamen 厦门市» movida: 4 ene\.? 2027 – 6 ene\.? 2027\./);
  expect(await callApi<Visit>(page, 'visits.get', { id: visit.id })).toMatchObject({
    startsOn: '2027-01-04',
    endsOn: '2027-01-06',
    agenda: [{ onDate: '2027-01-05' }],
  });

  await bar.getByRole('button', { name: 'Deshacer' }).click();
  await expect(bar).toContainText('Listo: se deshizo el último cambio.');
  expect(await callApi<Visit>(page, 'visits.get', { id: visit.id })).toMatchObject({
    startsOn: '2026-12-28',
    endsOn: '2026-12-30',
    agenda: [{ onDate: '2026-12-29' }],
  });
  await expect.poll(async () => (await page.locator('.entry-visit', { hasText: 'Delegación de Xiamen 厦门市' }).count()) > 0).toBe(true);
});

test('✓ marks a task done with an undo; the bar sits below the list, never over a row, and goes when the screen changes', async ({ app: page }) => {
  for (let i = 1; i <= 14; i++) await callApi(page, 'tasks.create', { title: `Seguimiento ${i}: enviar fotos 照片`, dueOn: '2026-12-10', priority: 'normal' });
  const task = await callApi<{ id: number }>(page, 'tasks.create', { title: 'Enviar el acta firmada 签字', dueOn: '2026-12-11', priority: 'high' });
  await page.goto(page.url().replace(/#.*$/, '#/tasks?view=all'));
  const line = page.locator(`[data-task-id="${task.id}"]`);
  const tick = line.getByRole('button', { name: 'Marcar como hecha' });
  await expect(tick).toHaveAttribute('title', 'Marcar como hecha');
  await tick.click();
  const bar = page.getByTestId('undo-bar');
  await expect(bar).toContainText('Tarea «Enviar el acta firmada 签字» marcada como hecha.');
  expect(await callApi(page, 'tasks.get', { id: task.id })).toMatchObject({ status: 'done' });

  // The screen ends above the bar: scrolled to the bottom, the last row is whole and uncovered.
  const main = page.getByRole('main');
  await main.evaluate((m) => m.scrollTo(0, m.scrollHeight));
  const [lastRow, barBox, mainBox] = [await page.locator('.task-line').last().boundingBox(), await bar.boundingBox(), await main.boundingBox()];
  expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(barBox!.y);
  expect(mainBox!.y + mainBox!.height).toBeLessThanOrEqual(barBox!.y + 1);
  expect(await axeViolations(page)).toEqual([]);

  await bar.getByRole('button', { name: 'Deshacer' }).click();
  await expect(bar).toContainText('Listo: se deshizo el último cambio.');
  expect(await callApi(page, 'tasks.get', { id: task.id })).toMatchObject({ status: 'open', completedOn: null });
  await expect(line.getByRole('button', { name: 'Marcar como hecha' })).toBeVisible();

  // Another screen: the offer belonged to the one left.
  await line.getByRole('button', { name: 'Marcar como hecha' }).click();
  await expect(bar).toContainText('marcada como hecha');
  await page.getByRole('navigation').getByRole('link', { name: 'Visitas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visitas' })).toBeVisible();
  await expect(page.getByTestId('undo-bar')).toHaveCount(0);
});

test('a task on the calendar opens the task itself, in its form', async ({ app: page }) => {
  const task = await callApi<{ id: number }>(page, 'tasks.create', { title: 'Reservar el salón 预订', dueOn: '2026-12-15', priority: 'normal' });
  await page.goto(page.url().replace(/#.*$/, '#/calendar?view=dayGridMonth&date=2026-12-01'));
  await page.locator('.entry-task', { hasText: 'Reservar el salón 预订' }).click();
  await expect(page).toHaveURL(new RegExp(`#/tasks\\?view=all&task=${task.id}$`));
  const form = page.getByTestId('opened-task').getByTestId('task-form');
  await expect(form.getByLabel('Qué hay que hacer')).toHaveValue('Reservar el salón 预订');
});

test('"Nuevo evento" starts on today', async ({ app: page }) => {
  await page.goto(page.url().replace(/#.*$/, '#/calendar?view=dayGridMonth&date=2026-03-01'));
  await page.getByRole('button', { name: 'Nuevo evento' }).click();
  const today = new Date();
  const shown = [today.getDate(), today.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/') + `/${today.getFullYear()}`;
  await expect(page.getByRole('dialog', { name: 'Nuevo evento' }).locator('[data-date-field="start"] .date-input')).toHaveText(shown);
});
