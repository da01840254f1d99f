// Installs the application menu built by electron/core/rules/menu.ts, wiring its commands.
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { createI18n } from '../../shared/i18n/index.ts';
import type { Language } from '../../shared/contract/settings.ts';
import { applicationMenu, type MenuCommand, type MenuEntry } from '../core/rules/menu.ts';
import { APP_VERSION } from '../core/features/settings/app.ts';

type MenuContext = { window: () => BrowserWindow | null; dbFile: () => string; logDir: string };

/** Screens the menu opens, sent to the renderer's router. */
const ROUTES = { newVisit: '/visits/new', import: '/data', export: '/data', backups: '/settings' } as const;

export function installMenu(language: Language, context: MenuContext) {
  const { t } = createI18n(language);
  const navigate = (route: string) => {
    const win = context.window();
    if (!win) return;
    win.show();
    win.webContents.send('twinning:navigate', route);
  };
  const actions: Record<MenuCommand, () => void> = {
    newVisit: () => navigate(ROUTES.newVisit),
    import: () => navigate(ROUTES.import),
    export: () => navigate(ROUTES.export),
    backups: () => navigate(ROUTES.backups),
    openDataFolder: () => shell.showItemInFolder(context.dbFile()),
    openLogFolder: () => void shell.openPath(context.logDir),
    about: () => {
      const win = context.window();
      const options = {
        type: 'info' as const,
        title: t('desktop.menu.about', { app: app.getName() }),
        message: t('desktop.about.message', { app: app.getName(), version: APP_VERSION }),
        detail: t('desktop.about.detail', { dataFile: context.dbFile(), logDir: context.logDir }),
        buttons: [t('desktop.about.ok')],
      };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
  };
  const toElectron = (entry: MenuEntry): MenuItemConstructorOptions => {
    if ('submenu' in entry) return { label: entry.label, submenu: entry.submenu.map(toElectron) };
    if ('command' in entry) {
      const run = actions[entry.command];
      return { label: entry.label, accelerator: entry.accelerator, click: () => run() };
    }
    return entry;
  };
  const entries = applicationMenu({ t, platform: process.platform, development: !app.isPackaged, appName: app.getName() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(entries.map(toElectron)));
}
