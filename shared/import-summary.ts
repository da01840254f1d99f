import type { TFunction } from 'i18next';
import type { ImportPreview, ImportResult } from './contract/imports.ts';

// "1 fila válida" and "2 filas válidas": each count takes its own plural form,
// for the import screen and the CLI alike.
const counted = (t: TFunction, values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([key, count]) => [key, t(`import.count.${key}`, { count })]));

export function importTotalsText(t: TFunction, totals: ImportPreview['totals']): string {
  return t('import.totals', counted(t, totals));
}

export function importDoneText(t: TFunction, { backup, ...counts }: ImportResult): string {
  return backup === null ? t('import.doneNoBackup', counted(t, counts)) : t('import.done', { ...counted(t, counts), backup });
}
