import type { TFunction } from 'i18next';
import { AppFailure, type AppError } from '../../../shared/contract/result.ts';
import { translateMessage } from '../../../shared/i18n/index.ts';
import { toAppError } from '../app/errors.ts';
import { DatabaseOpenError } from '../db/open.ts';
import { CliError } from './command.ts';
import { messageOf, codeOf, pathOf } from '../app/error-info.ts';

/** A failed call's error as one readable line: every field problem with its field's name. */
export function describeAppError(error: AppError, t: TFunction): string {
  switch (error.kind) {
    case 'validation':
      return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${translateMessage(t, i.message)}`).join('; ');
    case 'not_found':
      return `${translateMessage(t, 'errors.not_found')} (${error.entity} ${error.id})`;
    default:
      return translateMessage(t, error.message);
  }
}

/** Whatever a command threw, as one translated line; unexpected errors keep their own text for the log. */
export function describeFailure(error: unknown, t: TFunction): string {
  if (error instanceof CliError) return t(error.key, error.params as Record<string, string>);
  if (error instanceof DatabaseOpenError) return t(`open.${error.reason}`, error.params as Record<string, string>);
  if (error instanceof AppFailure) return describeAppError(error.error, t);
  const code = codeOf(error) ?? '';
  if (code === 'ENOENT') return t('cli.noSuchFile', { file: pathOf(error) ?? '' });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return t('cli.noPermission', { file: pathOf(error) ?? '' });
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return t('errors.disk_full');
  const app = toAppError(error, () => {});
  if (app.kind === 'internal') return `${t('errors.internal')} (${messageOf(error)})`;
  return describeAppError(app, t);
}
