import fs from 'node:fs';

/** Writes next to the target and renames: a crash or a full disk never leaves a half-written export under its name. */
export function writeFileAtomic(file: string, content: string | Buffer) {
  const temp = `${file}.${process.pid}.partial`;
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
}
