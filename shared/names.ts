// One way to show a person or place written in two scripts, everywhere
// (screens, reports, exports): the romanized name first, the native name after
// it, the native part tagged with its language so it draws with its own glyph
// forms (神戸市 in Japanese forms, not Chinese ones).

export type NativeLang = 'zh-Hans' | 'zh-Hant' | 'ja' | 'ko';

const BY_COUNTRY: Record<string, NativeLang> = { CN: 'zh-Hans', SG: 'zh-Hans', TW: 'zh-Hant', HK: 'zh-Hant', MO: 'zh-Hant', JP: 'ja', KR: 'ko', KP: 'ko' };
const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/**
 * The language of a native name: by the place's country when it is known (a
 * Japanese city's kanji are Japanese even without kana), else by its script;
 * null for text in none of these scripts (the page's language applies).
 */
export function nativeLang(native: string, country?: string | null): NativeLang | null {
  const byCountry = country ? BY_COUNTRY[country.toUpperCase()] : undefined;
  if (byCountry && (HAN.test(native) || KANA.test(native) || HANGUL.test(native))) return byCountry;
  if (KANA.test(native)) return 'ja';
  if (HANGUL.test(native)) return 'ko';
  if (HAN.test(native)) return 'zh-Hans';
  return null;
}

/** The plain-text form, for <option>s, file cells and messages: "Lin Xiaoming 林晓明". */
export function twoScripts(name: string, native: string | null | undefined): string {
  const n = native?.trim();
  return n && n !== name ? `${name} ${n}` : name;
}
