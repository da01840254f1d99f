// The Electron shell: window, protocol, IPC wiring. Every rule it applies is a
// plain function in electron/core/rules, tested without Electron.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { allowPermission, CONTENT_SECURITY_POLICY, externalLinkTarget, isTrustedAppUrl, APP_ORIGIN } from '../core/rules/navigation.ts';
import { mimeType } from '../core/rules/mime.ts';
import { resolveInside } from '../core/rules/resolve-inside.ts';
import { createServices, type Services } from '../core/services.ts';
import { latestGoodBackup, recoverFromBackup } from '../core/backup/recover.ts';
import { DatabaseOpenError } from '../core/db/open.ts';
import { describeOpenError, terminalT } from '../core/terminal.ts';
import { openLog, type Logger } from '../core/log/logger.ts';
import { updatePrefs } from '../core/desktop/prefs.ts';
import { prepareDesktop } from './desktop-setup.ts';
import { installMenu } from './menu.ts';
import { moveOutOfRoaming } from './data-move.ts';
import { rememberPlacement, windowPlacement } from './window-state.ts';
import { sendFileToOpen } from './open-file.ts';
import { remindAtStartup } from './notifications.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
let window: BrowserWindow | null = null;
const desktop = prepareDesktop();
let logger: Logger | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    if (window) sendFileToOpen(window, argv, workingDirectory);
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail(String(error), error));
}

function fail(message: string, error?: unknown) {
  logger?.error('start-up failed', error ?? new Error(message));
  dialog.showErrorBox('Twinning Desk', message);
  app.quit();
}

/** The native save dialog for reports; written beside the target first, so a failed write never leaves half a file. */
async function saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null> {
  const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Word', extensions: ['docx'] }] };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return null;
  const partial = `${chosen.filePath}.partial`;
  await fs.writeFile(partial, bytes);
  await fs.rename(partial, chosen.filePath);
  return chosen.filePath;
}

/** After the data file was copied to a folder chosen in Settings: use it from the next start, and restart now. */
function relocateDataFile(file: string) {
  updatePrefs(desktop.localDir, { dataFile: file });
  // Once the renderer has the answer.
  setTimeout(() => {
    app.relaunch();
    app.quit();
  }, 300);
}

async function start() {
  let services: Services;
  const log = openLog(desktop.logDir);
  logger = log;
  // Logged without changing what Electron does next (an unhandled rejection also arrives here, as an exception).
  process.on('uncaughtExceptionMonitor', (error) => log.error('uncaught exception', error));
  await moveOutOfRoaming(desktop, log);
  const dbFile = desktop.dbFile;
  const open = () => createServices(dbFile, { autoBackup: true, openPath: (file) => shell.openPath(file), host: { saveFile, relocateDataFile }, logger: log });
  try {
    services = await open();
  } catch (error) {
    // A damaged file: say so, and offer the latest good backup; the damaged file is kept aside, never overwritten.
    const latest = error instanceof DatabaseOpenError && (error.reason === 'damaged' || error.reason === 'not_database') ? latestGoodBackup(dbFile) : null;
    if (!latest) return fail(describeOpenError(error) ?? String(error), error);
    const t = terminalT();
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: t('recover.dialogTitle'),
      message: describeOpenError(error) ?? String(error),
      detail: t('recover.offer', { backup: latest.file }).split('. ')[0] ?? '',
      buttons: [t('recover.dialogRestore'), t('recover.dialogQuit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) return app.quit();
    recoverFromBackup(dbFile);
    try {
      services = await open();
    } catch (again) {
      return fail(describeOpenError(again) ?? String(again), again);
    }
  }
  app.on('will-quit', () => void services.close());

  protocol.handle('app', async (request) => {
    const file = resolveInside(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));

  ipcMain.handle('twinning:call', async (event, name: unknown, input: unknown) => {
    if (!isTrustedAppUrl(event.senderFrame?.url)) return { ok: false, error: { kind: 'internal', message: 'errors.forbidden' } };
    const result = await services.dispatch(String(name), input);
    if (name === 'settings.update' && result.ok) void followLanguage(services);
    return result;
  });

  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!isTrustedAppUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const target = externalLinkTarget(url);
      if (target) void shell.openExternal(target);
      return { action: 'deny' };
    });
  });

  const placement = windowPlacement(desktop.prefs.window);
  window = new BrowserWindow({
    ...placement.bounds,
    minWidth: placement.minWidth,
    minHeight: placement.minHeight,
    show: false,
    // Linux takes the window's icon from here; Windows and macOS from the executable.
    icon: path.join(rendererDir, 'icon.png'),
    title: 'Twinning Desk',
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (placement.maximized) window.maximize();
  rememberPlacement(window, desktop.localDir, desktop.prefs.window);
  window.once('ready-to-show', () => window?.show());
  void followLanguage(services);
  // A spreadsheet named on the command line, once the import screen's listener is there.
  ipcMain.once('twinning:ready-for-files', (event) => {
    if (window && isTrustedAppUrl(event.senderFrame?.url)) sendFileToOpen(window, process.argv, process.cwd());
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  await remindAtStartup(services, () => window);
}

/** The menu and Chromium's own words follow the app's language: the menu now, `--lang` from the next start. */
async function followLanguage(services: Pick<Services, 'call' | 'opened'>) {
  const settings = await services.call('settings.get', {});
  if (!settings.ok) return;
  const { language } = settings.value;
  installMenu(language, { window: () => window, dbFile: () => services.opened.path, logDir: desktop.logDir });
  if (language !== desktop.prefs.language) desktop.prefs = updatePrefs(desktop.localDir, { language });
}
