import fs from 'node:fs';
import path from 'node:path';
import { captured, present } from '../../../shared/narrow.ts';

export type BackupKind = 'auto' | 'manual' | 'before-migration' | 'before-restore' | 'before-import' | 'before-move';

export type BackupEntry = { file: string; name: string; at: Date; kind: BackupKind; bytes: number };

/** The backups folder: the one chosen in Settings, else `backups/` beside the data file. */
export function backupsDir(dbPath: string, chosen?: string | null): string {
  return chosen ? path.resolve(chosen) : path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

/** Whether the folder exists or can be made, and takes a new file. */
export function canWriteIn(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.twinning-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

const base = (dbPath: string) => path.basename(dbPath, path.extname(dbPath));
// 20261201T162058123Z: sorts by name, safe on every file system.
const stampOf = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
const NAME = /^(.+)-(\d{8}T\d{9}Z)-(auto|manual|before-migration|before-restore|before-import|before-move)(?:-v\d+)?\.sqlite$/;

export function backupName(dbPath: string, at: Date, kind: BackupKind, detail = ''): string {
  return `${base(dbPath)}-${stampOf(at)}-${kind}${detail}.sqlite`;
}

function parseStamp(stamp: string): Date {
  // NAME's time stamp group has this shape, so every group here is filled.
  const m = present(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp), 'a backup time stamp');
  const part = (group: number) => +captured(m, group);
  return new Date(Date.UTC(part(1), part(2) - 1, part(3), part(4), part(5), part(6), part(7)));
}

/** This data file's backups in `dir`, newest first. Other files in the folder (a shared USB stick) are ignored. */
export function listBackupFiles(dbPath: string, dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const own = base(dbPath);
  return fs
    .readdirSync(dir)
    .flatMap((name): BackupEntry[] => {
      const m = NAME.exec(name);
      if (!m || m[1] !== own) return [];
      const file = path.join(dir, name);
      return [{ file, name, at: parseStamp(captured(m, 2)), kind: captured(m, 3) as BackupKind, bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Which backups rotation keeps: the newest of each of the last 7 days that have
 * one, and the newest of each of the last 12 months. Copies taken before an
 * import follow the same rule on their own track (so the way back from today's
 * import is never rotated away by this evening's automatic copy), and the 5
 * newest of them are kept whatever their dates. Copies taken before a restore
 * are the user's way back from a mistake: never rotated.
 */
export function backupsToKeep(entries: BackupEntry[], daily = 7, monthly = 12): Set<string> {
  // The copy taken before the data file moved folders is kept like one taken before a restore.
  const keep = new Set(entries.filter((e) => e.kind === 'before-restore' || e.kind === 'before-move').map((e) => e.file));
  const imports = entries.filter((e) => e.kind === 'before-import');
  for (const e of imports.slice(0, RECENT_IMPORT_COPIES)) keep.add(e.file);
  for (const track of [entries.filter((e) => e.kind !== 'before-restore' && e.kind !== 'before-import' && e.kind !== 'before-move'), imports]) {
    for (const file of newestPerPeriod(track, daily, monthly)) keep.add(file);
  }
  return keep;
}

const RECENT_IMPORT_COPIES = 5;

function newestPerPeriod(entries: BackupEntry[], daily: number, monthly: number): string[] {
  const kept: string[] = [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const month = (d: Date) => d.toISOString().slice(0, 7);
  for (const [key, limit] of [
    [day, daily],
    [month, monthly],
  ] as const) {
    const seen = new Set<string>();
    // Entries are newest first, so the first one seen of each day or month is its newest.
    for (const e of entries) {
      const k = key(e.at);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      kept.push(e.file);
    }
  }
  return kept;
}

/** Deletes the backups rotation no longer keeps; returns the files removed. */
export function rotateBackups(dbPath: string, dir: string): string[] {
  const entries = listBackupFiles(dbPath, dir);
  const keep = backupsToKeep(entries);
  const removed = entries.filter((e) => !keep.has(e.file)).map((e) => e.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}

// A copy still being written by a live process is younger than this; an older `.partial` was left by one that was killed.
const STALE_PARTIAL_MS = 15 * 60 * 1000;

/** Removes this data file's half-written backups (`….sqlite.partial`) that no process is still writing. */
export function removeStalePartials(dbPath: string, dir: string, now: Date): string[] {
  if (!fs.existsSync(dir)) return [];
  const own = base(dbPath);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.partial')) continue;
    const m = NAME.exec(name.slice(0, -'.partial'.length));
    if (!m || m[1] !== own) continue;
    const file = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs < STALE_PARTIAL_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: nothing to clean.
    }
  }
  return removed;
}
