import type { Handlers } from '../../app/handlers.ts';

/** The progress bar asks how far a long job got, and its Cancel button stops it. */
export const jobHandlers: Handlers<'jobs.progress' | 'jobs.cancel'> = {
  'jobs.progress': async ({ id }, ctx) => ctx.jobs.progress(id),
  'jobs.cancel': async ({ id }, ctx) => ({ cancelled: ctx.jobs.cancel(id) }),
};
