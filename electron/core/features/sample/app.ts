import { conflict } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { loadSampleData } from './sample-data.ts';
import { highWaterMarks, removeSampleRows, sampleLoaded, storedSettings, tagSampleRows } from './rows.ts';

export const sampleHandlers: Handlers<'sample.load' | 'sample.remove'> = {
  'sample.load': mutation(async (_input, ctx) => {
    const sqlite = ctx.opened.sqlite;
    if (sampleLoaded(sqlite)) throw conflict('errors.sample_loaded');
    const marks = highWaterMarks(sqlite);
    const settingsBefore = storedSettings(sqlite);
    const loaded = await loadSampleData(ctx);
    tagSampleRows(sqlite, marks, settingsBefore);
    return loaded;
  }),
  'sample.remove': mutation(async (_input, ctx) => {
    if (!sampleLoaded(ctx.opened.sqlite)) throw conflict('firstrun.sample.notLoaded');
    return removeSampleRows(ctx);
  }),
};
