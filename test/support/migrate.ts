import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../migrations/index.ts';
import { tempDir } from './temp-db.ts';

/** A data file as a build before migration `version` left it, holding `seed` (plain SQL of that schema). */
export async function fileBefore(version: number, seed: string): Promise<string> {
  const file = path.join(tempDir(), 'office.sqlite');
  const old = await openDatabase(file, { migrations: migrations.filter((m) => m.version < version) });
  old.sqlite.exec(seed);
  await old.close();
  return file;
}
