import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { tempDir } from '../support/temp-db.ts';
import { Worker } from 'node:worker_threads';
import { connectServicesProcess } from '../../electron/core/jobs/services-client.ts';
import { nodePort } from '../../electron/core/jobs/protocol.ts';

const bundle = path.resolve(import.meta.dirname, '../../out/main/services.js');
const utility = path.resolve(import.meta.dirname, '../../out/main/utility.js');
const worker = path.resolve(import.meta.dirname, '../../out/main/worker.js');

// Kysely's FileMigrationProvider would find no files once bundled; ours are
// imported, and this proves it on the built output (test/support/fresh-build.ts builds it when stale).
describe('the built main-process bundle', () => {
  it('migrates an empty file and answers calls', async () => {
    const { createServices } = (await import(pathToFileURL(bundle).href)) as typeof import('../../electron/core/services.ts');
    const services = await createServices(path.join(tempDir(), 'fresh.sqlite'));
    try {
      const info = await services.call('app.info', {});
      expect(info.ok && info.value.schemaVersion).toBe(migrations.at(-1)!.version);
      const list = await services.call('agreements.list', {});
      expect(list).toEqual({ ok: true, value: { total: 0, rows: [] } });
    } finally {
      await services.close();
    }
  });

  it('does not pull electron into the services bundle, the services process or the job worker', () => {
    for (const file of [bundle, utility, worker]) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  });

  // What Electron's utilityProcess runs, run here as a thread: it opens the file, answers, and
  // sends a long job on to the built job worker beside it.
  it('runs the built services process and its job worker', { timeout: 60_000 }, async () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const client = connectServicesProcess(
      () => {
        const thread = new Worker(utility);
        return { ...nodePort(thread), onExit: (gone) => void thread.once('exit', gone), stop: async () => void (await thread.terminate()) };
      },
      { dbFile: file },
      {},
    );
    try {
      const info = await client.typed('app.info', {});
      expect(info.ok && info.value.schemaVersion).toBe(migrations.at(-1)!.version);
      const seen: number[] = [];
      const exported = await client.call('export.file', { format: 'json' }, { onProgress: (done) => seen.push(done) });
      expect(exported).toMatchObject({ ok: true, value: { mimeType: 'application/json' } });
    } finally {
      await client.close();
    }
  });
});
