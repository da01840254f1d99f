// What the desktop app does with its own files: open the log folder, move the data file.
import fs from 'node:fs';
import path from 'node:path';
import { fieldError } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { canWriteIn } from '../../backup/folder.ts';
import { folderOnNetwork } from '../../desktop/mounts.ts';
import { copyDataFile } from '../../desktop/relocate.ts';
import type { NetworkLocation } from '../../rules/data-location.ts';
import { checkPin, probeFingerprint, serverOrigin } from '../../office/pin.ts';
import { backupsDirFor } from '../../backup/service.ts';
import { createI18n } from '../../../../shared/i18n/index.ts';
import { readSetting } from '../settings/public.ts';

const where = (n: NetworkLocation) => (n.kind === 'unc' ? n.share : n.kind === 'mappedDrive' ? n.drive : `${n.mountPoint}, ${n.fsType}`);
const sameFolder = (a: string, b: string) => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The office server's origin and its certificate's fingerprint, read now; only the desktop app connects to a server. */
async function probe(address: string, ctx: { host?: { connectServer?: unknown } | undefined }) {
  if (!ctx.host?.connectServer) throw fieldError(['address'], 'desktopServer.errors.desktopOnly');
  const origin = serverOrigin(address);
  if (!origin) throw fieldError(['address'], 'desktopServer.errors.address');
  try {
    return { origin, fingerprint: await probeFingerprint(origin) };
  } catch (error) {
    throw fieldError(['address'], (error as Error).message.startsWith('desktopServer.') ? (error as Error).message : 'desktopServer.errors.unreachable', {
      origin,
    });
  }
}

export const desktopHandlers: Handlers<'app.openLogFolder' | 'app.moveDataFile' | 'app.chooseFolder' | 'desktop.probeServer' | 'desktop.connectServer'> = {
  'desktop.probeServer': async ({ address }, ctx) => probe(address, ctx),
  /**
   * Pins the fingerprint the user compared, after reading it once more: if the server now shows
   * another certificate, that is refused here as it would be at every later start.
   */
  'desktop.connectServer': async ({ address, fingerprint }, ctx) => {
    const seen = await probe(address, ctx);
    if (!checkPin(fingerprint, seen.fingerprint).ok)
      throw fieldError(['fingerprint'], 'desktopServer.errors.changed', { seen: seen.fingerprint, pinned: fingerprint });
    ctx.logger?.info('connecting to the office server', { origin: seen.origin, fingerprint });
    const host = ctx.host;
    // probe() refused a host without it.
    if (!host?.connectServer) throw new Error('expected a host that connects to a server');
    host.connectServer(seen.origin, fingerprint);
    return seen;
  },
  /** The system's folder picker, titled in the app's language; only the desktop app has one. */
  'app.chooseFolder': async (_input, ctx) => {
    const choose = ctx.host?.chooseFolder;
    if (!choose) return { available: false, dir: null };
    const t = createI18n(await readSetting(ctx.db, 'language')).t;
    return { available: true, dir: await choose(t('firstrun.backups.chooseTitle'), backupsDirFor(ctx.opened.sqlite, ctx.opened.path)) };
  },
  'app.openLogFolder': async (_input, ctx) => {
    const dir = ctx.logger?.dir ?? null;
    if (!dir || !ctx.openPath) return { opened: false, dir };
    return { opened: (await ctx.openPath(dir)) === '', dir };
  },
  /**
   * Copies the data file (with its attachments and backups) into a folder on this computer, then the desktop shell
   * switches to it and restarts. A network folder is refused: SQLite cannot keep a file safe there.
   */
  'app.moveDataFile': async ({ dir }, ctx) => {
    if (!path.isAbsolute(dir) && !/^[a-z]:[\\/]|^\\\\/i.test(dir)) throw fieldError(['dir'], 'desktop.dataLocation.notAbsolute');
    const network = await folderOnNetwork(dir);
    if (network) throw fieldError(['dir'], `desktop.dataLocation.${network.kind}`, { dir, where: where(network) });
    const relocate = ctx.host?.relocateDataFile;
    if (!relocate) throw fieldError(['dir'], 'desktop.dataLocation.desktopOnly');
    const current = ctx.opened.path;
    const target = path.join(path.resolve(dir), path.basename(current));
    if (sameFolder(path.dirname(target), path.dirname(path.resolve(current)))) throw fieldError(['dir'], 'desktop.dataLocation.sameFolder');
    if (!canWriteIn(dir)) throw fieldError(['dir'], 'desktop.dataLocation.notWritable', { dir });
    if (fs.existsSync(target)) throw fieldError(['dir'], 'desktop.dataLocation.exists', { dir });
    await copyDataFile(ctx.opened.sqlite, current, target);
    ctx.logger?.info('data file copied to a new folder', { to: target });
    relocate(target);
    return { file: target };
  },
};
