import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../electron/core/services.ts';
import { TOKEN_HEADER } from '../../electron/core/web/server.ts';
import { localitiesXlsx } from '../support/sheets.ts';
import { generateAgreements } from './generate.ts';
import { generateActivity } from './generate-activity.ts';
import { ms } from './stats.ts';

// Issue 15: while a 10,000-row XLSX import and then a large annual report run on `npm run web`,
// another client calls app.info every 10 ms. Printed: the latency of those calls and the event-loop
// lag of the serving process, with the jobs in the serving thread (as before issue 15) and in the
// job worker (as shipped). Aim: p99 < 50 ms.

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVE = path.join(here, 'serve.ts');
const RENDERER = path.resolve(here, '../../out/renderer');

type Server = { port: number; token: string; send(line: string): void; next(): Promise<string>; done: Promise<void> };

function startServer(db: string, mode: 'inline' | 'worker'): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', SERVE, '--db', db, '--mode', mode, '--renderer', RENDERER],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
  const next = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiting.push(resolve)));
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return next().then((first) => ({
    ...(JSON.parse(first) as { port: number; token: string }),
    send: (line: string) => child.stdin.write(`${line}\n`),
    next,
    done,
  }));
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function scenario(mode: 'inline' | 'worker', db: string, sheetBase64: string) {
  const server = await startServer(db, mode);
  // A new connection per call: a reused one that sat idle while the server was blocked can be
  // closed under the client (keep-alive timeout), which is not what is measured here.
  const call = (name: string, input: unknown) =>
    new Promise<{ ok: boolean; error?: unknown }>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/${name}`,
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; error?: unknown }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await call('app.info', {});
  server.send('reset');

  // One client, as a screen polling: a call every 10 ms, the next once the last has answered.
  const latencies: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await new Promise((r) => setTimeout(r, 10));
      const started = performance.now();
      await call('app.info', {});
      latencies.push(performance.now() - started);
    }
  })();

  const t0 = performance.now();
  const imported = await call('import.commit', { entity: 'localities', fileName: 'ciudades.xlsx', contentBase64: sheetBase64 });
  const t1 = performance.now();
  const report = await call('reports.generate', { report: { kind: 'annual', year: 2020, language: 'es' }, target: 'download' });
  const t2 = performance.now();
  polling = false;
  await poller;
  if (!imported.ok || !report.ok) throw new Error(`a job failed: ${JSON.stringify(imported.ok ? report.error : imported.error)}`);

  server.send('lag');
  const lag = JSON.parse(await server.next()) as { p50: number; p99: number; max: number };
  server.send('stop');
  await server.done;

  const sorted = [...latencies].sort((a, b) => a - b);
  const label = mode === 'inline' ? 'jobs in the serving thread (before)' : 'jobs in the worker thread (now)';
  console.log(`  ${label}`);
  console.log(`    import 10,000 rows ${ms(t1 - t0)}, annual report ${ms(t2 - t1)}`);
  console.log(
    `    app.info every 10 ms: ${sorted.length} calls over ${ms(t2 - t0)}, p50 ${ms(percentile(sorted, 0.5))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? NaN)}`,
  );
  console.log(`    serving process event-loop lag: p50 ${ms(lag.p50)}, p99 ${ms(lag.p99)}, max ${ms(lag.max)}`);
}

export async function run() {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('run `npm run build` first (npm run bench does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-jobs-'));
  try {
    const base = path.join(dir, 'office.sqlite');
    const services = await createServices(base);
    generateAgreements(services.opened.sqlite, 300, 500);
    generateActivity(services.opened.sqlite, { visits: 5000, tasks: 20000, commitments: 10000, fromYear: 2016, toYear: 2025 });
    services.opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await services.close();
    const sheet = (await localitiesXlsx(10_000)).toString('base64');
    for (const mode of ['inline', 'worker'] as const) {
      const db = path.join(dir, `${mode}.sqlite`);
      fs.copyFileSync(base, db);
      await scenario(mode, db, sheet);
    }
    console.log(`  aim: app.info p99 < ${ms(50)} while the jobs run`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
