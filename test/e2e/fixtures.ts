import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect as expectIn, test as base, type Locator, type Page } from '@playwright/test';

type Server = { url: string; dbFile: string; dir: string };

/** Node running our TypeScript entry points as they are, as `npm run web` and the CLI do. */
export const NODE_ARGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'] as const;

/**
 * Runs one of our servers' entry points (`electron/core/web/main.ts`, `electron/core/office/main.ts`)
 * with `--json`, and answers the line it prints once it listens, parsed, with a `stop` that ends it
 * (SIGTERM; SIGKILL after 8 s, so teardown never eats the test's time if it hangs on a connection)
 * and removes `dir`, the test's folder.
 */
export async function spawnServer<Info extends { url: string }>(
  entry: string,
  args: readonly string[],
  dir: string,
): Promise<Info & { stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, entry, ...args, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return {
    ...(JSON.parse(line) as Info),
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

/** Starts `npm run web`'s entry point on a fresh database for one test. */
export async function startServer(opts: { demo?: boolean } = {}): Promise<Server & { stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-e2e-'));
  const dbFile = path.join(dir, 'office.sqlite');
  const server = await spawnServer<{ url: string }>('electron/core/web/main.ts', ['--db', dbFile, '--port', '0', ...(opts.demo ? ['--demo'] : [])], dir);
  return { ...server, dbFile, dir };
}

export const test = base.extend<{ server: Server; demoServer: Server; app: Page; demoApp: Page }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  demoServer: async ({}, use) => {
    const server = await startServer({ demo: true });
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await use(page);
  },
  demoApp: async ({ page, demoServer }, use) => {
    await page.goto(demoServer.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';

/** One of the app's date fields, by the id its form gives it. */
export const dateField = (scope: Page | Locator, id: string) => scope.locator(`[data-date-field="${id}"]`);
export const timeField = (scope: Page | Locator, id: string) => scope.locator(`[data-time-field="${id}"]`);

/**
 * Types into a date or time field the way a clerk does: click its first part
 * and type the digits as the screen shows them ('15/03/2027', '10:30');
 * React Aria moves from part to part by itself. Tab leaves the field, which
 * is when an impossible date is judged.
 */
export async function typeInto(field: Locator, shown: string) {
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(shown.replace(/\D/g, ''));
  await field.page().keyboard.press('Tab');
}

/** Chooses in one of the app's searchable pickers as a user does: types part of a name, clicks the record in the list. */
export async function pickRecord(combo: Locator, typed: string, option: string | RegExp) {
  await combo.fill(typed);
  // The list shows the last query's rows until this one answers (aria-busy).
  await expectIn(combo.page().locator('[role="listbox"][aria-busy="true"]')).toHaveCount(0);
  await combo.page().getByRole('option', { name: option }).click();
}

/** Opens a picker's list and gives the options it offers, once the contract has answered (the list is not busy). */
export async function offeredOptions(combo: Locator): Promise<string[]> {
  const page = combo.page();
  await combo.click();
  await expectIn(page.getByRole('listbox')).toBeVisible();
  await expectIn(page.locator('[role="listbox"][aria-busy="true"]')).toHaveCount(0);
  return page.getByRole('option').allTextContents();
}

/** A stored 'YYYY-MM-DD' as the Spanish/Portuguese screen writes it. */
export const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Calls the contract from the page, as the screens do over `npm run web`: setting up records a test then looks at. */
export async function callApi<T = unknown>(page: Page, name: string, body: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([n, b]) => {
      const token = sessionStorage.getItem('twinning-token') ?? '';
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twinning-token': token },
        body: JSON.stringify(b),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [name, body] as const,
  );
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Axe's WCAG A/AA rules over what is on screen (or one part of it); the violations, for the test to expect none. */
export async function axeViolations(page: Page, include?: string) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Chooses a file through one of the app's file buttons, as a user does: click it, pick in the OS's chooser. */
export async function chooseFile(button: Locator, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) {
  const [chooser] = await Promise.all([button.page().waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(files);
}

/** The app's confirmation dialog (never the browser's confirm()). */
export const confirmDialog = (page: Page) => page.getByRole('alertdialog');
