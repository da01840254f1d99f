// Case, accents, width and spacing folded, every script kept as written: what a typed term becomes,
// and what two names are compared by. No dependencies, so the renderer may use it too.

/** Kana voicing marks (が = か + ゛) are letters, not accents: folding them away would make が and か one. */
const ACCENTS = /(?![\u3099\u309a])\p{M}+/gu;

/** Case, accents, width and spacing folded; every script kept as written. What a typed term becomes. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
