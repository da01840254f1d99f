import { pinyin } from 'pinyin-pro';

// One normalisation for what is stored and what is typed, so "Lima" finds
// "LIMA", "Zhangzhou" finds "Zhāngzhōu" and 上海 finds 上海市. Kept in the
// main process only: the pinyin dictionary is not for the renderer's bundle.

/** Kana voicing marks (が = か + ゛) are letters, not accents: folding them away would make が and か one. */
const ACCENTS = /(?![\u3099\u309a])\p{M}+/gu;
const HAN = /\p{Script=Han}+/gu;

/** Case, accents, width and spacing folded; every script kept as written. What a typed term becomes. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The key a record is found by: its names folded, then the toneless pinyin of each run of
 * Chinese characters written together ("厦门市" adds "xiamenshi"), so "xiamen" or
 * "xia men" finds a place the office wrote only in characters. Japanese kanji get a
 * (Chinese) reading too; it only ever adds matches, never hides the characters themselves.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  const folded = foldText(parts.filter((p): p is string => !!p).join(' '));
  const runs = folded.match(HAN);
  if (!runs) return folded;
  const readings = runs.map((run) => pinyin(run, { toneType: 'none', type: 'array', v: false }).join('').replace(/\s+/g, ''));
  return `${folded} ${foldText(readings.join(' '))}`;
}

/** The words of a typed search, each to be found somewhere in a key (at most 8: a pasted paragraph is not a search). */
export function searchTerms(query: string): string[] {
  return foldText(query).split(' ').filter(Boolean).slice(0, 8);
}

/** Escapes a folded term for a LIKE pattern whose escape character is `\`. */
export function likeTerm(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Escapes a user's whole term for a LIKE pattern whose escape character is `\`. */
export function likePattern(term: string): string {
  return likeTerm(foldText(term));
}
