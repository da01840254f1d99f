import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings.ts';
import { useMutate } from '../../api.ts';
import { cleanStaff, StaffListEditor } from '../../components/StaffListEditor.tsx';
import { useLocale } from '../../i18n.ts';
import { useUnsavedGuard } from '../../components/form-care.tsx';
import { SectionForm, useSave } from './SettingsSection.tsx';

/** The staff list (task assignees), one row per person, and the home screen's reminder window. */
export function StaffSettings({ settings }: { settings: Settings | undefined }) {
  const { t } = useLocale();
  const update = useMutate('settings.update');
  const save = useSave();
  const [staff, setStaff] = useState<string[]>([]);
  const [days, setDays] = useState('60');
  useUnsavedGuard(!!settings && (JSON.stringify(cleanStaff(staff)) !== JSON.stringify(settings.staff) || days !== String(settings.reminderWindowDays)));
  useEffect(() => {
    if (!settings) return;
    setStaff(settings.staff);
    setDays(String(settings.reminderWindowDays));
  }, [settings]);
  return (
    <SectionForm
      section="staff"
      save={save}
      pending={update.isPending}
      label={t('home.saveStaff')}
      onSave={async () => {
        const saved = await update.mutateAsync({ staff: cleanStaff(staff), reminderWindowDays: Number(days) });
        setStaff(saved.staff);
        return 'common.saved';
      }}
    >
      <div className="grid">
        <div className="field">
          <span className="label" id="staff-label">
            {t('home.staff')}
          </span>
          <StaffListEditor id="staff" value={staff} onChange={setStaff} />
          <span className="muted">{t('firstrun.staff.help')}</span>
        </div>
        <div className="field">
          <label htmlFor="reminderWindowDays">{t('home.window')}</label>
          <input id="reminderWindowDays" type="number" min={1} max={366} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
      </div>
    </SectionForm>
  );
}
