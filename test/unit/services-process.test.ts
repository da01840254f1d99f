import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { splitMessage, type Result } from '../../shared/contract/result.ts';
import { connectServicesProcess, openFailureMessage } from '../../electron/core/jobs/services-client.ts';
import { CRASHED, nodePort, type Client, type Endpoint, type HostRequests } from '../../electron/core/jobs/protocol.ts';
import { createServices } from '../../electron/core/services.ts';
import { shanghaiFields } from '../support/factories.ts';
import { localitiesXlsx } from '../support/sheets.ts';
import { ok, tempDir } from '../support/temp-db.ts';

// Electron cannot run here: the services process's entry runs as a worker thread instead, over the
// same protocol Electron's utilityProcess carries (its parentPort delivers the same messages).
const ENTRY = new URL('../../electron/core/jobs/utility.ts', import.meta.url);

const clients: Client[] = [];
afterEach(async () => {
  while (clients.length) await clients.pop()!.close();
});

function spawnEntry(entry: URL, workers: Worker[] = []) {
  return (): Endpoint => {
    const worker = new Worker(entry);
    workers.push(worker);
    return { ...nodePort(worker), onExit: (gone) => void worker.once('exit', gone), stop: async () => void (await worker.terminate()) };
  };
}

function servicesProcess(entry: URL, file: string, host: Partial<HostRequests> = {}, recover = false) {
  const workers: Worker[] = [];
  const client = connectServicesProcess(spawnEntry(entry, workers), { dbFile: file }, host, recover);
  clients.push(client);
  return Object.assign(client, { workers });
}

const value = <T>(r: Result<unknown>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

describe('the services process (Electron utilityProcess entry, run as a thread here)', { timeout: 60_000 }, () => {
  it('opens the file it is told, answers calls, and runs a long job in its own worker with progress by job id', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const p = servicesProcess(ENTRY, file);
    expect(value<{ dbPath: string }>(await p.call('app.info', {})).dbPath).toBe(file);
    const sheet = { entity: 'localities', fileName: 'ciudades.xlsx', contentBase64: (await localitiesXlsx(800)).toString('base64') };
    const events: string[] = [];
    const importing = p.call('import.commit', sheet, { jobId: 'desk-import-1' }).then((r) => (events.push('import'), r));
    for (;;) {
      const progress = value<{ running: boolean; done: number }>(await p.call('jobs.progress', { id: 'desk-import-1' }));
      if (progress.running && progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    events.push('progress');
    expect(value<{ created: number }>(await importing).created).toBe(800);
    expect(events).toEqual(['progress', 'import']);
  });

  it('asks the main process for the save dialog from the job worker, two hops away', async () => {
    const dir = tempDir();
    const saved: string[] = [];
    const host = {
      saveFile: async (name: string, bytes: Uint8Array) => {
        const target = path.join(dir, name);
        fs.writeFileSync(target, bytes);
        saved.push(target);
        return target;
      },
      openPath: async () => '',
    };
    const p = servicesProcess(ENTRY, path.join(dir, 'office.sqlite'), host);
    const request = { report: { kind: 'annual', year: 2025, language: 'pt' }, target: 'save' };
    const file = value<{ delivered: string; path: string }>(await p.call('reports.generate', request));
    expect(file.delivered).toBe('saved');
    expect(saved).toEqual([file.path]);
    // Opening goes where saving went: only a file saved in this run may be opened.
    expect(await p.call('reports.open', { path: file.path })).toEqual({ ok: true, value: { opened: true } });
    expect(await p.call('reports.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('restarts after a crash and opens the same file again', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const p = servicesProcess(ENTRY, file);
    value(await p.call('localities.create', { ...shanghaiFields }));
    await p.workers[0]!.terminate();
    // The call in flight when it died, or the next, is told; the one after runs in a new process.
    let result = await p.call('localities.list', {});
    if (!result.ok) expect(result).toEqual(CRASHED);
    result = result.ok ? result : await p.call('localities.list', {});
    expect(value<unknown[]>(result)).toHaveLength(1);
    expect(p.workers.length).toBe(2);
  });

  it('answers every call with why a damaged file cannot be opened and which backup would restore it; restores it when asked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    for (let i = 0; i < 300; i++) await ok(services, 'localities.create', { ...shanghaiFields, name: `Ciudad ${i}` });
    const copy = await ok(services, 'backups.now', {});
    await services.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    fs.closeSync(fd);

    const refused = await servicesProcess(ENTRY, file).call('app.info', {});
    expect(refused.ok).toBe(false);
    const { key, params } = splitMessage(openFailureMessage(refused) ?? '');
    expect(key).toBe('open.damaged');
    expect(params.backup).toBe(path.join(dir, 'backups', copy.name));

    const restored = servicesProcess(ENTRY, file, {}, true);
    expect(value<unknown[]>(await restored.call('localities.list', { limit: 10000 }))).toHaveLength(300);
  });
});
