import type { CalendarEntry, CalendarKind } from '../../../../shared/contract/calendar.ts';
import { localIsoDate } from '../../../../shared/dates.ts';

/** One colour per kind (visits: one per direction), used by the events and the legend alike. */
export const KIND_COLOURS: Record<CalendarKind, string> = {
  visit: '#1f63a8',
  task: '#8a5300',
  commitment: '#6d3a9c',
  anniversary: '#b0346e',
  renewal: '#2e7d32',
  expiry: '#a3262a',
  office_event: '#37474f',
};
export const VARIANT_COLOURS = { inbound: '#1f63a8', outbound: '#00838f' } as const;

export const colourOf = (e: CalendarEntry) => (e.variant ? VARIANT_COLOURS[e.variant] : KIND_COLOURS[e.kind]);

const pad = (n: number) => String(n).padStart(2, '0');
/** The wall-clock time the user sees, as the contract's YYYY-MM-DDTHH:MM. */
export const localDateTime = (d: Date) => `${localIsoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
