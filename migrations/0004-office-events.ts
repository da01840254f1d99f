import type { Migration } from './migration.ts';

// The office's own events (forums, fairs, receptions). An all-day event holds
// dates (YYYY-MM-DD, end inclusive); a timed one holds local wall-clock times
// (YYYY-MM-DDTHH:MM) in the office's own time zone, exported as floating times.
export default {
  version: 4,
  name: '0004-office-events',
  up(db) {
    db.exec(`
      CREATE TABLE office_events (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        all_day INTEGER NOT NULL CHECK (all_day IN (0, 1)),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        place TEXT,
        notes TEXT,
        agreement_id INTEGER REFERENCES agreements(id),
        sample TEXT CHECK (sample IN ('real','invented')),
        search_text TEXT NOT NULL,
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (all_day = 0 OR (date(starts_at) IS starts_at AND date(ends_at) IS ends_at)),
        CHECK (all_day = 1 OR (strftime('%Y-%m-%dT%H:%M', starts_at) IS starts_at AND strftime('%Y-%m-%dT%H:%M', ends_at) IS ends_at)),
        CHECK (ends_at >= starts_at)
      );
      CREATE INDEX office_events_starts ON office_events(starts_at);
      CREATE INDEX office_events_agreement ON office_events(agreement_id);
    `);
  },
} satisfies Migration;
