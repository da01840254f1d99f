// ISO 3166-1 alpha-2 codes. Names are not stored: Intl.DisplayNames gives them
// in the user's language (es, pt, en) in Node and in Chromium alike.
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

const displayNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** Countries sorted by their name in `locale`, for pickers. */
export function countriesFor(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return [...COUNTRY_CODES].map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

// Names offices actually type that Intl does not give (short forms, old names, Chinese).
const ALIASES: Record<string, string> = {
  'republica popular china': 'CN',
  'rp china': 'CN',
  'china continental': 'CN',
  prc: 'CN',
  中国: 'CN',
  中华人民共和国: 'CN',
  eeuu: 'US',
  'ee uu': 'US',
  usa: 'US',
  eua: 'US',
  'estados unidos de america': 'US',
  uk: 'GB',
  'reino unido': 'GB',
  inglaterra: 'GB',
  'corea del sur': 'KR',
  'coreia do sul': 'KR',
  'south korea': 'KR',
  corea: 'KR',
  taiwan: 'TW',
  'hong kong': 'HK',
  macao: 'MO',
  macau: 'MO',
  rusia: 'RU',
  russia: 'RU',
  holanda: 'NL',
  'paises bajos': 'NL',
  'the netherlands': 'NL',
};

let byName: Map<string, string> | null = null;

/** An ISO code from what a spreadsheet holds: the code itself, or the name in Spanish, Portuguese or English. */
export function countryFromText(text: string): string | null {
  const raw = text.trim();
  if (!raw) return null;
  if (/^[A-Za-z]{2}$/.test(raw) && COUNTRY_CODES.has(raw.toUpperCase())) return raw.toUpperCase();
  if (!byName) {
    byName = new Map(Object.entries(ALIASES));
    for (const locale of ['es', 'pt', 'en']) for (const code of COUNTRY_CODES) byName.set(fold(countryName(code, locale)), code);
  }
  return byName.get(fold(raw)) ?? null;
}
