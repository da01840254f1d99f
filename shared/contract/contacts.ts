import { z } from './zod-messages.ts';
import type { ParticipantRole, VisitDirection, VisitStatus } from './visit-kinds.ts';
import { id, listPaging, sortDir, optionalText, requiredText, sampleKind, version } from './common.ts';

export const contactFields = z.object({
  name: requiredText(200),
  nativeName: optionalText(200),
  title: optionalText(200),
  organisation: optionalText(300),
  localityId: id.nullish().transform((v) => v ?? null),
  languages: optionalText(200),
  email: z
    .union([z.literal(''), z.string().trim().pipe(z.email())])
    .nullish()
    .transform((v) => (v ? v : null)),
  phone: optionalText(60),
  notes: optionalText(5000),
});
export type ContactFields = z.input<typeof contactFields>;

export const contactCreate = contactFields;
export const contactUpdate = contactFields.extend({ id, version });

export const CONTACT_SORTS = ['name', 'title', 'organisation', 'email', 'updatedAt'] as const;
export const contactList = z.object({
  search: z.string().max(200).optional(),
  localityId: id.optional(),
  archived: z.boolean().default(false),
  sort: z.enum(CONTACT_SORTS).default('name'),
  dir: sortDir.default('asc'),
  ...listPaging,
});
export type ContactListInput = z.input<typeof contactList>;

/** Names close to the one being typed, asked before saving a new contact. */
export const contactSimilar = z.object({
  name: z.string().max(200),
  nativeName: z.string().max(200).nullish(),
  excludeId: id.optional(),
});

export type ContactRow = {
  id: number;
  name: string;
  nativeName: string | null;
  title: string | null;
  organisation: string | null;
  localityId: number | null;
  localityName: string | null;
  email: string | null;
  phone: string | null;
  sample: z.infer<typeof sampleKind>;
  archivedAt: string | null;
};

export type ContactList = { total: number; rows: ContactRow[] };

export type Contact = z.output<typeof contactFields> & {
  id: number;
  version: number;
  localityName: string | null;
  localityNativeName: string | null;
  localityCountry: string | null;
  sample: z.infer<typeof sampleKind>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The visits this person took part in (not archived), newest first, with the role they had in each. */
  visits: {
    id: number;
    startsOn: string;
    endsOn: string;
    direction: VisitDirection;
    status: VisitStatus;
    purpose: string;
    role: ParticipantRole;
    localityId: number | null;
    localityName: string | null;
    localityNativeName: string | null;
    localityCountry: string | null;
  }[];
};

export type SimilarContact = { id: number; name: string; nativeName: string | null; organisation: string | null; distance: number };
