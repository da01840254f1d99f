import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutKeys } from '../../renderer/src/components/shortcuts.ts';
import { createI18n } from '../../shared/i18n/index.ts';

const key = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('reads Ctrl+K elsewhere and ⌘K on a Mac as search, by the key’s place whatever the layout', () => {
    expect(matchShortcut(key('KeyK', { ctrlKey: true }), false)).toBe('search');
    expect(matchShortcut(key('KeyK', { metaKey: true }), true)).toBe('search');
    expect(matchShortcut(key('KeyK', { metaKey: true }), false)).toBeNull();
    expect(matchShortcut(key('KeyK', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(matchShortcut(key('KeyK'), false)).toBeNull();
  });

  it('takes Alt+Shift+V and Alt+Shift+T for a new visit and a new task, F1 for help, and nothing else', () => {
    expect(matchShortcut(key('KeyV', { altKey: true, shiftKey: true }), false)).toBe('newVisit');
    expect(matchShortcut(key('KeyT', { altKey: true, shiftKey: true }), true)).toBe('newTask');
    expect(matchShortcut(key('F1'), false)).toBe('help');
    // Plain typing, Ctrl+V (paste) and AltGr+V (Ctrl+Alt on Windows) are left alone.
    expect(matchShortcut(key('KeyV'), false)).toBeNull();
    expect(matchShortcut(key('KeyV', { ctrlKey: true }), false)).toBeNull();
    expect(matchShortcut(key('KeyV', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(matchShortcut(key('F1', { shiftKey: true }), false)).toBeNull();
  });

  it('writes each shortcut for the keyboard and the language', () => {
    const es = createI18n('es').t;
    expect(shortcutKeys('search', false, es)).toBe('Ctrl+K');
    expect(shortcutKeys('search', true, es)).toBe('⌘K');
    expect(shortcutKeys('newVisit', false, es)).toBe('Alt+Mayús+V');
    expect(shortcutKeys('newTask', false, createI18n('pt').t)).toBe('Alt+Shift+T');
    expect(shortcutKeys('newVisit', true, es)).toBe('⌥⇧V');
    expect(shortcutKeys('help', false, es)).toBe('F1');
  });
});
