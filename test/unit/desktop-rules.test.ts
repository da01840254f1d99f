// The desktop shell's decisions, as plain functions: the menu, the data folder, network
// folders, the window's place. Electron only carries them out (electron/shell).
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/index.ts';
import { applicationMenu, menuCommands, type MenuEntry } from '../../electron/core/rules/menu.ts';
import { legacyDataMove, localDataDir, networkLocation, parseMacMounts, parseProcMounts, parseRemoteDrives } from '../../electron/core/rules/data-location.ts';
import { fileToOpen } from '../../electron/core/rules/open-file.ts';
import { connectDesktop, screenKey } from '../../renderer/src/desktop-bridge.ts';
import { chooseWindowPlacement, displayKey, rememberWindow, type Display } from '../../electron/core/rules/window-bounds.ts';

const labels = (entries: MenuEntry[]): string[] => entries.map((e) => ('label' in e ? e.label : '—'));
const find = (entries: MenuEntry[], label: string) => {
  const found = entries.find((e) => 'label' in e && e.label === label);
  return found && 'submenu' in found ? found.submenu : [];
};
const roles = (entries: MenuEntry[]): string[] => entries.flatMap((e) => ('submenu' in e ? roles(e.submenu) : 'role' in e ? [e.role] : []));
const allLabels = (entries: MenuEntry[]): string[] =>
  entries.flatMap((e) => ('submenu' in e ? [e.label, ...allLabels(e.submenu)] : 'label' in e ? [e.label] : []));

describe('application menu', () => {
  const menu = (language: 'es' | 'pt' | 'en', platform: NodeJS.Platform = 'win32', development = false) =>
    applicationMenu({ t: createI18n(language).t, platform, development, appName: 'Twinning Desk' });

  it('is File, Edit, View, Help in the app language on Windows and Linux', () => {
    expect(labels(menu('es'))).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    expect(labels(menu('pt'))).toEqual(['Arquivo', 'Editar', 'Exibir', 'Ajuda']);
    expect(labels(menu('en', 'linux'))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(find(menu('es'), 'Archivo'))).toEqual([
      'Nueva visita',
      '—',
      'Importar…',
      'Exportar…',
      '—',
      'Abrir la carpeta de datos',
      'Copias de seguridad',
      '—',
      'Salir',
    ]);
  });

  it('offers every command the task names, and standard roles for editing', () => {
    expect(menuCommands(menu('es')).sort()).toEqual(['about', 'backups', 'export', 'import', 'newVisit', 'openDataFolder', 'openLogFolder']);
    expect(roles(find(menu('en'), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(find(menu('en'), 'View'))).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  it('has reload and DevTools only in development', () => {
    expect(roles(menu('en'))).not.toContain('toggleDevTools');
    expect(roles(menu('en'))).not.toContain('reload');
    expect(roles(find(menu('en', 'win32', true), 'View'))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('follows macOS: the app menu holds About and Quit', () => {
    const mac = menu('pt', 'darwin');
    expect(labels(mac)).toEqual(['Twinning Desk', 'Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']);
    expect(roles(find(mac, 'Arquivo'))).not.toContain('quit');
    expect(roles(find(mac, 'Twinning Desk'))).toContain('quit');
    expect(menuCommands(find(mac, 'Twinning Desk'))).toEqual(['about']);
  });

  it('gives every item a translated label in each language (no key shown, no English left in Spanish)', () => {
    for (const language of ['es', 'pt', 'en'] as const) {
      for (const platform of ['win32', 'darwin'] as const) {
        const texts = allLabels(menu(language, platform, true));
        expect(texts.filter((l) => !l || l.includes('desktop.'))).toEqual([]);
      }
    }
    const spanish = allLabels(menu('es', 'darwin', true));
    const english = new Set(allLabels(menu('en', 'darwin', true)).filter((l) => !l.includes('Twinning')));
    expect(spanish.filter((l) => english.has(l))).toEqual([]);
  });
});

describe('where the data lives', () => {
  it('is Local AppData on Windows, never Roaming, and Electron userData elsewhere', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' };
    expect(localDataDir('win32', env, 'C:\\Users\\ana\\AppData\\Roaming\\Twinning Desk')).toBe('C:\\Users\\ana\\AppData\\Local\\Twinning Desk');
    expect(localDataDir('win32', { USERPROFILE: 'C:\\Users\\ana' }, 'x')).toBe('C:\\Users\\ana\\AppData\\Local\\Twinning Desk');
    expect(localDataDir('linux', env, '/home/ana/.config/Twinning Desk')).toBe('/home/ana/.config/Twinning Desk');
    expect(localDataDir('darwin', {}, '/Users/ana/Library/Application Support/Twinning Desk')).toBe('/Users/ana/Library/Application Support/Twinning Desk');
  });

  it('moves an existing Roaming file once, and never over a file already in Local AppData', () => {
    const roaming = 'C:\\Users\\ana\\AppData\\Roaming\\Twinning Desk';
    const local = 'C:\\Users\\ana\\AppData\\Local\\Twinning Desk';
    const old = `${roaming}\\twinning-desk.sqlite`;
    expect(legacyDataMove('win32', roaming, local, (f) => f === old)).toEqual({ from: old, to: `${local}\\twinning-desk.sqlite` });
    expect(legacyDataMove('win32', roaming, local, () => true)).toBeNull();
    expect(legacyDataMove('win32', roaming, local, () => false)).toBeNull();
    expect(legacyDataMove('linux', roaming, local, (f) => f === old)).toBeNull();
  });

  const none = { mounts: [], remoteDrives: [] };
  it('refuses Windows network paths: UNC shares in every spelling and mapped network drives', () => {
    expect(networkLocation('\\\\server\\share\\datos', 'win32', none)).toEqual({ kind: 'unc', share: '\\\\server\\share' });
    expect(networkLocation('//server/share/datos', 'win32', none)).toEqual({ kind: 'unc', share: '\\\\server\\share' });
    expect(networkLocation('\\\\?\\UNC\\nas\\oficina\\x', 'win32', none)).toEqual({ kind: 'unc', share: '\\\\nas\\oficina' });
    expect(networkLocation('\\\\?\\C:\\Datos', 'win32', none)).toBeNull();
    expect(networkLocation('Z:\\Relaciones', 'win32', { mounts: [], remoteDrives: parseRemoteDrives('Z:\r\nY:\r\n') })).toEqual({
      kind: 'mappedDrive',
      drive: 'Z:',
    });
    expect(networkLocation('z:\\Relaciones', 'win32', { mounts: [], remoteDrives: ['Z'] })).toEqual({ kind: 'mappedDrive', drive: 'Z:' });
    expect(networkLocation('C:\\Users\\ana\\Documents', 'win32', { mounts: [], remoteDrives: ['Z'] })).toBeNull();
  });

  it('refuses SMB, NFS and CIFS mounts on Linux from /proc/mounts, by the mount that holds the folder', () => {
    const table = {
      mounts: parseProcMounts(
        [
          '/dev/sda1 / ext4 rw,relatime 0 0',
          '//nas/oficina /mnt/oficina cifs rw,vers=3.0 0 0',
          'nas:/export /srv/nfs nfs4 rw 0 0',
          '/dev/sdb1 /mnt/oficina/local\\040disk ext4 rw 0 0',
          'sshfs#ana@host: /home/ana/remoto fuse.sshfs rw 0 0',
        ].join('\n'),
      ),
      remoteDrives: [],
    };
    expect(networkLocation('/mnt/oficina/relaciones', 'linux', table)).toEqual({ kind: 'networkMount', mountPoint: '/mnt/oficina', fsType: 'cifs' });
    expect(networkLocation('/srv/nfs', 'linux', table)).toMatchObject({ fsType: 'nfs4' });
    expect(networkLocation('/home/ana/remoto/x', 'linux', table)).toMatchObject({ fsType: 'fuse.sshfs' });
    expect(networkLocation('/mnt/oficina/local disk/datos', 'linux', table)).toBeNull();
    expect(networkLocation('/mnt/oficinas', 'linux', table)).toBeNull();
    expect(networkLocation('/home/ana/Documentos', 'linux', table)).toBeNull();
  });

  it('says why a network folder is refused and what to do instead, for each kind, in each language', () => {
    for (const language of ['es', 'pt', 'en'] as const) {
      for (const kind of ['unc', 'mappedDrive', 'networkMount']) {
        const text = createI18n(language).t(`desktop.dataLocation.${kind}`, { dir: 'Z:\\Relaciones', where: 'Z:' });
        expect(text).not.toContain('desktop.');
        expect(text).toContain('Z:');
      }
    }
    expect(createI18n('es').t('desktop.dataLocation.mappedDrive', { dir: 'Z:\\x', where: 'Z:' })).toMatch(/unidad de red.*Elija una carpeta de este equipo/);
  });

  it('refuses SMB and NFS volumes on macOS from `mount`', () => {
    const table = {
      mounts: parseMacMounts(
        '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n//ana@nas._smb._tcp.local/Oficina on /Volumes/Oficina (smbfs, nodev, nosuid, mounted by ana)\nnas:/x on /Volumes/x (nfs)\n',
      ),
      remoteDrives: [],
    };
    expect(networkLocation('/Volumes/Oficina/datos', 'darwin', table)).toEqual({ kind: 'networkMount', mountPoint: '/Volumes/Oficina', fsType: 'smbfs' });
    expect(networkLocation('/Volumes/x', 'darwin', table)).toMatchObject({ fsType: 'nfs' });
    expect(networkLocation('/Users/ana/Documents', 'darwin', table)).toBeNull();
  });
});

describe('window placement', () => {
  const laptop: Display = { id: 1, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
  const monitor: Display = { id: 2, workArea: { x: 1366, y: 0, width: 1920, height: 1040 } };

  it('opens centred at the default size the first time, smaller on a small screen', () => {
    expect(chooseWindowPlacement(null, [monitor])).toEqual({ bounds: { x: 1686, y: 120, width: 1280, height: 800 }, maximized: false });
    expect(chooseWindowPlacement(null, [laptop]).bounds).toEqual({ x: 43, y: 0, width: 1280, height: 728 });
  });

  it('reopens where it was, maximised or not, on the display it was last on', () => {
    let memory = rememberWindow(null, { x: 1500, y: 50, width: 1400, height: 900 }, true, [laptop, monitor]);
    expect(memory.last).toBe(displayKey(monitor));
    expect(chooseWindowPlacement(memory, [laptop, monitor])).toEqual({ bounds: { x: 1500, y: 50, width: 1400, height: 900 }, maximized: true });
    memory = rememberWindow(memory, { x: 10, y: 10, width: 1000, height: 700 }, false, [laptop, monitor]);
    expect(chooseWindowPlacement(memory, [laptop, monitor])).toEqual({ bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: false });
  });

  it('keeps a placement per display: undocked, the laptop gets its own back, not the monitor’s', () => {
    let memory = rememberWindow(null, { x: 20, y: 0, width: 1200, height: 700 }, false, [laptop]);
    memory = rememberWindow(memory, { x: 1500, y: 50, width: 1600, height: 1000 }, true, [laptop, monitor]);
    expect(chooseWindowPlacement(memory, [laptop])).toEqual({ bounds: { x: 20, y: 0, width: 1200, height: 700 }, maximized: false });
  });

  it('never opens off-screen or larger than the display', () => {
    const memory = {
      last: displayKey(laptop),
      byDisplay: { [displayKey(laptop)]: { bounds: { x: 5000, y: -900, width: 3000, height: 2000 }, maximized: false } },
    };
    const { bounds } = chooseWindowPlacement(memory, [laptop]);
    expect(bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    const broken = {
      last: displayKey(laptop),
      byDisplay: { [displayKey(laptop)]: { bounds: { x: Number.NaN, y: 0, width: -5, height: 10 }, maximized: true } },
    };
    expect(chooseWindowPlacement(broken, [laptop])).toEqual(chooseWindowPlacement(null, [laptop]));
  });
});

describe('a file the app is asked to open', () => {
  const files = new Set(['/home/ana/Descargas/contactos.xlsx', '/home/ana/visitas 2026.csv', '/home/ana/notas.txt']);
  const isFile = (f: string) => files.has(f);

  it('is the last spreadsheet among the arguments, relative to where the launch happened', () => {
    expect(fileToOpen(['/opt/Twinning Desk/twinning-desk', 'Descargas/contactos.xlsx'], '/home/ana', isFile)).toBe('/home/ana/Descargas/contactos.xlsx');
    expect(fileToOpen(['electron', '.', '--no-sandbox', '/home/ana/visitas 2026.csv'], '/tmp', isFile)).toBe('/home/ana/visitas 2026.csv');
  });

  it('is nothing for flags, other file types, missing files or the executable itself', () => {
    expect(fileToOpen(['/opt/x.csv'], '/', () => true)).toBeNull();
    expect(fileToOpen(['app', '--inspect=x.csv', '/home/ana/notas.txt', '/home/ana/falta.xlsx'], '/', isFile)).toBeNull();
  });
});

describe('the window title', () => {
  it('names the screen by its menu label', () => {
    expect(['/', '/visits', '/visits/12/edit', '/settings', '/nowhere'].map(screenKey)).toEqual([
      'nav.home',
      'nav.visits',
      'nav.visits',
      'nav.settings',
      'nav.home',
    ]);
  });
});

describe('the page side of the desktop bridge', () => {
  it("sends the menu's screens to the router and a file to open to the import screen, listening once", () => {
    const listeners: { navigate?: (route: string) => void; file?: (file: { name: string; bytes: Uint8Array }) => void } = {};
    let subscriptions = 0;
    const bridge = {
      call: async () => ({ ok: true as const, value: null }),
      onNavigate: (l: (route: string) => void) => ((listeners.navigate = l), subscriptions++),
      onOpenFile: (l: (file: { name: string; bytes: Uint8Array }) => void) => ((listeners.file = l), subscriptions++),
    };
    Object.assign(globalThis, { window: { twinning: bridge } });
    try {
      const routes: string[] = [];
      connectDesktop((route) => routes.push(`first ${route}`));
      connectDesktop((route) => routes.push(route)); // a re-render: the newest router wins, no second subscription
      listeners.navigate?.('/visits/new');
      listeners.file?.({ name: 'contactos.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) });
      expect(routes).toEqual(['/visits/new', '/data']);
      expect(subscriptions).toBe(2);
    } finally {
      Reflect.deleteProperty(globalThis, 'window');
    }
  });
});
