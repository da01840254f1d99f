// Files on disk, named by the SHA-256 of their content in an `attachments`
// folder beside the database: the same scan attached twice is stored once,
// and copying the database folder copies its evidence with it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanFileName } from '../../rules/attachment-types.ts';

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export const attachmentsDir = (dbPath: string) => path.join(path.dirname(path.resolve(dbPath)), 'attachments');

export const storedFile = (dbPath: string, hash: string) => path.join(attachmentsDir(dbPath), hash);

/** Writes the content under its hash unless an intact copy is already there; atomic via rename. */
export function storeContent(dbPath: string, content: Buffer): string {
  const hash = sha256(content);
  const target = storedFile(dbPath, hash);
  if (fs.existsSync(target) && fs.statSync(target).size === content.length) return hash;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  return hash;
}

export const isPresent = (dbPath: string, hash: string) => fs.existsSync(storedFile(dbPath, hash));

export function deleteStored(dbPath: string, hash: string) {
  fs.rmSync(storedFile(dbPath, hash), { force: true });
}

/**
 * The system viewer picks its program by extension, and the stored file has
 * none; open a copy carrying the original name from a private temp folder.
 */
export function copyForViewing(dbPath: string, hash: string, fileName: string, linkId: number): string {
  const dir = path.join(os.tmpdir(), 'twinning-desk-open', String(linkId));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, cleanFileName(fileName));
  fs.copyFileSync(storedFile(dbPath, hash), target);
  return target;
}
