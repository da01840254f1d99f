import { captured } from '../../../../shared/narrow.ts';
import { countryFromText } from '../../../../shared/countries.ts';
import { resources } from '../../../../shared/i18n/index.ts';
import { foldText } from '../../../../shared/text/search-key.ts';
import type { Uncomputed } from '../xlsx/read.ts';

/**
 * What one spreadsheet cell held: text, a number (maybe an Excel date serial),
 * a date, a formula saved without its result, or nothing.
 */
export type Cell = string | number | Date | Uncomputed | null;

export const isUncomputed = (cell: Cell): cell is Uncomputed => typeof cell === 'object' && cell !== null && !(cell instanceof Date);

export const text = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (isUncomputed(cell)) return `=${cell.formula}`;
  return String(cell).trim();
};

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

// Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/**
 * Serials this office can mean: 1950-01-01 to 2100-12-31. A number outside is
 * not a date typed into a date cell but something else (2024 is a year, which
 * as a serial would be 1905-07-16).
 */
export const PLAUSIBLE_SERIALS = { min: 18264, max: 73415 } as const;

/**
 * A calendar date from what offices type: 31/12/2024 (day first, as in Latin
 * America and Europe), 31-12-2024, 31.12.2024, 2024-12-31, 2024/12/31, or an
 * Excel date cell. A serial number counts only as a number cell of a workbook
 * (never as text: "2024" and "45657" in a CSV are not dates) and only within
 * PLAUSIBLE_SERIALS. undefined = blank, null = not a date.
 */
export function parseDate(cell: Cell): string | null | undefined {
  if (cell === null || cell === '') return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!(cell >= PLAUSIBLE_SERIALS.min && cell < PLAUSIBLE_SERIALS.max + 1)) return null;
    return new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = text(cell);
  if (s === '') return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return iso(+captured(m, 1), +captured(m, 2), +captured(m, 3));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = captured(m, 3);
    const year = y.length === 2 ? 2000 + +y : +y;
    return iso(year, +captured(m, 2), +captured(m, 1));
  }
  return null;
}

/** A cell that holds only a year (typed as text or as a number): it is not a date, and the message says so. */
export const isBareYear = (cell: Cell) => (typeof cell === 'number' || typeof cell === 'string') && /^\s*\d{4}\s*$/.test(String(cell));

export function parseCountry(cell: Cell): string | null | undefined {
  const s = text(cell);
  if (!s) return undefined;
  return countryFromText(s);
}

type Tree = { [k: string]: string | Tree };

/**
 * A code from a closed list (kind, stage, channel, level): the code itself, or
 * its label in any of the three languages, or one of the synonyms given.
 */
export function choiceMatcher<C extends string>(codes: readonly C[], section: string | readonly string[], synonyms: Record<string, C> = {}) {
  const map = new Map<string, C>();
  for (const code of codes) map.set(foldText(code.replaceAll('_', ' ')), code);
  // A section is a path into the strings ('kind', 'visits.direction'); several may name the same codes.
  const sections = typeof section === 'string' ? [section] : section;
  for (const lang of Object.values(resources)) {
    for (const path of sections) {
      let labels: string | Tree | undefined = lang.translation;
      for (const part of path.split('.')) labels = typeof labels === 'object' ? labels[part] : undefined;
      for (const code of codes) {
        const label = typeof labels === 'object' ? labels[code] : undefined;
        if (typeof label === 'string') map.set(foldText(label), code);
      }
    }
  }
  for (const [word, code] of Object.entries(synonyms)) map.set(foldText(word), code);
  return (cell: Cell): C | null | undefined => {
    const s = text(cell);
    if (!s) return undefined;
    return map.get(foldText(s.replaceAll('_', ' '))) ?? null;
  };
}
