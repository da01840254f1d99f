import { useState } from 'react';
import { call } from '../../api.ts';
import { downloadText } from '../../components/download.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

/** One click: the visit as an .ics file to send to the delegation or import into Outlook/Google Calendar. */
export function VisitIcsButton({ visitId }: { visitId: number }) {
  const { t } = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const file = await call('calendar.visitIcs', { id: visitId });
      downloadText(file.filename, file.content, 'text/calendar;charset=utf-8');
    } catch (failure) {
      setMessage(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {t('calendar.visitIcs')}
      </button>
      <FormMessage message={message} />
    </>
  );
}
