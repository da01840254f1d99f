// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints figures.
// Nothing is asserted: the numbers are what we watch, next to the aims in each issue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

console.log(`Twinning Desk benchmarks · Node ${process.version} · ${os.cpus().length} cores · ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run(): Promise<void> };
  await mod.run();
}
