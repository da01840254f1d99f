import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings.ts';
import { useMutate } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

/** The staff list (task assignees, one name per line) and the home screen's reminder window. */
export function StaffSettings({ settings }: { settings: Settings | undefined }) {
  const { t } = useLocale();
  const update = useMutate('settings.update');
  const [staff, setStaff] = useState('');
  const [days, setDays] = useState('60');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!settings) return;
    setStaff(settings.staff.join('\n'));
    setDays(String(settings.reminderWindowDays));
  }, [settings]);
  const save = async () => {
    setMessage(null);
    try {
      const names = [...new Set(staff.split('\n').map((s) => s.trim()).filter(Boolean))];
      await update.mutateAsync({ staff: names, reminderWindowDays: Number(days) });
      setMessage('common.saved');
    } catch (failure) {
      setMessage(failureMessage(failure));
    }
  };
  return (
    <fieldset className="panel">
      <legend>{t('home.settingsTitle')}</legend>
      <FormMessage message={message === 'common.saved' ? null : message} />
      {message === 'common.saved' ? <p className="notice-ok">{t('common.saved')}</p> : null}
      <div className="grid">
        <div className="field">
          <label htmlFor="staff">{t('home.staff')}</label>
          <textarea id="staff" rows={4} value={staff} onChange={(e) => setStaff(e.target.value)} />
          <span className="muted">{t('home.staffHelp')}</span>
        </div>
        <div className="field">
          <label htmlFor="reminderWindowDays">{t('home.window')}</label>
          <input id="reminderWindowDays" type="number" min={1} max={366} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={update.isPending}>
          {t('home.saveStaff')}
        </button>
      </div>
    </fieldset>
  );
}
