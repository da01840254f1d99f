import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The `*<suffix>` files of a folder, sorted, or only those whose names start with one of `only`; each as an importable URL. */
export function filesToRun(dir: string, suffix: string, only: readonly string[]): { file: string; url: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort()
    .map((file) => ({ file, url: pathToFileURL(path.join(dir, file)).href }));
}
