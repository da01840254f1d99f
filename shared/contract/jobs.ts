import { z } from './zod-messages.ts';

/**
 * The calls that may take seconds on a large office: they run off the thread that answers the
 * screen (a worker), report how far they got and can be cancelled. The screen names each run
 * with a job id of its own to ask about it.
 */
export const LONG_CALLS = ['import.preview', 'import.commit', 'reports.generate', 'export.file', 'backups.now', 'backups.restore'] as const;
export type LongCall = (typeof LONG_CALLS)[number];
export const isLongCall = (name: string): name is LongCall => (LONG_CALLS as readonly string[]).includes(name);

export const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'errors.invalid');
export const jobRef = z.object({ id: jobId }).strict();

/** `running: false` once the job answered (or for an id never seen). */
export type JobProgress = { running: boolean; done: number; total: number };
