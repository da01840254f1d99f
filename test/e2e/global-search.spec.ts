import { axeViolations, callApi, expect, test } from './fixtures.ts';

const serious = (violations: { impact?: string | null }[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');

test('Ctrl+K, type "xiamen", open 厦门市’s page: found by pinyin in every kind, opened from the keyboard, offered again as recently opened; shortcuts listed in Help', async ({
  app: page,
}) => {
  const xiamen = await callApi<{ id: number }>(page, 'localities.create', { name: '厦门市', country: 'CN', level: 'city' });
  const twinning = await callApi<{ id: number }>(page, 'agreements.create', {
    partnerId: xiamen.id,
    kind: 'twinning',
    stage: 'signed',
    stageDate: '2019-05-10',
    signedOn: '2019-05-10',
    channel: 'bilateral',
    areaIds: [],
  });
  await callApi(page, 'contacts.create', { name: 'Chen Jing', nativeName: '陈静', organisation: '厦门大学' });
  await callApi(page, 'tasks.create', { title: 'Enviar fotos a Xiàmén', priority: 'normal' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Buscar' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('xiamen');
  const results = dialog.getByRole('listbox', { name: 'Resultados' });
  await expect(results.getByRole('group', { name: 'Socios y localidades' }).getByRole('option')).toHaveText([/厦门市/]);
  await expect(results.getByRole('group', { name: 'Personas' }).getByRole('option')).toHaveText([/Chen Jing.*厦门大学/]);
  await expect(results.getByRole('group', { name: 'Tareas' }).getByRole('option')).toHaveText([/Enviar fotos a Xiàmén/]);
  expect(serious(await axeViolations(page, '.search-modal'))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('global-search.png') });

  await expect(results.getByRole('group', { name: 'Acuerdos' }).getByRole('option')).toHaveText([/厦门市.*Hermanamiento.*vigente/]);
  // The first result is marked: Enter opens 厦门市's page.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/localities/${xiamen.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('厦门市');

  // Again: the arrow moves to the agreement, Enter opens it.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('xiamen');
  await expect(results.getByRole('option').first()).toHaveText(/厦门市/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/agreements/${twinning.id}$`));

  // Opened lately, newest first, offered before anything is typed.
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('group', { name: 'Abiertos hace poco' }).getByRole('option')).toHaveText([/厦门市.*Acuerdo/, /厦门市.*Localidad/]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The header's box opens the same dialog; a query nothing matches says so.
  await page.getByRole('button', { name: /Buscar en todo/ }).click();
  await page.keyboard.type('zzzz');
  await expect(dialog.getByText('Nada encontrado para «zzzz»')).toBeVisible();
  // One Escape closes it, text or not.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Shortcuts: Alt+Shift+V logs a visit, F1 lists them all.
  await page.keyboard.press('Alt+Shift+KeyV');
  await expect(page).toHaveURL(/#\/visits\/new$/);
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Atajos de teclado' });
  await expect(help.getByRole('row')).toContainText([
    /Teclas/,
    /Ctrl\+K.*Buscar en todo/,
    /Alt\+Mayús\+V.*Registrar una visita/,
    /Alt\+Mayús\+T.*Nueva tarea/,
    /F1.*Mostrar esta ayuda/,
  ]);
  expect(serious(await axeViolations(page, '.help-modal'))).toEqual([]);
  await help.getByRole('button', { name: 'Cerrar' }).click();
  await page.keyboard.press('Alt+Shift+KeyT');
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(page.getByLabel('Qué hay que hacer')).toBeVisible();
});
