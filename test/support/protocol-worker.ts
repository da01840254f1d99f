// A worker speaking the real protocol with a few calls that exercise it: echo, a counted loop
// that never yields (as an import's row loop over synchronous SQLite), a host request, a crash.
import { parentPort } from 'node:worker_threads';
import { CANCELLED } from '../../electron/core/app/job.ts';
import { nodePort, serve } from '../../electron/core/jobs/protocol.ts';

const host = serve(nodePort(parentPort!), async (name, input, job) => {
  const args = input as { n?: number; ms?: number; value?: unknown; crashAt?: number };
  if (name === 'echo') return { ok: true, value: args.value };
  if (name === 'count') {
    const n = args.n ?? 100;
    for (let i = 0; i < n; i++) {
      if (job.signal.aborted) return { ok: false, error: CANCELLED.error };
      const until = performance.now() + (args.ms ?? 1);
      while (performance.now() < until);
      job.onProgress(i + 1, n);
      // A worker that dies mid-job (out of memory, a native crash): the thread ends, no reply is sent.
      if (i + 1 === args.crashAt) process.exit(3);
    }
    return { ok: true, value: n };
  }
  if (name === 'save') return { ok: true, value: await host.saveFile('informe.docx', new Uint8Array([1, 2, 3])) };
  return { ok: false, error: { kind: 'internal', message: 'errors.unknown_call' } };
});
