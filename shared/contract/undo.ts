import { z } from './zod-messages.ts';
import { id } from './common.ts';

/** The archive and delete calls whose effect the screen that made them can take back. */
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
] as const;
export type UndoableCall = (typeof UNDOABLE_CALLS)[number];

/** Names what is to be undone, so a stale button never undoes something else. */
export const undoRequest = z.object({ call: z.enum(UNDOABLE_CALLS), id }).strict();

export type UndoResult = { call: UndoableCall; id: number; rows: number };
