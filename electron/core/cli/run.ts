import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../../shared/contract/settings.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { languageFromEnv } from '../terminal.ts';
import { officeLocale } from '../../../shared/region.ts';
import { CliError, type Command, type CliIo, type OptionSpecs } from './command.ts';
import { describeFailure } from './failure.ts';
import { commands } from './registry.ts';
import { messageOf, codeOf } from '../app/error-info.ts';

export const PROGRAM = 'twinning-desk';

type Streams = {
  out(line: string): void;
  err(line: string): void;
  env?: NodeJS.ProcessEnv;
  workerUrl?: URL;
  readSecret?: (prompt: string) => Promise<string | null>;
};

const langOption = { type: 'string', summary: 'cli.opt.lang', choices: LANGUAGES, value: 'es|pt|en' } as const;
const helpOption = { type: 'boolean', summary: 'cli.opt.help' } as const;

/** Runs one command line and returns the exit code; never throws, never calls process.exit. */
export async function runCli(argv: readonly string[], streams: Streams): Promise<number> {
  const env = streams.env ?? process.env;
  const io = makeIo(streams, env, explicitLanguage(argv, env));
  io.workerUrl = streams.workerUrl;
  try {
    const { command, path, rest } = resolve(argv);
    if (!command) {
      if (argv.length > 0 && argv[0] !== '--help' && argv[0] !== 'help') return fail(io, new CliError('cli.unknownCommand', { name: argv[0] }));
      io.out(generalHelp(io));
      return 0;
    }
    const args = parse(command, rest);
    if (args.help || !command.run) {
      io.out(commandHelp(command, path, io));
      return args.help ? 0 : 2;
    }
    await command.run(args, io);
    return 0;
  } catch (error) {
    return fail(io, error);
  }
}

function fail(io: CliIo, error: unknown): number {
  io.err(io.t('cli.errorLine', { message: describeFailure(error, io.t) }));
  return error instanceof CliError && error.key.startsWith('cli.usage') ? 2 : 1;
}

function explicitLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language | null {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at];
  const raw = flag === undefined ? env.TWINNING_LANG : flag.includes('=') ? flag.split('=')[1] : argv[at + 1];
  return (LANGUAGES as readonly string[]).includes(raw ?? '') ? (raw as Language) : null;
}

function makeIo(streams: Streams, env: NodeJS.ProcessEnv, fixed: Language | null): CliIo {
  let country: string | null = null;
  const io: CliIo = {
    out: streams.out,
    err: streams.err,
    env,
    language: fixed ?? languageFromEnv(env),
    languageFixed: fixed !== null,
    t: createI18n(fixed ?? languageFromEnv(env), () => io.locale).t,
    locale: officeLocale(fixed ?? languageFromEnv(env), null),
    readSecret: streams.readSecret ?? (async () => null),
    setLanguage(language) {
      io.language = language;
      io.t = createI18n(language, () => io.locale).t;
      io.locale = officeLocale(language, country);
    },
    setRegion(code) {
      country = code;
      io.locale = officeLocale(io.language, country);
    },
  };
  return io;
}

/** Walks `report annual …` down the subcommands; the remaining words are options. */
function resolve(argv: readonly string[]): { command: Command | null; path: string[]; rest: string[] } {
  let list: readonly Command[] = commands;
  let command: Command | null = null;
  const path: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const found = list.find((c) => c.name === argv[i]);
    if (!found) break;
    command = found;
    path.push(found.name);
    list = found.subcommands ?? [];
  }
  const next = argv[i];
  if (command && command.subcommands?.length && next !== undefined && !next.startsWith('-')) {
    throw new CliError('cli.usage.unknownSubcommand', { name: next, command: path.join(' ') });
  }
  return { command, path, rest: argv.slice(i) };
}

function allOptions(command: Command): OptionSpecs {
  return { ...command.options, lang: langOption, help: helpOption };
}

function parse(command: Command, rest: string[]) {
  const specs = allOptions(command);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, { type: s.type === 'boolean' ? 'boolean' : 'string' }])),
    });
  } catch (error) {
    const code = codeOf(error);
    const option = /'(-[^' ]+)/.exec(messageOf(error))?.[1] ?? '';
    throw new CliError(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'cli.usage.unknownOption' : 'cli.usage.badOption', { option, command: command.name });
  }
  const values: Record<string, unknown> = { _: parsed.positionals };
  for (const [key, spec] of Object.entries(specs)) {
    const raw = parsed.values[key];
    if (spec.type === 'boolean') {
      values[key] = raw === true;
      continue;
    }
    if (raw === undefined) {
      if (spec.required && !parsed.values.help) throw new CliError('cli.usage.missingOption', { option: `--${key}`, command: command.name });
      continue;
    }
    const text = String(raw);
    if (spec.choices && !spec.choices.includes(text)) {
      throw new CliError('cli.usage.badChoice', { option: `--${key}`, value: text, choices: spec.choices.join(', ') });
    }
    if (spec.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new CliError('cli.usage.badNumber', { option: `--${key}`, value: text });
      values[key] = n;
    } else values[key] = text;
  }
  return values as { help?: boolean } & Record<string, never> & { _: string[] };
}

function optionLines(specs: OptionSpecs, io: CliIo): string[] {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value = spec.type === 'boolean' ? '' : ` ${spec.value ?? (spec.type === 'number' ? 'N' : 'TEXT')}`;
    const flag = `--${name}${value}`;
    return [flag, `${io.t(spec.summary)}${spec.required ? ` (${io.t('cli.required')})` : ''}`] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

export function commandHelp(command: Command, path: string[], io: CliIo): string {
  const lines = [
    `${io.t('cli.usage.label')}: ${PROGRAM} ${path.join(' ')}${command.subcommands?.length ? ' <…>' : ''} [${io.t('cli.optionsWord')}]`,
    '',
    io.t(command.summary),
  ];
  if (command.subcommands?.length) {
    lines.push('', `${io.t('cli.subcommands')}:`, ...listLines(command.subcommands, io));
  }
  lines.push('', `${io.t('cli.optionsTitle')}:`, ...optionLines(allOptions(command), io));
  for (const key of command.help ?? []) lines.push('', io.t(key));
  return lines.join('\n');
}

function listLines(list: readonly Command[], io: CliIo): string[] {
  const width = Math.max(...list.map((c) => c.name.length));
  return list.map((c) => `  ${c.name.padEnd(width)}  ${io.t(c.summary)}`);
}

export function generalHelp(io: CliIo): string {
  return [
    `${io.t('cli.usage.label')}: ${PROGRAM} <${io.t('cli.commandWord')}> [${io.t('cli.optionsWord')}]`,
    '',
    io.t('cli.intro'),
    '',
    `${io.t('cli.commands')}:`,
    ...listLines(commands, io),
    '',
    io.t('cli.moreHelp', { program: PROGRAM }),
  ].join('\n');
}
