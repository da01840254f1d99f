// Reads what the data-location rules need to know about this machine's folders. Each
// platform's source is read here and parsed by the plain functions in rules/data-location.ts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { networkLocation, parseMacMounts, parseProcMounts, parseRemoteDrives, type MountTable, type NetworkLocation } from '../rules/data-location.ts';

const run = promisify(execFile);
const quietly = async (file: string, args: string[]) => (await run(file, args, { timeout: 5000, windowsHide: true, maxBuffer: 1 << 20 })).stdout;

/** The mount table, or an empty one when it cannot be read (then only UNC paths are recognised). */
export async function readMountTable(platform: NodeJS.Platform = process.platform): Promise<MountTable> {
  try {
    if (platform === 'linux') return { mounts: parseProcMounts(await fs.promises.readFile('/proc/mounts', 'utf8')), remoteDrives: [] };
    if (platform === 'darwin') return { mounts: parseMacMounts(await quietly('/sbin/mount', [])), remoteDrives: [] };
    if (platform === 'win32') {
      // DriveType 4 is "network drive" (Win32_LogicalDisk), what a mapped Z: reports.
      const out = await quietly('powershell.exe', [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        'Get-CimInstance Win32_LogicalDisk -Filter DriveType=4 | ForEach-Object DeviceID',
      ]);
      return { mounts: [], remoteDrives: parseRemoteDrives(out) };
    }
  } catch {
    // Unknown is treated as local: refusing every folder because a tool failed would leave no choice at all.
  }
  return { mounts: [], remoteDrives: [] };
}

/** The folder with its symbolic links followed (as far as it exists), so a link into a network mount is seen for what it is. */
function realFolder(dir: string): string {
  let existing = path.resolve(dir);
  const rest: string[] = [];
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(fs.realpathSync.native(existing), ...rest);
  } catch {
    return dir;
  }
}

/** Whether a folder chosen by the user is on another machine. */
export async function folderOnNetwork(dir: string, platform: NodeJS.Platform = process.platform): Promise<NetworkLocation | null> {
  // On Windows, the real path of a folder on a mapped drive is its \\server\share path.
  const real = realFolder(dir);
  const direct = networkLocation(dir, platform, { mounts: [], remoteDrives: [] }) ?? networkLocation(real, platform, { mounts: [], remoteDrives: [] });
  if (direct) return direct;
  return networkLocation(platform === 'win32' ? dir : real, platform, await readMountTable(platform));
}
