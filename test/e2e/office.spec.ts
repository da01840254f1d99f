import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

const NODE = [process.execPath, '--experimental-strip-types', '--disable-warning=ExperimentalWarning'] as const;
const PASSWORD = 'pájaro azul 1234';
const SHOTS = '/work/helpers/shots/team';

/** `users add`, the password piped in on standard input as an admin would. */
function addUser(db: string, login: string, name: string, role: string) {
  const run = spawnSync(
    NODE[0],
    [...NODE.slice(1), 'electron/core/cli/main.ts', 'users', 'add', '--db', db, '--login', login, '--name', name, '--role', role],
    { input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
}

async function startOffice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-office-'));
  const db = path.join(dir, 'office.sqlite');
  spawnSync(NODE[0], [...NODE.slice(1), 'electron/core/cli/main.ts', 'demo', '--db', db]);
  addUser(db, 'ana', 'Ana Torres', 'admin');
  addUser(db, 'wang', 'Wang Wei 王伟', 'editor');
  addUser(db, 'lucia', 'Lucía Pérez', 'reader');
  const child = spawn(NODE[0], [...NODE.slice(1), 'electron/core/office/main.ts', '--db', db, '--listen', '127.0.0.1:0', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`office server exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number; fingerprint: string };
  return {
    ...info,
    db,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(hard);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function signIn(browser: Browser, url: string, login: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'es-419' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Usuario').fill(login);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  return page;
}

test.describe('the office server, two people at once', () => {
  test('login page in Spanish; a wrong password, a reader’s write and a forged or foreign request are refused and audited', async ({ browser }) => {
    const office = await startOffice();
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(office.url);
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
      await page.getByLabel('Usuario').fill('wang');
      await page.getByLabel('Contraseña').fill('no es la clave');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos.');
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/login-es.png` });

      const lucia = await signIn(browser, office.url, 'lucia');
      await expect(lucia.getByText('Lucía Pérez · Lector')).toBeVisible();
      // A reader's write, as the page would send it: refused by the services, with the reason.
      const refused = await lucia.evaluate(async () => {
        const session = (await (await fetch('/session')).json()) as { csrf: string };
        const call = (csrf: string, origin?: string) =>
          fetch('/api/localities.create', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-twinning-csrf': csrf, ...(origin ? { origin } : {}) },
            body: JSON.stringify({ name: 'Hackeada', nativeName: null, country: 'CN', level: 'city', parentId: null }),
          }).then(async (r) => [r.status, ((await r.json()) as { error: { message: string } }).error.message]);
        return { role: await call(session.csrf), forged: await call('forged-token') };
      });
      expect(refused.role).toEqual([200, 'access.errors.needs_editor']);
      expect(refused.forged).toEqual([403, 'session.errors.csrf']);
      // Another site posting with the reader's cookie: the browser names its Origin, the server refuses.
      const foreign = await lucia.request.post(`${office.url}api/localities.create`, {
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'x-twinning-csrf': 'x' },
        data: {},
        ignoreHTTPSErrors: true,
      });
      expect(foreign.status()).toBe(403);
      await context.close();
      await lucia.context().close();
    } finally {
      await office.stop();
    }
  });

  test('an admin disables a colleague in Settings → Users: the colleague’s open session ends at the next click, and the login says why', async ({
    browser,
  }) => {
    const office = await startOffice();
    try {
      const ana = await signIn(browser, office.url, 'ana');
      const lucia = await signIn(browser, office.url, 'lucia');
      await ana.goto(`${office.url}#/settings`);
      const row = ana.getByRole('row', { name: /Lucía Pérez/ });
      await row.getByRole('button', { name: 'Desactivar' }).click();
      await ana.getByRole('alertdialog').getByRole('button', { name: 'Desactivar' }).click();
      await expect(ana.getByText('Cuenta de Lucía Pérez desactivada.')).toBeVisible();
      await expect(row.getByRole('cell', { name: 'Desactivado' })).toBeVisible();
      await lucia.getByRole('link', { name: 'Visitas' }).click();
      await expect(lucia).toHaveURL(/\/login\?why=disabled$/);
      await expect(lucia.getByRole('alert')).toContainText('desactivada');
      await lucia.getByLabel('Usuario').fill('lucia');
      await lucia.getByLabel('Contraseña').fill(PASSWORD);
      await lucia.getByRole('button', { name: 'Entrar' }).click();
      await expect(lucia.getByRole('alert')).toContainText('desactivada');
      await ana.context().close();
      await lucia.context().close();
    } finally {
      await office.stop();
    }
  });

  test('two editors change the same agreement: the second save is refused naming who changed it, and offers to reload', async ({ browser }) => {
    const office = await startOffice();
    try {
      const ana = await signIn(browser, office.url, 'ana');
      const wang = await signIn(browser, office.url, 'wang');
      // Both open the same agreement's form before either saves.
      for (const page of [ana, wang]) {
        await page.goto(`${office.url}#/agreements/1/edit`);
        await expect(page.locator('#notes')).toBeVisible();
      }
      await ana.locator('#notes').fill('Nota de Ana');
      await ana.getByRole('button', { name: 'Guardar' }).click();
      await expect(ana).not.toHaveURL(/edit$/);
      await wang.locator('#notes').fill('Nota de Wang');
      await wang.getByRole('button', { name: 'Guardar' }).click();
      const alert = wang.getByRole('alert');
      await expect(alert).toContainText('Ana Torres');
      await expect(wang.getByRole('button', { name: 'Recargar' })).toBeVisible();
      await alert.scrollIntoViewIfNeeded();
      expect((await new AxeBuilder({ page: wang }).include('.form-message').analyze()).violations).toEqual([]);
      await wang.screenshot({ path: `${SHOTS}/refused-edit-es.png` });

      // The admin's screen: Settings → Users.
      await ana.goto(`${office.url}#/settings`);
      await expect(ana.getByRole('heading', { name: 'Usuarios' })).toBeVisible();
      await ana.getByRole('heading', { name: 'Usuarios' }).scrollIntoViewIfNeeded();
      expect((await new AxeBuilder({ page: ana }).include('[data-section="users"]').analyze()).violations).toEqual([]);
      await ana.screenshot({ path: `${SHOTS}/users-es.png` });
      // The reload offered to Wang shows Ana's note.
      await wang.getByRole('button', { name: 'Recargar' }).click();
      await expect(wang.locator('#notes')).toHaveValue('Nota de Ana');
      await ana.context().close();
      await wang.context().close();
    } finally {
      await office.stop();
    }
  });
});
