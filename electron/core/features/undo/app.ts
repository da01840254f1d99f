import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { applyUndo } from '../../app/undo.ts';

export const undoHandlers: Handlers<'undo.apply'> = {
  'undo.apply': mutation(applyUndo),
};
