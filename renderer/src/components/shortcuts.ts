import type { TFunction } from 'i18next';

// The app's own keyboard shortcuts, the same in the desktop app and in the browser. Letters are
// read by their key's place (event.code), so they work on any keyboard layout; Alt+Shift, not
// Ctrl, because Chromium keeps Ctrl+N and Ctrl+T for itself in a browser.

export const SHORTCUTS = ['search', 'newVisit', 'newTask', 'help'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

type Keys = { code: string; mod: 'primary' | 'altShift' | 'none' };
const KEYS: Record<Shortcut, Keys> = {
  search: { code: 'KeyK', mod: 'primary' },
  newVisit: { code: 'KeyV', mod: 'altShift' },
  newTask: { code: 'KeyT', mod: 'altShift' },
  help: { code: 'F1', mod: 'none' },
};

type KeyInput = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The shortcut a key press means, if any. `mac`: ⌘ is the primary modifier there, Ctrl elsewhere. */
export function matchShortcut(e: KeyInput, mac: boolean): Shortcut | null {
  for (const s of SHORTCUTS) {
    const { code, mod } = KEYS[s];
    if (e.code !== code) continue;
    const primary = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
    if (mod === 'primary' && primary && !e.altKey && !e.shiftKey) return s;
    if (mod === 'altShift' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) return s;
    if (mod === 'none' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) return s;
  }
  return null;
}

/** How a shortcut is written for this keyboard, in the user's language ("Ctrl+K", "⌘K", "Alt+Mayús+V"). */
export function shortcutKeys(s: Shortcut, mac: boolean, t: TFunction): string {
  const { code, mod } = KEYS[s];
  const key = code.replace(/^Key/, '');
  if (mod === 'primary') return mac ? `⌘${key}` : `Ctrl+${key}`;
  if (mod === 'altShift') return mac ? `⌥⇧${key}` : `Alt+${t('search.shift')}+${key}`;
  return key;
}
