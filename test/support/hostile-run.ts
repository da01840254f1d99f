// A child process that feeds hostile files to a fresh data file through the
// contract and reports, as one JSON line, what each call answered and how far
// the process's memory rose above where it stood once the services were open
// (its high-water mark, so a peak inside a call counts). Run by runHostile().
import fs from 'node:fs';
import { createServices } from '../../electron/core/services.ts';

export type HostileCase = { name: string; kind: 'import' | 'houseStyle'; fileName: string; path: string };
export type HostileResult = { name: string; ok: boolean; message: string; ms: number; peakGrowthBytes: number };
export type HostileReport = { results: HostileResult[]; peakGrowthBytes: number; changedTables: boolean };

const [dbFile, manifest] = process.argv.slice(2) as [string, string];
const cases = JSON.parse(fs.readFileSync(manifest, 'utf8')) as HostileCase[];
const services = await createServices(dbFile);
const counts = () =>
  JSON.stringify(
    (
      services.opened.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
      }[]
    ).map(({ name }) => services.opened.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get()),
  );
const before = counts();
const baseline = process.resourceUsage().maxRSS * 1024;
const results: HostileResult[] = [];
for (const c of cases) {
  const base64 = fs.readFileSync(c.path).toString('base64');
  const started = performance.now();
  const result =
    c.kind === 'import'
      ? await services.call('import.preview', { entity: 'agreements', fileName: c.fileName, contentBase64: base64 })
      : await services.call('reports.setAsset', { kind: 'houseStyle', fileName: c.fileName, base64 });
  const error = result.ok ? null : (result.error as { message?: string; issues?: { message: string }[] });
  results.push({
    name: c.name,
    ok: result.ok,
    message: error?.message ?? error?.issues?.[0]?.message ?? '',
    ms: Math.round(performance.now() - started),
    peakGrowthBytes: process.resourceUsage().maxRSS * 1024 - baseline,
  });
}
const report: HostileReport = { results, peakGrowthBytes: process.resourceUsage().maxRSS * 1024 - baseline, changedTables: counts() !== before };
await services.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
