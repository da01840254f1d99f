// The Electron shell: window, protocol, IPC wiring. Every rule it applies is a
// plain function in electron/core/rules, tested without Electron.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { allowPermission, CONTENT_SECURITY_POLICY, externalLinkTarget, isTrustedAppUrl, APP_ORIGIN } from '../core/rules/navigation.ts';
import { mimeType } from '../core/rules/mime.ts';
import { resolveInside } from '../core/rules/resolve-inside.ts';
import { connectServicesProcess, openFailureMessage, type ServicesClient } from '../core/jobs/services-client.ts';
import { terminalT } from '../core/terminal.ts';
import { splitMessage } from '../../shared/contract/result.ts';
import { translateMessage } from '../../shared/i18n/index.ts';
import { forkServicesProcess } from './services-process.ts';
import { openLog, type Logger } from '../core/log/logger.ts';
import { updatePrefs } from '../core/desktop/prefs.ts';
import { writeFileAtomic } from '../core/files/atomic.ts';
import { prepareDesktop } from './desktop-setup.ts';
import { installMenu } from './menu.ts';
import { moveOutOfRoaming } from './data-move.ts';
import { rememberPlacement, windowPlacement } from './window-state.ts';
import { askBeforeLeaving } from './unsaved-close.ts';
import { sendFileToOpen } from './open-file.ts';
import { remindAtStartup } from './notifications.ts';
import { checkPin } from '../core/office/pin.ts';
import { fingerprintOf } from '../core/office/tls.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
let window: BrowserWindow | null = null;
const desktop = prepareDesktop();
let logger: Logger | null = null;
/** Working on the office server: its origin, whose pages may be shown in the window (and nothing else of the web). */
let officeOrigin: string | null = null;
const originOf = (url: string | undefined | null) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};
const trustedPage = (url: string | undefined | null) => isTrustedAppUrl(url) || (officeOrigin !== null && originOf(url) === officeOrigin);

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

/** The native save dialog for reports; written the one atomic way (files/atomic.ts), so a failed write never leaves half a file. */
async function saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null> {
  const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Word', extensions: ['docx'] }] };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return null;
  writeFileAtomic(chosen.filePath, bytes);
  return chosen.filePath;
}

/** The system's folder picker (a folder for the backups), opened where the current one is. */
async function chooseFolder(title: string, current: string | null): Promise<string | null> {
  const options = {
    title,
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    ...(current ? { defaultPath: current } : {}),
  };
  const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
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

/** No page but the app's own (or the office server's, when working on it) may load in a window; links open in the browser. */
function guardNavigation() {
  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!trustedPage(url)) event.preventDefault();
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
}

/** From the next start, work on this computer's own file again. */
function workLocally() {
  updatePrefs(desktop.localDir, { server: undefined });
  app.relaunch();
  app.quit();
}

/**
 * The desktop working on the office server: the window shows the server's pages (the same
 * renderer and contract client as a browser), the local file is not opened, and the server's
 * certificate must be the one pinned: any other is refused, said plainly, with the way back.
 */
async function startOnServer(server: { origin: string; fingerprint: string }, log: Logger) {
  const t = terminalT();
  officeOrigin = server.origin;
  const host = new URL(server.origin).hostname.replace(/^\[|\]$/g, '');
  let changed: { seen: string } | null = null;
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    // Chromium's own verdict for any other host; ours alone for the office server.
    if (request.hostname !== host) return callback(-3);
    let seen = '';
    try {
      seen = fingerprintOf(request.certificate.data);
    } catch {
      seen = '';
    }
    const pin = checkPin(server.fingerprint, seen);
    if (!pin.ok) changed = { seen };
    callback(pin.ok ? 0 : -2);
  });
  ipcMain.handle('twinning:work-locally', (event) => {
    if (originOf(event.senderFrame?.url) === officeOrigin) workLocally();
  });
  guardNavigation();
  const win = createWindow();
  win.webContents.on('did-fail-load', (_event, _code, _description, url, isMainFrame) => {
    if (!isMainFrame) return;
    const message = changed
      ? t('desktopServer.changedDialog', { origin: server.origin, pinned: server.fingerprint, seen: changed.seen })
      : t('desktopServer.unreachableDialog', { origin: server.origin });
    log.warn('office server not reached', { origin: server.origin, url, changed: changed !== null });
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: 'Twinning Desk',
        message,
        buttons: [t('desktopServer.workLocally'), t('recover.dialogQuit')],
        defaultId: 1,
        cancelId: 1,
      })
      .then((choice) => (choice.response === 0 ? workLocally() : app.quit()));
  });
  installMenu(desktop.prefs.language ?? 'es', { window: () => window, dbFile: () => desktop.dbFile, logDir: desktop.logDir });
  await win.loadURL(`${server.origin}/`).catch(() => undefined);
}

function createWindow(): BrowserWindow {
  const placement = windowPlacement(desktop.prefs.window);
  const created = new BrowserWindow({
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
  if (placement.maximized) created.maximize();
  rememberPlacement(created, desktop.localDir, desktop.prefs.window);
  askBeforeLeaving(created, trustedPage);
  created.once('ready-to-show', () => created.show());
  window = created;
  return created;
}

async function start() {
  const log = openLog(desktop.logDir);
  logger = log;
  // Logged without changing what Electron does next (an unhandled rejection also arrives here, as an exception).
  process.on('uncaughtExceptionMonitor', (error) => log.error('uncaught exception', error));
  if (desktop.prefs.server) return startOnServer(desktop.prefs.server, log);
  await moveOutOfRoaming(desktop, log);
  const dbFile = desktop.dbFile;
  // The services run in a utility process (out/main/utility.js); this process relays the window's
  // calls to it and answers what only it can do: dialogs, opening a file, restarting on a moved file.
  const host = {
    saveFile,
    // Only ever given a document or image (rules/attachment-types.ts decides); anything else is shown in its folder.
    openPath: (file: string) => shell.openPath(file),
    showInFolder: async (file: string) => shell.showItemInFolder(file),
    relocateDataFile: async (file: string) => relocateDataFile(file),
    connectServer: async (origin: string, fingerprint: string) => {
      updatePrefs(desktop.localDir, { server: { origin, fingerprint } });
      setTimeout(() => {
        app.relaunch();
        app.quit();
      }, 300);
    },
    chooseFolder,
  };
  const open = (recover: boolean) =>
    connectServicesProcess(() => forkServicesProcess(path.join(here, 'utility.js')), { dbFile, logDir: desktop.logDir }, host, recover);
  let services: ServicesClient = open(false);
  const first = await services.typed('app.info', {});
  if (!first.ok) {
    await services.close();
    // A damaged file: say so, and offer the latest good backup; the damaged file is kept aside, never overwritten.
    const t = terminalT();
    const failure = openFailureMessage(first) ?? 'errors.internal';
    const backup = splitMessage(failure).params.backup;
    if (typeof backup !== 'string') {
      fail(translateMessage(t, failure));
      return;
    }
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: t('recover.dialogTitle'),
      message: translateMessage(t, failure),
      detail: t('recover.offer', { backup }).split('. ')[0] ?? '',
      buttons: [t('recover.dialogRestore'), t('recover.dialogQuit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) {
      app.quit();
      return;
    }
    services = open(true);
    const again = await services.typed('app.info', {});
    if (!again.ok) {
      fail(translateMessage(t, openFailureMessage(again) ?? 'errors.internal'));
      return;
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

  ipcMain.handle('twinning:call', async (event, name: unknown, input: unknown, jobId: unknown) => {
    if (!isTrustedAppUrl(event.senderFrame?.url)) return { ok: false, error: { kind: 'internal', message: 'errors.forbidden' } };
    // The job id only names the call for jobs.progress / jobs.cancel; the services process checks it.
    const result = await services.call(String(name), input, { jobId: typeof jobId === 'string' ? jobId.slice(0, 64) : undefined });
    if (name === 'settings.update' && result.ok) void followLanguage(services);
    return result;
  });

  guardNavigation();

  const created = createWindow();
  void followLanguage(services);
  // A spreadsheet named on the command line, once the import screen's listener is there.
  ipcMain.once('twinning:ready-for-files', (event) => {
    if (window && isTrustedAppUrl(event.senderFrame?.url)) sendFileToOpen(window, process.argv, process.cwd());
  });
  await created.loadURL(`${APP_ORIGIN}/index.html`);
  await remindAtStartup({ call: services.typed }, () => window);
}

/** The menu and Chromium's own words follow the app's language: the menu now, `--lang` from the next start. */
async function followLanguage(services: ServicesClient) {
  const settings = await services.typed('settings.get', {});
  if (!settings.ok) return;
  const { language } = settings.value;
  installMenu(language, { window: () => window, dbFile: () => desktop.dbFile, logDir: desktop.logDir });
  if (language !== desktop.prefs.language) desktop.prefs = updatePrefs(desktop.localDir, { language });
}
