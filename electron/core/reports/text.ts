import { TextRun, type IRunOptions } from 'docx';
import { nativeLang, type NativeLang } from '../../../shared/names.ts';

// Word and LibreOffice draw each character of a run in the font of its script:
// Chinese, Japanese and Korean characters in the run's East-Asian font slot
// (rFonts/@eastAsia), in the East-Asian language. A run without one falls back
// to whatever the style gives, which may be a Latin font without those glyphs
// (empty boxes in a PDF), and a run in the wrong language draws Kobe's 神戸市
// with Chinese glyph forms. So every run with such characters names the font
// and language of its text, decided by the one rule of shared/names.ts: a
// place's or person's native name by its locality's country (registered when
// the report writes the name, see NameLanguages), any other text by its script.
// Its Latin characters stay in the body font. One run per piece of text, not
// one per script change: a large report has thousands of such names, and each
// extra run is markup that costs time to write and read.

export const BODY_FONT = 'Calibri';

/** Per language of shared/names.ts: the font for its glyph forms and the tag Word's w:lang takes. */
export const CJK = {
  'zh-Hans': { font: 'Noto Sans CJK SC', tag: 'zh-CN' },
  'zh-Hant': { font: 'Noto Sans CJK TC', tag: 'zh-TW' },
  ja: { font: 'Noto Sans CJK JP', tag: 'ja-JP' },
  ko: { font: 'Noto Sans CJK KR', tag: 'ko-KR' },
} as const satisfies Record<NativeLang, { font: string; tag: string }>;

const EAST_ASIAN = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
const EAST_ASIAN_RUNS =
  /(?:[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF])+/g;

export const hasEastAsian = (text: string) => EAST_ASIAN.test(text);

/** A piece of a line in one East-Asian language (null: no East-Asian characters). */
export type Piece = { text: string; lang: NativeLang | null };

/**
 * The languages of the native names one report writes. `add` is called where
 * the report knows a name's country (ReportLocale.bothScripts); `pieces` splits
 * a line of the document into runs by them. Text that is not a registered name
 * (a description, a venue) falls back to its script, with `whole` (the cell
 * or paragraph) as context: kana anywhere in it means Japanese.
 */
export class NameLanguages {
  private readonly names = new Map<string, NativeLang>();
  private readonly done = new Map<string, Piece[]>();

  add(native: string, country: string | null | undefined): void {
    const lang = nativeLang(native, country);
    if (lang === null) return;
    // By each stretch of East-Asian characters, as `pieces` finds them: a name
    // written with a space inside (김 민준) is two stretches.
    for (const [part] of native.matchAll(EAST_ASIAN_RUNS)) {
      if (this.names.get(part) === lang) continue;
      this.names.set(part, lang);
      this.done.clear();
    }
  }

  pieces(line: string, whole: string = line): Piece[] {
    if (!hasEastAsian(line)) return [{ text: line, lang: null }];
    const key = whole === line ? line : `${line}\u0000${whole}`;
    let out = this.done.get(key);
    if (!out) {
      out = this.split(line, whole);
      this.done.set(key, out);
    }
    return out;
  }

  private split(line: string, whole: string): Piece[] {
    const fallback = nativeLang(whole) ?? 'zh-Hans';
    const out: Piece[] = [];
    let at = 0;
    const push = (text: string, lang: NativeLang | null) => {
      const last = out[out.length - 1];
      // Latin text joins the run beside it: only the East-Asian slot carries the language.
      if (last && (lang === null || last.lang === null || last.lang === lang)) {
        last.text += text;
        last.lang ??= lang;
      } else out.push({ text, lang });
    };
    for (const match of line.matchAll(EAST_ASIAN_RUNS)) {
      if (match.index > at) push(line.slice(at, match.index), null);
      push(match[0], this.names.get(match[0]) ?? fallback);
      at = match.index + match[0].length;
    }
    if (at < line.length) push(line.slice(at), null);
    return out;
  }
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'font' | 'language'>;

/** The run properties of a piece with East-Asian characters: its font in the East-Asian slot and its language. */
export const cjkRunOptions = (lang: NativeLang) => ({ font: { eastAsia: CJK[lang].font }, language: { eastAsia: CJK[lang].tag } }) as const;

/**
 * The runs for one piece of text (an array, so callers can add runs around
 * it): one, unless names of two East-Asian languages share the line.
 */
export function textRuns(names: NameLanguages, text: string, style: RunStyle = {}, whole: string = text): TextRun[] {
  return names
    .pieces(text, whole)
    .map((p, i) => new TextRun({ ...style, ...(i > 0 ? { break: undefined } : {}), text: p.text, ...(p.lang ? cjkRunOptions(p.lang) : {}) }));
}
