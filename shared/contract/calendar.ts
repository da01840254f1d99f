import { z } from './zod-messages.ts';
import { daysBetween } from '../dates.ts';
import { id, isoDate, optionalText, requiredText, version } from './common.ts';
import { withParams } from './result.ts';

/** Every kind of entry the calendar draws; each has its colour, legend line and filter box. */
export const CALENDAR_KINDS = ['visit', 'task', 'commitment', 'anniversary', 'renewal', 'expiry', 'office_event'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** The longest range one call may ask for: enough for a multi-year ICS export, bounded so a typo cannot expand decades. */
export const MAX_RANGE_DAYS = 3 * 366 + 31;

const filters = {
  /** First day shown, inclusive. */
  from: isoDate,
  /** Last day shown, inclusive (the CLI's --to 2026-12-31 means the 31st too). */
  to: isoDate,
  kinds: z.array(z.enum(CALENDAR_KINDS)).max(CALENDAR_KINDS.length).optional(),
  partnerId: id.optional(),
  agreementId: id.optional(),
};

function checkRange(r: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (r.to < r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'calendarErrors.range_order' });
  else if (daysBetween(r.from, r.to) > MAX_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: withParams('calendarErrors.range_too_long', { max: MAX_RANGE_DAYS }) });
}

export const calendarQuery = z.object(filters).strict().superRefine(checkRange);
export type CalendarQuery = z.output<typeof calendarQuery>;
export type CalendarQueryInput = z.input<typeof calendarQuery>;

/** The record an entry opens when clicked (a task opens what it follows up). */
export type CalendarLink = { entity: 'visit' | 'task' | 'commitment' | 'agreement' | 'office_event'; id: number };

export type CalendarEntry = {
  /** Stable across calls and exports: `visit:12`, `office_event:3`, `anniversary:5:2026`; the number after the kind is the record's id. */
  id: string;
  kind: CalendarKind;
  /** Inbound/outbound for visits, so the two read apart at a glance; null elsewhere. */
  variant: 'inbound' | 'outbound' | null;
  title: string;
  /** YYYY-MM-DD when allDay, else YYYY-MM-DDTHH:MM local wall-clock time. */
  start: string;
  /** Inclusive last day when allDay, else the end time. */
  end: string;
  allDay: boolean;
  place: string | null;
  notes: string | null;
  link: CalendarLink;
  /** Whether dragging it saves new dates (visits, tasks, own events). */
  movable: boolean;
  /** The record's version, so a drag from a stale screen is refused instead of overwriting. */
  version: number | null;
  /** When the record last changed (ISO timestamp), for ICS LAST-MODIFIED; null for computed dates. */
  updatedAt: string | null;
};

export type IcsFile = { filename: string; content: string; events: number };

// The office's own events: an all-day event holds dates (end inclusive), a timed one local date-times.
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'errors.format')
  .refine((v) => {
    const d = new Date(`${v}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === v;
  }, 'calendarErrors.datetime');

const eventShape = z.object({
  title: requiredText(200),
  allDay: z.boolean(),
  start: z.string().min(1),
  end: z.string().min(1),
  place: optionalText(200),
  notes: optionalText(10000),
  agreementId: id.nullish().transform((v) => v ?? null),
});

type EventTimes = { allDay: boolean; start: string; end: string };

/** The same rules for the form, the drag and the boundary, each on the field to fix. */
export function checkEventTimes(e: EventTimes, ctx: z.RefinementCtx) {
  const format = e.allDay ? isoDate : dateTime;
  const start = format.safeParse(e.start);
  const end = format.safeParse(e.end);
  if (!start.success) ctx.addIssue({ code: 'custom', path: ['start'], message: e.allDay ? 'errors.date' : 'calendarErrors.datetime' });
  if (!end.success) ctx.addIssue({ code: 'custom', path: ['end'], message: e.allDay ? 'errors.date' : 'calendarErrors.datetime' });
  if (start.success && end.success && e.end < e.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'calendarErrors.end_before_start' });
}

export const officeEventFields = eventShape.superRefine(checkEventTimes);
export type OfficeEventFields = z.input<typeof officeEventFields>;
export const officeEventCreate = officeEventFields;
export const officeEventUpdate = eventShape.extend({ id, version }).strict().superRefine(checkEventTimes);
export const officeEventMove = z
  .object({ id, version, allDay: z.boolean(), start: z.string().min(1), end: z.string().min(1) })
  .strict()
  .superRefine(checkEventTimes);
export const officeEventRef = z.object({ id }).strict();

export type OfficeEvent = z.output<typeof eventShape> & {
  id: number;
  version: number;
  agreementLabel: string | null;
  sample: 'real' | 'invented' | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The id of the record an entry stands for: 12 in `visit:12`, 5 in `anniversary:5:2026`. */
export const recordIdOf = (entry: Pick<CalendarEntry, 'id'>) => Number(entry.id.split(':')[1]);
