import { callApi, confirmDialog, expect, test } from './fixtures.ts';

test('delete a visit with its participants and agenda, then undo from the bar: it is back, whole', async ({ app: page }, testInfo) => {
  const visit = await callApi<{ id: number }>(page, 'visits.create', {
    direction: 'inbound',
    status: 'done',
    startsOn: '2026-05-20',
    endsOn: '2026-05-22',
    purpose: 'Delegación de Zhangzhou 漳州市代表团',
    participants: [{ newContact: { name: 'Lin Xiaoming', nativeName: '林晓明' }, role: 'head_of_delegation' }],
    agenda: [{ onDate: '2026-05-21', atTime: '10:00', what: 'Visita al puerto', withWhom: '林晓明' }],
  });
  const visitId = visit.id;
  await page.goto(page.url().replace(/#.*$/, `#/visits/${visitId}`));
  await expect(page.getByRole('heading', { name: 'Delegación de Zhangzhou 漳州市代表团' })).toBeVisible();
  await page.getByRole('button', { name: 'Eliminar' }).click();
  await page.screenshot({ path: testInfo.outputPath('confirm-delete-visit.png') });
  await confirmDialog(page).getByRole('button', { name: 'Eliminar visita' }).click();

  await expect(page).toHaveURL(/#\/visits$/);
  const bar = page.getByTestId('undo-bar');
  await expect(bar).toContainText('Visita «Delegación de Zhangzhou 漳州市代表团» eliminada.');
  await expect(page.getByText('Delegación de Zhangzhou 漳州市代表团')).toHaveCount(1); // only in the bar
  await page.screenshot({ path: testInfo.outputPath('undo-offer.png') });
  await bar.getByRole('button', { name: 'Deshacer' }).click();
  await expect(bar).toContainText('Listo: se deshizo el último cambio.');
  await page.getByRole('cell', { name: 'Delegación de Zhangzhou 漳州市代表团' }).click();
  await expect(page.getByTestId('participants')).toContainText('林晓明');
  await expect(page.getByText('Visita al puerto')).toBeVisible();

  // A second undo of the same deletion is refused in words, not silently.
  await page.reload();
  const again = await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('twinning-token')!;
    const res = await fetch('/api/undo.apply', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twinning-token': token },
      body: JSON.stringify({ call: 'visits.delete', id }),
    });
    return (await res.json()) as { ok: boolean; error?: { message: string } };
  }, visitId);
  expect(again).toEqual({ ok: false, error: { kind: 'conflict', message: 'undo.errors.gone' } });
});
