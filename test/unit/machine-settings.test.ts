// Machine-local settings (the backups folder) belong to this machine: a JSON
// import or a restored file must not change them (issue 14, item 4).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../electron/core/exchange/json.ts';
import { partnerWithAgreement } from '../support/factories.ts';
import { runCliProcess } from '../support/cli.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

/** An export with the machine settings of somewhere else written into it, as a crafted file would. */
function crafted(json: string, backupDir: string) {
  const doc = JSON.parse(json) as { tables: { settings: { columns: string[]; rows: unknown[][] } } };
  const { columns, rows } = doc.tables.settings;
  const row = (key: string, value: unknown) => columns.map((c) => (c === 'key' ? key : c === 'value' ? JSON.stringify(value) : null));
  rows.push(row('backupDir', backupDir));
  return JSON.stringify(doc);
}

describe('machine-local settings', () => {
  it('are neither exported nor imported: a crafted export cannot redirect backups (was: the next start-up wrote a full copy where the file chose)', async () => {
    const source = await openTestServices();
    await partnerWithAgreement(source);
    await ok(source, 'settings.update', { officeName: 'Relaciones Internacionales' });
    await ok(source, 'backups.setFolder', { dir: tempDir() });
    const json = exportJson(source.opened.sqlite);
    const exported = JSON.parse(json) as { tables: { settings: { rows: unknown[][] } } };
    expect(exported.tables.settings.rows.flat()).not.toContain('backupDir');

    const target = await openTestServices();
    const ownFolder = tempDir();
    await ok(target, 'backups.setFolder', { dir: ownFolder });
    const evil = path.join(tempDir(), 'elsewhere');
    importJson(target.opened.sqlite, crafted(json, evil));

    expect((await ok(target, 'settings.get', {})).officeName).toBe('Relaciones Internacionales');
    expect((await ok(target, 'backups.list', {})).dir).toBe(path.resolve(ownFolder));
    await ok(target, 'backups.now', {});
    expect(fs.existsSync(evil)).toBe(false);
  });

  it('the same through the command line', async () => {
    const source = await openTestServices();
    await partnerWithAgreement(source);
    const evil = path.join(tempDir(), 'elsewhere');
    const file = path.join(tempDir(), 'crafted.json');
    fs.writeFileSync(file, crafted(exportJson(source.opened.sqlite), evil));
    const target = path.join(tempDir(), 'office.sqlite');
    const run = await runCliProcess(['import', '--db', target, '--in', file]);
    expect(run.code, run.stderr).toBe(0);
    const db = new Database(target, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'backupDir'").pluck().get()).toBe(0);
    db.close();
  });

  it('a restored backup keeps this machine’s backups folder, whatever the backup says', async () => {
    const services = await openTestServices();
    await partnerWithAgreement(services);
    const ownFolder = tempDir();
    await ok(services, 'backups.setFolder', { dir: ownFolder });
    const backup = await ok(services, 'backups.now', {});
    // A backup file whose settings point somewhere else (hand-edited, or from another machine).
    const copy = new Database(path.join(ownFolder, backup.name));
    copy.prepare("UPDATE settings SET value = ? WHERE key = 'backupDir'").run(JSON.stringify(path.join(tempDir(), 'elsewhere')));
    copy.close();
    await ok(services, 'backups.restore', { name: backup.name });
    expect((await ok(services, 'backups.list', {})).dir).toBe(path.resolve(ownFolder));
    expect((await ok(services, 'agreements.list', {})).total).toBe(1);
  });
});
