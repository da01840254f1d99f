import { call } from '../../api.ts';
import { downloadText } from '../../components/download.ts';
import { FormMessage, useAction } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';

/** One click: the visit as an .ics file to send to the delegation or import into Outlook/Google Calendar. */
export function VisitIcsButton({ visitId }: { visitId: number }) {
  const { t } = useLocale();
  const { message, busy, act } = useAction();
  const run = () =>
    act(async () => {
      const file = await call('calendar.visitIcs', { id: visitId });
      downloadText(file.filename, file.content, 'text/calendar;charset=utf-8');
    });
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {t('calendar.visitIcs')}
      </button>
      <FormMessage message={message} />
    </>
  );
}
