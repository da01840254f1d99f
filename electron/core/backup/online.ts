import fs from 'node:fs';
import Database from 'better-sqlite3';
import { checkCancelled, noJob, type JobControl } from '../app/job.ts';

export type CopyResult = { file: string; bytes: number; ms: number };

/**
 * A consistent copy through SQLite's online backup API: safe while another
 * connection or process is writing. Written to a `.partial` name, checked, made
 * self-contained (no -wal beside it), then renamed, so a half-written copy never
 * carries a backup's name.
 */
export async function onlineBackup(source: Database.Database | string, target: string, job: JobControl = noJob()): Promise<CopyResult> {
  const started = performance.now();
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const src = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    await src.backup(partial, { progress: copySteps(job) });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    if (typeof source === 'string') src.close();
  }
  try {
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup copy failed its check: ${String(check)}`);
    } finally {
      copy.close();
    }
    syncFile(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file: target, bytes: fs.statSync(target).size, ms: performance.now() - started };
}

function syncFile(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * SQLite's backup API copies in steps; between steps it tells the pages left, which is the
 * progress, and a cancel thrown there stops the copy (the caller removes what was written).
 */
export function copySteps(job: JobControl) {
  return ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
    checkCancelled(job);
    job.onProgress(totalPages - remainingPages, totalPages);
    // Large steps: fewer round trips through the event loop; a writer elsewhere still gets its turn between steps.
    return 2048;
  };
}
