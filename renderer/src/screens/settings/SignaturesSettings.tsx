import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type Signatures } from '../../../../shared/contract/settings.ts';
import { useMutate } from '../../api.ts';
import { SectionForm, useSave } from './SettingsSection.tsx';
import { useLocale } from '../../i18n.ts';
import { useUnsavedGuard } from '../../components/form-care.tsx';

const FIELDS = ['preparedName', 'preparedTitle', 'approvedName', 'approvedTitle'] as const;

/** Who prepares and who approves the reports: optional, printed at the end of the annual report, trip report and statement. */
export function SignaturesSettings({ settings }: { settings: Settings | undefined }) {
  const { t } = useLocale();
  const update = useMutate('settings.update');
  const save = useSave();
  const [values, setValues] = useState<Signatures>(DEFAULT_SETTINGS.signatures);
  useUnsavedGuard(!!settings && FIELDS.some((f) => values[f] !== settings.signatures[f]));
  useEffect(() => {
    if (settings) setValues(settings.signatures);
  }, [settings]);
  return (
    <SectionForm
      section="signatures"
      testId="signatures"
      save={save}
      pending={update.isPending}
      label={t('settings.signatures.save')}
      onSave={async () => {
        await update.mutateAsync({ signatures: values });
        return 'settings.signatures.saved';
      }}
    >
      <p className="muted">{t('settings.signatures.help')}</p>
      <div className="grid">
        {FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`signature-${f}`}>{t(`settings.signatures.${f}`)}</label>
            <input
              id={`signature-${f}`}
              maxLength={200}
              value={values[f]}
              onChange={(e) => {
                save.setResult(null);
                setValues((v) => ({ ...v, [f]: e.target.value }));
              }}
            />
          </div>
        ))}
      </div>
    </SectionForm>
  );
}
