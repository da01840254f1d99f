import { dbOption, defineCommand } from '../command.ts';
import { must, withServices } from '../services.ts';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'cli.demo.summary',
  options: { db: dbOption },
  async run(args, io) {
    await withServices(io, args.db, async (services) => {
      const loaded = must(await services.call('sample.load', {}));
      io.out(io.t('cli.demo.done', { file: services.opened.path, localities: loaded.localities, agreements: loaded.agreements }));
    });
  },
});
