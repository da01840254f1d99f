// A file the app was asked to open from the command line, e.g. a spreadsheet dropped on the
// app's icon or "Open with" (no file type is associated at install: the user chose it).
import path from 'node:path';

/** What the import screen takes. */
export const OPENABLE_EXTENSIONS = ['.xlsx', '.csv'];

/**
 * The last existing spreadsheet among the arguments, resolved against the launch's folder; flags, the executable and
 * (unpackaged) the app folder are skipped.
 */
export function fileToOpen(argv: string[], cwd: string, isFile: (file: string) => boolean): string | null {
  const candidates = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && OPENABLE_EXTENSIONS.includes(path.extname(arg).toLowerCase()))
    .map((arg) => path.resolve(cwd, arg))
    .filter(isFile);
  return candidates.at(-1) ?? null;
}
