// A visit's kinds of value, apart from visits.ts so that contacts.ts (a contact's visits) can name them
// without the two contract modules importing each other.
export const VISIT_DIRECTIONS = ['inbound', 'outbound'] as const;
export const VISIT_STATUSES = ['planned', 'confirmed', 'done', 'cancelled'] as const;
export const PARTICIPANT_ROLES = ['head_of_delegation', 'member', 'interpreter', 'host', 'staff', 'other'] as const;

export type VisitDirection = (typeof VISIT_DIRECTIONS)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
