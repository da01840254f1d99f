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

/** What a drag of a visit must ask before it saves: a new year (another annual report counts it: they count by the first day), or a visit already done. */
export type VisitMoveQuestion = { kind: 'year'; from: string; to: string } | { kind: 'done' };

export function visitMoveQuestions(v: Pick<Visit, 'startsOn' | 'status'>, startsOn: string): VisitMoveQuestion[] {
  const questions: VisitMoveQuestion[] = [];
  const [from, to] = [v.startsOn.slice(0, 4), startsOn.slice(0, 4)];
  if (from !== to) questions.push({ kind: 'year', from, to });
  if (v.status === 'done') questions.push({ kind: 'done' });
  return questions;
}
