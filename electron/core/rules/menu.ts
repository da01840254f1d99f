// The application menu as data, in the app's language. Electron's own role labels are
// English whatever the system, so every item carries its translated label; the shell
// turns `command` into a click handler and passes the rest to Menu.buildFromTemplate.
import type { TFunction } from 'i18next';

/** What a menu item asks the shell to do; each is one small function in electron/shell/menu.ts. */
export type MenuCommand = 'newVisit' | 'import' | 'export' | 'openDataFolder' | 'backups' | 'about' | 'openLogFolder';

/** Electron's built-in roles this menu uses (the OS or Chromium does the work). */
export type MenuRole =
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'minimize'
  | 'close';

export type MenuEntry =
  | { type: 'separator' }
  | { label: string; command: MenuCommand; accelerator?: string }
  | { label: string; role: MenuRole; accelerator?: string }
  | { label: string; submenu: MenuEntry[] };

export type MenuOptions = {
  t: TFunction;
  platform: NodeJS.Platform;
  /** Reload and DevTools are for developers: an unpackaged app. */
  development: boolean;
  appName: string;
};

const separator = { type: 'separator' } as const;

export function applicationMenu({ t, platform, development, appName }: MenuOptions): MenuEntry[] {
  const mac = platform === 'darwin';
  const m = (key: string, params?: Record<string, string>) => t(`desktop.menu.${key}`, params ?? {});
  const about = { label: m('about', { app: appName }), command: 'about' } as const;
  const quit = { label: m('quit', { app: appName }), role: 'quit' } as const;

  const file: MenuEntry = {
    label: m('file'),
    submenu: [
      { label: m('newVisit'), command: 'newVisit', accelerator: 'CmdOrCtrl+N' },
      separator,
      { label: m('import'), command: 'import', accelerator: 'CmdOrCtrl+I' },
      { label: m('export'), command: 'export', accelerator: 'CmdOrCtrl+E' },
      separator,
      { label: m('openDataFolder'), command: 'openDataFolder' },
      { label: m('backups'), command: 'backups' },
      // macOS keeps Quit in the application menu.
      ...(mac ? [] : [separator, quit]),
    ],
  };
  const edit: MenuEntry = {
    label: m('edit'),
    submenu: [
      { label: m('undo'), role: 'undo' },
      { label: m('redo'), role: 'redo' },
      separator,
      { label: m('cut'), role: 'cut' },
      { label: m('copy'), role: 'copy' },
      { label: m('paste'), role: 'paste' },
      ...(mac ? [{ label: m('pasteAndMatchStyle'), role: 'pasteAndMatchStyle' } as const] : []),
      { label: m('delete'), role: 'delete' },
      separator,
      { label: m('selectAll'), role: 'selectAll' },
    ],
  };
  const view: MenuEntry = {
    label: m('view'),
    submenu: [
      { label: m('zoomIn'), role: 'zoomIn' },
      { label: m('zoomOut'), role: 'zoomOut' },
      { label: m('resetZoom'), role: 'resetZoom' },
      separator,
      { label: m('fullScreen'), role: 'togglefullscreen' },
      ...(development
        ? [
            separator,
            { label: m('reload'), role: 'reload' } as const,
            { label: m('forceReload'), role: 'forceReload' } as const,
            { label: m('devTools'), role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };
  const help: MenuEntry = {
    label: m('help'),
    submenu: [...(mac ? [] : [about, separator]), { label: m('openLogFolder'), command: 'openLogFolder' }],
  };
  const appMenu: MenuEntry = {
    label: appName,
    submenu: [
      about,
      separator,
      { label: m('hide', { app: appName }), role: 'hide' },
      { label: m('hideOthers'), role: 'hideOthers' },
      { label: m('showAll'), role: 'unhide' },
      separator,
      quit,
    ],
  };
  const windowMenu: MenuEntry = {
    label: m('window'),
    submenu: [
      { label: m('minimize'), role: 'minimize' },
      { label: m('close'), role: 'close' },
    ],
  };
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}

/** Every command in a menu, for the shell to check it can answer each (and for tests). */
export function menuCommands(entries: MenuEntry[]): MenuCommand[] {
  return entries.flatMap((e) => ('submenu' in e ? menuCommands(e.submenu) : 'command' in e ? [e.command] : []));
}
