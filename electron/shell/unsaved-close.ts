// Closing (or reloading) the window while a form holds unsaved work: the page's
// beforeunload stops it, Electron tells us so, and the page asks in the app's own
// dialog, in the app's language, whether to leave (no native box in the OS's words).
// When the user says leave, the page answers and the window closes (or reloads)
// with the page's guard down.
import { ipcMain, type BrowserWindow } from 'electron';

export function askBeforeLeaving(window: BrowserWindow, trusted: (url: string | undefined) => boolean) {
  // 'close' comes before the page's beforeunload; a reload has no such event.
  let pending: 'close' | 'reload' = 'reload';
  window.on('close', () => (pending = 'close'));
  window.webContents.on('will-prevent-unload', () => {
    window.webContents.send('twinning:close-requested');
  });
  ipcMain.on('twinning:leave', (event) => {
    if (window.isDestroyed() || event.sender !== window.webContents || !trusted(event.senderFrame?.url)) return;
    if (pending === 'close') window.close();
    else window.webContents.reload();
    pending = 'reload';
  });
}
