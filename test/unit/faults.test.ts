import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestGoodBackup, recoverFromBackup } from '../../electron/core/backup/recover.ts';
import { DatabaseOpenError } from '../../electron/core/db/open.ts';
import { createServices } from '../../electron/core/services.ts';
import { partnerWithAgreement, shanghaiFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts, tempDir } from '../support/temp-db.ts';

const WRITER = path.resolve(import.meta.dirname, '../support/crash-writer.ts');

/**
 * Starts the writer, lets it report `afterCommits` committed writes, then kills it with SIGKILL wherever it
 * is (most often inside its next transaction); returns the ids it reported. Bounded by events, not time, so
 * a loaded machine changes only how long it takes, never what is tested.
 */
function writeThenKill(file: string, tag: string, afterCommits: number, pauseMs = 0): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', WRITER, file, tag, String(pauseMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: number[] = [];
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      ids.push(Number(line));
      if (ids.length === afterCommits) child.kill('SIGKILL');
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      else resolve(ids);
    });
  });
}

/** A small seeded generator (mulberry32): the same seed kills at the same moments. `FAULTS_SEED` replays a run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FAULTS_SEED ?? 20261204);

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a crash loses nothing that was committed', () => {
  it(`SIGKILL at 20 seeded moments (seed ${SEED}): the file stays intact and every reported write is there`, { timeout: 300_000 }, async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    await (await createServices(file)).close();
    const random = seeded(SEED);
    const reported: number[] = [];
    for (let round = 0; round < 20; round++) {
      const ids = await writeThenKill(file, `round ${round}`, 1 + Math.floor(random() * 12));
      reported.push(...ids);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(db.prepare('SELECT id FROM localities').pluck().all() as number[]);
        expect(reported.filter((id) => !present.has(id))).toEqual([]);
        // Every committed record has its audit row: written together or not at all.
        const audited = db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'locality'").pluck().get();
        expect(audited).toBe(present.size);
      } finally {
        db.close();
      }
    }
    expect(reported.length).toBeGreaterThanOrEqual(20);
  });
});

describe('a second process on the same file', () => {
  // The desktop app holds a single-instance lock; the CLI and `npm run web` work
  // alongside it (WAL): reads never wait, a write waits its turn (up to 5 s), and
  // an edit made from a stale screen is refused by the record's version.
  it('two processes writing at once both progress; every committed write is there exactly once', { timeout: 120_000 }, async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    await (await createServices(file)).close();
    const [a, b] = await Promise.all([writeThenKill(file, 'A', 8, 10), writeThenKill(file, 'B', 8, 10)]);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(b.length).toBeGreaterThanOrEqual(8);
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = db.prepare('SELECT name FROM localities').pluck().all() as string[];
      expect(names.filter((n) => n.startsWith('A ')).length).toBeGreaterThanOrEqual(a.length);
      expect(names.filter((n) => n.startsWith('B ')).length).toBeGreaterThanOrEqual(b.length);
      const present = new Set(db.prepare('SELECT id FROM localities').pluck().all() as number[]);
      expect([...a, ...b].filter((id) => !present.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it(
    'while another process holds a long write: reads go on, a write says the file is busy and writes nothing, then succeeds',
    { timeout: 60_000 },
    async () => {
      const app = await openTestServices();
      const { agreement } = await partnerWithAgreement(app);
      const cli = await createServices(app.file);
      try {
        app.opened.sqlite.prepare('BEGIN IMMEDIATE').run();
        app.opened.sqlite.prepare("UPDATE localities SET name = 'half-done' WHERE id = 1").run();
        expect((await ok(cli, 'agreements.get', { id: agreement.id })).partner.name).toBe('Shanghai');
        const before = tableCounts(cli);
        const busy = await cli.call('localities.create', { ...shanghaiFields, name: 'Hangzhou', nativeName: '杭州市' });
        expect(!busy.ok && busy.error).toEqual({ kind: 'conflict', message: 'errors.busy' });
        app.opened.sqlite.prepare('ROLLBACK').run();
        expect(tableCounts(cli)).toEqual(before);
        await ok(cli, 'localities.create', { ...shanghaiFields, name: 'Hangzhou', nativeName: '杭州市' });

        // The app's screen still shows the agreement as it was before the other process edited it.
        const seen = await ok(app, 'agreements.get', { id: agreement.id });
        await ok(cli, 'agreements.update', { ...seen, notes: 'Editado desde la línea de comandos' });
        const stale = await app.call('agreements.update', { ...seen, notes: 'Editado en la pantalla' });
        expect(!stale.ok && stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) });
        expect((await ok(app, 'agreements.get', { id: agreement.id })).notes).toBe('Editado desde la línea de comandos');
      } finally {
        await cli.close();
      }
    },
  );
});

describe('a read-only file or a full disk', () => {
  it('read-only: a clear message, reads go on, nothing half-written', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services);
    const before = tableCounts(services);
    // Injected: SQLite refuses every write, as with a file on a read-only share.
    services.opened.sqlite.pragma('query_only = ON');
    const refused = await services.call('localities.create', { ...shanghaiFields, name: 'Guilin' });
    expect(refused).toEqual({ ok: false, error: { kind: 'read_only', message: 'errors.read_only' } });
    const preview = await services.call('import.preview', {
      entity: 'localities',
      fileName: 'l.csv',
      contentBase64: Buffer.from('name,country\nGuilin,CN\n').toString('base64'),
    });
    expect(!preview.ok && preview.error).toEqual({ kind: 'read_only', message: 'errors.read_only' });
    const imported = await services.call('import.commit', {
      entity: 'localities',
      fileName: 'l.csv',
      contentBase64: Buffer.from('name,country\nGuilin,CN\n').toString('base64'),
      duplicates: 'skip',
    });
    expect(imported.ok).toBe(false);
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
    expect(tableCounts(services)).toEqual(before);
  });

  it('full disk: a clear message, the import is all or nothing, the app goes on reading', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services);
    const sqlite = services.opened.sqlite;
    const before = tableCounts(services);
    // Injected: the file may not grow by a single page, as on a full disk.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const rows = Array.from({ length: 2000 }, (_, i) => `Ciudad ${i} ${'x'.repeat(150)},CN`).join('\n');
    const result = await services.call('import.commit', {
      entity: 'localities',
      fileName: 'l.csv',
      contentBase64: Buffer.from(`name,country\n${rows}\n`).toString('base64'),
      duplicates: 'skip',
    });
    expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: false, error: { kind: 'read_only', message: 'errors.disk_full' } });
    expect(tableCounts(services)).toEqual(before);
    expect((await ok(services, 'localities.list', {})).length).toBe(1);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a corrupt file', () => {
  it('is refused at start-up with a clear message, kept aside untouched, and the latest backup restored on request', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    for (let i = 0; i < 300; i++) await ok(services, 'localities.create', { ...shanghaiFields, name: `Ciudad ${i}` });
    const copy = await ok(services, 'backups.now', {});
    await ok(services, 'localities.create', { ...shanghaiFields, name: 'After the backup' });
    await services.close();

    // Bytes overwritten in the middle of the file: pages of the localities table.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    fs.closeSync(fd);
    const damagedHash = sha(file);
    const backupsBefore = fs.readdirSync(path.join(dir, 'backups')).sort();

    const opening = createServices(file, { autoBackup: true });
    await expect(opening).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(opening).rejects.toMatchObject({ reason: 'damaged' });
    // Nothing was written: not the damaged file, not a backup of it.
    expect(sha(file)).toBe(damagedHash);
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual(backupsBefore);

    expect(latestGoodBackup(file)?.name).toBe(copy.name);
    const recovered = recoverFromBackup(file)!;
    expect(sha(recovered.aside)).toBe(damagedHash);
    const reopened = await createServices(file, { autoBackup: true });
    try {
      const names = (await ok(reopened, 'localities.list', { limit: 10000 })).map((l) => l.name);
      expect(names).toHaveLength(300);
      expect(names).not.toContain('After the backup');
    } finally {
      await reopened.close();
    }
  });

  it('npm run web says so in one line and offers the latest backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    for (let i = 0; i < 300; i++) await ok(services, 'localities.create', { ...shanghaiFields, name: `Ciudad ${i}` });
    await ok(services, 'backups.now', {});
    await services.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    fs.closeSync(fd);
    const { execFile } = await import('node:child_process');
    const run = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'electron/core/web/main.ts', '--db', file, '--port', '0'],
        { cwd: path.resolve(import.meta.dirname, '../..'), env: { ...process.env, TWINNING_LANG: 'en' } },
        (error, _out, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is damaged (SQLite found broken pages). It was not changed.');
    expect(run.stderr).toContain('--restore-latest');
  });
});
