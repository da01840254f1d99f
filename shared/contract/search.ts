import { z } from './zod-messages.ts';
import { id, isoDate } from './common.ts';

/** What global search finds, in the order its groups are shown. */
export const SEARCH_KINDS = ['locality', 'agreement', 'contact', 'visit', 'commitment', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What a picker chooses from. */
export const PICK_KINDS = ['locality', 'agreement', 'contact'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

/** Bounded on purpose: a search is a few words, not a pasted document. */
const query = z.string().max(100);

export const searchGlobal = z
  .object({
    query,
    /** Hits per kind. */
    limit: z.number().int().min(1).max(20).default(5),
  })
  .strict();

export const searchPick = z
  .object({
    kind: z.enum(PICK_KINDS),
    query: query.default(''),
    /** The rows a picker holds already, to show their names (its value), whatever the query. */
    ids: z.array(id).max(100).optional(),
    /** Agreements of this partner only. */
    partnerId: id.optional(),
    /** The day an agreement's "in force" is judged on (default: today). */
    on: isoDate.optional(),
    offset: z.number().int().min(0).max(100_000).default(0),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();
export type PickInput = z.input<typeof searchPick>;

/**
 * One record found: its name in both scripts and a few facts to tell two alike apart,
 * left raw (codes, ISO dates) for the screen to say in the user's language.
 */
export type SearchHit = {
  kind: SearchKind;
  id: number;
  name: string;
  nativeName: string | null;
  /** Free text beside the name: a contact's organisation, a commitment's or visit's partner. */
  detail: string | null;
  /** A locality's country, an agreement's kind, a visit's direction, a task's status. */
  code: string | null;
  /** A visit's first day, a task's due day, an agreement's signature. */
  date: string | null;
  /** Agreements only: signed and not ended on the day asked. */
  inForce?: boolean;
};

export type SearchResults = { groups: { kind: SearchKind; hits: SearchHit[] }[] };
export type PickPage = { total: number; rows: SearchHit[] };
