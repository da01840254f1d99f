import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, listBackupFiles, type BackupEntry } from '../../electron/core/backup/folder.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { createServices } from '../../electron/core/services.ts';
import { migrations } from '../../migrations/index.ts';
import { partnerWithAgreement, shanghaiFields } from '../support/factories.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

const DAY = 86_400_000;

describe('backup rotation', () => {
  it('keeps the newest copy of each of the last 7 days and 12 months, and every pre-restore copy', () => {
    const start = Date.UTC(2026, 11, 1, 21);
    // Two copies a day for 400 days, newest first.
    const entries: BackupEntry[] = [];
    for (let i = 0; i < 800; i++) {
      entries.push({ file: `f${i}`, name: `f${i}`, at: new Date(start - i * (DAY / 2)), kind: 'auto', bytes: 1 });
    }
    entries.splice(300, 0, { file: 'kept-aside', name: 'kept-aside', at: new Date(start - 150 * DAY), kind: 'before-restore', bytes: 1 });
    const keep = backupsToKeep(entries);
    const days = new Set([...keep].filter((f) => f !== 'kept-aside').map((f) => entries.find((e) => e.file === f)!.at.toISOString().slice(0, 10)));
    const months = new Set([...keep].filter((f) => f !== 'kept-aside').map((f) => entries.find((e) => e.file === f)!.at.toISOString().slice(0, 7)));
    expect(keep.has('f0')).toBe(true);
    expect(keep.has('f1')).toBe(false); // the same day's older copy
    expect(keep.has('kept-aside')).toBe(true);
    expect(months.size).toBe(12);
    expect([...days].filter((d) => d >= '2026-11-25')).toHaveLength(7);
    expect(keep.size).toBeLessThanOrEqual(7 + 12 + 1);
  });
});

describe('backups in the app', () => {
  it('backs up at start-up when the last backup is more than a day old, and rotates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    let now = new Date('2026-03-01T08:00:00Z');
    const open = async () => {
      const s = await createServices(file, { autoBackup: true, now: () => now });
      await s.close();
    };
    await open();
    expect(listBackupFiles(file, path.join(dir, 'backups')).map((e) => e.kind)).toEqual(['auto']);
    now = new Date('2026-03-01T20:00:00Z');
    await open();
    expect(listBackupFiles(file, path.join(dir, 'backups'))).toHaveLength(1);
    for (let d = 1; d <= 40; d++) {
      now = new Date(Date.UTC(2026, 2, 1 + d, 8));
      await open();
    }
    const after = listBackupFiles(file, path.join(dir, 'backups'));
    expect(after.length).toBeLessThanOrEqual(7 + 2);
    expect(after[0]!.at.toISOString()).toBe(now.toISOString());
  });

  it('takes the pre-migration copy into the backups folder chosen in Settings', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const chosen = path.join(dir, 'usb');
    const first = await createServices(file);
    await ok(first, 'localities.create', shanghaiFields);
    await ok(first, 'backups.setFolder', { dir: chosen });
    await first.close();
    const next = { version: migrations.at(-1)!.version + 1, name: 'test-next', up: (db: import('better-sqlite3').Database) => db.exec('CREATE TABLE later (x)') };
    const opened = await openDatabase(file, { migrations: [...migrations, next] });
    await opened.close();
    const copies = listBackupFiles(file, chosen);
    expect(copies.map((c) => c.kind)).toEqual(['before-migration']);
    expect(copies[0]!.name).toContain(`-v${migrations.at(-1)!.version}.sqlite`);
    expect(opened.preMigrationCopy).toBe(copies[0]!.file);
  });

  it('lists backups with their record counts, backs up now, and restores after keeping the current data aside', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services);
    const copy = await ok(services, 'backups.now', {});
    expect(copy.kind).toBe('manual');
    expect(copy.counts).toMatchObject({ localities: 1, agreements: 1 });
    await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    expect((await ok(services, 'agreements.list', {})).total).toBe(2);

    const restored = await ok(services, 'backups.restore', { name: copy.name });
    expect(restored.asideCopy).toMatch(/before-restore\.sqlite$/);
    // The services reopened the file: calls go on and see the restored data.
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
    await ok(services, 'localities.create', { ...shanghaiFields, name: 'After restore' });
    const list = await ok(services, 'backups.list', {});
    const aside = list.entries.find((e) => e.name === restored.asideCopy)!;
    expect(aside.counts).toMatchObject({ agreements: 2 });
    expect(list.entries.find((e) => e.name === copy.name)).toBeDefined();

    const missing = await services.call('backups.restore', { name: 'nothing-here.sqlite' });
    expect(missing.ok).toBe(false);
  });

  it('refuses a backups folder that is relative or cannot be written', async () => {
    const services = await openTestServices();
    const relative = await services.call('backups.setFolder', { dir: 'backups-here' });
    expect(!relative.ok && relative.error.kind === 'validation' && relative.error.issues[0]!.message).toBe('backups.folderNotAbsolute');
    const blocker = path.join(services.dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const unwritable = await services.call('backups.setFolder', { dir: path.join(blocker, 'inside') });
    expect(!unwritable.ok && unwritable.error.kind === 'validation' && unwritable.error.issues[0]!.message).toMatch(/^backups\.folderNotWritable/);
    const chosen = path.join(services.dir, 'elsewhere');
    const set = await ok(services, 'backups.setFolder', { dir: chosen });
    expect(set.custom).toBe(true);
    await ok(services, 'backups.now', {});
    expect(fs.readdirSync(chosen).filter((f) => f.endsWith('-manual.sqlite'))).toHaveLength(1);
    const reset = await ok(services, 'backups.setFolder', { dir: null });
    expect(reset.dir).toBe(path.join(services.dir, 'backups'));
  });
});
