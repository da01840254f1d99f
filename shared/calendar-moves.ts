import { addDays, daysBetween } from './dates.ts';
import type { CallInput } from './contract/index.ts';
import type { Task } from './contract/tasks.ts';
import type { Visit } from './contract/visits.ts';

// What a drag on the calendar sends: the stored record with only its dates
// changed, through the record's own update call and so its own validation.

/**
 * A visit with new dates, everything else as stored. A pure move (same
 * length) takes its agenda along; a stretched or shrunk visit keeps the
 * agenda where it is, and the server refuses days that fall outside.
 */
export function visitWithDates(v: Visit, startsOn: string, endsOn: string, version: number): CallInput<'visits.update'> {
  const shift = daysBetween(v.startsOn, startsOn);
  const sameLength = daysBetween(startsOn, endsOn) === daysBetween(v.startsOn, v.endsOn);
  return {
    id: v.id,
    version,
    direction: v.direction,
    status: v.status,
    startsOn,
    endsOn,
    localityId: v.localityId,
    venue: v.venue,
    purpose: v.purpose,
    agreementIds: v.agreementIds,
    participants: v.participants.map((p) => ({ contactId: p.contactId, newContact: null, role: p.role })),
    agenda: v.agenda.map((a) => ({ ...a, onDate: sameLength ? addDays(a.onDate, shift) : a.onDate })),
    outcomes: v.outcomes.map((o) => ({ id: o.id, text: o.text })),
    costs: v.costs,
    gifts: v.gifts,
    dietaryNotes: v.dietaryNotes,
    interpreterNotes: v.interpreterNotes,
    notes: v.notes,
  };
}

/** A task with a new due date, everything else as stored. */
export function taskWithDueDate(t: Task, dueOn: string, version: number): CallInput<'tasks.update'> {
  return {
    id: t.id,
    version,
    title: t.title,
    description: t.description,
    dueOn,
    assignee: t.assignee,
    priority: t.priority,
    status: t.status,
    completedOn: t.completedOn,
    link: t.link ? { kind: t.link.kind, id: t.link.id } : null,
  };
}

