import type { JobProgress } from '../../../shared/contract/jobs.ts';
import type { JobControl } from '../app/job.ts';

export type RunningJob = { control: JobControl & { signal: AbortSignal }; finish(): void };

/**
 * The long jobs running now, by the id the screen gave them: how far each got, for the progress
 * bar that asks, and the way to cancel one. A job leaves the list when it answers.
 */
export function createJobRegistry() {
  const jobs = new Map<string, { controller: AbortController; done: number; total: number }>();
  return {
    /** A job under `id` (or unnamed, when nobody will ask about it). */
    start(id?: string): RunningJob {
      const entry = { controller: new AbortController(), done: 0, total: 0 };
      // An id already running is another screen's job: this one runs unwatched rather than take it over.
      const named = id !== undefined && !jobs.has(id);
      if (named) jobs.set(id, entry);
      return {
        control: {
          signal: entry.controller.signal,
          onProgress(done, total) {
            entry.done = done;
            entry.total = total;
          },
        },
        finish: () => {
          if (named && jobs.get(id) === entry) jobs.delete(id);
        },
      };
    },
    progress(id: string): JobProgress {
      const entry = jobs.get(id);
      return entry ? { running: true, done: entry.done, total: entry.total } : { running: false, done: 0, total: 0 };
    },
    cancel(id: string): boolean {
      const entry = jobs.get(id);
      entry?.controller.abort();
      return entry !== undefined;
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;
