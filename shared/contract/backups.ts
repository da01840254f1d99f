import { z } from './zod-messages.ts';

export type BackupInfo = {
  name: string;
  /** ISO date-time the copy was taken. */
  at: string;
  kind: 'auto' | 'manual' | 'before-migration' | 'before-restore' | 'before-import' | 'before-move';
  bytes: number;
  /** Records per entity in the copy; null when it cannot be read (then it cannot be restored either). */
  counts: Record<string, number> | null;
};

export type BackupStatus = {
  dir: string;
  defaultDir: string;
  custom: boolean;
  /** i18n key when the start-up backup failed (folder unavailable, disk full). */
  startupError: string | null;
  entries: BackupInfo[];
};

/** A backup is named from the list, never by a path: the renderer cannot point the app at arbitrary files. */
export const backupRestore = z.object({ name: z.string().regex(/^[^/\\]+\.sqlite$/, 'errors.invalid') }).strict();

/** null goes back to the folder beside the data file. */
export const backupFolder = z
  .object({
    dir: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .transform((v) => (v ? v : null)),
  })
  .strict();

/** `opened` is false where the app cannot open folders (the browser): then `dir` is shown instead. */
export type FolderOpened = { opened: boolean; dir: string };

export type RestoreResult = { restored: string; asideCopy: string | null };
