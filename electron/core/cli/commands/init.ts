import { migrations } from '../../../../migrations/index.ts';
import { dbOption, defineCommand } from '../command.ts';
import { must, withServices } from '../services.ts';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'cli.init.summary',
  options: { db: dbOption },
  async run(args, io) {
    await withServices(io, args.db, async (services) => {
      const info = must(await services.call('app.info', {}));
      io.out(io.t('cli.init.done', { file: info.dbPath, version: info.schemaVersion, latest: migrations.at(-1)?.version ?? 0 }));
      if (services.opened.preMigrationCopy) io.out(io.t('cli.init.copy', { file: services.opened.preMigrationCopy }));
    });
  },
});
