// Installers for a city hall's IT: `npm run dist` (see README). electron-builder reads this file;
// test/unit/packaging.test.ts holds its invariants so it cannot rot unseen on machines that cannot run it.
import type { Configuration } from 'electron-builder';
import { APP_ID, PRODUCT_NAME } from './electron/core/rules/app-identity.ts';
import { afterPack } from './packaging/fuses.ts';

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  // The version is package.json's: electron-builder reads it from there; nothing here overrides it.
  copyright: 'Twinning Desk',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only the built app and its production dependencies. Vite bundles the renderer (and its libraries) into out/;
  // the main process keeps its dependencies external, and electron-builder adds package.json's `dependencies`.
  files: [
    'out/**/*',
    'package.json',
    '!out/**/*.map',
    // i18next names TypeScript as an optional peer, which npm then counts as a production package.
    '!**/node_modules/typescript/**',
    '!**/node_modules/@typescript/**',
    // better-sqlite3 ships its prebuilt binaries; SQLite's C sources are only for rebuilding them.
    '!**/node_modules/better-sqlite3/{deps,src}/**',
  ],
  asar: true,
  // better-sqlite3's prebuilt Node-API binaries load in Electron as they are: nothing to rebuild (and no compiler needed).
  npmRebuild: false,
  // The app opens no document types: it keeps its own data file.
  fileAssociations: [],
  afterPack,
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    icon: 'resources/icon.ico',
  },
  // Interactive installer: the user picks "only for me" or "for everyone on this computer" (per-machine, asks for elevation).
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    multiLanguageInstaller: true,
    installerLanguages: ['es_ES', 'pt_BR', 'en_US'],
    installerIcon: 'resources/icon.ico',
    uninstallerIcon: 'resources/icon.ico',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  // For IT deployment (Group Policy, Intune, msiexec /qn): always per-machine, no questions.
  msi: { oneClick: true, perMachine: true, createDesktopShortcut: true, createStartMenuShortcut: true },
  mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], icon: 'resources/icon.icns', category: 'public.app-category.productivity' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'resources/icons',
    category: 'Office',
    maintainer: 'Twinning Desk',
    synopsis: 'Sister-city agreements, commitments, visits and reports',
  },
};

export default config;
