// The start-up reminders as system notifications: overdue tasks, and agreements due for renewal or expiry.
import { Notification, type BrowserWindow } from 'electron';
import { createI18n } from '../../shared/i18n/index.ts';
import { officeLocale } from '../../shared/region.ts';
import { remindAgreementDates, remindOverdue, type Notify } from '../core/features/home/reminders.ts';
import type { Services } from '../core/services.ts';

export async function remindAtStartup(services: Pick<Services, 'call'>, window: () => BrowserWindow | null) {
  if (!Notification.isSupported()) return;
  const [summary, settings] = await Promise.all([services.call('home.summary', {}), services.call('settings.get', {})]);
  if (!summary.ok || !settings.ok) return;
  const { language } = settings.value;
  const notify: Notify = (note) => {
    const notification = new Notification(note);
    notification.on('click', () => {
      const win = window();
      if (win?.isMinimized()) win.restore();
      win?.focus();
    });
    notification.show();
  };
  const { t } = createI18n(language);
  const locale = officeLocale(language, settings.value.region.country);
  remindOverdue(summary.value, t, locale, notify);
  remindAgreementDates(summary.value, t, locale, notify);
}
