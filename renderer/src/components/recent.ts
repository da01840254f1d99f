import type { SearchHit } from '../../../shared/contract/search.ts';

// The records last opened from the search box, newest first, kept on this computer (per browser
// profile in `npm run web`): a shortcut back, not data, so not in the office's file.

const KEY = 'twinning-recent-records';
const KEEP = 8;

export function readRecent(): SearchHit[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? (value as unknown[])
          .filter(
            (h): h is SearchHit => typeof h === 'object' && h !== null && 'id' in h && typeof h.id === 'number' && 'name' in h && typeof h.name === 'string',
          )
          .slice(0, KEEP)
      : [];
  } catch {
    return [];
  }
}

export function rememberRecent(hit: SearchHit) {
  const rest = readRecent().filter((h) => !(h.kind === hit.kind && h.id === hit.id));
  localStorage.setItem(KEY, JSON.stringify([hit, ...rest].slice(0, KEEP)));
}

export function forgetRecent() {
  localStorage.removeItem(KEY);
}
