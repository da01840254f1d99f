import fs from 'node:fs';
import path from 'node:path';
import { CALENDAR_KINDS, type CalendarKind } from '../../../../shared/contract/calendar.ts';
import { CliError, dbOption, defineCommand } from '../command.ts';
import { must, withServices } from '../services.ts';

function parseKinds(text: string | undefined): CalendarKind[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      if (!(CALENDAR_KINDS as readonly string[]).includes(k)) throw new CliError('cli.calendar.badKinds', { kind: k, kinds: CALENDAR_KINDS.join(', ') });
      return k as CalendarKind;
    });
}

/** `calendar --db FILE --from DATE --to DATE --out FILE.ics`: the same export as the calendar screen's button. */
export const calendarCommand = defineCommand({
  name: 'calendar',
  summary: 'cli.calendar.summary',
  options: {
    db: dbOption,
    from: { type: 'string', summary: 'cli.calendar.from', required: true, value: 'DATE' },
    to: { type: 'string', summary: 'cli.calendar.to', required: true, value: 'DATE' },
    out: { type: 'string', summary: 'cli.calendar.out', required: true, value: 'FILE.ics' },
    kinds: { type: 'string', summary: 'cli.calendar.kinds', value: 'LIST' },
  },
  help: ['cli.calendar.help'],
  async run(args, io) {
    const kinds = parseKinds(args.kinds);
    if (!fs.existsSync(args.db)) throw new CliError('cli.noSuchFile', { file: args.db });
    await withServices(io, args.db, async (services) => {
      const file = must(await services.call('calendar.exportIcs', { from: args.from, to: args.to, ...(kinds ? { kinds } : {}) }));
      // Written beside the target and renamed, so an interrupted export never leaves half a calendar.
      const target = path.resolve(args.out);
      const partial = `${target}.partial`;
      fs.writeFileSync(partial, file.content, 'utf8');
      fs.renameSync(partial, target);
      io.out(io.t('cli.calendar.done', { count: file.events, file: target }));
    });
  },
});
