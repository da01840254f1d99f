import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createServices, type ServiceOptions, type Services } from '../../electron/core/services.ts';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Services over a real SQLite file in a temp folder. */
export async function openTestServices(options: ServiceOptions = {}): Promise<Services & { dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'office.sqlite');
  const services = await createServices(file, options);
  cleanups.push(() => services.close());
  return Object.assign(services, { dir, file });
}

/** Calls and insists on success, returning the value; a failure fails the test with its error. */
export async function ok<N extends CallName>(services: Services, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await services.call(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Row counts of every table, to prove a refused call wrote nothing. */
export function tableCounts(services: Services): Record<string, number> {
  const tables = services.opened.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (services.opened.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}
