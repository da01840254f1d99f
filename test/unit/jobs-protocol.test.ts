import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, CRASHED, nodePort, type Client, type Endpoint } from '../../electron/core/jobs/protocol.ts';

const script = new URL('../support/protocol-worker.ts', import.meta.url);
const clients: Client[] = [];
afterEach(async () => {
  while (clients.length) await clients.pop()!.close();
});

/** A client over real worker threads; `started` counts the workers it had to start. */
function client(host = {}) {
  const stats = { started: 0 };
  const made = connect(
    (): Endpoint => {
      stats.started++;
      const worker = new Worker(script);
      return { ...nodePort(worker), onExit: (gone) => void worker.once('exit', gone), stop: async () => void (await worker.terminate()) };
    },
    { shared: true, host },
  );
  clients.push(made);
  return Object.assign(made, { stats });
}

describe('the job protocol over a real worker', () => {
  it('answers calls, each with its own reply, however many are in flight', async () => {
    const c = client();
    const replies = await Promise.all([
      c.call('count', { n: 30 }),
      ...Array.from({ length: 40 }, (_, i) => c.call('echo', { value: { i, name: '北京 São Paulo' } })),
    ]);
    expect(replies[0]).toEqual({ ok: true, value: 30 });
    replies.slice(1).forEach((r, i) => expect(r).toEqual({ ok: true, value: { i, name: '北京 São Paulo' } }));
  });

  it('reports progress while a job that never yields runs, ending at the total', async () => {
    const c = client();
    const seen: [number, number][] = [];
    const result = await c.call('count', { n: 200, ms: 2 }, { onProgress: (done, total) => seen.push([done, total]) });
    expect(result).toEqual({ ok: true, value: 200 });
    // Throttled, but more than once, in order, and the last one is the total.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual([200, 200]);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('cancels a job in the middle of a loop that never gives its thread back', async () => {
    const c = client();
    const controller = new AbortController();
    let last = 0;
    const result = await c.call(
      'count',
      { n: 100_000, ms: 1 },
      {
        signal: controller.signal,
        onProgress: (done) => {
          last = done;
          if (done >= 20) controller.abort();
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', message: 'jobs.cancelled' } });
    expect(last).toBeLessThan(100_000);
    // The worker is still there and answers the next call.
    expect(await c.call('echo', { value: 1 })).toEqual({ ok: true, value: 1 });
    expect(c.stats.started).toBe(1);
  });

  it('does not start a call whose signal is already aborted', async () => {
    const c = client();
    expect(await c.call('count', { n: 10 }, { signal: AbortSignal.abort() })).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(c.stats.started).toBe(0);
  });

  it('turns a worker that died into a clear error for every call in flight, and starts a new one for the next call', async () => {
    const c = client();
    const dying = c.call('count', { n: 1000, ms: 1, crashAt: 50 });
    const queued = c.call('echo', { value: 'behind it' });
    expect(await dying).toEqual(CRASHED);
    expect(await queued).toEqual(CRASHED);
    expect(await c.call('echo', { value: 'again' })).toEqual({ ok: true, value: 'again' });
    expect(c.stats.started).toBe(2);
  });

  it('asks the caller for what only the host can do, and carries the answer back', async () => {
    const asked: [string, number[]][] = [];
    const c = client({
      saveFile: async (name: string, bytes: Uint8Array) => {
        asked.push([name, [...bytes]]);
        return '/docs/informe.docx';
      },
    });
    expect(await c.call('save', {})).toEqual({ ok: true, value: '/docs/informe.docx' });
    expect(asked).toEqual([['informe.docx', [1, 2, 3]]]);
  });

  it('turns a host that has no answer into the call failing, not hanging', async () => {
    const c = client();
    expect(await c.call('save', {})).toEqual({ ok: false, error: { kind: 'internal', message: 'errors.internal' } });
  });
});
