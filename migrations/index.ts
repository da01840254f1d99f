import type { Migration } from './migration.ts';
import m0001 from './0001-localities-agreements.ts';

// Listed, not read from disk: the bundled main process has no migrations folder.
export const migrations: readonly Migration[] = [m0001];
export type { Migration };
