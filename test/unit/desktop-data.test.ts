// The desktop's data folder on disk: the one-time move out of Roaming AppData, a move chosen
// in Settings, and the desktop's own preferences file. Real SQLite files in temp folders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../electron/core/backup/folder.ts';
import { moveLegacyDataFile, movedAside } from '../../electron/core/desktop/relocate.ts';
import { folderOnNetwork } from '../../electron/core/desktop/mounts.ts';
import { PREFS_FILE, readPrefs, updatePrefs } from '../../electron/core/desktop/prefs.ts';
import { createServices } from '../../electron/core/services.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';
import { openLog } from '../../electron/core/log/logger.ts';

describe('the one-time move from Roaming to Local AppData', () => {
  it('backs the file up first, copies it with its attachments and backups, and keeps the old file aside', async () => {
    const roaming = tempDir();
    const local = path.join(tempDir(), 'Twinning Desk');
    const from = path.join(roaming, 'twinning-desk.sqlite');
    const services = await createServices(from);
    await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    await services.close();
    fs.mkdirSync(path.join(roaming, 'attachments'));
    fs.writeFileSync(path.join(roaming, 'attachments', 'abc123'), 'acta firmada');

    const to = path.join(local, 'twinning-desk.sqlite');
    const { backup } = await moveLegacyDataFile({ from, to }, new Date('2026-04-20T10:00:00Z'));

    expect(path.dirname(backup)).toBe(path.join(roaming, 'backups'));
    expect(fs.existsSync(from)).toBe(false);
    expect(fs.existsSync(movedAside(from))).toBe(true);
    expect(fs.readFileSync(path.join(local, 'attachments', 'abc123'), 'utf8')).toBe('acta firmada');
    expect(listBackupFiles(to, path.join(local, 'backups')).map((b) => b.kind)).toEqual(['before-move']);
    const moved = await createServices(to);
    try {
      expect((await ok(moved, 'localities.list', {})).map((l) => l.nativeName)).toEqual(['漳州市']);
    } finally {
      await moved.close();
    }
  });

  it('never writes over a data file already in the new place', async () => {
    const from = path.join(tempDir(), 'twinning-desk.sqlite');
    await (await createServices(from)).close();
    const to = path.join(tempDir(), 'twinning-desk.sqlite');
    fs.writeFileSync(to, 'already here');
    await expect(moveLegacyDataFile({ from, to }, new Date())).rejects.toThrow(/already there/);
    expect(fs.readFileSync(to, 'utf8')).toBe('already here');
    expect(fs.existsSync(from)).toBe(true);
  });
});

describe('network folders on this machine', () => {
  it('sees a local temp folder as local, and a UNC path as a share without asking the system', async () => {
    expect(await folderOnNetwork(tempDir())).toBeNull();
    expect(await folderOnNetwork('\\\\server\\share\\datos', 'win32')).toEqual({ kind: 'unc', share: '\\\\server\\share' });
  });
});

describe('the desktop preferences file', () => {
  it('keeps what makes sense and ignores a damaged or hand-edited file', () => {
    const dir = tempDir();
    expect(readPrefs(dir)).toEqual({});
    updatePrefs(dir, { language: 'pt' });
    updatePrefs(dir, { dataFile: '/home/ana/Datos/twinning-desk.sqlite' });
    expect(readPrefs(dir)).toEqual({ language: 'pt', dataFile: '/home/ana/Datos/twinning-desk.sqlite' });
    fs.writeFileSync(path.join(dir, PREFS_FILE), JSON.stringify({ language: 'fr', dataFile: '/x.sqlite', window: 'big' }));
    expect(readPrefs(dir)).toEqual({ dataFile: '/x.sqlite' });
    fs.writeFileSync(path.join(dir, PREFS_FILE), '{ not json');
    expect(readPrefs(dir)).toEqual({});
  });
});

describe('moving the data file from Settings', () => {
  const fieldMessage = (r: { ok: boolean; error?: unknown }) =>
    (!r.ok && (r.error as { issues?: { message: string }[] }).issues?.[0]?.message.split('|')[0]) || null;

  it("is the desktop app's: the browser build is told to use --db", async () => {
    const services = await openTestServices();
    expect(fieldMessage(await services.call('app.moveDataFile', { dir: tempDir() }))).toBe('desktop.dataLocation.desktopOnly');
  });

  it('refuses a relative path, the same folder and a folder that already has a data file, and copies otherwise', async () => {
    const moves: string[] = [];
    const services = await openTestServices({ host: { saveFile: async () => null, relocateDataFile: (file) => moves.push(file) } });
    await partnerWithAgreement(services, { name: 'Kobe', nativeName: '神戸市', country: 'JP' });
    expect(fieldMessage(await services.call('app.moveDataFile', { dir: 'Datos' }))).toBe('desktop.dataLocation.notAbsolute');
    expect(fieldMessage(await services.call('app.moveDataFile', { dir: services.dir }))).toBe('desktop.dataLocation.sameFolder');
    const taken = tempDir();
    fs.writeFileSync(path.join(taken, path.basename(services.file)), 'another office');
    expect(fieldMessage(await services.call('app.moveDataFile', { dir: taken }))).toBe('desktop.dataLocation.exists');
    expect(moves).toEqual([]);

    const target = path.join(tempDir(), 'nueva carpeta');
    const moved = await ok(services, 'app.moveDataFile', { dir: target });
    expect(moved.file).toBe(path.join(target, path.basename(services.file)));
    expect(moves).toEqual([moved.file]);
    // The app keeps working on the old file until the shell restarts it; the copy holds the same records.
    expect((await ok(services, 'localities.list', {})).map((l) => l.name)).toEqual(['Kobe']);
    const copy = await createServices(moved.file);
    try {
      expect((await ok(copy, 'localities.list', {})).map((l) => l.nativeName)).toEqual(['神戸市']);
    } finally {
      await copy.close();
    }
  });
});

describe('opening the log folder', () => {
  it('opens it through the shell in the desktop app, and gives its path where folders cannot be opened', async () => {
    const opened: string[] = [];
    const logger = openLog(tempDir());
    const desktop = await openTestServices({ logger, openPath: async (dir) => (opened.push(dir), '') });
    expect(await ok(desktop, 'app.openLogFolder', {})).toEqual({ opened: true, dir: logger.dir });
    expect(opened).toEqual([logger.dir]);
    const web = await openTestServices({ logger });
    expect(await ok(web, 'app.openLogFolder', {})).toEqual({ opened: false, dir: logger.dir });
  });
});
