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
