import { chooseFile, confirmDialog, dateField, expect, test, typeInto } from './fixtures.ts';

test('six scholarships received from Shanghai: two deliveries with beneficiaries, a file, progress and status survive a reload', async ({ demoApp: page }) => {
  // A long walk through the UI; the machine running the suite may be busy with other builds.
  test.setTimeout(120_000);
  // Home is the start screen; the agreements list is one click away.
  await page.getByRole('link', { name: 'Acuerdos' }).click();
  await page.locator('[data-agreement-id]').filter({ hasText: 'Shanghai' }).click();
  const section = page.getByTestId('agreement-commitments');
  await section.getByRole('link', { name: 'Nuevo compromiso' }).click();
  await expect(page.locator('#agreementId')).toHaveValue(/Shanghai/);

  // A bad amount is refused beside its field, in Spanish, and nothing is saved.
  await page.locator('#description').fill('6 becas para el campamento de verano de Shanghai');
  await page.locator('#quantity').fill('6');
  await page.locator('#unit').fill('becas');
  await typeInto(dateField(page, 'dueOn'), '31/07/2030');
  // The office is Lima's: the currency starts in soles, and amounts are written 12,400.50.
  await expect(page.locator('#currency')).toHaveValue('PEN');
  await page.locator('#value').fill('1.2.3');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('[data-field="value"]').getByRole('alert')).toHaveText(
    'Escriba el importe como 12,400.50: «,» para los miles (puede omitirlo) y «.» para los decimales.',
  );
  // No value: the currency offered is not half a value, so it saves.
  await page.locator('#value').fill('');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page).toHaveURL(/#\/commitments\/\d+$/);
  await expect(page.getByTestId('commitment-progress')).toHaveText('0 de 6 becas');
  await expect(page.locator('.subtitle .status')).toHaveText('Prometido');

  // First delivery: two children, one with a Chinese name.
  await page.getByRole('button', { name: 'Registrar entrega' }).click();
  await page.locator('#deliveryQuantity').fill('2');
  await page.getByRole('button', { name: 'Añadir beneficiario' }).click();
  await page.locator('#b0-name').fill('Ana Lucía Flores Ñaupari');
  await page.locator('#b0-school').fill('I.E. N.º 1049 Juana Alarco de Dammert');
  await page.locator('#b0-tutor').fill('Rosa Huamán');
  await page.getByRole('button', { name: 'Añadir beneficiario' }).click();
  await page.locator('#b1-name').fill('Li Na');
  await page.locator('#b1-nativeName').fill('李娜');
  await page.locator('#b1-destination').fill('上海');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('commitment-progress')).toHaveText('2 de 6 becas');

  // Second delivery: one more.
  await page.getByRole('button', { name: 'Registrar entrega' }).click();
  await page.locator('#deliveryQuantity').fill('1');
  await page.getByRole('button', { name: 'Añadir beneficiario' }).click();
  await page.locator('#b0-name').fill('Mateo Quispe');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('commitment-progress')).toHaveText('3 de 6 becas');
  await expect(page.locator('.subtitle .status')).toHaveText('Entregado en parte');
  await expect(page.getByTestId('delivery')).toHaveCount(2);

  // The signed receipt, attached to the commitment.
  const files = page.getByTestId(/^attachments-commitment-/);
  await chooseFile(files.getByRole('button', { name: 'Adjuntar archivo' }), {
    name: 'acta de entrega 收据.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 acta'),
  });
  await expect(files.getByText('acta de entrega 收据.pdf')).toBeVisible();
  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Descargar' }).click();
  expect((await download).suggestedFilename()).toBe('acta de entrega 收据.pdf');

  await page.reload();
  await expect(page.getByTestId('commitment-progress')).toHaveText('3 de 6 becas');
  await expect(page.locator('.subtitle .status')).toHaveText('Entregado en parte');
  await expect(page.getByText('李娜')).toBeVisible();
  await expect(page.getByText('Ana Lucía Flores Ñaupari')).toBeVisible();
  await expect(page.getByTestId(/^attachments-commitment-/).getByText('acta de entrega 收据.pdf')).toBeVisible();

  // The agreement shows it with its bar, and the open-commitments view lists it.
  await page.getByRole('link', { name: /Hermanamiento con Shanghai/ }).click();
  await expect(page.getByTestId('agreement-commitments').locator('li').filter({ hasText: '6 becas para el campamento' })).toContainText('3 de 6 becas');
  await page.getByRole('link', { name: 'Compromisos', exact: true }).click();
  await expect(page.locator('[data-commitment-id]').filter({ hasText: '6 becas para el campamento' })).toContainText('Entregado en parte');
});

test('an over-delivery is asked about, then recorded; a file too large is refused with a clear message', async ({ demoApp: page }) => {
  test.setTimeout(120_000);
  await page.getByRole('link', { name: 'Compromisos', exact: true }).click();
  await page.locator('[data-commitment-id]').filter({ hasText: 'Seis becas' }).click();
  await expect(page.getByTestId('commitment-progress')).toHaveText('3 de 6 becas');
  await page.getByRole('button', { name: 'Registrar entrega' }).click();
  await page.locator('#deliveryQuantity').fill('4');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(confirmDialog(page)).toContainText('ya se entregaron 3 de 6');
  await page.keyboard.press('Escape');
  await expect(confirmDialog(page)).toHaveCount(0);
  await expect(page.locator('.delivery-form').getByRole('alert')).toContainText('supera lo prometido');
  await expect(page.getByTestId('commitment-progress')).toHaveText('3 de 6 becas');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Registrar la entrega igualmente' }).click();
  await expect(page.getByTestId('commitment-progress')).toHaveText('7 de 6 becas');
  await expect(page.locator('.subtitle .status')).toHaveText('Entregado');
  await expect(page.getByText('Por encima de lo prometido (confirmado)')).toBeVisible();

  const files = page.getByTestId(/^attachments-commitment-/);
  await chooseFile(files.getByRole('button', { name: 'Adjuntar archivo' }), {
    name: 'video.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
  });
  await expect(files.getByRole('alert')).toHaveText(/supera el máximo de 10 MB/);
});
