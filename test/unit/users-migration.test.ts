import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';

const USERS = 9;

describe('migration 0009: accounts, and an audit log that names them', () => {
  it('keeps every audit row there was, adds the users table, and takes the new actions and the user id', async () => {
    const file = await fileBefore(
      USERS,
      `
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Guilin','桂林市','CN','city','guilin','t','t');
      INSERT INTO audit_log (entity, entity_id, action, before_json, after_json, at, user_name) VALUES
        ('locality', 1, 'create', NULL, '{"name":"Guilin"}', '2025-01-02T10:00:00.000Z', 'Ana Torres'),
        ('locality', 1, 'archive', '{"name":"Guilin"}', '{"name":"Guilin"}', '2025-01-03T10:00:00.000Z', 'José Núñez');`,
    );

    const upgraded = await openDatabase(file);
    const db = upgraded.sqlite;
    expect(db.prepare('SELECT id, entity, action, user_name, user_id, at FROM audit_log ORDER BY id').all()).toEqual([
      { id: 1, entity: 'locality', action: 'create', user_name: 'Ana Torres', user_id: null, at: '2025-01-02T10:00:00.000Z' },
      { id: 2, entity: 'locality', action: 'archive', user_name: 'José Núñez', user_id: null, at: '2025-01-03T10:00:00.000Z' },
    ]);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE entity = 'locality' AND entity_id = 1").all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/INDEX audit_log_entity/);
    db.prepare(
      "INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES ('ana', 'Ana Torres', 'admin', 'scrypt$1$1$1$a$b', 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO audit_log (entity, entity_id, action, after_json, at, user_name, user_id) VALUES ('access', 1, 'refuse', '{\"reason\":\"role\"}', 't', 'Ana Torres', 1)",
    ).run();
    // The table keeps its own rules: a role we do not know, an upper-case login, a password kept in clear.
    expect(() =>
      db.prepare("INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES ('bea', 'Bea', 'owner', 'scrypt$x', 't', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES ('Bea', 'Bea', 'reader', 'scrypt$x', 't', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES ('bea', 'Bea', 'reader', 'hunter2hunter2', 't', 't')")
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES ('ana', 'Otra', 'reader', 'scrypt$x', 't', 't')").run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO audit_log (entity, entity_id, action, at) VALUES ('x', 1, 'explode', 't')").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    await upgraded.close();
  });
});
