import { localIsoDate } from '../../shared/dates.ts';
import { callApi, dateField, dmy, expect, pickRecord, test, timeField, typeInto } from './fixtures.ts';

test('log a trip with a new participant, agenda, outcomes and costs in two currencies; make a task; see it on Home; mark it done; reload', async ({
  app: page,
}) => {
  // Two people already known to the office, and its staff list.
  await callApi(page, 'contacts.create', { name: 'Carlos Mendoza Ríos', title: 'Alcalde' });
  await callApi(page, 'contacts.create', { name: 'Ana Torres', title: 'Jefa de Relaciones Internacionales' });
  // A Peruvian office: new cost rows start in soles, amounts are written 18,450.00.
  await callApi(page, 'settings.update', { staff: ['Ana Torres', 'Luis Quispe'], country: 'PE' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hoy' })).toBeVisible();
  await page.getByRole('link', { name: 'Registrar visita' }).click();

  await page.locator('#direction').selectOption('outbound');
  await page.locator('#status').selectOption('done');
  await typeInto(dateField(page, 'startsOn'), '12/04/2026');
  await typeInto(dateField(page, 'endsOn'), '18/04/2026');
  await page.locator('#purpose').fill('Firma del hermanamiento con Zhangzhou');

  const participants = page.getByTestId('participants');
  for (let i = 0; i < 3; i++) await participants.getByRole('button', { name: 'Añadir participante' }).click();
  const rows = participants.locator('.row-line');
  await pickRecord(rows.nth(0).getByRole('combobox', { name: 'Contacto' }), 'mendoza', 'Carlos Mendoza Ríos');
  await rows.nth(0).getByLabel('Función').selectOption('head_of_delegation');
  await pickRecord(rows.nth(1).getByRole('combobox', { name: 'Contacto' }), 'ana tor', 'Ana Torres');
  await rows.nth(1).getByLabel('Función').selectOption('staff');
  // Someone not yet known is created from what was typed.
  await pickRecord(rows.nth(2).getByRole('combobox', { name: 'Contacto' }), 'Lin Xiaoming', 'Nuevo contacto: «Lin Xiaoming»');
  await expect(rows.nth(2).getByLabel('Nombre', { exact: true })).toHaveValue('Lin Xiaoming');
  await rows.nth(2).getByLabel('Nombre en escritura original (王伟)').fill('林晓明');
  await rows.nth(2).getByLabel('Función').selectOption('host');

  const agenda = page.getByTestId('agenda');
  await agenda.getByRole('button', { name: 'Añadir punto de agenda' }).click();
  await typeInto(dateField(agenda, 'agenda-0-onDate'), '13/04/2026');
  await typeInto(timeField(agenda, 'agenda-0-atTime'), '10:00');
  await agenda.getByLabel('Qué').fill('Firma del acuerdo');
  await agenda.getByLabel('Con quién').fill('林晓明');

  const outcomes = page.getByTestId('outcomes');
  await outcomes.getByRole('button', { name: 'Añadir resultado' }).click();
  await outcomes.getByRole('button', { name: 'Añadir resultado' }).click();
  await outcomes.getByLabel('Lo acordado').nth(0).fill('Enviar la lista de los mejores alumnos para las becas');
  await outcomes.getByLabel('Lo acordado').nth(1).fill('Grupo de trabajo sobre el puerto');

  const costs = page.getByTestId('costs');
  await costs.getByRole('button', { name: 'Añadir gasto' }).click();
  await costs.getByRole('button', { name: 'Añadir gasto' }).click();
  await costs.getByRole('button', { name: 'Añadir gasto' }).click();
  const costRows = costs.locator('.row-line');
  await costRows.nth(0).getByLabel('Concepto').fill('Pasajes');
  await costRows.nth(0).getByLabel('Importe').fill('18,450.00');
  await costRows.nth(1).getByLabel('Concepto').fill('Viáticos');
  await costRows.nth(1).getByLabel('Importe').fill('1,549.50');
  await costRows.nth(2).getByLabel('Concepto').fill('Hotel');
  await costRows.nth(2).getByLabel('Importe').fill('9600');
  await costRows.nth(2).getByLabel('Moneda').fill('CNY');
  await costRows.nth(2).getByLabel('Pagado por').selectOption('partner');

  // A bad amount is refused next to its field, and nothing is saved.
  await costRows.nth(1).getByLabel('Importe').fill('mil');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(costRows.nth(1).getByRole('alert')).toHaveText(
    'Escriba el importe como 12,400.50: «,» para los miles (puede omitirlo) y «.» para los decimales.',
  );
  await expect(page).toHaveURL(/#\/visits\/new$/);
  await costRows.nth(1).getByLabel('Importe').fill('1,549.50');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page).toHaveURL(/#\/visits\/\d+$/);

  await expect(page.getByTestId('participants')).toContainText('林晓明');
  // The office's spending apart from the partner's, each currency apart.
  await expect(page.getByTestId('costs')).toContainText(/Total pagado por la oficina\s*PEN\s*19,999\.50/);
  await expect(page.getByTestId('costs')).toContainText(/Total pagado por la contraparte u otros\s*CNY\s*9,600\.00/);

  // One outcome becomes a task due today, in one step.
  const first = page.getByTestId('outcomes').locator('.outcome').first();
  await typeInto(first.locator('[data-date-field]'), dmy(localIsoDate(new Date())));
  await first.getByLabel('Responsable').selectOption('Ana Torres');
  await first.getByRole('button', { name: 'Crear tarea' }).click();
  await expect(first).toContainText('Tarea creada · Pendiente');
  await expect(page.getByTestId('visit-tasks')).toContainText('Enviar la lista de los mejores alumnos');

  await page.getByRole('link', { name: 'Inicio' }).click();
  const week = page.getByTestId('home-week');
  await expect(week).toContainText('Enviar la lista de los mejores alumnos');
  await week.getByRole('button', { name: 'Marcar como hecha' }).click();
  await expect(week).toContainText('Nada vence esta semana.');

  await page.reload();
  await expect(page.getByTestId('home-week')).toContainText('Nada vence esta semana.');
  await page.getByRole('link', { name: 'Tareas', exact: true }).first().click();
  await page.getByRole('tab', { name: 'Hechas' }).click();
  await expect(page.locator('.task-line')).toContainText('Enviar la lista de los mejores alumnos');
  await expect(page.locator('.task-line')).toContainText('Hecha');
  await page.getByRole('link', { name: 'Visitas' }).click();
  await page.locator('[data-visit-id]').first().click();
  await expect(page.getByTestId('participants')).toContainText('Carlos Mendoza Ríos');
  await expect(page.getByTestId('agenda')).toContainText('Firma del acuerdo');
  await expect(page.getByTestId('outcomes')).toContainText('Grupo de trabajo sobre el puerto');
  await expect(page.getByTestId('outcomes').locator('.outcome').first()).toContainText('Tarea creada · Hecha');
});
