// Where the data file lives, and where it must not. SQLite's WAL needs shared memory and
// byte-range locks that network file systems (SMB, NFS) do not give reliably: a data file
// on a share can be corrupted. Plain functions: the platform, environment and mount table
// are passed in (see desktop/mounts.ts for reading them), so every case is tested anywhere.
import path from 'node:path';
import { captured } from '../../../shared/narrow.ts';

export const APP_FOLDER = 'Twinning Desk';
export const DATA_FILE = 'twinning-desk.sqlite';

/**
 * The folder for the data file, logs and the desktop's own preferences. On Windows it is Local AppData:
 * Roaming AppData is what municipal domains redirect to a network share. Elsewhere it is Electron's
 * userData folder (~/.config/Twinning Desk, ~/Library/Application Support/Twinning Desk), which is local.
 */
export function localDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, userData: string): string {
  if (platform !== 'win32') return userData;
  const local = env.LOCALAPPDATA || (env.USERPROFILE ? path.win32.join(env.USERPROFILE, 'AppData', 'Local') : null);
  return local ? path.win32.join(local, APP_FOLDER) : userData;
}

export type Mount = { source: string; mountPoint: string; fsType: string };

/** File systems that reach another machine. FUSE types name their driver after the dot. */
const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smbfs',
  'smb3',
  'smb2',
  'afpfs',
  'webdav',
  'davfs',
  'ncpfs',
  'afs',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  'sshfs',
  '9p.virtio',
]);
const isNetworkFs = (type: string) => {
  const t = type.toLowerCase();
  return NETWORK_FS.has(t) || NETWORK_FS.has(t.replace(/^fuse\./, '')) || t === 'fuse.davfs2' || t === 'fuse.rclone';
};

/** Linux's /proc/mounts: "source mountpoint type options 0 0", with spaces in paths written as \040. */
export function parseProcMounts(text: string): Mount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text.split('\n').flatMap((line) => {
    const [source, mountPoint, fsType] = line.trim().split(/\s+/);
    return source !== undefined && mountPoint !== undefined && fsType !== undefined
      ? [{ source: unescape(source), mountPoint: unescape(mountPoint), fsType }]
      : [];
  });
}

/** macOS's `mount` output: "//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by ana)". */
export function parseMacMounts(text: string): Mount[] {
  return text
    .split('\n')
    .map((line) => /^(.+?) on (.+) \(([^,)]+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ source: captured(m, 1), mountPoint: captured(m, 2), fsType: captured(m, 3).trim() }));
}

/** Windows: `Get-CimInstance Win32_LogicalDisk -Filter DriveType=4` prints the mapped network drives' letters, one a line. */
export function parseRemoteDrives(text: string): string[] {
  return [...text.matchAll(/^\s*([A-Za-z]):\s*$/gm)].map((m) => captured(m, 1).toUpperCase());
}

export type NetworkLocation =
  { kind: 'unc'; share: string } | { kind: 'mappedDrive'; drive: string } | { kind: 'networkMount'; mountPoint: string; fsType: string };

export type MountTable = { mounts: Mount[]; remoteDrives: string[] };

/** Why a folder is on another machine, or null when it is local (or nothing says otherwise). */
export function networkLocation(target: string, platform: NodeJS.Platform, table: MountTable): NetworkLocation | null {
  if (platform === 'win32') {
    const p = target.replace(/\//g, '\\');
    // \\?\UNC\server\share is the long-path spelling of \\server\share; \\?\C:\ and \\.\ are local.
    const unc = /^\\\\\?\\UNC\\([^\\]+\\[^\\]+)/i.exec(p) ?? (/^\\\\[?.]\\/.test(p) ? null : /^\\\\([^\\]+\\[^\\]+)/.exec(p));
    if (unc) return { kind: 'unc', share: `\\\\${unc[1]}` };
    const drive = /^(?:\\\\\?\\)?([A-Za-z]):/.exec(p)?.[1]?.toUpperCase();
    if (drive && table.remoteDrives.includes(drive)) return { kind: 'mappedDrive', drive: `${drive}:` };
    return null;
  }
  // The mount holding the path is the one with the longest mount point that contains it.
  const resolved = path.posix.resolve(target);
  let holder: Mount | null = null;
  for (const m of table.mounts) {
    const point = m.mountPoint.replace(/\/+$/, '') || '/';
    const inside = point === '/' || resolved === point || resolved.startsWith(`${point}/`);
    if (inside && (!holder || point.length > holder.mountPoint.replace(/\/+$/, '').length)) holder = m;
  }
  return holder && isNetworkFs(holder.fsType) ? { kind: 'networkMount', mountPoint: holder.mountPoint, fsType: holder.fsType } : null;
}

/** The one-time move from Roaming AppData (where versions before 0.2 kept the file) to Local AppData. */
export type LegacyMove = { from: string; to: string };

/**
 * The move to make at start-up, if any: only on Windows, only when the old file exists and no file is in the new place
 * (a half-finished earlier move, or a user who copied it by hand, keeps the new one and leaves the old untouched).
 */
export function legacyDataMove(platform: NodeJS.Platform, roamingDir: string, localDir: string, exists: (file: string) => boolean): LegacyMove | null {
  if (platform !== 'win32') return null;
  const from = path.win32.join(roamingDir, DATA_FILE);
  const to = path.win32.join(localDir, DATA_FILE);
  if (from.toLowerCase() === to.toLowerCase() || !exists(from) || exists(to)) return null;
  return { from, to };
}
