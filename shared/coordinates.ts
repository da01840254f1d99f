import { formatter } from './format.ts';
import { withParams } from './contract/result.ts';
import { numberLocale } from './region.ts';

// Latitude and longitude as people type them: decimal degrees in the office's
// way ("-34,9033" in es-UY, "-34.9033" in es-MX). A coordinate is never above
// 180, so it has no thousands groups and either decimal sign is unambiguous:
// a value copied from a web map ("24.4798") is read the same in every office.
// A hemisphere letter may follow instead of the sign: N/S, E/W (O for oeste, L for leste).

export type Axis = 'latitude' | 'longitude';
export const AXIS_LIMIT: Record<Axis, number> = { latitude: 90, longitude: 180 };

const SOUTH_OR_WEST = new Set(['S', 'W', 'O']);
const HEMISPHERES: Record<Axis, string> = { latitude: 'NS', longitude: 'EWOL' };

/** The value as the office writes it, for a field and the refusal's example: up to 6 decimals (about 10 cm), no grouping. */
export function coordinateText(value: number, locale: string): string {
  const fmt = formatter(`coordinate|${locale}`, () => new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 6, useGrouping: false }));
  return fmt.format(value);
}

/** The message key the contract and the form both give for a value off the globe. */
export const rangeMessage = (axis: Axis) => withParams(`coordinates.${axis}Range`, { max: AXIS_LIMIT[axis] });

export type CoordinateRead = { ok: true; value: number | null } | { ok: false; message: string };

/** Reads one coordinate typed in a field; empty is `null` (no place on the map). */
export function parseCoordinate(text: string, axis: Axis, locale: string): CoordinateRead {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (!trimmed) return { ok: true, value: null };
  const hemispheres = HEMISPHERES[axis];
  const match = new RegExp(`^([-−+]?)(\\d{1,3})(?:[.,](\\d{1,12}))?°?([${hemispheres}]?)$`, 'i').exec(trimmed);
  if (!match)
    return { ok: false, message: withParams(`coordinates.${axis}Format`, { example: coordinateText(axis === 'latitude' ? -34.9033 : -56.1882, locale) }) };
  const [, sign, whole, fraction, hemisphere] = match as unknown as [string, string, string, string | undefined, string];
  const letter = hemisphere.toUpperCase();
  if (sign && letter)
    return { ok: false, message: withParams(`coordinates.${axis}Format`, { example: coordinateText(axis === 'latitude' ? -34.9033 : -56.1882, locale) }) };
  const magnitude = Number(`${whole}.${fraction ?? '0'}`);
  const value = (sign === '-' || sign === '−' || SOUTH_OR_WEST.has(letter) ? -1 : 1) * magnitude;
  if (Math.abs(value) > AXIS_LIMIT[axis]) return { ok: false, message: rangeMessage(axis) };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
