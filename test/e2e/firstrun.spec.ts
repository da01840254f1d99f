import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate } from '../../shared/dates.ts';
import { axeViolations, callApi, confirmDialog, expect, pickRecord, test } from './fixtures.ts';

const serious = (v: { impact?: string | null }[]) => v.filter((x) => x.impact === 'critical' || x.impact === 'serious');

test('a new file: the set-up, then an honest empty Home, and "My tasks" without typing a name again', async ({ app: page }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Bienvenido a Twinning Desk' })).toBeVisible();
  const setup = page.getByTestId('setup');
  // Nothing filled in: each required answer says so beside its field, and nothing is written.
  await setup.getByRole('button', { name: 'Empezar' }).click();
  await expect(setup.locator('[data-field="officeName"]').getByRole('alert')).toBeVisible();
  await expect(setup.locator('[data-field="cityName"]').getByRole('alert')).toBeVisible();
  await expect(setup.locator('[data-field="cityCountry"]').getByRole('alert')).toBeVisible();
  await expect(setup.getByLabel('Nombre de la oficina')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('setup-errors.png'), fullPage: true });
  expect(serious(await axeViolations(page))).toEqual([]);
  expect((await callApi<{ needsSetup: boolean }>(page, 'app.info', {})).needsSetup).toBe(true);

  await setup.getByLabel('Nombre de la oficina').fill('Intendencia de Montevideo — Relaciones Internacionales');
  await setup.getByLabel('Nombre de la ciudad').fill('Montevideo');
  await setup.getByLabel('País de la ciudad').selectOption('UY');
  // The region follows the city's country until chosen otherwise: pesos uruguayos, written the Uruguayan way.
  await expect(setup.locator('#country option').first()).toHaveText(/Uruguay/);
  await expect(setup.getByTestId('region-preview')).toContainText('12.400,50');
  await setup.getByLabel('Su nombre').fill('Lucía Fernández');
  const staff = setup.getByTestId('setup-staff');
  await staff.getByRole('button', { name: 'Añadir persona' }).click();
  await expect(staff.getByRole('textbox', { name: 'Persona 1' })).toBeFocused();
  await page.keyboard.type('Martín Pérez');
  await page.keyboard.press('Enter');
  await expect(staff.getByRole('textbox', { name: 'Persona 2' })).toBeFocused();
  await page.keyboard.type('Borrar');
  await staff.getByRole('button', { name: 'Quitar a Borrar' }).click();
  await page.screenshot({ path: testInfo.outputPath('setup-filled.png'), fullPage: true });
  await setup.getByRole('button', { name: 'Empezar' }).click();

  // Home, honest about an empty office: what to do first, with links; never "all agreements had activity".
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  const first = page.getByTestId('first-steps');
  await expect(first.getByRole('link', { name: 'Registrar el primer acuerdo' })).toHaveAttribute('href', '#/agreements/new');
  await expect(page.getByTestId('home-quiet')).toContainText('Aún no hay acuerdos que seguir.');
  await expect(page.getByTestId('home-quiet')).not.toContainText('tuvieron actividad');
  await expect(page.locator('.sidebar .brand')).toContainText('Intendencia de Montevideo');
  await page.screenshot({ path: testInfo.outputPath('home-empty.png'), fullPage: true });
  expect(serious(await axeViolations(page))).toEqual([]);
  const settings = await callApi<{ staff: string[]; userName: string; region: { country: string; currency: string } }>(page, 'settings.get', {});
  expect(settings).toMatchObject({ userName: 'Lucía Fernández', staff: ['Lucía Fernández', 'Martín Pérez'], region: { country: 'UY', currency: 'UYU' } });

  // "My tasks" knows who I am from the set-up.
  await callApi(page, 'tasks.create', { title: 'Llamar a la embajada', dueOn: localIsoDate(new Date()), assignee: 'Lucía Fernández', priority: 'normal' });
  await callApi(page, 'tasks.create', { title: 'Tarea de Martín', dueOn: localIsoDate(new Date()), assignee: 'Martín Pérez', priority: 'normal' });
  await page.getByRole('link', { name: 'Tareas', exact: true }).first().click();
  await page.getByRole('tab', { name: 'Mis tareas' }).click();
  await expect(page.locator('.task-line')).toHaveCount(1);
  await expect(page.locator('.task-line')).toContainText('Llamar a la embajada');

  // The Home link to the sample data opens Settings at that section.
  await page.getByRole('link', { name: 'Inicio' }).click();
  await page.getByTestId('first-steps').getByRole('link', { name: 'Cargar los datos de ejemplo' }).click();
  await expect(page.getByRole('heading', { name: 'Datos de ejemplo', level: 2 })).toBeFocused();
});

test('"Later" shows Home for this session; the empty-state links go where they say', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Más tarde' }).click();
  await expect(page.getByTestId('first-steps')).toBeVisible();
  await page.getByRole('link', { name: 'Tareas', exact: true }).first().click();
  await page.getByRole('tab', { name: 'Mis tareas' }).click();
  await page.getByRole('link', { name: 'Escribir mi nombre' }).click();
  await expect(page.getByRole('heading', { name: 'Oficina', level: 2 })).toBeFocused();
  await page.getByRole('link', { name: 'Acuerdos' }).click();
  await page.getByRole('link', { name: 'cargar los datos de ejemplo' }).click();
  await expect(page.getByRole('heading', { name: 'Datos de ejemplo', level: 2 })).toBeFocused();
});

test('sample data loaded and removed again: the user’s own rows survive, the banner goes', async ({ app: page }) => {
  await callApi(page, 'setup.complete', {
    officeName: 'Oficina de Relaciones Internacionales',
    ownLocalityId: null,
    cityName: 'Rosario',
    cityNativeName: null,
    cityCountry: 'AR',
    country: null,
    currency: null,
    language: 'es',
    userName: 'Ana',
    staff: [],
  });
  await page.goto(page.url().replace(/#.*$/, '#/settings?section=sample'));
  await page.getByRole('button', { name: 'Cargar datos de ejemplo' }).click();
  await expect(page.getByTestId('sample-banner')).toBeVisible();
  const mine = await callApi<{ id: number }>(page, 'contacts.create', { name: 'Sofía Rodríguez', title: 'Concejala' });
  // A sample contact the user corrected stays too.
  const chen = (await callApi<{ rows: { id: number }[] }>(page, 'contacts.list', { search: 'Chen Jing' })).rows[0]!;
  const full = await callApi<Record<string, unknown> & { version: number }>(page, 'contacts.get', { id: chen.id });
  await callApi(page, 'contacts.update', {
    name: full.name,
    nativeName: full.nativeName,
    title: full.title,
    organisation: full.organisation,
    languages: full.languages,
    email: 'chen@example.com',
    id: chen.id,
    version: full.version,
  });

  await page.getByTestId('sample-banner').getByRole('link', { name: 'Quitar los datos de ejemplo' }).click();
  const section = page.locator('[data-section="sample"]');
  await section.getByRole('button', { name: 'Quitar los datos de ejemplo' }).click();
  // Asked first, in the app's own dialog; Cancel changes nothing.
  await expect(confirmDialog(page)).toContainText('¿Quitar los datos de ejemplo?');
  expect(serious(await axeViolations(page, '[role="alertdialog"]'))).toEqual([]);
  await confirmDialog(page).getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByTestId('sample-banner')).toBeVisible();
  await section.getByRole('button', { name: 'Quitar los datos de ejemplo' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Quitar los datos de ejemplo' }).click();
  await expect(section.getByRole('status')).toContainText(/Se quitaron \d+ registros del ejemplo\. Se conservó 1 que usted modificó o usa \(Contactos 1\)\./);
  await expect(section.locator('.form-message')).toHaveCount(0);
  await expect(page.getByTestId('sample-banner')).toHaveCount(0);

  await page.getByRole('link', { name: 'Contactos' }).click();
  await expect(page.locator('[data-contact-id]')).toHaveCount(2);
  await expect(page.locator(`[data-contact-id="${mine.id}"]`)).toContainText('Sofía Rodríguez');
  await page.getByRole('link', { name: 'Acuerdos' }).click();
  await expect(page.locator('[data-agreement-id]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('sample-banner')).toHaveCount(0);
});

test('Settings: each section saves on its own and says so as a status; the staff list is edited row by row; the own city is created in place; the backup folder is typed and checked in the browser', async ({
  app: page,
  server,
}, testInfo) => {
  await page.getByRole('button', { name: 'Más tarde' }).click();
  await page.getByRole('link', { name: 'Configuración' }).click();

  // Office: a new own city typed here, created with the save.
  const office = page.getByTestId('office-form');
  await office.getByLabel('Nombre de la oficina').fill('Prefeitura de Porto Alegre');
  await office.getByLabel('Nombre de la ciudad').fill('Porto Alegre');
  await office.getByLabel('País de la ciudad').selectOption('BR');
  await office.getByRole('button', { name: 'Guardar' }).click();
  await expect(office.getByRole('status')).toHaveText('Guardado');
  await expect(office.locator('.notice-ok')).toBeVisible();
  await expect(office.locator('.form-message')).toHaveCount(0);
  await expect(office.getByRole('combobox', { name: 'Localidad propia' })).toHaveValue('Porto Alegre');

  // Staff: add, rename, remove rows.
  const staffSection = page.locator('[data-section="staff"]');
  const staff = staffSection.getByTestId('staff');
  for (const [i, name] of ['Ana Torres', 'Luis Quispe', 'María Huamán'].entries()) {
    await staff.getByRole('button', { name: 'Añadir persona' }).click();
    await expect(staff.getByRole('textbox', { name: `Persona ${i + 1}` })).toBeFocused();
    await page.keyboard.type(name);
  }
  await staff.getByRole('textbox', { name: 'Persona 2' }).fill('Luis Quispe Mamani');
  await staff.getByRole('button', { name: 'Quitar a Ana Torres' }).click();
  await staffSection.getByRole('button', { name: 'Actualizar personal y recordatorios' }).click();
  await expect(staffSection.getByRole('status')).toHaveText('Guardado');
  expect((await callApi<{ staff: string[] }>(page, 'settings.get', {})).staff).toEqual(['Luis Quispe Mamani', 'María Huamán']);
  await expect(page.locator('textarea#staff')).toHaveCount(0);

  // Region: its own save.
  const region = page.getByTestId('region-form');
  await region.locator('#currency').selectOption('USD');
  await region.getByRole('button', { name: 'Guardar' }).click();
  await expect(region.getByRole('status')).toHaveText('Guardado');
  expect((await callApi<{ region: { currency: string } }>(page, 'settings.get', {})).region.currency).toBe('USD');

  // The backup folder: shown as a path; in the browser a typed path, refused beside the field when relative.
  const backups = page.locator('[data-section="backups"]');
  await expect(backups.getByTestId('backup-dir')).toHaveText(path.join(server.dir, 'backups'));
  await backups.getByRole('button', { name: 'Cambiar carpeta…' }).click();
  await backups.getByLabel('Ruta de la carpeta').fill('copias');
  await backups.getByRole('button', { name: 'Usar esta carpeta' }).click();
  await expect(backups.locator('#backupDir-error')).toBeVisible();
  await expect(backups.getByLabel('Ruta de la carpeta')).toHaveAttribute('aria-invalid', 'true');
  const chosen = path.join(server.dir, 'copias');
  fs.mkdirSync(chosen);
  await backups.getByLabel('Ruta de la carpeta').fill(chosen);
  await backups.getByRole('button', { name: 'Usar esta carpeta' }).click();
  await expect(backups.getByTestId('backup-dir')).toHaveText(chosen);
  await backups.getByRole('button', { name: 'Abrir' }).click();
  await expect(backups.getByRole('status')).toContainText(`Las copias están en ${chosen}`);
  await backups.getByRole('button', { name: 'Volver a la predeterminada' }).click();
  await expect(backups.getByTestId('backup-dir')).toHaveText(path.join(server.dir, 'backups'));

  await page.screenshot({ path: testInfo.outputPath('settings.png'), fullPage: true });
  expect(serious(await axeViolations(page))).toEqual([]);
});

test('the own city is searched, not listed: chosen among many places, or created from what was typed', async ({ app: page }, testInfo) => {
  type Found = { rows: { id: number }[] };
  for (let i = 1; i <= 25; i++) await callApi(page, 'localities.create', { name: `Ciudad ${String(i).padStart(2, '0')}`, country: 'AR', level: 'city' });
  const canoas = await callApi<{ id: number }>(page, 'localities.create', { name: 'Canoas', country: 'BR', level: 'city' });
  await page.getByRole('button', { name: 'Más tarde' }).click();
  await page.getByRole('link', { name: 'Configuración' }).click();
  const office = page.getByTestId('office-form');
  await office.getByLabel('Nombre de la oficina').fill('Prefeitura de Gramado');

  // A page of places at a time, with how many there are: the list is asked of the contract, not loaded whole.
  const city = office.getByRole('combobox', { name: 'Localidad propia' });
  await expect(city).toHaveValue('');
  await city.click();
  await expect(page.getByRole('option')).toHaveCount(20);
  await expect(page.locator('.record-picker-more')).toHaveText('Se muestran 20 de 26: siga escribiendo para acotar');
  await page.screenshot({ path: testInfo.outputPath('settings-own-city-picker.png') });
  expect(serious(await axeViolations(page, '.record-picker-popover'))).toEqual([]);

  // A city the file does not know: offered for creation with the name typed; the country is asked next.
  await city.fill('Gramado');
  await page.getByRole('option', { name: 'Nueva ciudad: «Gramado»' }).click();
  await expect(office.getByLabel('Nombre de la ciudad')).toHaveValue('Gramado');
  await expect(office.getByLabel('País de la ciudad')).toBeFocused();
  await office.getByLabel('País de la ciudad').selectOption('BR');
  await office.getByRole('button', { name: 'Guardar' }).click();
  await expect(office.getByRole('status')).toHaveText('Guardado');
  await expect(city).toHaveValue('Gramado');
  const gramado = (await callApi<Found>(page, 'search.pick', { kind: 'locality', query: 'gramado' })).rows[0]!.id;
  expect((await callApi<{ ownLocalityId: number }>(page, 'settings.get', {})).ownLocalityId).toBe(gramado);
  expect(serious(await axeViolations(page))).toEqual([]);

  // One it knows: found by typing, saved, kept across a reload.
  await pickRecord(city, 'cano', /Canoas/);
  await expect(office.getByTestId('new-city')).toHaveCount(0);
  await office.getByRole('button', { name: 'Guardar' }).click();
  await expect(office.getByRole('status')).toHaveText('Guardado');
  expect((await callApi<{ ownLocalityId: number }>(page, 'settings.get', {})).ownLocalityId).toBe(canoas.id);
  await page.reload();
  await expect(page.getByTestId('office-form').getByRole('combobox', { name: 'Localidad propia' })).toHaveValue('Canoas');
});
