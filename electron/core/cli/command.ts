import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/contract/settings.ts';

/** One option of a command; `summary` is an i18n key, so `--help` speaks the user's language. */
export type OptionSpec = {
  type: 'string' | 'boolean' | 'number';
  summary: string;
  required?: boolean;
  choices?: readonly string[];
  /** Shown in `--help` as the value's name, e.g. FILE. */
  value?: string;
};
export type OptionSpecs = Record<string, OptionSpec>;

/** An option with `choices` is one of them: the parser refuses any other value (`cli.usage.badChoice`) before a command runs. */
type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'number'
    ? number
    : S['choices'] extends readonly (infer C extends string)[]
      ? C
      : string;
/** The parsed options: required ones are always there, booleans default to false, the rest may be missing. */
export type ArgsOf<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['required'] extends true ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
} & { _: string[] };

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Translates in the current language; the language may change once the data file's settings are read. */
  t: TFunction;
  language: Language;
  /** True when --lang or TWINNING_LANG chose the language, so the file's own setting must not override it. */
  languageFixed: boolean;
  setLanguage(language: Language): void;
  /** The locale numbers and dates are written in: the language with the data file's region once it is read (es-UY). */
  locale: string;
  setRegion(country: string | null): void;
  env: NodeJS.ProcessEnv;
  /** The job worker's file: long calls (import, report, export, backup) run there. Absent: in this thread. */
  workerUrl?: URL | undefined;
  /** A password from standard input (never an argument: those stay in shell history and `ps`); null when none came. */
  readSecret(prompt: string): Promise<string | null>;
};

export type Command = {
  name: string;
  /** i18n key of the one-line summary. */
  summary: string;
  options: OptionSpecs;
  /** A command with subcommands (`report annual|visit`) dispatches on the next word. */
  subcommands?: readonly Command[];
  /** i18n keys of extra help paragraphs (examples, what the command touches). */
  help?: readonly string[];
  run?(args: ArgsOf<OptionSpecs>, io: CliIo): Promise<void>;
};

/** Declares a command with its options typed from their specs. */
export function defineCommand<O extends OptionSpecs>(command: {
  name: string;
  summary: string;
  options: O;
  help?: readonly string[];
  subcommands?: readonly Command[];
  run?(args: ArgsOf<O>, io: CliIo): Promise<void>;
}): Command {
  return command as unknown as Command;
}

/** A failure the user can act on: an i18n key and its parameters, printed as one line. */
export class CliError extends Error {
  readonly key: string;
  readonly params: Record<string, unknown>;
  constructor(key: string, params: Record<string, unknown> = {}) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

// Options most commands share.
export const dbOption = { type: 'string', summary: 'cli.opt.db', required: true, value: 'FILE' } as const;
export const jsonOption = { type: 'boolean', summary: 'cli.opt.json' } as const;
