import type { FieldErrors, Resolver } from 'react-hook-form';
import { amountText, parseAmount, refusalMessage } from '../../../../../shared/amount.ts';
import { isCurrency } from '../../../../../shared/money.ts';
import {
  COST_PAYERS,
  GIFT_DIRECTIONS,
  VISIT_DIRECTIONS,
  VISIT_STATUSES,
  visitFields,
  type ParticipantRole,
  type Visit,
  type VisitFields,
} from '../../../../../shared/contract/visits.ts';

// The visit form's values as typed (amounts as text, ids as strings from their
// pickers), and the one way they become the contract's fields: the resolver
// reads every amount the office's way and checks the whole visit with the
// contract's own schema, putting each problem on the field that caused it.

/** A participant: an existing contact ('12'), none chosen yet (''), or a new one typed here (NEW). */
export type Participant = { contactId: string; role: ParticipantRole; newName: string; newNativeName: string; newOrganisation: string };
export type Agenda = { onDate: string; atTime: string; place: string; what: string; withWhom: string };
/** `outcomeId`, not `id`: useFieldArray keeps its own row key in `id`. */
export type Outcome = { outcomeId: number | null; text: string };
export type Cost = { item: string; amount: string; currency: string; paidBy: (typeof COST_PAYERS)[number] };
export type Gift = { direction: (typeof GIFT_DIRECTIONS)[number]; what: string; counterpart: string; value: string; currency: string };
export type Draft = {
  direction: (typeof VISIT_DIRECTIONS)[number];
  status: (typeof VISIT_STATUSES)[number];
  startsOn: string;
  endsOn: string;
  localityId: number | null;
  venue: string;
  purpose: string;
  agreementIds: number[];
  participants: Participant[];
  agenda: Agenda[];
  outcomes: Outcome[];
  costs: Cost[];
  gifts: Gift[];
  dietaryNotes: string;
  interpreterNotes: string;
  notes: string;
};

export const NEW = 'new';
export const EMPTY: Draft = {
  direction: 'outbound',
  status: 'planned',
  startsOn: '',
  endsOn: '',
  localityId: null,
  venue: '',
  purpose: '',
  agreementIds: [],
  participants: [],
  agenda: [],
  outcomes: [],
  costs: [],
  gifts: [],
  dietaryNotes: '',
  interpreterNotes: '',
  notes: '',
};

export const emptyParticipant = (): Participant => ({ contactId: '', role: 'member', newName: '', newNativeName: '', newOrganisation: '' });

export function toDraft(v: Visit, locale: string): Draft {
  return {
    direction: v.direction,
    status: v.status,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    localityId: v.localityId,
    venue: v.venue ?? '',
    purpose: v.purpose,
    agreementIds: v.agreementIds,
    participants: v.participants.map((p) => ({ contactId: String(p.contactId), role: p.role, newName: '', newNativeName: '', newOrganisation: '' })),
    agenda: v.agenda.map((a) => ({ onDate: a.onDate, atTime: a.atTime ?? '', place: a.place ?? '', what: a.what, withWhom: a.withWhom ?? '' })),
    outcomes: v.outcomes.map((o) => ({ outcomeId: o.id, text: o.text })),
    costs: v.costs.map((c) => ({ item: c.item, amount: amountText(c.amountMinor, c.currency, locale), currency: c.currency, paidBy: c.paidBy })),
    gifts: v.gifts.map((g) => ({
      direction: g.direction,
      what: g.what,
      counterpart: g.counterpart ?? '',
      value: g.valueMinor !== null && g.currency ? amountText(g.valueMinor, g.currency, locale) : '',
      currency: g.currency ?? '',
    })),
    dietaryNotes: v.dietaryNotes ?? '',
    interpreterNotes: v.interpreterNotes ?? '',
    notes: v.notes ?? '',
  };
}

/** The draft as the contract wants it; amounts typed as text become minor units, or a problem on their field. */
export function toFields(d: Draft, problems: Record<string, string>, locale: string): VisitFields {
  const minor = (text: string, currency: string, path: string) => {
    const code = currency.trim().toUpperCase();
    // An unknown currency is the currency field's problem (the contract says so); the amount waits for it.
    if (!isCurrency(code)) return 0;
    const read = parseAmount(text, code, locale);
    if (!read.ok) problems[path] = refusalMessage(read.refusal);
    return read.ok ? read.minor : 0;
  };
  return {
    direction: d.direction,
    status: d.status,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    localityId: d.localityId,
    venue: d.venue,
    purpose: d.purpose,
    agreementIds: d.agreementIds,
    participants: d.participants.map((p) =>
      p.contactId === NEW
        ? { newContact: { name: p.newName, nativeName: p.newNativeName, organisation: p.newOrganisation }, role: p.role }
        : { contactId: p.contactId ? Number(p.contactId) : null, role: p.role },
    ),
    agenda: d.agenda,
    outcomes: d.outcomes.map((o) => ({ id: o.outcomeId, text: o.text })),
    costs: d.costs.map((c, i) => ({ item: c.item, amountMinor: minor(c.amount, c.currency, `costs.${i}.amount`), currency: c.currency, paidBy: c.paidBy })),
    gifts: d.gifts.map((g, i) => ({
      direction: g.direction,
      what: g.what,
      counterpart: g.counterpart,
      currency: g.currency,
      valueMinor: g.value.trim() ? minor(g.value, g.currency, `gifts.${i}.value`) : null,
    })),
    dietaryNotes: d.dietaryNotes,
    interpreterNotes: d.interpreterNotes,
    notes: d.notes,
  };
}

/** The form's field for a path of the contract's (client's or server's) problem. */
export function formPath(path: readonly PropertyKey[]): string {
  return path
    .map(String)
    .join('.')
    .replace(/^participants\.(\d+)\.newContact\..*$/, 'participants.$1.newName')
    .replace(/^costs\.(\d+)\.amountMinor$/, 'costs.$1.amount')
    .replace(/^gifts\.(\d+)\.valueMinor$/, 'gifts.$1.value')
    .replace(/^outcomes\.(\d+)\.id$/, 'outcomes.$1.text');
}

/** RHF's errors are nested like its values: `costs.1.amount` → errors.costs[1].amount. */
function nest(problems: Record<string, string>): FieldErrors<Draft> {
  const root: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(problems)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at = root;
    keys.forEach((key, i) => {
      at[key] ??= /^\d+$/.test(keys[i + 1] ?? last) ? [] : {};
      at = at[key] as Record<string, unknown>;
    });
    at[last] = { type: 'validation', message };
  }
  return root as FieldErrors<Draft>;
}

/** Reads the amounts in the office's locale, then the contract's schema; each problem on its field, the first one per field. */
export function visitResolver(locale: string): Resolver<Draft, unknown, VisitFields> {
  return async (values) => {
    const problems: Record<string, string> = {};
    const fields = toFields(values, problems, locale);
    const parsed = visitFields.safeParse(fields);
    if (!parsed.success) for (const issue of parsed.error.issues) problems[formPath(issue.path)] ??= issue.message;
    if (Object.keys(problems).length) return { values: {}, errors: nest(problems) };
    return { values: fields, errors: {} };
  };
}
