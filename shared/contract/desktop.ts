import { z } from './zod-messages.ts';

/** A folder on this computer for the data file; the file keeps its name. */
export const dataFileMove = z.object({ dir: z.string().trim().min(1, 'errors.required').max(1000) }).strict();

/** The system's folder picker: `available` is false outside the desktop app (type the path instead); `dir` null when cancelled. */
export type FolderChosen = { available: boolean; dir: string | null };

export type DataFileMoved = { file: string };
/** `opened` is false where the app cannot open folders (the browser): then `dir` is shown instead. */
export type LogFolder = { opened: boolean; dir: string | null };
