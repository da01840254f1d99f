import type { Page } from '@playwright/test';
import { axeViolations, callApi, confirmDialog, dateField, expect, pickRecord, test, typeInto } from './fixtures.ts';

/** Presses Tab until the focus is on what `is` says (at most 60 times): the keyboard user's way of getting somewhere. */
async function tabTo(page: Page, is: (el: Element) => boolean) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(`(${is.toString()})(document.activeElement)`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

test('a half-filled visit form asks before the sidebar, Back or closing the tab loses it; "Cancelar" stays with the work, then leaving goes', async ({
  app: page,
}) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Visitas' }).click();
  await page.getByRole('link', { name: 'Registrar visita' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrar visita' })).toBeVisible();
  // The place says which way the delegation travels.
  await expect(page.getByText('A dónde fuimos', { exact: true })).toBeVisible();
  await page.locator('#direction').selectOption('inbound');
  await expect(page.getByText('De dónde vino la delegación', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Dónde se la recibió (sede / lugar)')).toBeVisible();
  await typeInto(dateField(page, 'startsOn'), '20/05/2026');
  await page.locator('#purpose').fill('Delegación de Xiamen 厦门市');

  // The sidebar: asked in the app's dialog; Cancelar keeps the form as it was.
  await page.getByRole('navigation').getByRole('link', { name: 'Acuerdos' }).click();
  const ask = confirmDialog(page);
  await expect(ask).toContainText('¿Salir sin guardar?');
  await expect(ask).toContainText('Lo que escribió en este formulario se perderá.');
  expect(await axeViolations(page, '[role="alertdialog"]')).toEqual([]);
  await ask.getByRole('button', { name: 'Cancelar' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(/#\/visits\/new$/);
  await expect(page.locator('#purpose')).toHaveValue('Delegación de Xiamen 厦门市');

  // Back: asked too.
  await page.goBack();
  await expect(ask).toContainText('¿Salir sin guardar?');
  await ask.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page).toHaveURL(/#\/visits\/new$/);
  await expect(page.locator('#purpose')).toHaveValue('Delegación de Xiamen 厦门市');

  // Closing the tab: the browser's own question (the only one a page may ask there); dismissed, the page stays.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(page.locator('#purpose')).toHaveValue('Delegación de Xiamen 厦门市');

  // Leaving, said so: the other screen, and nothing was saved.
  await page.getByRole('navigation').getByRole('link', { name: 'Acuerdos' }).click();
  await ask.getByRole('button', { name: 'Salir sin guardar' }).click();
  await expect(page).toHaveURL(/#\/agreements$/);
  expect(await callApi<{ total: number }>(page, 'visits.list', {})).toMatchObject({ total: 0 });

  // An untouched form and a saved one let the user go without a word.
  await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
  await page.getByRole('navigation').getByRole('link', { name: 'Tareas' }).click();
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(ask).toHaveCount(0);
});

test('a refused save puts the cursor on the first field to correct, marked invalid and described by its message, with the summary in view', async ({
  app: page,
}, testInfo) => {
  await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
  await typeInto(dateField(page, 'startsOn'), '20/05/2026');
  // A cost far down the form with an amount that cannot be read; the purpose, above it, left empty.
  const costs = page.getByTestId('costs');
  await costs.getByRole('button', { name: 'Añadir gasto' }).click();
  await costs.getByLabel('Concepto').fill('Cena de bienvenida');
  await costs.getByLabel('Importe').fill('mil');
  await page.getByRole('button', { name: 'Guardar' }).click();

  const purpose = page.locator('#purpose');
  await expect(purpose).toBeFocused();
  await expect(purpose).toHaveAttribute('aria-invalid', 'true');
  await expect(purpose).toHaveAttribute('aria-describedby', 'purpose-error');
  await expect(page.locator('#purpose-error')).toHaveText('Este dato es obligatorio.');
  await expect(page.locator('.form-message')).toHaveText('Revise los campos marcados.');
  await expect(page.locator('.form-message')).toBeInViewport();
  const amount = costs.getByLabel('Importe');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await amount.getAttribute('aria-describedby')}`)).toContainText('Escriba el importe');
  await page.screenshot({ path: testInfo.outputPath('visit-form-errors.png'), fullPage: true });
  expect(await axeViolations(page)).toEqual([]);

  // The purpose given: the next refused save goes to the amount, further down, scrolled into view with the summary.
  await purpose.fill('Delegación de Xiamen 厦门市');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(amount).toBeFocused();
  await expect(amount).toBeInViewport();
  await expect(page.locator('.form-message')).toBeInViewport();
  await expect(purpose).not.toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page)).toEqual([]);
});

test('a visit logged with the keyboard alone: Tab, typing and Enter', async ({ app: page }) => {
  await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'Registrar visita' })).toBeVisible();
  await tabTo(page, (el) => el.id === 'direction');
  await page.keyboard.type('Delegación');
  await tabTo(page, (el) => el.closest('[data-date-field="startsOn"]') !== null);
  await page.keyboard.type('12042026');
  await tabTo(page, (el) => el.id === 'purpose');
  await page.keyboard.type('Delegación de Xiamen 厦门市');
  await tabTo(page, (el) => el.textContent === 'Añadir punto de agenda');
  await page.keyboard.press('Enter');
  // The new line's date starts on the visit's first day; its time and what happens are typed.
  await tabTo(page, (el) => el.closest('[data-time-field="agenda-0-atTime"]') !== null);
  await page.keyboard.type('1030');
  await tabTo(page, (el) => el.getAttribute('aria-label') === 'Qué');
  await page.keyboard.type('Visita al puerto');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/visits\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Delegación de Xiamen 厦门市');
  const id = Number(page.url().split('/').at(-1));
  expect(await callApi(page, 'visits.get', { id })).toMatchObject({
    direction: 'inbound',
    startsOn: '2026-04-12',
    endsOn: '2026-04-12',
    agenda: [{ onDate: '2026-04-12', atTime: '10:30', what: 'Visita al puerto' }],
  });
});

test('the contact form, too: its fields say when they are invalid, and a half-typed contact is not lost to the sidebar', async ({ app: page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Contactos' }).click();
  await page.getByRole('button', { name: 'Nuevo contacto' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('Correo electrónico').fill('no-es-un-correo');
  await form.getByRole('button', { name: 'Guardar' }).click();
  const name = form.locator('#contact-name');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await name.getAttribute('aria-describedby')}`)).toHaveText('Este dato es obligatorio.');
  expect(await axeViolations(page, '[data-testid="contact-form"]')).toEqual([]);

  await page.getByRole('navigation').getByRole('link', { name: 'Visitas' }).click();
  await expect(confirmDialog(page)).toContainText('¿Salir sin guardar?');
  await confirmDialog(page).getByRole('button', { name: 'Cancelar' }).click();
  await expect(form.getByLabel('Correo electrónico')).toHaveValue('no-es-un-correo');
  await form.getByRole('button', { name: 'Cancelar' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Visitas' }).click();
  await expect(page).toHaveURL(/#\/visits$/);
});

test("a contact's locality is chosen with the locality picker, saved, shown on their page, and can be taken away again", async ({ demoApp: page }) => {
  type Found = { rows: { id: number; localityId: number | null }[] };
  const shanghai = (await callApi<Found>(page, 'search.pick', { kind: 'locality', query: 'shanghai' })).rows[0]!.id;
  await page.getByRole('navigation').getByRole('link', { name: 'Contactos' }).click();
  await page.getByRole('button', { name: 'Nuevo contacto' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('Nombre', { exact: true }).fill('Ximena Quiroga Salas');
  await form.getByLabel('Organización').fill('Oficina de Asuntos Exteriores');
  const locality = form.getByRole('combobox', { name: 'Localidad' });
  await pickRecord(locality, '上海', /Shanghai/);
  await expect(locality).toHaveValue(/^Shanghai/);
  expect(await axeViolations(page, '[data-testid="contact-form"]')).toEqual([]);
  await form.getByRole('button', { name: 'Guardar' }).click();
  await expect(form).toBeHidden();
  const saved = (await callApi<Found>(page, 'contacts.list', { search: 'Quiroga' })).rows[0]!;
  expect(saved.localityId).toBe(shanghai);

  // Their page names it; editing shows it in the picker, and emptying the picker takes it away.
  await page.evaluate((id) => (window.location.hash = `#/contacts/${id}`), saved.id);
  await expect(page.locator('[data-field="locality"]')).toContainText('Shanghai');
  await page.getByRole('button', { name: 'Editar' }).click();
  const edit = page.getByTestId('contact-form');
  await expect(edit.getByRole('combobox', { name: 'Localidad' })).toHaveValue(/^Shanghai/);
  await edit.getByRole('combobox', { name: 'Localidad' }).fill('');
  await edit.getByLabel('Idiomas').click();
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('[data-field="locality"]')).toHaveText('—');
  expect((await callApi<{ localityId: number | null }>(page, 'contacts.get', { id: saved.id })).localityId).toBeNull();
});

test('Settings and the first-run set-up keep typed work too: leaving unsaved asks; a saved section leaves quietly', async ({ app: page }) => {
  // The set-up on a new file: a name typed, then the sidebar.
  await page.getByLabel('Nombre de la oficina').fill('Prefeitura de Porto Alegre');
  await page.getByRole('navigation').getByRole('link', { name: 'Configuración' }).click();
  await expect(confirmDialog(page)).toContainText('¿Salir sin guardar?');
  await confirmDialog(page).getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByLabel('Nombre de la oficina')).toHaveValue('Prefeitura de Porto Alegre');
  await page.getByRole('button', { name: 'Más tarde' }).click();

  await page.getByRole('navigation').getByRole('link', { name: 'Configuración' }).click();
  const signatures = page.getByTestId('signatures');
  await signatures.locator('#signature-preparedName').fill('Ana Torres');
  await page.getByRole('navigation').getByRole('link', { name: 'Tareas' }).click();
  await expect(confirmDialog(page)).toContainText('¿Salir sin guardar?');
  await confirmDialog(page).getByRole('button', { name: 'Cancelar' }).click();
  await signatures.getByRole('button', { name: /Guardar/ }).click();
  await expect(signatures.getByRole('status')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Tareas' }).click();
  await expect(page).toHaveURL(/#\/tasks$/);
});

test('"Registrar visita" opened from a visit being edited starts empty, and so does a new agreement from an agreement being edited', async ({
  demoApp: page,
}) => {
  const visitId = (await callApi<{ rows: { id: number }[] }>(page, 'visits.list', {})).rows[0]!.id;
  await page.goto(page.url().replace(/#.*$/, `#/visits/${visitId}/edit`));
  await expect(page.locator('#purpose')).not.toHaveValue('');
  await page.keyboard.press('Alt+Shift+V');
  await expect(page).toHaveURL(/#\/visits\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrar visita');
  await expect(page.locator('#purpose')).toHaveValue('');

  const agreementId = (await callApi<{ rows: { id: number }[] }>(page, 'agreements.list', {})).rows[0]!.id;
  await page.goto(page.url().replace(/#.*$/, `#/agreements/${agreementId}/edit`));
  await expect(page.locator('#stage')).toBeVisible();
  const editedStage = await page.locator('#stage').inputValue();
  await page.goto(page.url().replace(/#.*$/, '#/agreements/new'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuevo acuerdo');
  expect(editedStage).not.toBe('');
  await expect(page.getByRole('combobox', { name: 'Localidad socia' })).toHaveValue('');
});
