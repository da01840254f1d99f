// Opens the window where it was on this display, and remembers where it goes.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { updatePrefs } from '../core/desktop/prefs.ts';
import { chooseWindowPlacement, MIN_SIZE, rememberWindow, type Display, type WindowMemory, type WindowPlacement } from '../core/rules/window-bounds.ts';

/** The primary display first: a first window opens there. */
function displays(): Display[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => ({ id: d.id, workArea: d.workArea }));
}

export function windowPlacement(memory: WindowMemory | undefined): WindowPlacement & { minWidth: number; minHeight: number } {
  return { ...chooseWindowPlacement(memory ?? null, displays()), minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height };
}

/** Saves the placement (un-maximised bounds and the maximised flag) after each move or resize settles, and on close. */
export function rememberPlacement(window: BrowserWindow, prefsDir: string, memory: WindowMemory | undefined) {
  let saved = memory ?? null;
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const normal: Rectangle = window.getNormalBounds();
    saved = rememberWindow(saved, normal, window.isMaximized(), displays());
    updatePrefs(prefsDir, { window: saved });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('move', later);
  window.on('resize', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
