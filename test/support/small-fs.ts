// A real small file system for the tests that need one (a full disk, a read-only
// folder): a tmpfs mounted for the test. Needs root (CI runs as root); as another
// user a read-only folder is made with chmod, which root would ignore.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach } from 'vitest';
import { tempDir } from './temp-db.ts';

export const isRoot = process.getuid?.() === 0;

const mounted: string[] = [];
const locked: string[] = [];
// Runs before temp-db's cleanup (hooks run in reverse), so the folders can then be removed.
afterEach(() => {
  while (mounted.length) execFileSync('umount', ['-l', mounted.pop()!]);
  while (locked.length) fs.chmodSync(locked.pop()!, 0o755);
});

/** A fresh tmpfs of `sizeKb` kilobytes, unmounted after the test. */
export function smallFileSystem(sizeKb: number): string {
  const dir = tempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

/** A folder whose files were written first, then made read-only for everyone, root included. */
export function readOnlyFolder(fill: (dir: string) => void | Promise<void>): Promise<string> {
  return (async () => {
    const dir = isRoot ? smallFileSystem(16 * 1024) : tempDir();
    await fill(dir);
    if (isRoot) execFileSync('mount', ['-o', 'remount,ro', dir]);
    else {
      for (const f of fs.readdirSync(dir)) fs.chmodSync(`${dir}/${f}`, 0o444);
      fs.chmodSync(dir, 0o555);
      locked.push(dir);
    }
    return dir;
  })();
}
