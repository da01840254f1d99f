import type Database from 'better-sqlite3';

// What a feature check of a data file answers, apart from inspect.ts, which runs the checks:
// a check importing the inspector's types made the two modules import each other.

/** A problem found by a feature check (e.g. attachment files missing on disk): an i18n key with params. */
export type Finding = { key: string; params: Record<string, string | number> };

export type FileCheck = (sqlite: Database.Database, file: string) => Finding[];
