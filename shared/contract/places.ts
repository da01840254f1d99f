import { z } from './zod-messages.ts';
import { countryCode } from './common.ts';
import { localityLevel } from './localities.ts';
import type { AgreementStage } from './agreements.ts';

/** Asked by the locality form: where might this place be? Answered from the bundled gazetteer, never the network. */
export const placeQuery = z
  .object({
    name: z.string().max(200),
    nativeName: z.string().max(200).nullish(),
    country: countryCode.optional(),
    level: localityLevel.optional(),
  })
  .strict();
export type PlaceQuery = z.output<typeof placeQuery>;

export type PlaceSuggestion = {
  name: string;
  nativeNames: string[];
  country: string;
  /** The first-level division a city lies in, as GeoNames names it. */
  division: string | null;
  kind: 'city' | 'division';
  latitude: number;
  longitude: number;
  population: number | null;
};

export type MapPlace = { id: number; name: string; nativeName: string | null; latitude: number | null; longitude: number | null };
export type MapPartners = {
  /** The office's own city (Settings), the lines' origin; null until one is chosen. */
  office: MapPlace | null;
  /** Every partner locality with an agreement that is not archived, placed or not yet placed. */
  partners: (MapPlace & { country: string; stage: AgreementStage; agreements: number })[];
};
