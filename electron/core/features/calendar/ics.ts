import type { CalendarEntry } from '../../../../shared/contract/calendar.ts';
import { addDays } from '../../../../shared/dates.ts';

// RFC 5545 written by hand: every property here is one we need to get exactly
// right (folding by octets, TEXT escaping, exclusive all-day ends), and a
// small writer is easier to check against the RFC than a library's options.

const CRLF = '\r\n';

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break as \n. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1): the
 * break goes between characters, never inside a UTF-8 sequence, and each
 * continuation starts with one space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  if (line.length <= 18 || utf8Length(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** UTF-8 length from code points, without encoding (this runs for every character of an export). */
function utf8Length(text: string): number {
  let n = 0;
  for (const char of text) {
    const cp = char.codePointAt(0);
    if (cp === undefined) continue; // for…of yields whole characters, never an empty one
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const compactDate = (date: string) => date.replaceAll('-', '');
/** Floating local time (§3.3.5 form 1): the office's wall clock, as the user typed it. */
const compactDateTime = (local: string) => `${compactDate(local.slice(0, 10))}T${local.slice(11, 13)}${local.slice(14, 16)}00`;
export const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** `visit:12` → `visit-12@twinning-desk`: the same record always gets the same UID, so a re-import updates it. */
export const uidFor = (entryId: string) => `${entryId.replaceAll(':', '-')}@twinning-desk`;

export type IcsOptions = {
  calendarName: string;
  /** PRODID language and the language of category names. */
  language: string;
  now: Date;
  categoryLabel: (entry: CalendarEntry) => string;
  /** PUBLISH for a calendar feed; REQUEST-less PUBLISH is what mail clients import as an invitation file too. */
  method?: 'PUBLISH';
};

function eventLines(e: CalendarEntry, o: IcsOptions): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${uidFor(e.id)}`, `DTSTAMP:${utcStamp(o.now)}`];
  if (e.allDay) {
    // DTEND of a date-only event is the day after the last one (exclusive).
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.start)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.end, 1))}`);
  } else {
    lines.push(`DTSTART:${compactDateTime(e.start)}`, `DTEND:${compactDateTime(e.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  if (e.place) lines.push(`LOCATION:${escapeText(e.place)}`);
  if (e.notes) lines.push(`DESCRIPTION:${escapeText(e.notes)}`);
  lines.push(`CATEGORIES:${escapeText(o.categoryLabel(e))}`);
  if (e.version !== null) lines.push(`SEQUENCE:${e.version - 1}`);
  if (e.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(new Date(e.updatedAt))}`);
  // Dates to remember (anniversaries, deadlines) do not make anyone busy.
  lines.push(`TRANSP:${e.kind === 'visit' || e.kind === 'office_event' ? 'OPAQUE' : 'TRANSPARENT'}`);
  lines.push('END:VEVENT');
  return lines;
}

export function writeIcs(entries: readonly CalendarEntry[], o: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Twinning Desk//Calendar//${o.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${o.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${escapeText(o.calendarName)}`,
    ...entries.flatMap((e) => eventLines(e, o)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
