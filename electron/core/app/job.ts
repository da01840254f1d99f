import { AppFailure } from '../../../shared/contract/result.ts';

/** What a cancelled job answers: no error to explain, the user asked for it. */
export const CANCELLED = new AppFailure({ kind: 'cancelled', message: 'jobs.cancelled' });

/** An AbortSignal, or the protocol's token that also reads a flag shared with the thread that asked. */
export type CancelToken = { readonly aborted: boolean };

/**
 * What a long job (import, report, export, backup, restore) is handed: a token to check between
 * steps (a cancelled job throws and writes nothing) and where to say how far it got.
 */
export type JobControl = { signal: CancelToken; onProgress: (done: number, total: number) => void };

/** For calls nobody can cancel or watch (the CLI's quick calls, tests). */
export const noJob = (): JobControl => ({ signal: new AbortController().signal, onProgress: () => {} });

/** Stops a job that was cancelled, with the answer a cancelled job gives whatever threw. */
export function checkCancelled(job: JobControl) {
  if (job.signal.aborted) throw CANCELLED;
}

/** One of `parts` equal steps of a job (a restore: the copy aside, then the restore), as a job of its own. */
export function partOf(job: JobControl, index: number, parts: number): JobControl {
  const scale = 1000;
  return {
    signal: job.signal,
    onProgress: (done, total) => job.onProgress(index * scale + (total > 0 ? Math.round((done / total) * scale) : 0), parts * scale),
  };
}
