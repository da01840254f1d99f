import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/contract/result.ts';
import { backupName } from './folder.ts';
import { inspectFile, openReadOnly } from './inspect.ts';
import { copySteps, onlineBackup } from './online.ts';
import { noJob, partOf, type JobControl } from '../app/job.ts';

const refuse = (message: string, params: Record<string, unknown> = {}) =>
  new AppFailure({ kind: 'conflict', message: Object.keys(params).length ? `${message}|${JSON.stringify(params)}` : message });

/** Refuses a file that is not ours, is damaged, or comes from a newer app, before anything is touched. */
export function checkRestorable(from: string) {
  if (!fs.existsSync(from)) throw refuse('backups.noFile', { file: from });
  let report;
  try {
    report = inspectFile(from, { quick: true });
  } catch {
    throw refuse('backups.damaged', { file: from });
  }
  if (!report.ours) throw refuse('backups.notOurs', { file: from });
  if (report.integrity.join() !== 'ok') throw refuse('backups.damaged', { file: from });
  if (report.schemaVersion > report.latestVersion) throw refuse('backups.newer', { file: from });
  return report;
}

/**
 * Puts the current file aside in the backups folder. A damaged file cannot go
 * through SQLite, so then its bytes (and its -wal) are copied as they are.
 */
export async function copyAside(dbPath: string, dir: string, at: Date, kind: 'before-restore' | 'before-import' = 'before-restore', job: JobControl = noJob()) {
  if (!fs.existsSync(dbPath) || fs.statSync(dbPath).size === 0) return null;
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, backupName(dbPath, at, kind));
  try {
    await onlineBackup(dbPath, target, job);
  } catch (error) {
    if (job.signal.aborted) throw error;
    fs.copyFileSync(dbPath, target);
    if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${target}-wal`);
  }
  return target;
}

/**
 * Restores `from` over `dbPath` through SQLite's backup API, which writes the
 * destination in one transaction: a crash mid-way leaves the old content, and
 * another process with the file open sees the restored data on its next read.
 * Progress: the copy aside is the first half, the restore the second; a cancel during the restore
 * is rolled back by SQLite (the destination's transaction is only committed at the last step).
 */
export async function restoreFile(dbPath: string, from: string, dir: string, at: Date, job: JobControl = noJob()): Promise<{ asideCopy: string | null }> {
  if (path.resolve(from) === path.resolve(dbPath)) throw refuse('backups.sameFile');
  checkRestorable(from);
  const asideCopy = await copyAside(dbPath, dir, at, 'before-restore', partOf(job, 0, 2));
  const src = openReadOnly(from);
  try {
    await src.backup(dbPath, { progress: copySteps(partOf(job, 1, 2)) });
  } finally {
    src.close();
  }
  return { asideCopy };
}
