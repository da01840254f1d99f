// What the desktop app does with its own files: open the log folder, move the data file.
import fs from 'node:fs';
import path from 'node:path';
import { fieldError } from '../../../../shared/contract/result.ts';
import type { Handlers } from '../../app/handlers.ts';
import { canWriteIn } from '../../backup/folder.ts';
import { folderOnNetwork } from '../../desktop/mounts.ts';
import { copyDataFile } from '../../desktop/relocate.ts';
import type { NetworkLocation } from '../../rules/data-location.ts';
import { backupsDirFor } from '../../backup/service.ts';
import { createI18n } from '../../../../shared/i18n/index.ts';
import { readSetting } from '../settings/public.ts';

const where = (n: NetworkLocation) => (n.kind === 'unc' ? n.share : n.kind === 'mappedDrive' ? n.drive : `${n.mountPoint}, ${n.fsType}`);
const sameFolder = (a: string, b: string) => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b);

export const desktopHandlers: Handlers<'app.openLogFolder' | 'app.moveDataFile' | 'app.chooseFolder'> = {
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
