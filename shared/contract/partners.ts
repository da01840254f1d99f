import { z } from './zod-messages.ts';
import { id } from './common.ts';
import type { AgreementKind, AgreementRow, AgreementStage } from './agreements.ts';
import type { AttachmentEntity } from './attachments.ts';
import type { CommitmentKind, Direction } from './commitments.ts';
import type { Locality } from './localities.ts';
import type { TaskStatus } from './tasks.ts';
import type { ParticipantRole, VisitDirection, VisitStatus } from './visits.ts';
import type { MoneyTotal } from '../money.ts';

// A partner (a locality the office works with) seen whole: its page's header,
// figures, agreements, people and files, and one timeline of everything dated.

/** What the timeline holds, one kind per source; the page filters by these. */
export const TIMELINE_KINDS = ['stage', 'visit', 'delivery', 'task', 'event'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Largest page of the timeline: an office may have thousands of dated rows with one partner. */
export const TIMELINE_PAGE_MAX = 200;

export const partnerTimeline = z
  .object({
    id,
    kinds: z.array(z.enum(TIMELINE_KINDS)).min(1).max(TIMELINE_KINDS.length).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(TIMELINE_PAGE_MAX).default(50),
  })
  .strict();

/** Who an agreement or a partner deals with: exactly one of the two. */
export const partnerPeople = z
  .object({
    partnerId: id.optional(),
    agreementId: id.optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine((q) => (q.partnerId === undefined) !== (q.agreementId === undefined), { message: 'errors.invalid', path: ['partnerId'] });

export type TimelineItem =
  | { kind: 'stage'; id: number; on: string; agreementId: number; agreementKind: AgreementKind; stage: AgreementStage; note: string | null }
  | { kind: 'visit'; id: number; on: string; endsOn: string; direction: VisitDirection; status: VisitStatus; purpose: string }
  | {
      kind: 'delivery';
      id: number;
      on: string;
      commitmentId: number;
      commitmentKind: CommitmentKind;
      direction: Direction;
      description: string;
      quantity: number;
      unit: string | null;
    }
  /** `on` is the day it was done, or the day it is due while still pending. */
  | { kind: 'task'; id: number; on: string; status: TaskStatus; title: string }
  | { kind: 'event'; id: number; on: string; startsAt: string; allDay: boolean; title: string; agreementId: number };

export type PartnerTimeline = {
  /** Rows of the kinds asked for. */
  total: number;
  /** Rows of every kind, for the filter's labels. */
  counts: Record<TimelineKind, number>;
  rows: TimelineItem[];
};

/** The partner's figures, from electron/core/features/figures/partners.ts (one source; see the reconciliation test). */
export type PartnerFigures = {
  /** Signed by today and not ended by today. */
  agreementsInForce: number;
  /** Held (begun or done, not cancelled, not archived), all time. */
  visitsReceived: number;
  visitsMade: number;
  /** Promised, partly delivered or overdue today. */
  commitmentsOpen: number;
  /** Value of every delivery recorded, per currency, given and received apart (as each commitment's screen adds them). */
  deliveredGiven: MoneyTotal[];
  deliveredReceived: MoneyTotal[];
};

export type PartnerPerson = {
  id: number;
  name: string;
  nativeName: string | null;
  title: string | null;
  organisation: string | null;
  /** The place the person belongs to, when known (for the native name's language). */
  country: string | null;
  /** Roles taken in the visits counted, most frequent first. */
  roles: ParticipantRole[];
  visits: number;
  lastVisitOn: string | null;
};
export type PartnerPeople = { total: number; rows: PartnerPerson[] };

export type PartnerAttachment = {
  linkId: number;
  fileName: string;
  size: number;
  attachedAt: string;
  missing: boolean;
  entity: AttachmentEntity;
  entityId: number;
  /** The record the file hangs from, for its link and label. */
  owner: { route: string; text: string | null; on: string | null; agreementKind: AgreementKind | null };
};

export type PartnerStory = {
  locality: Locality & { parentNativeName: string | null; parentCountry: string | null };
  /** Places under this one (districts of a city, cities of a province). */
  children: { id: number; name: string; nativeName: string | null; country: string }[];
  agreements: AgreementRow[];
  figures: PartnerFigures;
  /** The newest files of its agreements, visits, commitments and deliveries (at most 100). */
  attachments: PartnerAttachment[];
  attachmentsTotal: number;
};
