import fs from 'node:fs';
import path from 'node:path';

/**
 * The one way we write a whole file (an export, the desktop's preferences, a
 * stored attachment, a report the user saves): beside the target under a
 * temporary name, flushed to the disk, renamed over the target, and the folder
 * flushed so the rename itself survives a power cut. A crash or a full disk
 * never leaves a half-written file under the target's name.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Date.now()}.partial`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

/** Windows cannot open a folder to flush it (its renames are durable once done); elsewhere the rename is flushed. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
