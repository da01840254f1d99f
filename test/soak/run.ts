// `npm run soak`: the heavy versions of the robustness tests that `npm test` runs
// bounded. Runs every test/soak/*.soak.ts (or those named on the command line),
// each printing its figures; a soak that finds a failure says what and the run exits 1.
// SOAK_SEED replays a run; each file says what else it reads.
import os from 'node:os';
import path from 'node:path';
import { filesToRun } from '../support/run-files.ts';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = filesToRun(dir, '.soak.ts', process.argv.slice(2));

console.log(`Twinning Desk soak · Node ${process.version} · ${os.cpus().length} cores · ${new Date().toISOString()}`);
let failed = 0;
for (const { file, url } of files) {
  console.log(`\n## ${file}`);
  const started = Date.now();
  const mod = (await import(url)) as { run(): Promise<void> };
  try {
    await mod.run();
    console.log(`ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (error) {
    failed++;
    console.log(`FAILED: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log(failed ? `\n${failed} of ${files.length} soaks failed` : `\nall ${files.length} soaks passed`);
process.exitCode = failed ? 1 : 0;
