import { z } from './zod-messages.ts';
import { countryCode, id, listPaging, sortDir, optionalText, requiredText, sampleKind, version } from './common.ts';
import { AXIS_LIMIT, rangeMessage, type Axis } from '../coordinates.ts';

export const LOCALITY_LEVELS = ['city', 'province', 'region', 'department', 'municipality', 'other'] as const;
export const localityLevel = z.enum(LOCALITY_LEVELS);
export type LocalityLevel = (typeof LOCALITY_LEVELS)[number];

/** Decimal degrees (WGS 84); the form reads them as the office types them (shared/coordinates.ts). */
const coordinate = (axis: Axis) =>
  z
    .number(rangeMessage(axis))
    .min(-AXIS_LIMIT[axis], rangeMessage(axis))
    .max(AXIS_LIMIT[axis], rangeMessage(axis))
    .nullish()
    .transform((v) => v ?? null);

export const localityFields = z.object({
  name: requiredText(200),
  nativeName: optionalText(200),
  country: countryCode,
  level: localityLevel,
  parentId: id.nullish().transform((v) => v ?? null),
  latitude: coordinate('latitude'),
  longitude: coordinate('longitude'),
});
export type LocalityFields = z.input<typeof localityFields>;

/** A point needs both halves: the missing one is named next to its field. */
export const bothCoordinates = (l: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx) => {
  if ((l.latitude === null) === (l.longitude === null)) return;
  ctx.addIssue({ code: 'custom', path: [l.latitude === null ? 'latitude' : 'longitude'], message: 'coordinates.both' });
};

export const localityCreate = localityFields.superRefine(bothCoordinates);
export const localityUpdate = localityFields.extend({ id, version }).superRefine(bothCoordinates);
export const localityList = z.object({
  search: z.string().max(200).optional(),
  country: countryCode.optional(),
  includeArchived: z.boolean().default(false),
  ...listPaging,
  limit: z.number().int().min(1).max(10000).default(5000),
});

export const LOCALITY_SORTS = ['name', 'nativeName', 'country', 'level', 'parent'] as const;
/** The Localities screen: one sorted page of places and how many match in all. */
export const localityPage = localityList.extend({
  sort: z.enum(LOCALITY_SORTS).default('name'),
  dir: sortDir.default('asc'),
  limit: z.number().int().min(1).max(500).default(50),
});
export type LocalityPageInput = z.input<typeof localityPage>;
export type LocalityPage = { total: number; rows: Locality[] };

/** Asked by the form before saving: places of this country known by the same name (see shared/text/place-key.ts). */
export const localitySimilar = z
  .object({ name: z.string().max(200), nativeName: z.string().max(200).nullish(), country: countryCode, excludeId: id.optional() })
  .strict();

export type Locality = {
  id: number;
  name: string;
  nativeName: string | null;
  country: string;
  level: (typeof LOCALITY_LEVELS)[number];
  parentId: number | null;
  parentName: string | null;
  latitude: number | null;
  longitude: number | null;
  sample: z.infer<typeof sampleKind>;
  archivedAt: string | null;
  version: number;
};
