import { present } from '../../../../shared/narrow.ts';
import FullCalendar, {
  type CalendarRef,
  type DateClickInfo,
  type DatesSetInfo,
  type EventChangeInfo,
  type EventClickInfo,
  type EventInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import esLocale from '@fullcalendar/react/locales/es';
import ptBrLocale from '@fullcalendar/react/locales/pt-br';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CALENDAR_KINDS, calendarQuery, type CalendarEntry, type CalendarKind, type CalendarQueryInput } from '../../../../shared/contract/calendar.ts';
import { addDays, localIsoDate } from '../../../../shared/dates.ts';
import { isoDate } from '../../../../shared/contract/common.ts';
import { translateMessage } from '../../../../shared/i18n/index.ts';
import { call, useCall } from '../../api.ts';
import { downloadText } from '../../components/download.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { useLocale } from '../../i18n.ts';
import { colourOf, KIND_COLOURS, localDateTime, VARIANT_COLOURS } from './kinds.ts';
import { moveEntry, openEntry, type AskAboutMove, type Change } from './moves.ts';
import { OfficeEventDialog, type DialogTarget } from './OfficeEventDialog.tsx';
import { useConfirm } from '../../components/ConfirmDialog.tsx';
import { useOfferUndo } from '../../components/undo.tsx';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import './calendar.css';
import { DateField } from '../../components/DateField.tsx';
import { numberParam } from '../../components/list/params.ts';
import { RecordPicker } from '../../components/RecordPicker.tsx';

const FC_LOCALES = { es: esLocale, pt: ptBrLocale, en: enGbLocale };
const VIEWS = ['dayGridMonth', 'timeGridWeek', 'listMonth'] as const;
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme];

type Range = { from: string; to: string };
type Status = { message: string; error?: boolean } | null;

function toEventInput(e: CalendarEntry): EventInput {
  return {
    id: e.id,
    title: e.title,
    start: e.start,
    // FullCalendar's all-day end is exclusive; ours is the last day itself.
    end: e.allDay ? addDays(e.end, 1) : e.end,
    allDay: e.allDay,
    color: colourOf(e),
    editable: e.movable,
    startEditable: e.movable,
    durationEditable: e.movable && e.kind !== 'task' && e.kind !== 'commitment',
    class: `entry entry-${e.kind}${e.variant ? ` entry-${e.variant}` : ''}`,
    extendedProps: { entry: e },
  };
}

export function CalendarScreen() {
  const { t, language, locale } = useLocale();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const offerUndo = useOfferUndo();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const calendarRef = useRef<CalendarRef>(null);
  const initialView = VIEWS.find((v) => v === params.get('view')) ?? 'dayGridMonth';
  const askedDate = isoDate.safeParse(params.get('date'));
  const initialDate = askedDate.success ? askedDate.data : localIsoDate(new Date());
  const [range, setRange] = useState<Range | null>(null);
  const [hidden, setHidden] = useState<Set<CalendarKind>>(new Set());
  // The partner and agreement filters live in the address beside the view and the day, so a reload keeps them.
  const partnerId = numberParam(calendarQuery.shape.partnerId, params.get('partner'));
  const agreementId = numberParam(calendarQuery.shape.agreementId, params.get('agreement'));
  const setFilter = (change: { partner?: number | null; agreement?: number | null }) =>
    setParams(
      (p) => {
        for (const [key, value] of Object.entries(change)) {
          if (value) p.set(key, String(value));
          else p.delete(key);
        }
        return p;
      },
      { replace: true },
    );
  const [goTo, setGoTo] = useState(initialDate);
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [exportRange, setExportRange] = useState<Range | null>(null);

  const kinds = hidden.size ? CALENDAR_KINDS.filter((k) => !hidden.has(k)) : undefined;
  const filters = { kinds, partnerId, agreementId };
  const query: CalendarQueryInput = { from: range?.from ?? initialDate, to: range?.to ?? initialDate, ...filters };
  const entries = useCall('calendar.entries', query, { enabled: range !== null, placeholderData: (previous) => previous });
  const events = useMemo(() => (entries.data ?? []).map(toEventInput), [entries.data]);

  const datesSet = (info: DatesSetInfo) => {
    const from = localIsoDate(info.start);
    const to = addDays(localIsoDate(info.end), -1);
    setRange((r) => (r?.from === from && r.to === to ? r : { from, to }));
    const current = localIsoDate(info.view.currentStart);
    setParams(
      (p) => {
        p.set('view', info.view.type);
        p.set('date', current);
        return p;
      },
      { replace: true },
    );
  };

  const fail = (failure: unknown) => setStatus({ message: failureMessage(failure), error: true });

  /** One question at a time, in the app's dialog; the first "no" keeps the visit where it was. */
  const askAboutMove: AskAboutMove = async (questions, name) => {
    for (const q of questions) {
      const request =
        q.kind === 'year'
          ? {
              title: t('calendarMove.yearTitle', { name, from: q.from, to: q.to }),
              message: t('calendarMove.yearMessage', { from: q.from, to: q.to }),
              action: t('calendarMove.yearAction', { to: q.to }),
            }
          : { title: t('calendarMove.doneTitle', { name }), message: t('calendarMove.doneMessage'), action: t('calendarMove.doneAction') };
      const yes = await confirm({ ...request });
      if (!yes) return false;
    }
    return true;
  };

  const datesText = (change: Change) => {
    const show = (v: string) => (change.allDay ? formatDate(v, locale) : formatDateTime(v, locale));
    return change.start === change.end ? show(change.start) : `${show(change.start)} – ${show(change.end)}`;
  };

  const onChange = async (info: EventChangeInfo) => {
    const entry = (info.event.extendedProps as { entry: CalendarEntry }).entry;
    // FullCalendar only lets an event with a start be dragged or resized.
    const start = present(info.event.start, "a moved event's start");
    const allDay = info.event.allDay;
    const change = allDay
      ? { allDay, start: localIsoDate(start), end: info.event.end ? addDays(localIsoDate(info.event.end), -1) : localIsoDate(start) }
      : { allDay, start: localDateTime(start), end: localDateTime(info.event.end ?? new Date(start.getTime() + 3_600_000)) };
    try {
      setStatus(null);
      const moved = await moveEntry(entry, change, askAboutMove);
      if (!moved) return info.revert();
      const words = t(`undo.did.${moved.call.replace('.', '_')}`, { name: moved.name, dates: datesText(change) });
      offerUndo({ call: moved.call, id: moved.id, message: words, path: '/calendar' });
    } catch (failure) {
      info.revert();
      fail(failure);
    } finally {
      await client.invalidateQueries();
    }
  };

  const onClick = (info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    const entry = (info.event.extendedProps as { entry: CalendarEntry }).entry;
    if (entry.link.entity === 'office_event') setDialog({ mode: 'edit', id: entry.link.id });
    else navigate(openEntry(entry));
  };

  const onDateClick = (info: DateClickInfo) => {
    const day = localIsoDate(info.date);
    setDialog(
      info.allDay
        ? { mode: 'new', allDay: true, start: day, end: day }
        : { mode: 'new', allDay: false, start: localDateTime(info.date), end: localDateTime(new Date(info.date.getTime() + 3_600_000)) },
    );
  };

  const download = async () => {
    if (!exportRange) return;
    try {
      const file = await call('calendar.exportIcs', { ...exportRange, ...filters });
      downloadText(file.filename, file.content, 'text/calendar;charset=utf-8');
      setStatus({ message: `calendar.exported|${JSON.stringify({ count: file.events, file: file.filename })}` });
      setExportRange(null);
    } catch (failure) {
      fail(failure);
    }
  };

  const toggleKind = (kind: CalendarKind) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="screen calendar-screen">
      <header className="screen-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="subtitle">{t('calendar.subtitle')}</p>
        </div>
        <div className="inline">
          <button type="button" onClick={() => setExportRange(exportRange ? null : (range ?? { from: initialDate, to: initialDate }))}>
            {t('calendar.export')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => setDialog({ mode: 'new', allDay: true, start: localIsoDate(new Date()), end: localIsoDate(new Date()) })}
          >
            {t('calendar.newEvent')}
          </button>
        </div>
      </header>

      <div className="filters calendar-filters">
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (isoDate.safeParse(goTo).success) calendarRef.current?.getApi().gotoDate(goTo);
          }}
        >
          <div className="inline">
            <span id="calendar-goTo-label">{t('calendar.goTo')}</span>
            <DateField id="calendar-goTo" aria-labelledby="calendar-goTo-label" value={goTo} onChange={setGoTo} />
          </div>
          <button type="submit" disabled={!isoDate.safeParse(goTo).success}>
            {t('calendar.go')}
          </button>
        </form>
        {/* Another partner's agreement would show nothing: choosing a partner lets go of the agreement. */}
        <RecordPicker
          kind="locality"
          id="calendar-partner"
          aria-label={t('calendar.partner')}
          placeholder={t('calendar.allPartners')}
          value={partnerId ?? null}
          onChange={(id) => setFilter({ partner: id, agreement: null })}
        />
        <RecordPicker
          kind="agreement"
          id="calendar-agreement"
          aria-label={t('calendar.agreement')}
          placeholder={t('calendar.allAgreements')}
          partnerId={partnerId}
          value={agreementId ?? null}
          onChange={(id) => setFilter({ agreement: id })}
        />
      </div>

      {exportRange ? (
        <div className="panel export-panel" role="group" aria-label={t('calendar.export')}>
          <div className="inline">
            <span id="export-from-label">{t('calendar.exportFrom')}</span>
            <DateField
              id="export-from"
              aria-labelledby="export-from-label"
              value={exportRange.from}
              onChange={(from) => setExportRange({ ...exportRange, from })}
            />
          </div>
          <div className="inline">
            <span id="export-to-label">{t('calendar.exportTo')}</span>
            <DateField id="export-to" aria-labelledby="export-to-label" value={exportRange.to} onChange={(to) => setExportRange({ ...exportRange, to })} />
          </div>
          <span className="muted">{t('calendar.exportHint')}</span>
          <button type="button" className="primary" onClick={() => void download()}>
            {t('calendar.download')}
          </button>
        </div>
      ) : null}

      <fieldset className="legend">
        <legend>{t('calendar.legend')}</legend>
        {CALENDAR_KINDS.map((kind) => (
          <label key={kind} className="check legend-item">
            <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggleKind(kind)} />
            {kind === 'visit' ? (
              <>
                <span className="swatch" style={{ background: VARIANT_COLOURS.inbound }} title={t('calendar.variants.inbound')} />
                <span className="swatch outbound" style={{ backgroundColor: VARIANT_COLOURS.outbound }} title={t('calendar.variants.outbound')} />
              </>
            ) : (
              <span className="swatch" style={{ background: KIND_COLOURS[kind] }} />
            )}
            {t(`calendar.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>

      {status ? (
        <div className={status.error ? 'form-message' : 'status-line'} role={status.error ? 'alert' : 'status'}>
          {translateMessage(t, status.message)}
        </div>
      ) : null}
      {entries.isError ? <FormMessage message={failureMessage(entries.error)} /> : null}

      <div className="calendar-frame" data-loading={entries.isFetching ? 'true' : 'false'}>
        <FullCalendar
          ref={calendarRef}
          plugins={PLUGINS}
          locale={FC_LOCALES[language] ?? esLocale}
          initialView={initialView}
          initialDate={initialDate}
          headerToolbar={{ start: 'prev,next today', center: 'title', end: VIEWS.join(',') }}
          // The button says "Hoy"; its name must say it too ("Este mes" failed WCAG's label-in-name).
          todayHint={t('calendarA11y.today')}
          height="100%"
          dayMaxEvents
          navLinks
          nowIndicator
          forceEventDuration
          defaultTimedEventDuration="01:00"
          events={events}
          datesSet={datesSet}
          eventClick={onClick}
          eventDrop={(info) => void onChange(info)}
          eventResize={(info) => void onChange(info)}
          dateClick={onDateClick}
        />
      </div>

      {dialog ? (
        <OfficeEventDialog
          target={dialog}
          onClose={() => setDialog(null)}
          onDeleted={(event) => {
            setDialog(null);
            offerUndo({ call: 'officeEvents.delete', id: event.id, message: t('undo.did.officeEvents_delete', { name: event.title }), path: '/calendar' });
          }}
        />
      ) : null}
    </section>
  );
}
