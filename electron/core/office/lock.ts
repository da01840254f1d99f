import Database from 'better-sqlite3';

/**
 * One office server per data file. The lock is SQLite's own exclusive lock on a small file
 * beside the data file: held while the server runs and let go by the operating system when the
 * process ends, however it ends (no stale lock after a crash or a power cut, unlike a pid file).
 */
export class ServerLockedError extends Error {
  readonly lockFile: string;
  constructor(lockFile: string) {
    super('serve.locked');
    this.lockFile = lockFile;
  }
}

export function serverLockFile(dbPath: string) {
  return `${dbPath}.server-lock`;
}

export function acquireServerLock(dbPath: string): { release(): void } {
  const file = serverLockFile(dbPath);
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = DELETE');
    // A write takes the lock; in exclusive locking mode it is kept until the connection closes.
    lock.exec('CREATE TABLE IF NOT EXISTS held (pid INTEGER); DELETE FROM held;');
    lock.prepare('INSERT INTO held (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new ServerLockedError(file);
    throw error;
  }
  return { release: () => lock.close() };
}
