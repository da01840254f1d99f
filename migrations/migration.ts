import type BetterSqlite3 from 'better-sqlite3';

// A migration is frozen in time: plain SQL against the file as it was,
// importing nothing from the app.
export type Migration = {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
};
