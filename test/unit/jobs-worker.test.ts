import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract/result.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { withJobWorker } from '../../electron/core/jobs/with-worker.ts';
import type { Services } from '../../electron/core/services.ts';
import { localitiesXlsx } from '../support/sheets.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

const workerUrl = new URL('../../electron/core/jobs/worker.ts', import.meta.url);

async function workerServices(host = {}) {
  const inner = await openTestServices();
  // openTestServices closes `inner` after the test; the worker is stopped here first.
  const services = withJobWorker(inner, { workerUrl, host });
  return Object.assign(services, { dir: inner.dir, file: inner.file, close: services.close });
}

/** Waits, by polling as the screen does, until the job reports at least `least` done. */
async function progressReaches(services: Services, id: string, least: number): Promise<JobProgress> {
  for (;;) {
    const p = await ok(services, 'jobs.progress', { id });
    if (p.running && p.done >= least) return p;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sheet = async (rows: number) => ({
  entity: 'localities' as const,
  fileName: 'ciudades.xlsx',
  contentBase64: (await localitiesXlsx(rows)).toString('base64'),
});

// A worker starts and an XLSX is built per test: slower than a unit test on a shared machine.
describe('long jobs in a worker thread', { timeout: 60_000 }, () => {
  it('imports in the worker while this thread keeps answering, with progress by rows', async () => {
    const services = await workerServices();
    try {
      const events: string[] = [];
      const job = services.dispatch('import.commit', await sheet(1500), { jobId: 'import-0001' }).then((r) => {
        events.push('import answered');
        return r;
      });
      const seen = await progressReaches(services, 'import-0001', 1);
      expect(seen.total).toBe(1500);
      // While the import runs, a quick call is answered: before the import, not after it.
      const info = await ok(services, 'app.info', {});
      events.push('info answered');
      expect(info.schemaVersion).toBeGreaterThan(0);
      const result = (await job) as Result<{ created: number }>;
      expect(result.ok && result.value.created).toBe(1500);
      expect(events).toEqual(['info answered', 'import answered']);
      // Written by the worker's own connection, read by this one.
      expect(await ok(services, 'localities.list', { limit: 1 })).toMatchObject({ length: 1 });
      expect(await ok(services, 'jobs.progress', { id: 'import-0001' })).toEqual({ running: false, done: 0, total: 0 });
    } finally {
      await services.close();
    }
  });

  it('cancels an import part-way through and leaves the database exactly as it was', async () => {
    const services = await workerServices();
    try {
      await ok(services, 'localities.create', { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: null });
      const before = tableCounts(services);
      const job = services.dispatch('import.commit', await sheet(2000), { jobId: 'import-0002' });
      const seen = await progressReaches(services, 'import-0002', 200);
      expect(await ok(services, 'jobs.cancel', { id: 'import-0002' })).toEqual({ cancelled: true });
      expect(await job).toEqual({ ok: false, error: { kind: 'cancelled', message: 'jobs.cancelled' } });
      expect(seen.done).toBeLessThan(2000);
      expect(tableCounts(services)).toEqual(before);
      // The worker goes on: the same import, not cancelled, goes through.
      const again = (await services.dispatch('import.commit', await sheet(50))) as Result<{ created: number }>;
      expect(again.ok && again.value.created).toBe(50);
    } finally {
      await services.close();
    }
  });

  it('cancels a report before it reaches the save dialog: no file is written', async () => {
    const saved: string[] = [];
    const services = await workerServices({
      saveFile: async (name: string, bytes: Uint8Array) => {
        const file = path.join(services.dir, name);
        fs.writeFileSync(file, bytes);
        saved.push(file);
        return file;
      },
    });
    try {
      const request = { report: { kind: 'annual' as const, year: 2025, language: 'es' as const }, target: 'save' as const };
      const job = services.dispatch('reports.generate', request, { jobId: 'report-0001' });
      await ok(services, 'jobs.cancel', { id: 'report-0001' });
      expect(await job).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
      expect(saved).toEqual([]);
      // Not cancelled, the worker asks this side's host to save, and the file is there.
      const done = await services.dispatch('reports.generate', request);
      expect(done).toMatchObject({ ok: true, value: { delivered: 'saved' } });
      expect(saved).toHaveLength(1);
      expect(fs.statSync(saved[0]!).size).toBeGreaterThan(1000);
    } finally {
      await services.close();
    }
  });

  it('cancels a backup: no copy is left in the backups folder', async () => {
    const services = await workerServices();
    try {
      await ok(services, 'sample.load', {});
      const before = (await ok(services, 'backups.list', {})).entries.length;
      const job = services.dispatch('backups.now', {}, { jobId: 'backup-0001' });
      await ok(services, 'jobs.cancel', { id: 'backup-0001' });
      expect(await job).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
      const status = await ok(services, 'backups.list', {});
      expect(status.entries.length).toBe(before);
      expect(fs.readdirSync(status.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      await services.close();
    }
  });
});
