import fs from 'node:fs';
import path from 'node:path';
import { importJson } from '../../exchange/json.ts';
import { CSV_ENCODINGS, IMPORT_ENTITIES, type CsvEncoding, type ImportEntity } from '../../../../shared/contract/imports.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { CliError, dbOption, defineCommand, type CliIo } from '../command.ts';
import { must, withServices } from '../services.ts';
import { importDoneText, importTotalsText } from '../../../../shared/import-summary.ts';

/** Rolls a transaction back after checking everything in it: --dry-run proves the import without keeping it. */
class DryRun extends Error {}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'cli.import.summary',
  options: {
    db: dbOption,
    in: { type: 'string', summary: 'cli.import.in', required: true, value: 'PATH' },
    'dry-run': { type: 'boolean', summary: 'cli.import.dryRun' },
    entity: { type: 'string', summary: 'cli.import.entity', choices: IMPORT_ENTITIES, value: IMPORT_ENTITIES.join('|') },
    duplicates: { type: 'string', summary: 'cli.import.duplicates', choices: ['skip', 'merge'], value: 'skip|merge' },
    encoding: { type: 'string', summary: 'cli.import.encoding', choices: CSV_ENCODINGS, value: CSV_ENCODINGS.join('|') },
  },
  help: ['cli.import.help'],
  async run(args, io) {
    if (!fs.existsSync(args.in)) throw new CliError('cli.noSuchFile', { file: args.in });
    const ext = path.extname(args.in).toLowerCase();
    if (ext === '.csv' || ext === '.xlsx') return importSheet(args, io);
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

type SheetArgs = {
  db: string;
  in: string;
  'dry-run': boolean;
  entity?: string | undefined;
  duplicates?: string | undefined;
  encoding?: string | undefined;
};

/** A spreadsheet through the same preview and commit calls as the mapping screen, with the guessed columns. */
async function importSheet(args: SheetArgs, io: CliIo) {
  if (!args.entity) throw new CliError('cli.usage.missingOption', { option: '--entity', command: 'import' });
  const request = {
    entity: args.entity as ImportEntity,
    fileName: path.basename(args.in),
    contentBase64: fs.readFileSync(args.in).toString('base64'),
    ...(args.encoding ? { encoding: args.encoding as CsvEncoding } : {}),
  };
  await withServices(io, args.db, async (services) => {
    const preview = must(await services.call('import.preview', request));
    if (preview.encoding) io.out(io.t('cli.import.readAs', { encoding: io.t(`import.encodings.${preview.encoding}`) }));
    if (preview.unmapped.length) throw new CliError('import.errors.unmapped', { fields: preview.unmapped.join(', ') });
    for (const row of preview.rows) {
      for (const p of row.problems) {
        const field = preview.fields.find((f) => f.key === p.field);
        io.err(io.t('cli.import.rowProblem', { line: row.line, field: field ? io.t(field.label) : '', message: translateMessage(io.t, p.message) }));
      }
    }
    io.out(importTotalsText(io.t, preview.totals));
    if (args['dry-run']) return;
    const result = must(await services.call('import.commit', { ...request, duplicates: (args.duplicates ?? 'skip') as 'skip' | 'merge' }));
    io.out(importDoneText(io.t, result));
  });
}
