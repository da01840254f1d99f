import type { PlaceSuggestion, PlaceQuery } from '../../../../shared/contract/places.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';

// Coordinates suggested for a locality from the gazetteer the app ships
// (resources/gazetteer/places.json, cut from GeoNames by packaging/gazetteer.ts).
// Matched on the name and every native spelling, accent-, case- and
// suffix-blind ("Montevideo" finds "Montevideo Department", 桂林市 finds 桂林),
// within the locality's country when it has one.

/** [name, native names joined by '|', country, first-level division, kind, latitude, longitude, population] */
type Row = [string, string, string, string, 'city' | 'division', number, number, number];
type Entry = { row: Row; keys: string[] };

// Generic words that name the level, not the place: "Provincia de Buenos Aires", "Guangdong Sheng", "Kanagawa-ken".
const LEVEL_WORDS =
  /\b(?:department|departamento|provincia|province|prefecture|region|regiao|state|estado|municipality|municipio|city|ciudad|cidade|shi|sheng|ken|to|fu|do|of|de|del|da|do)\b/g;
const CJK_SUFFIX = /(?<=.{2})(?:市|省|县|縣|区|區|府|都|道|特別市|特别市|自治区|自治區|壮族自治区)$/u;

/** The key two spellings of one place share. */
export function placeKey(text: string): string {
  if (/\p{Script=Han}|\p{Script=Hangul}|\p{Script=Katakana}|\p{Script=Hiragana}/u.test(text)) {
    return text.normalize('NFKC').replace(/\s+/g, '').replace(CJK_SUFFIX, '');
  }
  return searchKey(text)
    .replace(/['’`ʻ\-‐.]/g, '')
    .replace(/[(),]/g, ' ')
    .replace(LEVEL_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let index: Promise<Entry[]> | null = null;

/** Loaded on the first question only: the data stays out of start-up. */
function entries(): Promise<Entry[]> {
  index ??= import('../../../../resources/gazetteer/places.json', { with: { type: 'json' } }).then(({ default: data }) =>
    (data.places as Row[]).map((row) => ({ row, keys: [...new Set([placeKey(row[0]), ...row[1].split('|').filter(Boolean).map(placeKey)])].filter(Boolean) })),
  );
  return index;
}

const LIMIT = 8;

export async function suggestPlaces(q: PlaceQuery): Promise<PlaceSuggestion[]> {
  const terms = [
    ...new Set(
      [q.name, q.nativeName]
        .filter((t): t is string => !!t?.trim())
        .map(placeKey)
        .filter(Boolean),
    ),
  ];
  if (!terms.length) return [];
  const wantsDivision = q.level !== undefined && q.level !== 'city' && q.level !== 'municipality';
  const scored: { row: Row; score: number }[] = [];
  for (const { row, keys } of await entries()) {
    if (q.country && row[2] !== q.country) continue;
    let score = 0;
    for (const term of terms) {
      for (const key of keys) {
        if (key === term) score = Math.max(score, 3);
        else if (term.length >= 3 && key.startsWith(term)) score = Math.max(score, 1);
      }
    }
    if (!score) continue;
    // The kind the locality's level asks for first, then the larger place.
    if ((row[4] === 'division') === wantsDivision) score += 0.5;
    scored.push({ row, score });
  }
  scored.sort((a, b) => b.score - a.score || b.row[7] - a.row[7]);
  return scored.slice(0, LIMIT).map(({ row }) => ({
    name: row[0],
    nativeNames: row[1] ? row[1].split('|') : [],
    country: row[2],
    division: row[3] || null,
    kind: row[4],
    latitude: row[5],
    longitude: row[6],
    population: row[7] || null,
  }));
}

/** The city the gazetteer knows by exactly this name (or native name) in this country, the largest if several; else null. */
export async function knownCity(place: { name: string; nativeName?: string | null; country: string }): Promise<PlaceSuggestion | null> {
  const terms = new Set([place.name, place.nativeName].filter((t): t is string => !!t?.trim()).map(placeKey));
  const found = await suggestPlaces({ ...place, level: 'city' });
  return found.find((p) => p.kind === 'city' && [p.name, ...p.nativeNames].some((n) => terms.has(placeKey(n)))) ?? null;
}
