import fs from 'node:fs';
import path from 'node:path';
import { writable } from '../../db/open.ts';
import { inspectFile, isHealthy } from '../../backup/inspect.ts';
import { CliError, dbOption, defineCommand, jsonOption } from '../command.ts';
import { messageOf } from '../../app/error-info.ts';

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'cli.check.summary',
  options: { db: dbOption, json: jsonOption },
  help: ['cli.check.help'],
  async run(args, io) {
    if (!fs.existsSync(args.db)) throw new CliError('cli.noSuchFile', { file: args.db });
    let report;
    try {
      report = inspectFile(args.db);
    } catch (error) {
      // SQLite cannot read a WAL file whose folder it may not write to; say that, not "unreadable".
      if (!writable(path.dirname(path.resolve(args.db)))) throw new CliError('open.read_only', { file: args.db });
      throw new CliError('cli.check.unreadable', { file: args.db, reason: messageOf(error) });
    }
    if (args.json) io.out(JSON.stringify({ ...report, healthy: isHealthy(report) }));
    else {
      const t = io.t;
      io.out(t('cli.check.file', { file: report.file }));
      io.out(report.ours ? t('cli.check.version', { version: report.schemaVersion, latest: report.latestVersion }) : t('cli.check.notOurs'));
      io.out(
        report.integrity.join() === 'ok' ? t('cli.check.integrityOk') : t('cli.check.integrityBad', { problems: report.integrity.slice(0, 5).join('; ') }),
      );
      io.out(
        report.foreignKeyProblems.length === 0
          ? t('cli.check.foreignKeysOk')
          : t('cli.check.foreignKeysBad', {
              count: report.foreignKeyProblems.length,
              tables: [...new Set(report.foreignKeyProblems.map((p) => p.table))].join(', '),
            }),
      );
      for (const finding of report.findings) io.out(`! ${t(finding.key, finding.params as Record<string, string>)}`);
      if (Object.keys(report.counts).length) {
        io.out(t('cli.check.counts'));
        const width = Math.max(...Object.keys(report.counts).map((k) => k.length));
        for (const [table, n] of Object.entries(report.counts)) io.out(`  ${table.padEnd(width)}  ${n}`);
      }
    }
    if (!isHealthy(report)) throw new CliError('cli.check.problems', { file: args.db });
  },
});
