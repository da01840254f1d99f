import type { Handlers } from '../../app/handlers.ts';
import { mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { exportCalendar, exportVisit } from './export.ts';
import { createOfficeEvent, moveOfficeEvent, mustFindOfficeEvent, deleteOfficeEvent, updateOfficeEvent } from './office-events.ts';
import { calendarEntries } from './query.ts';

export const calendarHandlers: Handlers<
  | 'calendar.entries'
  | 'calendar.exportIcs'
  | 'calendar.visitIcs'
  | 'officeEvents.get'
  | 'officeEvents.create'
  | 'officeEvents.update'
  | 'officeEvents.move'
  | 'officeEvents.delete'
> = {
  'calendar.entries': (q, ctx) => calendarEntries(ctx, q),
  'calendar.exportIcs': (q, ctx) => exportCalendar(ctx, q),
  'calendar.visitIcs': ({ id }, ctx) => exportVisit(ctx, id),
  'officeEvents.get': ({ id }, ctx) => mustFindOfficeEvent(ctx, id),
  'officeEvents.create': mutation((input, ctx) => createOfficeEvent(input, ctx)),
  'officeEvents.update': mutation(updateOfficeEvent),
  'officeEvents.move': mutation(undoable('officeEvents.move', moveOfficeEvent)),
  // Taken back through the app's one undo (undo.apply), like every other deletion.
  'officeEvents.delete': mutation(undoable('officeEvents.delete', ({ id }, ctx) => deleteOfficeEvent(ctx, id))),
};
