// The one-time move of a data file left in Roaming AppData (Windows) to Local AppData.
import fs from 'node:fs';
import { moveLegacyDataFile } from '../core/desktop/relocate.ts';
import type { Logger } from '../core/log/logger.ts';
import { legacyDataMove } from '../core/rules/data-location.ts';
import type { DesktopPaths } from './desktop-setup.ts';

export async function moveOutOfRoaming(desktop: DesktopPaths, logger: Logger): Promise<void> {
  if (desktop.prefs.dataFile) return; // the user chose where it lives
  for (const roaming of desktop.roamingDirs) {
    const move = legacyDataMove(process.platform, roaming, desktop.localDir, fs.existsSync);
    if (!move) continue;
    try {
      const { backup } = await moveLegacyDataFile(move, new Date());
      logger.info('data file moved out of Roaming AppData', { from: move.from, to: move.to, backup });
    } catch (error) {
      // The old file is untouched: the app starts on a new file only if none was moved, so say so loudly in the log.
      logger.error('moving the data file out of Roaming AppData failed; the old file is untouched', error, { from: move.from });
    }
    return;
  }
}
