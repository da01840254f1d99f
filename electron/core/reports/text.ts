import { TextRun, type IRunOptions } from 'docx';

// Word and LibreOffice draw each character of a run in the font of its script:
// Chinese, Japanese and Korean characters in the run's East-Asian font slot
// (rFonts/@eastAsia), in the East-Asian language. A run without one falls back
// to whatever the style gives, which may be a Latin font without those glyphs
// (empty boxes in a PDF). So every run with such characters names a CJK font
// and language in that slot, chosen from the characters themselves; its Latin
// characters stay in the body font. One run per piece of text, not one per
// script change: a large report has thousands of such names, and each extra
// run is markup that costs time to write and read.

export const BODY_FONT = 'Calibri';
export const CJK_FONTS = { 'zh-CN': 'Noto Sans CJK SC', 'ja-JP': 'Noto Sans CJK JP', 'ko-KR': 'Noto Sans CJK KR' } as const;
export type CjkLanguage = keyof typeof CJK_FONTS;

const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
const EAST_ASIAN = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export const hasEastAsian = (text: string) => EAST_ASIAN.test(text);

/** The language a CJK run is in: kana means Japanese, hangul Korean, otherwise Chinese. */
export function eastAsianLanguage(text: string): CjkLanguage {
  if (KANA.test(text)) return 'ja-JP';
  if (HANGUL.test(text)) return 'ko-KR';
  return 'zh-CN';
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'font' | 'language'>;

/** The East-Asian language of a piece of text, or null when it has no such characters. `whole` gives the context (see eastAsianLanguage). */
export const cjkLanguageOf = (text: string, whole: string = text): CjkLanguage | null => (hasEastAsian(text) ? eastAsianLanguage(whole) : null);

/** The run properties of a piece with East-Asian characters: the CJK font in the East-Asian slot and the language. */
export const cjkRunOptions = (lang: CjkLanguage) => ({ font: { eastAsia: CJK_FONTS[lang] }, language: { eastAsia: lang } }) as const;

/**
 * The run for one piece of text (an array, so callers can add runs around it).
 * `whole` gives the context used to tell Japanese names (神戸市) from Chinese ones.
 */
export function textRuns(text: string, style: RunStyle = {}, whole: string = text): TextRun[] {
  const lang = cjkLanguageOf(text, whole);
  return [new TextRun({ ...style, text, ...(lang ? cjkRunOptions(lang) : {}) })];
}
