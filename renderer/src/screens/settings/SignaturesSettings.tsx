import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type Signatures } from '../../../../shared/contract/settings.ts';
import { useMutate } from '../../api.ts';
import { FormMessage, useAction } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

const FIELDS = ['preparedName', 'preparedTitle', 'approvedName', 'approvedTitle'] as const;

/** Who prepares and who approves the reports: optional, printed at the end of the annual report, trip report and statement. */
export function SignaturesSettings({ settings }: { settings: Settings | undefined }) {
  const { t } = useLocale();
  const update = useMutate('settings.update');
  const { message, act } = useAction();
  const [saved, setSaved] = useState(false);
  const [values, setValues] = useState<Signatures>(DEFAULT_SETTINGS.signatures);
  useEffect(() => {
    if (settings) setValues(settings.signatures);
  }, [settings]);
  const save = () =>
    act(async () => {
      setSaved(false);
      await update.mutateAsync({ signatures: values });
      setSaved(true);
    });
  return (
    <fieldset className="panel" data-testid="signatures">
      <legend>{t('settings.signatures.title')}</legend>
      <p className="muted">{t('settings.signatures.help')}</p>
      <FormMessage message={message} />
      {saved ? <p className="notice-ok">{t('settings.signatures.saved')}</p> : null}
      <div className="grid">
        {FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`signature-${f}`}>{t(`settings.signatures.${f}`)}</label>
            <input
              id={`signature-${f}`}
              maxLength={200}
              value={values[f]}
              onChange={(e) => {
                setSaved(false);
                setValues((v) => ({ ...v, [f]: e.target.value }));
              }}
            />
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={update.isPending}>
          {t('settings.signatures.save')}
        </button>
      </div>
    </fieldset>
  );
}
