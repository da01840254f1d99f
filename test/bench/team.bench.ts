// `npm run bench team`: ten members of staff on the office server at once, over loopback HTTPS,
// for TEAM_SECONDS (default 60): lists, searches, record edits (several on the same records, so the
// version check refuses some), new tasks, a report every few seconds and one import. Prints
// throughput, p50/p99 per call and the refusals by version, then proves no acknowledged write was
// lost: every edit and task the server said it saved is in the file, and integrity_check is ok.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { createServices } from '../../electron/core/services.ts';
import type { Result } from '../../shared/contract/result.ts';

const SECONDS = Number(process.env.TEAM_SECONDS ?? 60);
const STAFF = 10;
const PASSWORD = 'banco de pruebas 2026';
const root = path.resolve(import.meta.dirname, '../..');

type Sample = { name: string; ms: number };

function client(port: number, fingerprint: string) {
  // One kept-alive connection pool per person, pinned to the fingerprint the server printed.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 2, rejectUnauthorized: false });
  let cookie = '';
  let csrf = '';
  const raw = (method: string, pathname: string, body?: string, type = 'application/json') =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: pathname,
          method,
          agent,
          headers: {
            host: `127.0.0.1:${port}`,
            ...(body !== undefined ? { 'content-type': type } : {}),
            ...(cookie ? { cookie } : {}),
            ...(csrf ? { 'x-twinning-csrf': csrf } : {}),
          },
        },
        (res) => {
          const seen = (res.socket as import('node:tls').TLSSocket).getPeerCertificate?.()?.fingerprint256;
          if (seen && seen !== fingerprint) reject(new Error(`fingerprint changed: ${seen}`));
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  return {
    async signIn(login: string) {
      const res = await raw('POST', '/login', new URLSearchParams({ login, password: PASSWORD }).toString(), 'application/x-www-form-urlencoded');
      cookie = String(res.headers['set-cookie']).split(';')[0]!;
      csrf = (JSON.parse((await raw('GET', '/session')).body) as { csrf: string }).csrf;
    },
    async call<T>(name: string, input: unknown): Promise<Result<T>> {
      return JSON.parse((await raw('POST', `/api/${name}`, JSON.stringify(input))).body) as Result<T>;
    },
    close: () => agent.destroy(),
  };
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-team-bench-'));
  const db = path.join(dir, 'office.sqlite');
  const setup = await createServices(db);
  await setup.call('sample.load', {});
  const logins = Array.from({ length: STAFF }, (_, i) => `staff${i}`);
  for (const [i, login] of logins.entries()) {
    const r = await setup.call('users.create', {
      login,
      name: `Persona ${i} 员工`,
      role: i === 0 ? 'admin' : i === STAFF - 1 ? 'reader' : 'editor',
      password: PASSWORD,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const contacts = await setup.call('contacts.list', { limit: 1000 });
  if (!contacts.ok) throw new Error('no contacts');
  // A few records everyone edits (conflicts on purpose), and many that few do.
  const contactIds = contacts.value.rows.map((c) => c.id);
  const hot = contactIds.slice(0, 3);
  await setup.close();

  const server = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'electron/core/office/main.ts', '--db', db, '--listen', '127.0.0.1:0', '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const { port, fingerprint } = JSON.parse(
    await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout! }).once('line', resolve)),
  ) as { port: number; fingerprint: string };

  const samples: Sample[] = [];
  const refusedByVersion: Record<string, number> = {};
  const otherFailures: Record<string, number> = {};
  /** Every edit the server acknowledged, in the order it answered: contact id → the notes it holds. */
  const acknowledged = new Map<number, string[]>();
  const createdTasks: string[] = [];
  let importResult: unknown = null;
  const end = Date.now() + SECONDS * 1000;

  const timed = async <T>(c: ReturnType<typeof client>, name: string, input: unknown) => {
    const start = performance.now();
    const result = await c.call<T>(name, input);
    samples.push({ name, ms: performance.now() - start });
    if (!result.ok) {
      const message = 'message' in result.error ? result.error.message.split('|')[0]! : result.error.kind;
      if (message.startsWith('errors.stale')) refusedByVersion[name] = (refusedByVersion[name] ?? 0) + 1;
      else otherFailures[`${name}: ${message}`] = (otherFailures[`${name}: ${message}`] ?? 0) + 1;
    }
    return result;
  };

  async function person(i: number) {
    const c = client(port, fingerprint);
    await c.signIn(logins[i]!);
    const reader = i === STAFF - 1;
    let n = 0;
    // Each person makes a report every 30 s, staggered: one every 3 s for the office.
    let nextReport = Date.now() + 2000 + i * 3000;
    while (Date.now() < end) {
      n++;
      const roll = Math.random();
      if (i === 0 && importResult === null && Date.now() > end - SECONDS * 500) {
        const csv = `Nombre,Organización,Correo\n${Array.from({ length: 200 }, (_, k) => `Invitado ${k} 客人,Municipio ${k % 7},invitado${k}@example.org`).join('\n')}\n`;
        const r = await timed(c, 'import.commit', { entity: 'contacts', fileName: 'invitados.csv', contentBase64: Buffer.from(csv).toString('base64') });
        importResult = r.ok ? r.value : r.error;
      } else if (Date.now() > nextReport) {
        nextReport = Date.now() + 30_000;
        await timed(c, 'reports.generate', { report: { kind: 'annual', year: 2025, language: 'es' } });
      } else if (roll < 0.35 || reader) {
        await timed(c, pick(['agreements.list', 'visits.list', 'tasks.list', 'contacts.list', 'commitments.list', 'home.summary']), {});
      } else if (roll < 0.55) {
        await timed(c, pick(['agreements.list', 'contacts.list', 'visits.list']), { search: pick(['zh', 'Guang', '漳州', 'beca', 'Wang']) });
      } else if (roll < 0.9) {
        const id = Math.random() < 0.5 ? pick(hot) : pick(contactIds);
        const got = await timed<Record<string, unknown> & { version: number }>(c, 'contacts.get', { id });
        if (!got.ok) continue;
        const note = `staff${i} #${n}`;
        const { id: _id, version, name, nativeName, title, organisation, localityId, languages, email, phone } = got.value as never as Record<string, unknown>;
        // A moment of "typing" between opening the form and saving it: when others save meanwhile, the version refuses this one.
        await new Promise((r) => setTimeout(r, Math.random() * 30));
        const saved = await timed(c, 'contacts.update', {
          id,
          version,
          name,
          nativeName,
          title,
          organisation,
          localityId,
          languages,
          email,
          phone,
          notes: note,
        });
        if (saved.ok) acknowledged.set(id, [...(acknowledged.get(id) ?? []), note]);
      } else {
        const title = `Tarea de staff${i} #${n} 任务`;
        const made = await timed(c, 'tasks.create', { title, dueOn: '2026-06-01', assignee: null, priority: 'normal' });
        if (made.ok) createdTasks.push(title);
      }
    }
    c.close();
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: STAFF }, (_, i) => person(i)));
  const seconds = (performance.now() - started) / 1000;
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await stopped;

  // Every acknowledged write is in the file: each contact holds the last note the server acknowledged for it,
  // every acknowledged note has its audit row, every acknowledged task exists.
  const file = new Database(db, { readonly: true });
  let lost = 0;
  for (const [id, notes] of acknowledged) {
    const stored = file.prepare('SELECT notes FROM contacts WHERE id = ?').pluck().get(id);
    if (stored !== notes.at(-1)) lost++;
    const audited = new Set(
      file
        .prepare("SELECT json_extract(after_json, '$.notes') FROM audit_log WHERE entity = 'contact' AND entity_id = ? AND action = 'update'")
        .pluck()
        .all(id),
    );
    lost += notes.filter((n) => !audited.has(n)).length;
  }
  const tasks = new Set(file.prepare('SELECT title FROM tasks').pluck().all());
  lost += createdTasks.filter((t) => !tasks.has(t)).length;
  const integrity = file.pragma('integrity_check', { simple: true });
  file.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const byCall = new Map<string, number[]>();
  for (const s of samples) byCall.set(s.name, [...(byCall.get(s.name) ?? []), s.ms]);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(`${STAFF} staff, ${seconds.toFixed(0)} s over loopback HTTPS: ${samples.length} calls, ${(samples.length / seconds).toFixed(1)} calls/s`);
  console.log('call                    n      p50 ms   p99 ms');
  for (const [name, xs] of [...byCall].sort((a, b) => b[1].length - a[1].length)) {
    xs.sort((a, b) => a - b);
    console.log(`${name.padEnd(22)} ${String(xs.length).padStart(5)} ${q(xs, 0.5).toFixed(1).padStart(8)} ${q(xs, 0.99).toFixed(1).padStart(8)}`);
  }
  const edits = [...acknowledged.values()].reduce((a, n) => a + n.length, 0);
  console.log(`refused by version: ${JSON.stringify(refusedByVersion)} · acknowledged edits ${edits}, tasks ${createdTasks.length}`);
  console.log(`other failures: ${JSON.stringify(otherFailures)}`);
  console.log(`import once: ${JSON.stringify(importResult)}`);
  console.log(`lost writes: ${lost} · integrity_check: ${integrity}`);
  if (lost > 0 || integrity !== 'ok') process.exitCode = 1;
}
