// The Electron shell: window, protocol, IPC wiring. Every rule it applies is a
// plain function in electron/core/rules, tested without Electron.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell } from 'electron';
import { allowPermission, CONTENT_SECURITY_POLICY, externalLinkTarget, isTrustedAppUrl, APP_ORIGIN } from '../core/rules/navigation.ts';
import { mimeType } from '../core/rules/mime.ts';
import { resolveInside } from '../core/rules/resolve-inside.ts';
import { connectServicesProcess, openFailureMessage, type ServicesClient } from '../core/jobs/services-client.ts';
import { terminalT } from '../core/terminal.ts';
import { splitMessage } from '../../shared/contract/result.ts';
import { translateMessage } from '../../shared/i18n/index.ts';
import { forkServicesProcess } from './services-process.ts';
import { remindOverdue } from '../core/features/home/reminders.ts';
import { createI18n, LOCALE_TAGS } from '../../shared/i18n/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
let window: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail(String(error)));
}

function fail(message: string) {
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

async function start() {
  // The services run in a utility process (out/main/utility.js); this process relays the window's
  // calls to it and answers what only it can do: the save dialog and opening a file.
  const dbFile = path.join(app.getPath('userData'), 'twinning-desk.sqlite');
  const open = (recover: boolean) =>
    connectServicesProcess(() => forkServicesProcess(path.join(here, 'utility.js')), dbFile, { saveFile, openPath: (file) => shell.openPath(file) }, recover);
  const t = terminalT();
  let services: ServicesClient = open(false);
  const first = await services.typed('app.info', {});
  if (!first.ok) {
    await services.close();
    // A damaged file: say so, and offer the latest good backup; the damaged file is kept aside, never overwritten.
    const failure = openFailureMessage(first) ?? 'errors.internal';
    const why = translateMessage(t, failure);
    const backup = splitMessage(failure).params.backup;
    if (typeof backup !== 'string') return fail(why);
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: t('recover.dialogTitle'),
      message: why,
      detail: t('recover.offer', { backup }).split('. ')[0] ?? '',
      buttons: [t('recover.dialogRestore'), t('recover.dialogQuit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) return app.quit();
    services = open(true);
    const again = await services.typed('app.info', {});
    if (!again.ok) return fail(translateMessage(t, openFailureMessage(again) ?? 'errors.internal'));
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

  ipcMain.handle('twinning:call', (event, name: unknown, input: unknown, jobId: unknown) => {
    if (!isTrustedAppUrl(event.senderFrame?.url)) return { ok: false, error: { kind: 'internal', message: 'errors.forbidden' } };
    // The job id only names the call for jobs.progress / jobs.cancel; the services process checks it.
    return services.call(String(name), input, { jobId: typeof jobId === 'string' ? jobId.slice(0, 64) : undefined });
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

  window = new BrowserWindow({
    width: 1280,
    height: 800,
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
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  await remindAtStartup(services);
}

/** One system notification at start-up when a task is overdue; clicking it brings the window forward. */
async function remindAtStartup(services: ServicesClient) {
  if (!Notification.isSupported()) return;
  const [summary, settings] = await Promise.all([services.typed('home.summary', {}), services.typed('settings.get', {})]);
  if (!summary.ok || !settings.ok) return;
  const language = settings.value.language;
  remindOverdue(summary.value, createI18n(language).t, LOCALE_TAGS[language], (note) => {
    const notification = new Notification(note);
    notification.on('click', () => window?.focus());
    notification.show();
  });
}
