// What the desktop must settle before Electron is ready: where its files live (Local AppData
// on Windows), the language of Chromium's own UI, the Windows app id. Rules live in
// electron/core/rules/data-location.ts; this only hands Electron their answers.
import path from 'node:path';
import { app } from 'electron';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.ts';
import { LANGUAGE_TAGS } from '../../shared/region.ts';
import { readPrefs, type DesktopPrefs } from '../core/desktop/prefs.ts';
import { APP_ID } from '../core/rules/app-identity.ts';
import { DATA_FILE, localDataDir } from '../core/rules/data-location.ts';

export type DesktopPaths = {
  /** Local app data: the data file by default, logs, Chromium's own data and desktop.json. */
  localDir: string;
  /** Where Electron put userData before: Roaming AppData on Windows, checked once for a file to move. */
  roamingDirs: string[];
  logDir: string;
  dbFile: string;
  prefs: DesktopPrefs;
};

export function prepareDesktop(): DesktopPaths {
  const roaming = app.getPath('userData');
  const localDir = localDataDir(process.platform, process.env, roaming);
  if (localDir !== roaming) app.setPath('userData', localDir);
  const logDir = path.join(localDir, 'logs');
  app.setAppLogsPath(logDir);
  const prefs = readPrefs(localDir);
  // Chromium's own words (context menus, built-in dialogs) follow the app's language, read from the last run.
  app.commandLine.appendSwitch('lang', LANGUAGE_TAGS[prefs.language ?? DEFAULT_SETTINGS.language]);
  // Notifications on Windows show under the app's name and icon only when this matches the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Before 0.2 the unpackaged app was named after package.json's "name".
  const roamingDirs = [roaming, path.join(app.getPath('appData'), 'twinning-desk')];
  return { localDir, roamingDirs, logDir, dbFile: prefs.dataFile ?? path.join(localDir, DATA_FILE), prefs };
}
