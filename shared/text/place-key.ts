import { foldText } from './search-key.ts';

// How offices write one place several ways: "Shanghai", "shanghai ", "Shanghai City",
// "Ciudad de Shanghái", "上海", "上海市". Folding accents, case, spaces and
// punctuation, then one administrative word before or after the name, leaves the
// name itself; two places of one country with the same key are likely the same.

const PREFIXES = ['ciudad autonoma de', 'ciudad de', 'provincia de', 'municipio de', 'municipalidad de', 'cidade de', 'city of', 'province of'];
const SUFFIXES = ['city', 'province', 'prefecture', 'municipality', 'shi', 'sheng'];
/** Chinese and Japanese administrative endings, longest first: special region, autonomous region, city, province, county, prefecture. */
const CJK_SUFFIXES = ['特别行政区', '特別行政區', '自治区', '市', '省', '县', '縣', '県', '府'];

export function placeKey(name: string | null | undefined): string {
  let key = foldText(name ?? '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = PREFIXES.find((p) => key.startsWith(`${p} `));
  if (prefix) key = key.slice(prefix.length + 1);
  const suffix = SUFFIXES.find((s) => key.endsWith(` ${s}`));
  if (suffix) key = key.slice(0, -(suffix.length + 1));
  key = key.replace(/\s+/g, '');
  const cjk = CJK_SUFFIXES.find((s) => key.endsWith(s) && key.length > s.length);
  return cjk ? key.slice(0, -cjk.length) : key;
}

/** The keys a place is known by: its name and its name in its own script. */
export const placeKeys = (p: { name: string; nativeName?: string | null | undefined }): string[] =>
  [placeKey(p.name), placeKey(p.nativeName)].filter((k) => k.length > 0);
