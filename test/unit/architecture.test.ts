import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const importsElectron = (file: string) =>
  /(^|\n)\s*import[^'"]*from\s+['"]electron(\/[^'"]*)?['"]|(^|\n)\s*import\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)\s*[;)]/.test(
    fs.readFileSync(path.join(root, file), 'utf8').replace(/'-e',\s*".*?"/g, ''),
  );

// The rule Signal Desktop keeps with a lint rule: Electron only in the shell, so
// services, the CLI and the tests run in plain Node where Electron's binary is absent.
describe('runtime boundaries', () => {
  it('imports electron only from electron/shell', () => {
    const offenders = [...sources('electron'), ...sources('shared'), ...sources('renderer'), ...sources('migrations'), ...sources('test')]
      .filter((f) => !f.startsWith(`electron${path.sep}shell${path.sep}`))
      .filter(importsElectron);
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ free of Node built-ins, so the renderer can load it', () => {
    const offenders = sources('shared').filter((f) => /from\s+['"](node:|fs['"]|path['"])/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps migrations frozen: they import nothing from the app', () => {
    const offenders = sources('migrations').filter((f) => /from\s+['"]\.\.\//.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
