import fs from 'node:fs';
import path from 'node:path';
import { importJson } from '../../exchange/json.ts';
import { CliError, dbOption, defineCommand } from '../command.ts';
import { withServices } from '../services.ts';

/** Rolls a transaction back after checking everything in it: --dry-run proves the import without keeping it. */
class DryRun extends Error {}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'cli.import.summary',
  options: {
    db: dbOption,
    in: { type: 'string', summary: 'cli.import.in', required: true, value: 'PATH' },
    'dry-run': { type: 'boolean', summary: 'cli.import.dryRun' },
  },
  help: ['cli.import.help'],
  async run(args, io) {
    if (!fs.existsSync(args.in)) throw new CliError('cli.noSuchFile', { file: args.in });
    const ext = path.extname(args.in).toLowerCase();
    if (ext !== '.json') throw new CliError('cli.import.unknownType', { file: args.in });
    const text = fs.readFileSync(args.in, 'utf8');
    await withServices(io, args.db, async (services) => {
      const sqlite = services.opened.sqlite;
      let counts: Record<string, number> = {};
      try {
        sqlite.transaction(() => {
          counts = importJson(sqlite, text);
          if (args['dry-run']) throw new DryRun();
        })();
      } catch (error) {
        if (!(error instanceof DryRun)) throw error;
      }
      const summary = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      io.out(io.t(args['dry-run'] ? 'cli.import.dryRunDone' : 'cli.import.done', { file: args.in, summary }));
    });
  },
});
