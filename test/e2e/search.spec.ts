import Database from 'better-sqlite3';
import { generateContacts } from '../bench/generate.ts';
import { axeViolations, callApi, dateField, expect, pickRecord, test, typeInto } from './fixtures.ts';

const serious = (violations: { impact?: string | null }[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');

test('a visit’s participant is picked from 20,000 contacts by typing; its partner brings its agreement in force', async ({ app: page, server }) => {
  const sqlite = new Database(server.dbFile);
  generateContacts(sqlite, 20_000);
  sqlite.close();
  const wang = await callApi<{ id: number }>(page, 'contacts.create', { name: 'Zhou Xiaoyu', nativeName: '周晓雨', organisation: '厦门市外事办公室' });
  const xiamen = await callApi<{ id: number }>(page, 'localities.create', { name: 'Xiamen', nativeName: '厦门市', country: 'CN', level: 'city' });
  await callApi(page, 'agreements.create', {
    partnerId: xiamen.id,
    kind: 'twinning',
    stage: 'signed',
    stageDate: '2019-05-10',
    signedOn: '2019-05-10',
    channel: 'bilateral',
    areaIds: [],
  });

  await page.goto(page.url().replace(/#.*$/, '#/visits/new'));
  await typeInto(dateField(page, 'startsOn'), '12/04/2026');
  await typeInto(dateField(page, 'endsOn'), '18/04/2026');
  // The partner, typed in pinyin; its agreement in force that day is linked at once.
  await pickRecord(page.getByRole('combobox', { name: 'A dónde fuimos' }), 'xiamen', /Xiamen/);
  await expect(page.locator('[data-record-multi-picker="agreementIds"] .record-chip')).toHaveText([/Xiamen.*Hermanamiento/]);

  await page.getByRole('button', { name: 'Añadir participante' }).click();
  const contact = page.getByTestId('participants').getByRole('combobox', { name: 'Contacto' });
  await contact.click();
  // The list shows a page, and says how many there are.
  await expect(page.getByText(/Se muestran 20 de 20[.,\s\u00a0\u202f]?001/)).toBeVisible();
  // While open, React Aria hides the rest of the page from screen readers: the list is what is scanned.
  expect(serious(await axeViolations(page, '.record-picker-popover'))).toEqual([]);
  // Characters or pinyin find the one person among twenty thousand.
  await pickRecord(contact, 'xiaoyu', /Zhou Xiaoyu/);
  await expect(contact).toHaveValue('Zhou Xiaoyu 周晓雨');

  expect(serious(await axeViolations(page))).toEqual([]);
  await page.locator('#purpose').fill('Misión a Xiamen');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page).toHaveURL(/#\/visits\/\d+$/);
  const visitId = Number(/visits\/(\d+)/.exec(page.url())![1]);
  const visit = await callApi<{ participants: { contactId: number }[]; agreementIds: number[]; localityId: number }>(page, 'visits.get', { id: visitId });
  expect(visit.participants.map((p) => p.contactId)).toEqual([wang.id]);
  expect(visit.localityId).toBe(xiamen.id);
  expect(visit.agreementIds).toHaveLength(1);
});

test('the forms that pick records pass axe, with a picker open and after a refused save', async ({ demoApp: page }) => {
  const base = page.url().replace(/#.*$/, '');
  for (const [route, combo] of [
    ['#/agreements/new', 'Localidad socia'],
    ['#/commitments/new', 'Acuerdo'],
  ] as const) {
    await page.goto(base + route);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    expect(serious(await axeViolations(page, 'form')), route).toEqual([]);
    await page.getByRole('combobox', { name: combo }).click();
    await expect(page.locator('.record-picker-popover').getByRole('option').first()).toBeVisible();
    expect(serious(await axeViolations(page, '.record-picker-popover')), `${route} list`).toEqual([]);
    await page.keyboard.press('Escape');
  }
  // A partner not yet known is created from what was typed in the picker.
  await page.goto(`${base}#/agreements/new`);
  await pickRecord(page.getByRole('combobox', { name: 'Localidad socia' }), 'Chéngdū', 'Nueva localidad socia: «Chéngdū»');
  const partnerDialog = page.getByRole('dialog', { name: 'Nueva localidad socia' });
  await expect(partnerDialog.getByLabel('Nombre', { exact: true })).toHaveValue('Chéngdū');
  await partnerDialog.getByLabel('Nombre en escritura original').fill('成都市');
  await partnerDialog.getByLabel('País').selectOption('CN');
  await partnerDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('#partnerId')).toHaveValue('Chéngdū 成都市');

  // A task's record: its kind, then the record itself, searched by typing; its assignee from the staff list, typed without accents.
  await callApi(page, 'settings.update', { staff: ['Ana Torres', 'Luis Quispe', 'Sofía Núñez'] });
  // Written behind the screen's back: a reload shows it (reads are cached for a few seconds).
  await page.reload();
  await page.goto(`${base}#/tasks?new=1`);
  await pickRecord(page.locator('#task-new-assignee'), 'nunez', 'Sofía Núñez');
  await page.getByLabel('Tipo de registro').selectOption('visit');
  await pickRecord(page.locator('#task-new-link'), 'shanghai', /Shanghai/);
  expect(serious(await axeViolations(page, 'form'))).toEqual([]);
});
