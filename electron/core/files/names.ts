// The one rule for a file name we write or store (an attachment, a report the
// user saves): valid on every file system and unable to disguise its type.

// Bidi embeddings/overrides/isolates and marks (U+202E turns "Acta\u202Efdp.exe" into "Actaexe.pdf" on screen),
// the BOM, and every control character. Letters of any script stay (accents, Chinese, Japanese).
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * `name` without bidi or control characters, without characters Windows refuses
 * (path separators included: a name is never a path), with spaces collapsed and
 * no trailing dots or spaces (Windows drops them, so "a.exe." would run as
 * "a.exe"); `fallback` when nothing usable is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .replace(INVISIBLE, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : fallback;
}

/** The last part of a path a client sent ("C:\fakepath\acta.pdf" → "acta.pdf"), before it is made safe. */
export const lastPathPart = (name: string): string => name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '';
