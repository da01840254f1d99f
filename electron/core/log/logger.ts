// The app's log file: what someone supporting an office needs when "it stopped working"
// (start-up, migrations, backups, imports, reports, every unexpected error with its stack)
// and nothing about the office's people: events carry call names, record ids, counts and
// timings, never text typed by a user. Plain Node (electron-log's Node entry), so the
// services log the same way in Electron's main or utility process, a worker or `npm run web`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import type { Result } from '../../../shared/contract/result.ts';

/** Only numbers, flags and short identifiers chosen by the code, never a user's text. */
export type LogFields = Record<string, number | boolean | null | undefined | string>;

export type Logger = {
  /** The folder holding `twinning-desk.log` and its older generations. */
  readonly dir: string;
  readonly file: string;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, error: unknown, fields?: LogFields): void;
};

export const LOG_FILE = 'twinning-desk.log';
const MAX_BYTES = 2 * 1024 * 1024;
/** Older files kept: twinning-desk.1.log (newest) … .3.log, so at most about 8 MB in all. */
const GENERATIONS = 3;

/** The logs folder beside a data file, for `npm run web`; the desktop app keeps its logs in its local app-data folder. */
export const logsDirFor = (dbPath: string) => path.join(path.dirname(path.resolve(dbPath)), 'logs');

const home = os.homedir();
/** A user's home folder often carries their name: written as ~. */
const withoutHome = (text: string) => (home.length > 1 ? text.split(home).join('~') : text);

/**
 * An error as one block: its type, code and stack. Quoted text in the message (where SQLite and libraries
 * put values) and e-mail addresses are masked, so an error about a record cannot carry what was typed in it.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const mask = (text: string) =>
    withoutHome(text)
      .replace(/(["'“«‘])(?:(?!\1|[”»’]).){1,500}?(["'”»’])/g, '$1…$2')
      .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, '…@…');
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${mask(error.message)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map(withoutHome);
  const cause = error.cause instanceof Error ? `\nCaused by: ${describeError(error.cause)}` : '';
  return [head, ...frames].join('\n') + cause;
}

const render = (event: string, fields: LogFields = {}) => {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? withoutHome(v) : String(v)}`);
  return [event, ...parts].join(' ');
};

/** Renames twinning-desk.log to .1.log, .1 to .2 …, dropping the oldest. */
function rotate(file: string) {
  const { dir, name, ext } = path.parse(file);
  const generation = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(generation(GENERATIONS), { force: true });
  for (let n = GENERATIONS - 1; n >= 1; n--) if (fs.existsSync(generation(n))) fs.renameSync(generation(n), generation(n + 1));
  fs.renameSync(file, generation(1));
}

/** A logger writing to `dir/twinning-desk.log`, rotated past 2 MB. One per process. */
export function openLog(dir: string): Logger {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOG_FILE);
  const instance = log.create({ logId: `twinning-${dir}` });
  instance.transports.console.level = false;
  instance.transports.file.level = 'info';
  instance.transports.file.maxSize = MAX_BYTES;
  instance.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  instance.transports.file.resolvePathFn = () => file;
  instance.transports.file.archiveLogFn = (old) => rotate(old.toString());
  return {
    dir,
    file,
    info: (event, fields) => instance.info(render(event, { pid: process.pid, ...fields })),
    warn: (event, fields) => instance.warn(render(event, { pid: process.pid, ...fields })),
    error: (event, error, fields) => instance.error(`${render(event, { pid: process.pid, ...fields })}\n${describeError(error)}`),
  };
}

/** Calls that only read are not logged (the window asks for lists all the time); every other call is, by name and ids. */
const READS = /\.(list|get|history|summary|entries|preview|similar|totals|tables|assets|info)$/;

/** One line per call that changed something or produced a file: its name, outcome, time and the record ids involved. */
export function logCall(logger: Logger, name: string, input: unknown, result: Result<unknown>, ms: number) {
  if (READS.test(name) && result.ok) return;
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v && typeof v.id === 'number' ? v.id : undefined);
  const fields: LogFields = { ms: Math.round(ms), id: id(input), resultId: result.ok ? id(result.value) : undefined };
  if (!result.ok) {
    const { error } = result;
    fields.error = error.kind;
    // A failure's message key and the fields refused, never the message's parameters: they may name people or places.
    if (error.kind === 'validation') fields.fields = error.issues.map((i) => i.path.join('.')).join(',');
    else if (error.kind === 'not_found') fields.entity = error.entity;
    else fields.key = error.message.split('|')[0];
  }
  const level = result.ok || result.error.kind === 'validation' ? 'info' : 'warn';
  logger[level](`call ${name} ${result.ok ? 'ok' : 'failed'}`, fields);
}
