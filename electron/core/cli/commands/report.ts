import fs from 'node:fs';
import path from 'node:path';
import type { ReportRequest } from '../../../../shared/contract/reports.ts';
import type { Language } from '../../../../shared/contract/settings.ts';
import { CliError, dbOption, defineCommand, type CliIo } from '../command.ts';
import { must, withServices } from '../services.ts';

const outOption = { type: 'string', summary: 'cli.report.out', required: true, value: 'FILE.docx' } as const;
const idOption = { type: 'number', summary: 'cli.report.id', required: true, value: 'ID' } as const;
const regionOption = { type: 'string', summary: 'cli.report.region', value: 'UY|BR|MX…' } as const;

/**
 * Generates through the same `reports.generate` call as the screen. The report's
 * language is --lang, else the data file's language setting. Written beside the
 * target and renamed, so an interrupted run never leaves half a document.
 */
async function write(io: CliIo, args: { db: string; out: string; region?: string | undefined }, request: (language: Language) => ReportRequest) {
  const { db, out } = args;
  if (!fs.existsSync(db)) throw new CliError('cli.noSuchFile', { file: db });
  await withServices(io, db, async (services) => {
    const file = must(
      await services.call('reports.generate', { report: { ...request(io.language), ...(args.region ? { region: args.region } : {}) }, target: 'download' }),
    );
    if (file.delivered !== 'bytes') throw new CliError('cli.report.notWritten', { file: out });
    const target = path.resolve(out);
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, Buffer.from(file.base64, 'base64'));
    fs.renameSync(partial, target);
    io.out(io.t('cli.report.done', { file: target }));
  });
}

const positiveId = (n: number) => {
  if (!Number.isInteger(n) || n < 1) throw new CliError('cli.usage.badNumber', { option: '--id', value: String(n) });
  return n;
};

const annual = defineCommand({
  name: 'annual',
  summary: 'cli.report.annual',
  options: { db: dbOption, year: { type: 'number', summary: 'cli.report.year', required: true, value: 'YYYY' }, out: outOption, region: regionOption },
  run: (args, io) => write(io, args, (language) => ({ kind: 'annual', year: args.year, language })),
});

const agreement = defineCommand({
  name: 'agreement',
  summary: 'cli.report.agreement',
  options: { db: dbOption, id: idOption, out: outOption, region: regionOption },
  run: (args, io) => write(io, args, (language) => ({ kind: 'agreement', id: positiveId(args.id), language })),
});

const visit = defineCommand({
  name: 'visit',
  summary: 'cli.report.visit',
  options: { db: dbOption, id: idOption, out: outOption, region: regionOption },
  run: (args, io) => write(io, args, (language) => ({ kind: 'visit', id: positiveId(args.id), language })),
});

const commitments = defineCommand({
  name: 'commitments',
  summary: 'cli.report.commitments',
  options: {
    db: dbOption,
    partner: { type: 'number', summary: 'cli.report.partner', value: 'ID' },
    'as-at': { type: 'string', summary: 'cli.report.asAt', value: 'YYYY-MM-DD' },
    out: outOption,
    region: regionOption,
  },
  // The date is checked by the call's schema, like the screen's: a wrong one gets the same message.
  run: (args, io) =>
    write(io, args, (language) => ({
      kind: 'commitments',
      ...(args.partner === undefined ? {} : { partnerId: positiveId(args.partner) }),
      ...(args['as-at'] === undefined ? {} : { asAt: args['as-at'] }),
      language,
    })),
});

/** `report annual|agreement|visit|commitments --db FILE … --out FILE.docx [--lang es|pt|en]` */
export const reportCommand = defineCommand({
  name: 'report',
  summary: 'cli.report.summary',
  options: {},
  help: ['cli.report.help'],
  subcommands: [annual, agreement, visit, commitments],
});
