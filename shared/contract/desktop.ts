import { z } from './zod-messages.ts';

/** A folder on this computer for the data file; the file keeps its name. */
export const dataFileMove = z.object({ dir: z.string().trim().min(1, 'errors.required').max(1000) }).strict();

/** Desktop: the office server's address, to read its certificate's fingerprint before connecting. */
export const serverProbe = z.object({ address: z.string().trim().min(1, 'errors.required').max(300) }).strict();
/** Desktop: connect to the office server whose fingerprint the user compared; it is pinned from then on. */
export const serverConnect = z
  .object({ address: z.string().trim().min(1, 'errors.required').max(300), fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'errors.format') })
  .strict();
export type ServerProbe = { origin: string; fingerprint: string };
/** The system's folder picker: `available` is false outside the desktop app (type the path instead); `dir` null when cancelled. */
export type FolderChosen = { available: boolean; dir: string | null };

export type DataFileMoved = { file: string };
/** `opened` is false where the app cannot open folders (the browser): then `dir` is shown instead. */
export type LogFolder = { opened: boolean; dir: string | null };
