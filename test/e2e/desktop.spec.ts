import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

test('the web mode serves the app icon as its favicon', async ({ app, server }) => {
  await expect(app.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.ico$/);
  const response = await app.request.get(new URL('/favicon.ico', server.url).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/x-icon');
  expect(Buffer.from(await response.body()).equals(fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/public/favicon.ico')))).toBe(true);
});

test('the title names the current screen, in the app language', async ({ app }) => {
  await expect(app).toHaveTitle('Inicio · Twinning Desk');
  await app.getByRole('link', { name: 'Visitas' }).click();
  await expect(app).toHaveTitle('Visitas · Twinning Desk');
  await app.getByRole('link', { name: 'Configuración' }).click();
  await expect(app).toHaveTitle('Configuración · Twinning Desk');
});

test('Settings in the browser: the data file is named, moving it is for the desktop app, and the log folder is shown', async ({ app, server }) => {
  await app.getByRole('link', { name: 'Configuración' }).click();
  await expect(app.getByTestId('db-path')).toHaveText(server.dbFile);
  await expect(app.getByText('El archivo de datos solo se mueve desde la aplicación de escritorio', { exact: false })).toBeVisible();
  await app.getByRole('button', { name: 'Abrir la carpeta de registros' }).click();
  await expect(app.getByText(path.join(server.dir, 'logs'), { exact: false })).toBeVisible();
  expect(fs.readFileSync(path.join(server.dir, 'logs', 'twinning-desk.log'), 'utf8')).toMatch(/start .*schemaVersion=/);
});
