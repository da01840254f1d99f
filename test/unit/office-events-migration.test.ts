import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations, type Migration } from '../../migrations/index.ts';
import { tempDir } from '../support/temp-db.ts';

const OFFICE_EVENTS = 4;
const before = migrations.filter((m) => m.version < OFFICE_EVENTS);

describe('migration 0004: office events', () => {
  it('adds the table to a file that already holds agreements, keeping them', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const old = await openDatabase(file, { migrations: before });
    old.sqlite.exec(`
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Shanghai','上海市','CN','city','shanghai','t','t');
      INSERT INTO agreements (partner_id, kind, stage, signed_on, channel, search_text, created_at, updated_at) VALUES (1,'twinning','signed','2018-07-01','bilateral','','t','t');`);
    await old.close();
    const upgraded = await openDatabase(file);
    upgraded.sqlite
      .prepare(
        "INSERT INTO office_events (title, all_day, starts_at, ends_at, agreement_id, search_text, created_at, updated_at) VALUES ('Foro', 1, '2026-01-05', '2026-01-06', 1, '', 't', 't')",
      )
      .run();
    expect(upgraded.sqlite.prepare('SELECT native_name FROM localities').get()).toEqual({ native_name: '上海市' });
    expect(() =>
      upgraded.sqlite
        .prepare(
          "INSERT INTO office_events (title, all_day, starts_at, ends_at, agreement_id, search_text, created_at, updated_at) VALUES ('Foro', 1, '2026-01-05', '2026-01-06', 99, '', 't', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    await upgraded.close();
  });

  it('still runs lower-numbered migrations that land after a higher one (parallel branches)', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    // A file migrated by a build that had 0001 and 0004 only, opened by one that has 0002 and 0003 too
    // (the real ones once they exist, stand-ins until then).
    const known = new Set(migrations.map((m) => m.version));
    const standIns: Migration[] = [2, 3]
      .filter((v) => !known.has(v))
      .map((v) => ({ version: v, name: `test-late-${v}`, up: (db) => db.exec(`CREATE TABLE late_arrival_${v} (id INTEGER)`) }));
    await (await openDatabase(file, { migrations: migrations.filter((m) => m.version === 1 || m.version === OFFICE_EVENTS) })).close();
    const all = [...migrations, ...standIns].sort((a, b) => a.version - b.version);
    const reopened = await openDatabase(file, { migrations: all });
    expect(reopened.preMigrationCopy).not.toBeNull();
    const applied = reopened.sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(all.map((m) => ({ version: m.version })));
    // The file's version stays the highest one applied, so an older app still refuses it.
    expect(reopened.sqlite.pragma('user_version', { simple: true })).toBe(all.at(-1)!.version);
    await reopened.close();
  });
});
