import { TextRun, type IRunOptions } from 'docx';

// Word picks the font for Chinese, Japanese and Korean characters from the run's
// East-Asian font slot (rFonts/@eastAsia) and its East-Asian language; a run
// without them is drawn in the Latin font, which has no such glyphs, and prints
// as empty boxes in LibreOffice. So every run with such characters names a CJK
// font and language, chosen from the characters themselves.

export const BODY_FONT = 'Calibri';
export const CJK_FONTS = { 'zh-CN': 'Noto Sans CJK SC', 'ja-JP': 'Noto Sans CJK JP', 'ko-KR': 'Noto Sans CJK KR' } as const;
type CjkLanguage = keyof typeof CJK_FONTS;

const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
const EAST_ASIAN = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
const SPLIT = /((?:[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF])+)/;

export const hasEastAsian = (text: string) => EAST_ASIAN.test(text);

/** The language a CJK run is in: kana means Japanese, hangul Korean, otherwise Chinese. */
export function eastAsianLanguage(text: string): CjkLanguage {
  if (KANA.test(text)) return 'ja-JP';
  if (HANGUL.test(text)) return 'ko-KR';
  return 'zh-CN';
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'font' | 'language'>;

/**
 * Runs for one piece of text: Latin parts as they are, East-Asian parts with a
 * CJK font in every slot (so even a Latin-only reader picks it) and their language.
 * `whole` gives the context used to tell Japanese names (神戸市) from Chinese ones.
 */
export function textRuns(text: string, style: RunStyle = {}, whole: string = text): TextRun[] {
  if (!hasEastAsian(text)) return [new TextRun({ ...style, text })];
  const lang = eastAsianLanguage(whole);
  const font = CJK_FONTS[lang];
  return text
    .split(SPLIT)
    .filter((part) => part.length > 0)
    .map((part) =>
      EAST_ASIAN.test(part)
        ? new TextRun({ ...style, text: part, font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' }, language: { eastAsia: lang } })
        : new TextRun({ ...style, text: part }),
    );
}
