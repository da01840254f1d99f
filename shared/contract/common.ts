import { z } from './zod-messages.ts';
import { COUNTRY_CODES } from '../countries.ts';

export const id = z.number().int().positive();

/** Optional free text: blank becomes null so the database never holds '' for "unknown". */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const requiredText = (max = 200) => z.string().trim().min(1).max(max);

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
export const isoDate = z.iso.date();
export const optionalDate = z
  .union([isoDate, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRY_CODES.has(c), 'errors.country');

/** Optimistic concurrency: an edit based on a stale copy is refused, not merged silently. */
export const version = z.number().int().positive();

export const sortDir = z.enum(['asc', 'desc']);

export const listPaging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(10000).default(100),
};

export const sampleKind = z.enum(['real', 'invented']).nullable();
