import { Worker } from 'node:worker_threads';
import { present } from '../../../shared/narrow.ts';
import { isLongCall } from '../../../shared/contract/jobs.ts';
import type { DispatchOptions, Services } from '../services.ts';
import { logCall } from '../log/logger.ts';
import { connect, nodePort, type Endpoint, type HostRequests } from './protocol.ts';

/**
 * The worker's file beside the entry that runs: `electron/core/<dir>/main.ts` from source
 * (`npm run web`, `npm run cli`, tests), `out/main/<entry>.js` once built (Electron, the CLI's bin).
 */
export function jobWorkerUrl(entryUrl: string): URL {
  return entryUrl.endsWith('.ts') ? new URL('../jobs/worker.ts', entryUrl) : new URL('./worker.js', entryUrl);
}

/** The report the worker saved is the only one it may open again, so opening goes where saving went. */
const inWorker = (name: string) => isLongCall(name) || name === 'reports.open';

function workerEndpoint(url: URL, dbPath: string, log: (e: unknown) => void): Endpoint {
  const worker = new Worker(url, { workerData: { dbPath } });
  worker.on('error', log);
  return {
    ...nodePort(worker),
    onExit: (gone) => void worker.once('exit', gone),
    stop: async () => void (await worker.terminate()),
  };
}

/**
 * The same services, with the long jobs (imports, reports, exports, backups, restores) sent to a
 * worker thread so the thread that answers the screen keeps answering while one runs. Progress
 * and cancellation go through this process's job list, as for any other call.
 */
export function withJobWorker(services: Services, options: { workerUrl: URL; host?: Partial<HostRequests>; log?: (e: unknown) => void }): Services {
  const log = options.log ?? console.error;
  const client = connect(() => workerEndpoint(options.workerUrl, services.opened.path, log), { shared: true, host: options.host ?? {} });

  async function dispatch(name: string, input: unknown, { jobId, job, actor, address }: DispatchOptions = {}) {
    if (!inWorker(name)) return services.dispatch(name, input, { jobId, job, actor, address });
    const running = job ? null : services.jobs.start(jobId);
    const control = job ?? present(running, 'a job started when none was given').control;
    const started = performance.now();
    try {
      // A token backed by a flag shared with another thread is the worker's own, never a caller's here.
      const signal = control.signal instanceof AbortSignal ? control.signal : undefined;
      const result = await client.call(name, input, { signal, onProgress: control.onProgress, actor });
      // The worker keeps no log of its own (one writer per log file): its calls are logged here.
      if (services.logger) logCall(services.logger, name, input, result, performance.now() - started);
      return result;
    } finally {
      running?.finish();
    }
  }

  return {
    get opened() {
      return services.opened;
    },
    jobs: services.jobs,
    logger: services.logger,
    dispatch,
    call: (name, input) => dispatch(name, input) as never,
    async close() {
      await client.close();
      await services.close();
    },
  };
}
