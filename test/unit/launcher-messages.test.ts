import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../migrations/index.ts';
import { tempDir } from '../support/temp-db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const runWeb = (args: string[], lang: string) =>
  spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'electron/core/web/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TWINNING_LANG: lang },
    timeout: 20_000,
  });

// Starts Node processes; on a loaded two-core machine that alone can pass 20 s.
describe('what `npm run web` says about a file it cannot open', { timeout: 60_000 }, () => {
  it('refuses a file from a newer version in one line, in the user language', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    await (await openDatabase(file)).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.at(-1)!.version + 1}`);
    raw.close();
    const es = runWeb(['--db', file], 'es');
    expect(es.status).toBe(1);
    expect(es.stderr.trim().split('\n')).toHaveLength(1);
    expect(es.stderr).toContain('versión más reciente de Twinning Desk');
    expect(runWeb(['--db', file], 'pt').stderr).toContain('versão mais nova');
    expect(runWeb(['--db', file], 'en').stderr).toContain('newer version');
  });
});
