import type { TFunction } from 'i18next';
import type { HomeSummary } from '../../../../shared/contract/home.ts';
import { formatDate } from '../../../../shared/format.ts';

export type Notify = (note: { title: string; body: string }) => void;

/**
 * The start-up reminder: one system notification when something is overdue,
 * none otherwise. A plain function so it is tested without Electron; the shell
 * passes Electron's Notification as `notify`.
 */
export function remindOverdue(summary: Pick<HomeSummary, 'overdue'>, t: TFunction, locale: string, notify: Notify): boolean {
  const { total, rows } = summary.overdue;
  if (total === 0) return false;
  const first = rows[0];
  notify({
    title: t('home.notifyTitle', { count: total }),
    body: first ? t('home.notifyBody', { title: first.title, due: formatDate(first.dueOn, locale, 'long'), count: total - 1 }) : '',
  });
  return true;
}
