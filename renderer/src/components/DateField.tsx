import { useContext, useRef, type MutableRefObject } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateFieldStateContext,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Popover,
  TimeField as AriaTimeField,
  type DateFieldState,
} from 'react-aria-components';
import type { CalendarDate, Time } from '@internationalized/date';
import { withParams } from '../../../shared/contract/result.ts';
import { useLocale } from '../i18n.ts';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Field, FieldMessage } from './form.tsx';
import './fields.css';
import { hourCycleFor } from '../../../shared/region.ts';
import { constrain, impossibleDate, isRealDate, partsToIso, timeToHhmm, toCalendarDate, toTime, writeDayParts, type DayParts } from './dates.ts';

// The app's own date and time fields (React Aria): typed and shown in the app's
// locale, not the browser's or the OS's, with the same value model as before
// ('YYYY-MM-DD', 'HH:MM', '' for none).

type Segment = DateFieldState['segments'][number];

export type Labelled = {
  /** Names the field for tests and for the error's id. */
  id: string;
  'aria-label'?: string | undefined;
  /** The id of a visible label (Field's `group` label). */
  'aria-labelledby'?: string | undefined;
  /** A help text's id, read out with the field (its error, when there is one, is added). */
  'aria-describedby'?: string | undefined;
  /** A message key (`key|{params}`) from the form's validation. */
  error?: string | null | undefined;
  isRequired?: boolean;
  className?: string;
};

/** What the segments show right now: React Aria lets 31/02 sit there until blur, then quietly makes it 28/02. */
function shownDay(segments: Segment[]): DayParts | null {
  const get = (type: string) => segments.find((s) => s.type === type);
  const [day, month, year] = [get('day'), get('month'), get('year')];
  if (!day || !month || !year || day.isPlaceholder || month.isPlaceholder || year.isPlaceholder) return null;
  return { day: day.value ?? 0, month: month.value ?? 0, year: year.value ?? 0 };
}

function WatchedSegment({ segment, shown }: { segment: Segment; shown: MutableRefObject<DayParts | null> }) {
  const state = useContext(DateFieldStateContext);
  if (state) shown.current = shownDay(state.segments);
  return <DateSegment segment={segment} className="date-segment" />;
}

export function DateField(props: Labelled & { value: string; onChange: (iso: string) => void; onBlur?: () => void }) {
  const { t, locale } = useLocale();
  const shown = useRef<DayParts | null>(null);
  const leaving = useRef(false);
  const impossible = impossibleDate(props.value);
  // An empty required date fails the contract's date format; say it is missing, not malformed.
  const given = props.value === '' && props.error === 'errors.date' ? 'errors.required' : props.error;
  const message = impossible ? withParams('dates.impossible', { date: writeDayParts(impossible, locale) }) : (given ?? null);
  const errorId = `${props.id}-error`;

  const change = (date: CalendarDate | null) => {
    const typed = shown.current;
    // Leaving the field with a complete but impossible date on screen is when
    // React Aria constrains it (31/02 → 28/02); keep what the user typed
    // instead, so the form refuses it. While typing, a passing impossible
    // state (day "0" before "4") never reaches here with `leaving` set.
    if (leaving.current && date && typed && !isRealDate(typed) && constrain(typed) === date.toString()) {
      props.onChange(partsToIso(typed));
      return;
    }
    props.onChange(date ? date.toString() : '');
  };

  return (
    <div
      className={`date-field ${props.className ?? ''}`}
      data-date-field={props.id}
      // Capture runs before React Aria's own blur handler, which emits the constrained date synchronously.
      onBlurCapture={(e) => {
        // Moving between the day, month and year parts is not leaving; going to the calendar button is.
        const parts = e.target instanceof Element ? e.target.closest('.date-input') : null;
        if (parts && e.relatedTarget instanceof Node && parts.contains(e.relatedTarget)) return;
        leaving.current = true;
        // Not a microtask: those run between the capture and bubble listeners of the same event.
        setTimeout(() => (leaving.current = false));
      }}
    >
      <DatePicker
        value={toCalendarDate(props.value)}
        onChange={change}
        onBlur={props.onBlur}
        aria-label={props['aria-label']}
        aria-labelledby={props['aria-labelledby']}
        aria-describedby={[props['aria-describedby'], message ? errorId : null].filter(Boolean).join(' ') || undefined}
        isInvalid={!!message}
        isRequired={props.isRequired ?? false}
        shouldForceLeadingZeros
        granularity="day"
      >
        <Group className="date-group">
          <DateInput className="date-input">{(segment) => <WatchedSegment segment={segment} shown={shown} />}</DateInput>
          <Button className="date-button" aria-label={t('dates.openCalendar')}>
            <span aria-hidden="true">▾</span>
          </Button>
        </Group>
        <Popover className="date-popover" placement="bottom start">
          <Dialog className="date-dialog" aria-label={t('dates.calendar')}>
            <Calendar className="date-calendar">
              <header>
                <Button slot="previous" aria-label={t('dates.previousMonth')}>
                  ‹
                </Button>
                <Heading />
                <Button slot="next" aria-label={t('dates.nextMonth')}>
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} className="date-cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

export function TimeField(props: Labelled & { value: string; onChange: (hhmm: string) => void }) {
  const { locale } = useLocale();
  const errorId = `${props.id}-error`;
  const message = props.error ?? null;
  return (
    <div className={`date-field time-field ${props.className ?? ''}`} data-time-field={props.id}>
      <AriaTimeField
        value={toTime(props.value)}
        onChange={(time: Time | null) => props.onChange(timeToHhmm(time))}
        aria-label={props['aria-label']}
        aria-labelledby={props['aria-labelledby']}
        aria-describedby={[props['aria-describedby'], message ? errorId : null].filter(Boolean).join(' ') || undefined}
        isInvalid={!!message}
        hourCycle={hourCycleFor(locale)}
        shouldForceLeadingZeros
        granularity="minute"
      >
        <DateInput className="date-group date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      </AriaTimeField>
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

/** A react-hook-form date: labelled by Field, its value the contract's 'YYYY-MM-DD' ('' for none). */
export function FormDateField<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  /** When one screen has several forms with the same field names. */
  id?: string;
  wide?: boolean;
  isRequired?: boolean;
  /** A help line shown under the field and read out with it. */
  help?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Field name={id} label={props.label} wide={props.wide ?? false} group>
          <DateField
            id={id}
            aria-labelledby={`${id}-label`}
            aria-describedby={props.help ? `${id}-help` : undefined}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
            isRequired={props.isRequired ?? false}
          />
          {props.help ? (
            <span className="muted field-help" id={`${id}-help`}>
              {props.help}
            </span>
          ) : null}
        </Field>
      )}
    />
  );
}

/**
 * A react-hook-form date that may carry a time: 'YYYY-MM-DD' when `withTime`
 * is off, 'YYYY-MM-DDTHH:MM' (local wall-clock) when on — the calendar's model.
 */
export function FormDateTimeField<T extends FieldValues>(props: { control: Control<T>; name: Path<T>; label: string; withTime: boolean }) {
  const { t } = useLocale();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => {
        const value = typeof field.value === 'string' ? field.value : '';
        const [date, time] = [value.slice(0, 10), value.slice(11, 16)];
        const join = (d: string, hhmm: string) => (props.withTime && d ? `${d}T${hhmm}` : d);
        return (
          <Field name={props.name} label={props.label} group>
            <div className="date-time">
              <DateField
                id={props.name}
                aria-labelledby={`${props.name}-label`}
                value={date}
                onChange={(d) => field.onChange(join(d, time))}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
              {props.withTime ? (
                <TimeField
                  id={`${props.name}-time`}
                  aria-label={`${props.label} (${t('dates.time')})`}
                  value={time}
                  onChange={(hhmm) => field.onChange(join(date, hhmm))}
                />
              ) : null}
            </div>
          </Field>
        );
      }}
    />
  );
}
