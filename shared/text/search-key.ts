// One normalisation for what is stored and what is typed, so "Lima" finds
// "LIMA", "Zhangzhou" finds "Zhāngzhōu" and 上海 finds 上海市.
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes a user's term for a LIKE pattern whose escape character is `\`. */
export function likePattern(term: string): string {
  return `%${searchKey(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
