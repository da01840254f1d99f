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
    const days = new Set(
      [...keep]
        .filter((f) => f !== 'kept-aside')
        .map((f) =>
          entries
            .find((e) => e.file === f)!
            .at.toISOString()
            .slice(0, 10),
        ),
    );
    const months = new Set(
      [...keep]
        .filter((f) => f !== 'kept-aside')
        .map((f) =>
          entries
            .find((e) => e.file === f)!
            .at.toISOString()
            .slice(0, 7),
        ),
    );
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
    const next = {
      version: migrations.at(-1)!.version + 1,
      name: 'test-next',
      up: (db: import('better-sqlite3').Database) => db.exec('CREATE TABLE later (x)'),
    };
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

describe('backups around imports and at start-up (issue 14, item 9)', () => {
  const csv = (rows: string) => Buffer.from(`Ciudad socia;País;Tipo\r\n${rows}`).toString('base64');
  const importCopies = (file: string) => listBackupFiles(file, path.join(path.dirname(file), 'backups')).filter((e) => e.kind === 'before-import');

  it('takes no copy for a refused file, an unmapped column or a file with nothing to import; one for an import that writes', async () => {
    // Before: the copy came first, so 55 refused imports left 55 full copies.
    const services = await openTestServices();
    const refused = await services.call('import.commit', {
      entity: 'agreements',
      fileName: 'a.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
      duplicates: 'skip',
    });
    expect(refused.ok).toBe(false);
    const unmapped = await services.call('import.commit', {
      entity: 'agreements',
      fileName: 'a.csv',
      contentBase64: csv('Lima;Perú;Amistad\r\n'),
      mapping: { partner: null },
      duplicates: 'skip',
    });
    expect(unmapped.ok).toBe(false);
    const nothing = await ok(services, 'import.commit', {
      entity: 'agreements',
      fileName: 'a.csv',
      contentBase64: csv('Lima;Narnia;Amistad\r\n'),
      duplicates: 'skip',
    });
    expect(nothing).toMatchObject({ created: 0, rejected: 1, backup: null });
    expect(importCopies(services.file)).toHaveLength(0);
    const done = await ok(services, 'import.commit', {
      entity: 'agreements',
      fileName: 'a.csv',
      contentBase64: csv('Lima;Perú;Amistad\r\n'),
      duplicates: 'skip',
    });
    expect(done.backup).toMatch(/before-import\.sqlite$/);
    expect(importCopies(services.file)).toHaveLength(1);
  });

  it('rotates copies taken before imports on their own track, keeping the 5 newest', () => {
    const start = Date.UTC(2026, 11, 1, 21);
    const entries: BackupEntry[] = [];
    for (let i = 0; i < 60; i++) entries.push({ file: `i${i}`, name: `i${i}`, at: new Date(start - i * (DAY / 4)), kind: 'before-import', bytes: 1 });
    entries.splice(1, 0, { file: 'auto', name: 'auto', at: new Date(start - DAY / 8), kind: 'auto', bytes: 1 });
    const keep = backupsToKeep(entries);
    expect(keep.has('auto')).toBe(true);
    for (const f of ['i0', 'i1', 'i2', 'i3', 'i4']) expect(keep.has(f)).toBe(true);
    expect(keep.has('i5')).toBe(false); // the second copy of the second day: neither among the 5 newest nor its day's newest
    expect(keep.has('i8')).toBe(true); // newest of its day
    expect([...keep].filter((f) => f.startsWith('i')).length).toBeLessThanOrEqual(5 + 7 + 12);
  });

  it('clears half-written copies a killed backup left, and is not stopped by a copy dated in the future', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const stale = path.join(backups, 'office-20260101T000000000Z-auto.sqlite.partial');
    const live = path.join(backups, 'office-20260301T075900000Z-manual.sqlite.partial');
    const foreign = path.join(backups, 'other-20260101T000000000Z-auto.sqlite.partial');
    for (const f of [stale, live, foreign]) fs.writeFileSync(f, 'half a copy');
    const now = new Date('2026-03-01T08:00:00Z');
    fs.utimesSync(stale, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    fs.utimesSync(live, new Date(now.getTime() - 60_000), new Date(now.getTime() - 60_000));
    // Before: a copy dated 2031 counted as "less than a day old" until 2031.
    fs.writeFileSync(path.join(backups, 'office-20310101T000000000Z-manual.sqlite'), 'from a clock set wrong');
    const s = await createServices(file, { autoBackup: true, now: () => now });
    await s.close();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(foreign)).toBe(true);
    expect(listBackupFiles(file, backups).map((e) => e.kind)).toEqual(['manual', 'auto']);
  });
});
