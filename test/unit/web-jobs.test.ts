import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withJobWorker } from '../../electron/core/jobs/with-worker.ts';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/core/web/server.ts';
import { JOB_HEADER } from '../../electron/core/web/guard.ts';
import { localitiesXlsx } from '../support/sheets.ts';
import { openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';

const workerUrl = new URL('../../electron/core/jobs/worker.ts', import.meta.url);
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function start() {
  const inner = await openTestServices();
  const services = withJobWorker(inner, { workerUrl });
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const server: WebServer = await startWebServer({ services, rendererDir });
  stops.push(
    () => services.close(),
    () => server.close(),
  );
  const call = async (name: string, input: unknown, job?: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...(job ? { [JOB_HEADER]: job } : {}) },
      body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
  };
  return { inner, call };
}

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 5));
}

const sheet = async (rows: number) => ({ entity: 'localities', fileName: 'ciudades.xlsx', contentBase64: (await localitiesXlsx(rows)).toString('base64') });

describe('npm run web while a long job runs', { timeout: 60_000 }, () => {
  it('answers app.info between an import’s rows, long before the import answers', async () => {
    const { call } = await start();
    const events: string[] = [];
    const importing = call('import.commit', await sheet(1500), 'web-import-1').then((r) => {
      events.push('import');
      return r;
    });
    await until(async () => ((await call('jobs.progress', { id: 'web-import-1' })).value?.done as number) > 0);
    for (let i = 0; i < 5; i++) {
      const info = await call('app.info', {});
      expect(info.ok).toBe(true);
      events.push('info');
    }
    const progress = await call('jobs.progress', { id: 'web-import-1' });
    expect(progress.value).toMatchObject({ running: true, total: 1500 });
    expect(await importing).toMatchObject({ ok: true, value: { created: 1500 } });
    expect(events).toEqual(['info', 'info', 'info', 'info', 'info', 'import']);
  });

  it('cancels an import from another request; nothing of it is written', async () => {
    const { call, inner } = await start();
    const before = tableCounts(inner);
    const importing = call('import.commit', await sheet(2000), 'web-import-2');
    await until(async () => ((await call('jobs.progress', { id: 'web-import-2' })).value?.done as number) >= 100);
    expect(await call('jobs.cancel', { id: 'web-import-2' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await importing).toEqual({ ok: false, error: { kind: 'cancelled', message: 'jobs.cancelled' } });
    expect(tableCounts(inner)).toEqual(before);
  });

  it('ignores a job id that is not one (the call still runs, unwatched)', async () => {
    const { call } = await start();
    expect(await call('export.file', { format: 'json' }, '../../x')).toMatchObject({ ok: true });
  });
});
