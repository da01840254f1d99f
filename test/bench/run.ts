// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints figures.
// Nothing is asserted: the numbers are what we watch, next to the aims in each issue.
import os from 'node:os';
import path from 'node:path';
import { filesToRun } from '../support/run-files.ts';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = filesToRun(dir, '.bench.ts', process.argv.slice(2));

console.log(`Twinning Desk benchmarks · Node ${process.version} · ${os.cpus().length} cores · ${new Date().toISOString()}`);
for (const { file, url } of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(url)) as { run(): Promise<void> };
  await mod.run();
}
