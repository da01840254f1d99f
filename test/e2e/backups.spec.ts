import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

// Settings → Backups runs its copy and its restore as the app's actions do (useAction): a line in the
// success style says what was done, and a refused one says why as an alert, never both at once.

test('a copy made now is said and listed; a restore asks first, then says where the previous data went; a copy gone from disk is refused as not found', async ({
  demoApp: page,
  demoServer,
}) => {
  await page.getByRole('link', { name: 'Configuración' }).click();
  const panel = page.getByTestId('backups');
  await panel.getByRole('button', { name: 'Copiar ahora' }).click();
  // (The backup folder's own status line is in the panel too, so the line is found by what it says.)
  await expect(panel.getByRole('status').filter({ hasText: 'Copia de seguridad escrita.' })).toBeVisible();
  const list = page.getByTestId('backup-list');
  await expect(list.getByRole('row').filter({ hasText: 'Manual' })).toHaveCount(1);

  const manual = list.getByRole('row').filter({ hasText: 'Manual' });
  await manual.getByRole('button', { name: 'Restaurar…' }).click();
  await expect(list).toContainText('¿Reemplazar los datos actuales por esta copia?');
  await list.getByRole('button', { name: 'Restaurar', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Datos restaurados desde la copia del' })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // The copy the list still shows is taken away behind the app's back: the restore is refused, saying so.
  const shown = list.getByRole('row').filter({ hasText: 'Manual' }).first();
  const folder = path.join(demoServer.dir, 'backups');
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { force: true });
  await shown.getByRole('button', { name: 'Restaurar…' }).click();
  await list.getByRole('button', { name: 'Restaurar', exact: true }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'No se encontró el registro.' })).toBeVisible();
  await expect(panel.getByText('Datos restaurados')).toHaveCount(0);
});
