import type { CalendarEntry } from '../../../../shared/contract/calendar.ts';
import { call } from '../../api.ts';

export type Change = { allDay: boolean; start: string; end: string };

/**
 * Saves a drag: each kind goes through its own call, so the server applies
 * the same validation as that record's form. Kinds that cannot move are
 * never draggable; reaching here with one is a programming error.
 */
export async function moveEntry(entry: CalendarEntry, change: Change): Promise<void> {
  if (entry.version === null) throw new Error(`not movable: ${entry.id}`);
  switch (entry.link.entity) {
    case 'office_event':
      await call('officeEvents.move', { id: entry.link.id, version: entry.version, ...change });
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
