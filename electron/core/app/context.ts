import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { OpenedDatabase } from '../db/open.ts';
import type { Logger } from '../log/logger.ts';
import { localIsoDate } from '../../../shared/dates.ts';
import type { JobRegistry } from '../jobs/registry.ts';
import type { JobControl } from './job.ts';
import type { Actor } from '../../../shared/contract/users.ts';

export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'delete';
export type Audit = (entity: string, id: number, action: AuditAction, before: unknown, after: unknown) => Promise<void>;

/** What a handler may use. `db` is a transaction inside mutations. */
export type Ctx = {
  db: Kysely<DB> | Transaction<DB>;
  opened: OpenedDatabase;
  now: () => Date;
  /** Writes one audit row in the caller's transaction; only present in mutations. */
  audit: Audit;
  /** What only the desktop shell can do (a native save dialog); absent on the web server, CLI and tests. */
  host?: Host;
  file: FileLifecycle;
  /**
   * Opens a file with the system's viewer; given by the Electron shell
   * (shell.openPath: '' on success, else the reason). Absent in `npm run web`,
   * the CLI and tests, where files are downloaded instead.
   */
  openPath?: ((file: string) => Promise<string>) | undefined;
  /** Shows a file selected in the system's file manager (shell.showItemInFolder), for files we will not open. */
  showInFolder?: ((file: string) => void) | undefined;
  /** The app's log (desktop and web), for "Open log folder"; absent in the CLI and tests. */
  logger?: Logger | undefined;
  /** This call's cancel token and progress callback; long jobs check one and feed the other. */
  job: JobControl;
  /** The long jobs running in this process, for the progress bar and Cancel. */
  jobs: JobRegistry;
  /** Who is calling: the signed-in user on the office server, the local admin on the desktop and CLI. */
  actor: Actor;
};

export type Host = {
  /** Asks the user where to save; resolves to the chosen path after writing, or null when cancelled. */
  saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
  /** The data file was copied to `file`: use it from now on (the desktop app records it and restarts). */
  relocateDataFile?: (file: string) => void;
  /** Work on the office server at `origin` from the next start, its certificate pinned to `fingerprint` (the desktop app restarts). */
  connectServer?: (origin: string, fingerprint: string) => void;
  /** The system's folder picker, titled in the user's language; null when cancelled. */
  chooseFolder?: (title: string, current: string | null) => Promise<string | null>;
};

/** The data file as a whole, for backups: replacing it (a restore) closes the connection and reopens it. */
export type FileLifecycle = {
  replace(run: (dbPath: string) => Promise<void>): Promise<void>;
  /** What the start-up backup did, for Settings: an i18n key when it failed (folder missing, disk full). */
  startupBackup: { file: string | null; error: string | null };
};

/** Today on the office's clock (local date), not UTC. */
export const today = (ctx: Pick<Ctx, 'now'>) => localIsoDate(ctx.now());
export const stamp = (ctx: Pick<Ctx, 'now'>) => ctx.now().toISOString();
