// Hands a spreadsheet the app was asked to open (at launch, or by a second launch) to the import screen.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { MAX_IMPORT_BYTES } from '../../shared/contract/imports.ts';
import { fileToOpen } from '../core/rules/open-file.ts';

const isFile = (file: string) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Sends the file's name and bytes; of a file over the import limit, one byte more than it, so the screen says it is too large. */
export function sendFileToOpen(window: BrowserWindow, argv: string[], cwd: string): void {
  const file = fileToOpen(argv, cwd, isFile);
  if (!file) return;
  const bytes = Buffer.alloc(Math.min(fs.statSync(file).size, MAX_IMPORT_BYTES + 1));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  window.webContents.send('twinning:open-file', { name: path.basename(file), bytes });
}
