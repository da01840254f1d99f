// The web server as `npm run web` runs it, in its own process, for jobs.bench.ts: with the job
// worker (`--mode worker`, as shipped) or every call in the serving thread (`--mode inline`, as
// before issue 15). It watches its own event loop and prints the lag when asked on stdin.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { jobWorkerUrl, withJobWorker } from '../../electron/core/jobs/with-worker.ts';
import { createServices } from '../../electron/core/services.ts';
import { startWebServer } from '../../electron/core/web/server.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, mode: { type: 'string', default: 'worker' }, renderer: { type: 'string' } } });
const opened = await createServices(values.db!);
const services =
  values.mode === 'worker' ? withJobWorker(opened, { workerUrl: jobWorkerUrl(new URL('../../electron/core/web/main.ts', import.meta.url).href) }) : opened;
const server = await startWebServer({ services, rendererDir: values.renderer! });
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
console.log(JSON.stringify({ port: server.port, token: server.token }));

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'reset') lag.reset();
  if (line === 'lag') {
    const ms = (ns: number) => ns / 1e6;
    console.log(JSON.stringify({ p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) }));
  }
  if (line === 'stop') {
    await server.close();
    await services.close();
    process.exit(0);
  }
});
