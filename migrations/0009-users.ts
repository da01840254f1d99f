import type { Migration } from './migration.ts';

// The office as a team: each member signs in with their own login and role, and the audit log
// names the real user of every change (and of every refused sign-in or call). Passwords are
// kept only as scrypt hashes with a salt of their own ("scrypt$N$r$p$salt$hash"). Users are
// disabled, never deleted, so every audit row keeps naming someone.
// The audit log is rebuilt (SQLite cannot change a CHECK in place) to take its new actions
// and the user's id beside the name it already kept.
export default {
  version: 9,
  name: '0009-users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) BETWEEN 2 AND 40),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('reader','editor','admin')),
        password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        language TEXT CHECK (language IS NULL OR language IN ('es','pt','en')),
        disabled_at TEXT,
        last_login_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE audit_log_next (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create','update','archive','restore','delete','refuse','login','logout')),
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
        at TEXT NOT NULL,
        user_name TEXT NOT NULL DEFAULT '',
        user_id INTEGER
      );
      INSERT INTO audit_log_next (id, entity, entity_id, action, before_json, after_json, at, user_name)
        SELECT id, entity, entity_id, action, before_json, after_json, at, user_name FROM audit_log;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_next RENAME TO audit_log;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
  },
} satisfies Migration;
