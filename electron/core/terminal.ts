import type { Language } from '../../shared/contract/settings.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { DatabaseOpenError } from './db/open.ts';

/** The terminal's language: TWINNING_LANG, else the locale variables, else Spanish. */
export function languageFromEnv(env: NodeJS.ProcessEnv = process.env): Language {
  const raw = (env.TWINNING_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').slice(0, 2).toLowerCase();
  return raw === 'pt' || raw === 'en' ? raw : 'es';
}

export const terminalT = () => createI18n(languageFromEnv()).t;

/** One clear line for the terminal, in the user's language, for a file we could not open. */
export function describeOpenError(error: unknown): string | null {
  if (!(error instanceof DatabaseOpenError)) return null;
  return terminalT()(`open.${error.reason}`, error.params as Record<string, string>);
}
