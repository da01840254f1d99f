import { taskWithDueDate, visitWithDates } from '../../../../shared/calendar-moves.ts';
import { recordIdOf, type CalendarEntry } from '../../../../shared/contract/calendar.ts';
import { AppFailure } from '../../../../shared/contract/result.ts';
import { call } from '../../api.ts';

export type Change = { allDay: boolean; start: string; end: string };

/** Visits and due dates are whole days: dropping one on an hour of the week view is refused, not guessed. */
function mustBeDays(change: Change) {
  if (!change.allDay) throw new AppFailure({ kind: 'validation', issues: [{ path: ['start'], message: 'calendarErrors.whole_days' }] });
}

/**
 * Saves a drag: each kind goes through its own call, so the server applies
 * the same validation as that record's form, and the version the calendar
 * showed, so a drag from a stale screen is refused rather than overwriting.
 */
export async function moveEntry(entry: CalendarEntry, change: Change): Promise<void> {
  if (entry.version === null || !entry.movable) throw new Error(`not movable: ${entry.id}`);
  const id = recordIdOf(entry);
  switch (entry.kind) {
    case 'office_event':
      await call('officeEvents.move', { id, version: entry.version, ...change });
      return;
    case 'visit':
      mustBeDays(change);
      await call('visits.update', visitWithDates(await call('visits.get', { id }), change.start, change.end, entry.version));
      return;
    case 'task':
      mustBeDays(change);
      await call('tasks.update', taskWithDueDate(await call('tasks.get', { id }), change.start, entry.version));
      return;
    default:
      throw new Error(`not movable: ${entry.id}`);
  }
}

/** Where clicking an entry takes the user: the record it stands for. */
export function openEntry(entry: CalendarEntry): string {
  switch (entry.link.entity) {
    case 'agreement':
      return `/agreements/${entry.link.id}`;
    case 'visit':
      return `/visits/${entry.link.id}`;
    case 'task':
      return `/tasks/${entry.link.id}`;
    case 'commitment':
      return `/commitments/${entry.link.id}`;
    case 'office_event':
      return `/calendar`;
  }
}
