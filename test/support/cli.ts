import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const CLI_ENTRY = path.join(root, 'electron/core/cli/main.ts');

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `npm run cli -- …`'s entry in a child process, as a user would, and collects its output. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', CLI_ENTRY, ...args],
      { cwd: root, env: { ...process.env, TWINNING_LANG: 'en', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
