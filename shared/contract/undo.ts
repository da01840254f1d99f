import { z } from './zod-messages.ts';
import { id } from './common.ts';

/**
 * The calls whose effect the screen that made them can take back from the one
 * undo bar: archives and deletions, a task ticked done, and the calendar's drags
 * (a visit's or a task's dates through their own update call, an office event's
 * move) and an office event's deletion.
 */
export const UNDOABLE_CALLS = [
  'localities.archive',
  'agreements.archive',
  'agreements.delete',
  'contacts.archive',
  'contacts.delete',
  'visits.archive',
  'visits.delete',
  'tasks.delete',
  'commitments.removeDelivery',
  'tasks.setStatus',
  'tasks.update',
  'visits.update',
  'officeEvents.move',
  'officeEvents.delete',
] as const;
export type UndoableCall = (typeof UNDOABLE_CALLS)[number];

/** Names what is to be undone, so a stale button never undoes something else. */
export const undoRequest = z.object({ call: z.enum(UNDOABLE_CALLS), id }).strict();

export type UndoResult = { call: UndoableCall; id: number; rows: number };
