// `npm start`: launches the built app with Electron's binary. Offline installs
// have no binary (it is downloaded on first use), so say so in one line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { terminalT } from './core/terminal.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
const binary = probe.status === 0 ? probe.stdout.trim() : '';
if (!binary || !fs.existsSync(binary)) {
  console.error(terminalT()('launch.noElectron'));
  process.exit(1);
}
const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
