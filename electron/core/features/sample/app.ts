import { conflict } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { loadSampleData } from './sample-data.ts';

export const sampleHandlers: Handlers<'sample.load'> = {
  'sample.load': mutation(async (_input, ctx) => {
    const loaded = await ctx.db.selectFrom('localities').select('id').where('sample', 'is not', null).limit(1).executeTakeFirst();
    if (loaded) throw conflict('errors.sample_loaded');
    return loadSampleData(ctx);
  }),
};
