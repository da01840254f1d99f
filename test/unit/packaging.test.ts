// The installers cannot be built here (electron-builder downloads Electron's binary), so the
// configuration it reads is checked as data: targets, fuses, icons, and what goes into the package.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config.ts';
import { afterPack, FUSES, packagedExecutable } from '../../packaging/fuses.ts';
import { ICO_SIZES, ICON_SOURCE, iconFiles, PNG_SIZES } from '../../packaging/icons.ts';
import { readIcnsTypes, readIcoSizes } from '../../packaging/icon-containers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  productName: string;
  main: string;
  dependencies: Record<string, string>;
};

type TargetList = { target: string; arch?: string[] }[];
const targets = (platform: { target?: unknown } | null | undefined) => ((platform?.target ?? []) as TargetList).map((t) => t.target);
const pngWidth = (png: Buffer) => (png.subarray(1, 4).toString() === 'PNG' ? png.readUInt32BE(16) : -1);

/** electron-builder's rule: a path is packaged when the last `files` pattern matching it is an inclusion. */
function packaged(file: string): boolean {
  // node_modules are added from package.json's dependencies; `files` can only take files away from them.
  let included = file.startsWith('node_modules/');
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (path.matchesGlob(file, glob)) included = !negated;
  }
  return included;
}

describe('electron-builder configuration', () => {
  it('names the app and takes its version from package.json', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    // Electron names the app (and its userData folder) from package.json's productName when run unpackaged.
    expect(config.productName).toBe('Twinning Desk');
    expect(pkg.productName).toBe(config.productName);
    expect(config).not.toHaveProperty('extraMetadata');
    expect(config).not.toHaveProperty('buildVersion');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.fileAssociations).toEqual([]);
  });

  it('builds NSIS (with the per-machine choice) and MSI for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(targets(config.win).sort()).toEqual(['msi', 'nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.linux).sort()).toEqual(['AppImage', 'deb']);
    // oneClick off and perMachine off is the installer page that asks "only me / everyone on this computer".
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.nsis?.installerLanguages).toEqual(['es_ES', 'pt_BR', 'en_US']);
  });

  it('does not try to rebuild better-sqlite3: its prebuilt Node-API binary loads in Electron', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('flips every fuse at packaging time, in the afterPack hook', () => {
    expect(config.afterPack).toBe(afterPack);
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    });
    const every = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(every.filter((fuse) => typeof (FUSES as Record<number, unknown>)[fuse] !== 'boolean')).toEqual([]);
    expect(config.asar).toBe(true);
  });

  it('finds the packaged executable on each platform', () => {
    const common = { appOutDir: '/o', productFilename: 'Twinning Desk', linuxExecutableName: 'twinning-desk' };
    expect(packagedExecutable({ ...common, electronPlatformName: 'win32' })).toBe(path.join('/o', 'Twinning Desk.exe'));
    expect(packagedExecutable({ ...common, electronPlatformName: 'darwin' })).toBe(path.join('/o', 'Twinning Desk.app'));
    expect(packagedExecutable({ ...common, electronPlatformName: 'linux' })).toBe(path.join('/o', 'twinning-desk'));
  });

  it('packages the built app and leaves sources, tests, source maps and build-only files out', () => {
    for (const file of [
      'package.json',
      'out/main/main.js',
      'out/main/chunks/services-x.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/favicon.ico',
      'node_modules/kysely/dist/esm/index.js',
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
    ]) {
      expect([file, packaged(file)]).toEqual([file, true]);
    }
    for (const file of [
      'electron/shell/main.ts',
      'renderer/src/App.tsx',
      'shared/money.ts',
      'test/unit/packaging.test.ts',
      'migrations/index.ts',
      'out/main/main.js.map',
      'resources/icon.svg',
      'node_modules/typescript/lib/typescript.js',
      'node_modules/@typescript/native-preview/bin/tsgo',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
    ]) {
      expect([file, packaged(file)]).toEqual([file, false]);
    }
    expect(pkg.main.startsWith('out/')).toBe(true);
  });
});

describe('production dependencies', () => {
  // Everything the built main process and preload load at run time, by package name.
  const outDirs = ['out/main', 'out/preload'].map((d) => path.join(root, d));

  it('are exactly the packages the built main process imports; renderer libraries are bundled by Vite', () => {
    const imported = new Set<string>();
    for (const dir of outDirs) {
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(c|m)?js$/.test(entry.name)) continue;
        const code = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']((?:@[\w.-]+\/)?\w[\w.-]*(?:\/[\w./-]+)?)["']/g)) {
          const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
          if (!name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron') imported.add(name);
        }
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('leave no bare import in the built renderer', () => {
    const assets = path.join(root, 'out/renderer/assets');
    // An import statement starts the file or follows a ';' or a line break; react-router's data router carries
    // advice *about* imports inside its messages ("`import { RouterProvider } from "react-router/dom"`"), which is text.
    const statement = /(?:^|[;\n])\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["'][a-z@][^"']*["']|(?:^|[;\n])\s*import\s*["'][a-z@]|\bimport\(\s*["'][a-z@]/;
    const bare = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .filter((f) => statement.test(fs.readFileSync(path.join(assets, f), 'utf8')));
    expect(bare).toEqual([]);
  });
});

describe('icons', () => {
  it('exist in every size the targets ask for', () => {
    for (const icon of [config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon, config.mac?.icon]) {
      expect(fs.existsSync(path.join(root, String(icon)))).toBe(true);
    }
    const linuxIcons = path.join(root, String(config.linux?.icon));
    for (const size of PNG_SIZES) expect(pngWidth(fs.readFileSync(path.join(linuxIcons, `${size}x${size}.png`)))).toBe(size);
    expect(readIcoSizes(fs.readFileSync(path.join(root, String(config.win?.icon))))).toEqual(ICO_SIZES);
    expect(readIcnsTypes(fs.readFileSync(path.join(root, String(config.mac?.icon))))).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10']));
    expect(readIcoSizes(fs.readFileSync(path.join(root, 'renderer/public/favicon.ico')))).toEqual([16, 32, 48]);
  });

  it('are what the drawing gives today: `npm run icons` was run after the last edit of resources/icon.svg', () => {
    const stale = [...iconFiles(fs.readFileSync(ICON_SOURCE, 'utf8'))].filter(
      ([file, bytes]) => !Buffer.from(bytes).equals(fs.readFileSync(path.join(root, file))),
    );
    expect(stale.map(([file]) => file)).toEqual([]);
  });
});
