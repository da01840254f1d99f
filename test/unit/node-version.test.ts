// On a Node older than the README's minimum, `npm start`, `npm run web` and the CLI
// print one translated line saying which Node is needed and how to get it
// (issue 13: Node 20 used to end in "bad option: --experimental-strip-types").
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeProblem, requiredNode } from '../../bin/check-node.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

describe('the Node version check', () => {
  it('names the Node needed and how to get it, in the terminal language', () => {
    expect(nodeProblem('20.11.1', { TWINNING_LANG: 'en' })).toBe(
      'Twinning Desk needs Node 22.12 or newer (this is Node 20.11.1): install the current LTS from https://nodejs.org or with your version manager (nvm install 24), then try again.',
    );
    expect(nodeProblem('18.0.0', { LANG: 'es_UY.UTF-8' })).toMatch(/^Twinning Desk necesita Node 22\.12 o posterior \(este es Node 18\.0\.0\)/);
    expect(nodeProblem('22.11.9', { LC_ALL: 'pt_BR.UTF-8' })).toMatch(/^O Twinning Desk precisa do Node 22\.12/);
    for (const fine of ['22.12.0', '22.20.1', '23.0.0', '24.11.0', process.versions.node]) expect(nodeProblem(fine, {}), fine).toBeNull();
  });

  it('takes the minimum from package.json, which the README states', () => {
    const [major, minor] = requiredNode();
    expect(pkg.engines.node).toBe(`>=${major}.${minor}`);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`Requires Node ≥ ${major}.${minor}`);
  });

  it('runs before anything else in npm start, npm run web and npm run cli, and is silent on a good Node', () => {
    for (const script of ['start', 'web', 'cli']) expect(pkg.scripts[script], script).toMatch(/^node bin\/check-node\.mjs && /);
    const run = spawnSync(process.execPath, ['bin/check-node.mjs'], { cwd: root, encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  // Debian's own Node, where the machine has one older than ours (these machines have Node 20 there):
  // the real thing, proving the file parses and runs on it.
  const system = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => fs.existsSync(p) && p !== process.execPath);
  const systemVersion = system ? execFileSync(system, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : null;
  it.runIf(systemVersion !== null && nodeProblem(systemVersion, {}) !== null)(`says so on a real older Node (${system} ${systemVersion})`, () => {
    for (const entry of [['bin/check-node.mjs'], ['bin/twinning-desk.js', '--help']]) {
      const run = spawnSync(system!, entry, { cwd: root, encoding: 'utf8', env: { ...process.env, TWINNING_LANG: 'en' } });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([nodeProblem(systemVersion!, { TWINNING_LANG: 'en' })]);
    }
  });
});
