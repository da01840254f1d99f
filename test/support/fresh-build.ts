import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// vitest's global setup: the tests of the built bundle (bundle.test.ts, the CLI's bin, packaging) need `out/`
// as the sources are now. They used to skip silently without it, and to test an old build when it was stale;
// now `out/` is built here when missing or older than any source, and a failed build fails the run loudly.

const root = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['electron', 'shared', 'renderer', 'migrations', 'electron.vite.config.ts', 'package.json'];
const STAMP = path.join(root, 'out/main/services.js');

function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

export default function setup(): void {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestSource()) return;
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const run = spawnSync(process.execPath, [cli, 'build'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`electron-vite build failed, so the built bundle cannot be tested:\n${run.stdout}\n${run.stderr}`);
}
