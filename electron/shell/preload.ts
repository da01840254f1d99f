// Exposes the contract's one entry point, and what the desktop shell tells the page: a screen the
// menu asks for, a spreadsheet the app was asked to open, a close to confirm. Main validates every call.
import { contextBridge, ipcRenderer } from 'electron';

// The contract's bridge only for the app's own pages. A page of the office server (the desktop
// working on it) gets one thing alone: going back to working on this computer.
if (location.protocol !== 'app:') {
  contextBridge.exposeInMainWorld('twinningDesktop', { workLocally: () => ipcRenderer.invoke('twinning:work-locally') });
} else
  contextBridge.exposeInMainWorld('twinning', {
    call: (name: string, input: unknown, jobId?: string) => ipcRenderer.invoke('twinning:call', name, input, jobId),
    onNavigate: (listener: (route: string) => void) => {
      ipcRenderer.on('twinning:navigate', (_event, route: unknown) => {
        if (typeof route === 'string' && route.startsWith('/')) listener(route);
      });
    },
    onOpenFile: (listener: (file: { name: string; bytes: Uint8Array }) => void) => {
      ipcRenderer.on('twinning:open-file', (_event, file: { name: unknown; bytes: unknown }) => {
        if (typeof file?.name === 'string' && file.bytes instanceof Uint8Array) listener({ name: file.name, bytes: file.bytes });
      });
      ipcRenderer.send('twinning:ready-for-files');
    },
    // The window is closing with unsaved work in a form: the page asks, and says when to go ahead.
    onCloseRequested: (listener: () => void) => {
      ipcRenderer.on('twinning:close-requested', () => listener());
    },
    closeWindow: () => ipcRenderer.send('twinning:leave'),
  });
