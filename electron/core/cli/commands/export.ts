import fs from 'node:fs';
import path from 'node:path';
import { exportJson } from '../../exchange/json.ts';
import { exportCsv, exportXlsx, tableLabel } from '../../exchange/sheets.ts';
import { writeFileAtomic } from '../../files/atomic.ts';
import { dbOption, defineCommand } from '../command.ts';
import { withServices } from '../services.ts';

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'cli.export.summary',
  options: {
    db: dbOption,
    format: { type: 'string', summary: 'cli.export.format', required: true, choices: ['json', 'csv', 'xlsx'], value: 'json|csv|xlsx' },
    out: { type: 'string', summary: 'cli.export.out', required: true, value: 'PATH' },
  },
  help: ['cli.export.help'],
  async run(args, io) {
    await withServices(io, args.db, async (services) => {
      const sqlite = services.opened.sqlite;
      if (args.format === 'json') writeFileAtomic(args.out, exportJson(sqlite));
      else if (args.format === 'xlsx') writeFileAtomic(args.out, await exportXlsx(sqlite, tableLabel(io.t)));
      else {
        fs.mkdirSync(args.out, { recursive: true });
        for (const file of exportCsv(sqlite, tableLabel(io.t))) writeFileAtomic(path.join(args.out, file.name), file.content);
      }
      io.out(io.t('cli.export.done', { file: path.resolve(args.out), format: args.format.toUpperCase() }));
    });
  },
});
