import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, DatabaseOpenError, openDatabase } from '../../electron/core/db/open.ts';
import { migrations, type Migration } from '../../migrations/index.ts';
import { tempDir } from '../support/temp-db.ts';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const latest = migrations.at(-1)!.version;

describe('opening and migrating the data file', () => {
  it('creates every table from an empty file and records the version', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const opened = await openDatabase(file);
    const tables = opened.sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type='table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['localities', 'agreements', 'agreement_stages', 'audit_log', 'settings', 'schema_migrations']));
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(latest);
    expect(opened.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.preMigrationCopy).toBeNull();
    const recorded = opened.sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(recorded).toHaveLength(migrations.length);
    await opened.close();
  });

  it('refuses a file written by a newer version and leaves it byte for byte as it was', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    await (await openDatabase(file)).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = hash(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('newer_schema');
    expect((error as Error).message).toMatch(/newer version/);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a SQLite file that is not ours', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE budget (id INTEGER)');
    raw.close();
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect((error as DatabaseOpenError).reason).toBe('not_ours');
  });

  it('refuses a file that is not a database at all', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
  });

  it('copies the file before running pending migrations, then keeps the data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.sqlite
      .prepare("INSERT INTO localities (name, country, level, search_text, created_at, updated_at) VALUES ('Shanghai','CN','city','shanghai','t','t')")
      .run();
    await v1.close();

    const extra: Migration = {
      version: latest + 1,
      name: 'test-add-motto',
      up: (db) => db.exec("ALTER TABLE localities ADD COLUMN motto TEXT NOT NULL DEFAULT ''"),
    };
    const upgraded = await openDatabase(file, { migrations: [...migrations, extra] });
    expect(upgraded.preMigrationCopy).not.toBeNull();
    const copy = new Database(upgraded.preMigrationCopy!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM localities').all()).toEqual([{ name: 'Shanghai' }]);
    copy.close();
    expect(upgraded.sqlite.prepare('SELECT name, motto FROM localities').all()).toEqual([{ name: 'Shanghai', motto: '' }]);
    await upgraded.close();
  });

  it('rolls a failing migration back whole and leaves the earlier version in place', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    await (await openDatabase(file)).close();
    const broken: Migration = {
      version: latest + 1,
      name: 'test-broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    await expect(openDatabase(file, { migrations: [...migrations, broken] })).rejects.toThrow();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latest);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    raw.close();
  });
});
