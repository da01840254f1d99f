// What a caught value says about itself, narrowed rather than cast: a catch clause's value is `unknown`,
// and anything can be thrown (a string, a rejected value, an Error from another realm).

/** Its message when it is an Error, else its text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The code Node, SQLite or the file system put on it (ENOENT, SQLITE_FULL…), if any. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The path a file-system error names, if any. */
export function pathOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('path' in error)) return undefined;
  return typeof error.path === 'string' ? error.path : undefined;
}
