// Electron fuses are switches compiled into the Electron binary; flipping them at
// packaging time turns off ways to make the installed app run code it did not ship
// (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect, a loose app folder beside the asar).
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export const FUSES = {
  version: FuseVersion.V1,
  // Every fuse named, so an Electron upgrade that adds one stops the packaging until someone decides it.
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;

/** The packaged Electron executable inside electron-builder's unpacked app folder. */
export function packagedExecutable(
  context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName'> & { productFilename: string; linuxExecutableName: string },
): string {
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${context.productFilename}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${context.productFilename}.exe`);
    default:
      return path.join(context.appOutDir, context.linuxExecutableName);
  }
}

/** electron-builder's afterPack hook: runs once per platform and arch, before signing and the installers. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const { productFilename } = context.packager.appInfo;
  const linuxExecutableName = 'executableName' in context.packager ? String(context.packager.executableName) : productFilename;
  const executable = packagedExecutable({ ...context, productFilename, linuxExecutableName });
  // Flipping fuses changes the binary, which voids macOS's ad-hoc signature; reset it so an unsigned test build still opens.
  await flipFuses(executable, { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
}
