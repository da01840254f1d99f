// A property-based fuzzer of the whole contract through the real web bridge: the
// `npm run web` process on a sample database, every call with generated and
// mutated inputs over loopback HTTP. It holds three properties: no answer is a
// 5xx, the process never exits, and a refused call changes nothing in the
// database (a content hash of every table, compared whenever SQLite reports a
// commit since the last look). Used by `npm test` (bounded) and `npm run soak`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { contract, type CallName } from '../../shared/contract/index.ts';
import { inputFor } from './schema-arbitrary.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Calls that take long (a Word report, a spreadsheet, a copy of the file): fewer cases, the same properties. */
const HEAVY: ReadonlySet<string> = new Set([
  'reports.generate',
  'reports.preview',
  'export.file',
  'backups.now',
  'backups.restore',
  'sample.load',
  'import.commit',
  'calendar.exportIcs',
]);

export type FuzzFigures = {
  calls: number;
  cases: number;
  accepted: number;
  refused: number;
  /** Accepted calls after which SQLite reported a commit (the detector works when this is above 0). */
  committed: number;
  /** Refusals after which SQLite reported a commit, so the whole content hash was compared. */
  hashed: number;
  statuses: Record<string, number>;
  /** The call that got the fewest cases (a time budget can cut a call short on a loaded machine). */
  fewest: { call: string; cases: number };
  ms: number;
};

export type FuzzOptions = {
  seed: number;
  runs: number;
  heavyRuns: number;
  /** A time budget per call: cases stop there even if `runs` is not reached (the suite must stay quick under load). */
  msPerCall?: number;
  log?: (line: string) => void;
};

export type WebProcess = { child: ChildProcess; port: number; token: string; file: string; dir: string; exited: () => string | null; stop(): Promise<void> };

/** `npm run web`'s entry on a fresh sample database, on loopback, in its own temp folder. */
export async function startWebProcess(file?: string): Promise<WebProcess> {
  const dir = file ? path.dirname(file) : fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-fuzz-'));
  const db = file ?? path.join(dir, 'office.sqlite');
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      path.join(root, 'electron/core/web/main.ts'),
      '--db',
      db,
      '--port',
      '0',
      '--json',
      '--demo',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = `exited with ${code ?? signal}; stderr: ${stderr}`));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => reject(new Error(exit ?? 'exited')));
  });
  const { port, token } = JSON.parse(line) as { port: number; token: string };
  return {
    child,
    port,
    token,
    file: db,
    dir,
    exited: () => exit,
    async stop() {
      if (exit === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const hard = setTimeout(() => child.kill('SIGKILL'), 8000);
        await gone;
        clearTimeout(hard);
      }
    },
  };
}

/** Every row of every table, hashed: what "nothing changed" means. */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
    // Every column in the sort, so the order is the same whatever the table's key.
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    for (const row of sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).raw(true).iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
    }
  }
  return hash.digest('hex');
}

export async function post(port: number, token: string, name: string, body: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twinning-token': token },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A backups folder is a real path on this machine: keep every generated one inside the fuzz folder. */
function confine(name: string, input: unknown, dir: string): unknown {
  if (name !== 'backups.setFolder' || input === null || typeof input !== 'object' || !('dir' in input)) return input;
  const given = input.dir;
  if (typeof given !== 'string' || given.trim() === '') return input;
  return { ...input, dir: path.join(dir, 'folders', given.replace(/\.\.|[/\\:]/g, '_').replace(/\0/g, '')) };
}

export async function fuzzContract(options: FuzzOptions): Promise<FuzzFigures> {
  const started = Date.now();
  const web = await startWebProcess();
  const reader = new Database(web.file, { readonly: true });
  const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;
  const figures: FuzzFigures = {
    calls: 0,
    cases: 0,
    accepted: 0,
    refused: 0,
    committed: 0,
    hashed: 0,
    statuses: {},
    fewest: { call: '', cases: Infinity },
    ms: 0,
  };
  let baseline = contentHash(reader);
  let seen = dataVersion();
  try {
    for (const name of Object.keys(contract) as CallName[]) {
      figures.calls++;
      const numRuns = HEAVY.has(name) ? options.heavyRuns : options.runs;
      const callStarted = Date.now();
      const casesBefore = figures.cases;
      await fc.assert(
        fc.asyncProperty(inputFor(contract[name].input), async (generated) => {
          // Over the call's time budget (and past its first case), the remaining runs only generate.
          if (options.msPerCall && figures.cases > casesBefore && Date.now() - callStarted > options.msPerCall) return;
          const input = confine(name, generated, web.dir);
          const body = input === undefined ? '' : JSON.stringify(input);
          const { status, text } = await post(web.port, web.token, name, body);
          figures.cases++;
          figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
          if (web.exited()) throw new Error(`the server process ${web.exited()}`);
          if (status >= 500) throw new Error(`${status}: ${text.slice(0, 300)}`);
          const result = JSON.parse(text) as { ok: boolean };
          const now = dataVersion();
          if (result.ok) {
            figures.accepted++;
            if (now !== seen) {
              figures.committed++;
              baseline = contentHash(reader);
            }
          } else {
            figures.refused++;
            if (now !== seen) {
              figures.hashed++;
              const after = contentHash(reader);
              if (after !== baseline) throw new Error(`a refused call changed the database: ${text.slice(0, 300)}`);
            }
          }
          seen = now;
        }),
        { seed: options.seed, numRuns, endOnFailure: true },
      );
      const cases = figures.cases - casesBefore;
      if (cases < figures.fewest.cases) figures.fewest = { call: name, cases };
      options.log?.(`${name}: ${cases} cases, ${Date.now() - callStarted} ms`);
    }
    if (web.exited()) throw new Error(`the server process ${web.exited()}`);
  } finally {
    reader.close();
    await web.stop();
    fs.rmSync(web.dir, { recursive: true, force: true });
  }
  figures.ms = Date.now() - started;
  return figures;
}
