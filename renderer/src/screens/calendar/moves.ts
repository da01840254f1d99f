import { taskWithDueDate, visitMoveQuestions, visitWithDates, type VisitMoveQuestion } from '../../../../shared/calendar-moves.ts';
import { recordIdOf, type CalendarEntry } from '../../../../shared/contract/calendar.ts';
import { AppFailure } from '../../../../shared/contract/result.ts';
import type { UndoableCall } from '../../../../shared/contract/undo.ts';
import { call } from '../../api.ts';

export type Change = { allDay: boolean; start: string; end: string };

/** A saved drag: the call the undo bar takes back, and how the user knows the record. */
export type Moved = { call: Extract<UndoableCall, 'visits.update' | 'tasks.update' | 'officeEvents.move'>; id: number; name: string };

/** Asks the user about a drag before it is saved; false leaves everything as it was. */
export type AskAboutMove = (questions: VisitMoveQuestion[], name: string) => Promise<boolean>;

/** Visits and due dates are whole days: dropping one on an hour of the week view is refused, not guessed. */
function mustBeDays(change: Change) {
  if (!change.allDay) throw new AppFailure({ kind: 'validation', issues: [{ path: ['start'], message: 'calendarErrors.whole_days' }] });
}

/**
 * Saves a drag: each kind goes through its own call, so the server applies
 * the same validation as that record's form, and the version the calendar
 * showed, so a drag from a stale screen is refused rather than overwriting.
 * A visit moved to another year, or one already done, is asked about first;
 * null when the user said no.
 */
export async function moveEntry(entry: CalendarEntry, change: Change, ask: AskAboutMove): Promise<Moved | null> {
  if (entry.version === null || !entry.movable) throw new Error(`not movable: ${entry.id}`);
  const id = recordIdOf(entry);
  switch (entry.kind) {
    case 'office_event':
      await call('officeEvents.move', { id, version: entry.version, ...change });
      return { call: 'officeEvents.move', id, name: entry.title };
    case 'visit': {
      mustBeDays(change);
      const visit = await call('visits.get', { id });
      const questions = visitMoveQuestions(visit, change.start);
      if (questions.length && !(await ask(questions, visit.purpose))) return null;
      await call('visits.update', visitWithDates(visit, change.start, change.end, entry.version));
      return { call: 'visits.update', id, name: visit.purpose };
    }
    case 'task': {
      mustBeDays(change);
      const task = await call('tasks.get', { id });
      await call('tasks.update', taskWithDueDate(task, change.start, entry.version));
      return { call: 'tasks.update', id, name: task.title };
    }
    default:
      throw new Error(`not movable: ${entry.id}`);
  }
}

/**
 * Where clicking an entry takes the user: the record it stands for. A task
 * opens itself (its form, over the tasks list), not the record it follows up.
 */
export function openEntry(entry: CalendarEntry): string {
  if (entry.kind === 'task') return `/tasks?view=all&task=${recordIdOf(entry)}`;
  switch (entry.link.entity) {
    case 'agreement':
      return `/agreements/${entry.link.id}`;
    case 'visit':
      return `/visits/${entry.link.id}`;
    case 'task':
      return `/tasks?view=all&task=${entry.link.id}`;
    case 'commitment':
      return `/commitments/${entry.link.id}`;
    case 'office_event':
      return `/calendar`;
  }
}
