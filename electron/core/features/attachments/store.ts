// Files on disk, named by the SHA-256 of their content in an `attachments`
// folder beside the database: the same scan attached twice is stored once,
// and copying the database folder copies its evidence with it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../files/atomic.ts';
import { cleanFileName } from '../../rules/attachment-types.ts';

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export const attachmentsDir = (dbPath: string) => path.join(path.dirname(path.resolve(dbPath)), 'attachments');

export const storedFile = (dbPath: string, hash: string) => path.join(attachmentsDir(dbPath), hash);

/** Writes the content under its hash unless an intact copy is already there (files/atomic.ts). */
export function storeContent(dbPath: string, content: Buffer): string {
  const hash = sha256(content);
  const target = storedFile(dbPath, hash);
  if (fs.existsSync(target) && fs.statSync(target).size === content.length) return hash;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, content);
  return hash;
}

export const isPresent = (dbPath: string, hash: string) => fs.existsSync(storedFile(dbPath, hash));

export function deleteStored(dbPath: string, hash: string) {
  fs.rmSync(storedFile(dbPath, hash), { force: true });
}

/** This process's own temp folder for copies handed to the viewer: made by mkdtemp (0700, a random name), checked on each use. */
let viewingRoot: string | null = null;

function privateViewingRoot(): string {
  if (viewingRoot) {
    const st = fs.lstatSync(viewingRoot, { throwIfNoEntry: false });
    // Still ours: a real folder (not a link put in its place), owned by us, closed to others.
    const intact = st?.isDirectory() && !st.isSymbolicLink() && (process.getuid === undefined || (st.uid === process.getuid() && (st.mode & 0o077) === 0));
    if (intact) return viewingRoot;
  }
  viewingRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-desk-'));
  return viewingRoot;
}

/**
 * The system viewer picks its program by extension, and the stored file has
 * none; open a copy carrying the original name. Each copy gets a folder of its
 * own inside this process's private temp folder, made fresh (so nothing can be
 * waiting there), and the file is created exclusively without following links.
 */
export function copyForViewing(dbPath: string, hash: string, fileName: string, linkId: number): string {
  const dir = fs.mkdtempSync(path.join(privateViewingRoot(), `${linkId}-`));
  const target = path.join(dir, cleanFileName(fileName));
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  const fd = fs.openSync(target, flags, 0o600);
  try {
    fs.writeFileSync(fd, fs.readFileSync(storedFile(dbPath, hash)));
  } finally {
    fs.closeSync(fd);
  }
  return target;
}
