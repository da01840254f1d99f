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

/**
 * The start-up reminder for agreements whose renewal or expiry falls inside the Settings window
 * (the same list as Home): one notification naming the soonest and how many more; none when there are none.
 */
export function remindAgreementDates(summary: Pick<HomeSummary, 'agreementDates'>, t: TFunction, locale: string, notify: Notify): boolean {
  const dates = [...summary.agreementDates].sort((a, b) => a.date.localeCompare(b.date));
  const first = dates[0];
  if (!first) return false;
  const agreements = new Set(dates.map((d) => d.agreementId)).size;
  const key = first.which === 'renewal' ? 'desktop.notify.renewalBody' : 'desktop.notify.expiryBody';
  const more = dates.length - 1;
  notify({
    title: t('desktop.notify.agreementsTitle', { count: agreements }),
    body: t(key, { partner: first.partnerName, date: formatDate(first.date, locale, 'long') }) + (more > 0 ? t('desktop.notify.more', { count: more }) : ''),
  });
  return true;
}
