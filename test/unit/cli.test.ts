import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core/services.ts';
import { migrations } from '../../migrations/index.ts';
import { runCliProcess } from '../support/cli.ts';
import { shanghaiFields } from '../support/factories.ts';
import { ok, tempDir } from '../support/temp-db.ts';

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

// Each test starts several Node processes; on a loaded two-core machine that alone can pass 20 s.
describe('the command line', { timeout: 90_000 }, () => {
  it('lists its commands and explains each one, in the chosen language', async () => {
    const general = await runCliProcess(['--help']);
    expect(general.code).toBe(0);
    for (const name of ['init', 'demo', 'check', 'backup', 'restore']) expect(general.stdout).toContain(name);
    const backup = await runCliProcess(['backup', '--help'], { TWINNING_LANG: 'pt' });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('--out FILE');
    expect(backup.stdout).toContain('obrigatória');
    const es = await runCliProcess(['check', '--help', '--lang', 'es']);
    expect(es.stdout).toContain('Revisar un archivo de datos');
  });

  it('runs as the package’s bin from the built bundle', async () => {
    const { execFileSync } = await import('node:child_process');
    const file = path.join(tempDir(), 'office.sqlite');
    const bin = path.resolve(import.meta.dirname, '../../bin/twinning-desk.js');
    const out = execFileSync(process.execPath, [bin, 'init', '--db', file, '--lang', 'en'], { encoding: 'utf8' });
    expect(out).toContain('is ready');
  });

  it('fails with one translated line and a non-zero code on bad usage', async () => {
    const unknown = await runCliProcess(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toEqual(['Error: Unknown command “frobnicate”. Run with --help to see the commands.']);
    const missing = await runCliProcess(['backup', '--db', 'x.sqlite'], { TWINNING_LANG: 'es' });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('Error: «backup» necesita --out.');
    const badOption = await runCliProcess(['init', '--db', 'x.sqlite', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--colour');
  });

  it('init creates and migrates; demo loads the sample once, then refuses in the file’s language', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const init = await runCliProcess(['init', '--db', file]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`data version ${migrations.at(-1)!.version}`);
    const demo = await runCliProcess(['demo', '--db', file]);
    expect(demo.code).toBe(0);
    expect(count(file, 'agreements')).toBeGreaterThan(0);
    // The file's own language setting (Spanish by default) speaks when nothing else was chosen.
    const again = await runCliProcess(['demo', '--db', file], { TWINNING_LANG: '', LANG: 'C' });
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('Error: Los datos de ejemplo ya están cargados.');
  });

  it('check reports version, counts and health; a damaged file fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    await runCliProcess(['demo', '--db', file]);
    const good = await runCliProcess(['check', '--db', file, '--json']);
    expect(good.code).toBe(0);
    const report = JSON.parse(good.stdout) as { healthy: boolean; counts: Record<string, number>; schemaVersion: number };
    expect(report.healthy).toBe(true);
    expect(report.counts.agreements).toBe(count(file, 'agreements'));
    expect(report.schemaVersion).toBe(migrations.at(-1)!.version);

    // A broken link between records (written with foreign keys off) is found.
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE agreements SET partner_id = 9999 WHERE id = (SELECT min(id) FROM agreements)').run();
    db.close();
    const broken = await runCliProcess(['check', '--db', file]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('1 broken (in agreements)');

    const stranger = path.join(dir, 'other.sqlite');
    new Database(stranger).exec('CREATE TABLE t (x)');
    const notOurs = await runCliProcess(['check', '--db', stranger]);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stdout).toContain('not a Twinning Desk data file');

    const missing = await runCliProcess(['check', '--db', path.join(dir, 'nope.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });

  it('backs up with SQLite’s online backup while another process holds the file and writes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    try {
      for (let i = 0; i < 50; i++) await ok(services, 'localities.create', { ...shanghaiFields, name: `Ciudad ${i} 上海` });
      // A write transaction left open in this process: the backup sees the last committed state.
      services.opened.sqlite.prepare('BEGIN IMMEDIATE').run();
      services.opened.sqlite.prepare("UPDATE localities SET name = 'uncommitted' WHERE id = 1").run();
      const out = path.join(dir, 'copy.sqlite');
      const run = await runCliProcess(['backup', '--db', file, '--out', out]);
      services.opened.sqlite.prepare('ROLLBACK').run();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Backup written');
      expect(count(out, 'localities')).toBe(50);
      expect(fs.existsSync(`${out}-wal`)).toBe(false);
      const names = new Database(out, { readonly: true }).prepare('SELECT name FROM localities WHERE id = 1').pluck().get();
      expect(names).toBe('Ciudad 0 上海');
      expect((await runCliProcess(['check', '--db', out])).code).toBe(0);
      // Never overwrites an existing file.
      const again = await runCliProcess(['backup', '--db', file, '--out', out]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists');
    } finally {
      await services.close();
    }
  });

  it('restore keeps the current file aside, then replaces it; a bad backup changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const copy = path.join(dir, 'copy.sqlite');
    await runCliProcess(['init', '--db', file]);
    await runCliProcess(['backup', '--db', file, '--out', copy]);
    await runCliProcess(['demo', '--db', file]);
    const before = count(file, 'agreements');
    expect(before).toBeGreaterThan(0);

    const stranger = path.join(dir, 'other.sqlite');
    new Database(stranger).exec('CREATE TABLE t (x)');
    const refused = await runCliProcess(['restore', '--db', file, '--from', stranger]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('not a Twinning Desk data file');
    expect(count(file, 'agreements')).toBe(before);

    const run = await runCliProcess(['restore', '--db', file, '--from', copy]);
    expect(run.code, run.stderr).toBe(0);
    expect(count(file, 'agreements')).toBe(0);
    const aside = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('-before-restore.sqlite'));
    expect(aside).toHaveLength(1);
    expect(count(path.join(dir, 'backups', aside[0]!), 'agreements')).toBe(before);
    expect((await runCliProcess(['check', '--db', file])).code).toBe(0);
  });
});
