// Issue 7's figures: spreadsheet import, JSON export, online backup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onlineBackup } from '../../electron/core/backup/online.ts';
import { exportJson } from '../../electron/core/exchange/json.ts';
import { createServices } from '../../electron/core/services.ts';
import { generateAgreements, isoDay, pick, rng } from './generate.ts';
import { generateActivity } from './generate-activity.ts';
import { ms, time } from './stats.ts';
import { officeWorkbook } from '../support/xlsx-files.ts';

const HANZI = '上海福建漳州广西桂林成都南京河北天津苏杭深圳厦门青岛大连';

async function agreementsWorkbook(rows: number): Promise<Buffer> {
  const r = rng(11);
  const rowsOut: unknown[][] = [];
  rowsOut.push(['Ciudad socia', 'Nombre en chino', 'País', 'Tipo', 'Etapa', 'Carta de intención', 'Fecha de firma', 'Observaciones']);
  for (let i = 0; i < rows; i++) {
    const partner = i % 1000;
    const signed = isoDay(r, 2013, 2025);
    rowsOut.push([
      `Ciudad ${partner}`,
      `${pick(r, [...HANZI])}${pick(r, [...HANZI])}市`,
      pick(r, ['China', 'Japón', 'CN', 'Corea del Sur', 'Italia']),
      // Each row its own pair of partner and kind where possible, so rows are created, not skipped.
      pick(r, ['Hermanamiento', 'Amistad', 'Memorando', 'Otro']),
      'Firmado',
      `${signed.slice(8, 10)}/${signed.slice(5, 7)}/${Number(signed.slice(0, 4)) - 1}`,
      new Date(`${signed}T00:00:00Z`),
      `Cooperación ${i} en educación y cultura`,
    ]);
  }
  return officeWorkbook(rowsOut, 'Convenios');
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-data-'));
  try {
    // 1. Import of 10,000 agreement rows from XLSX (aim < 5 s).
    const xlsx = await agreementsWorkbook(10_000);
    const services = await createServices(path.join(dir, 'import.sqlite'));
    const request = { entity: 'agreements' as const, fileName: 'convenios.xlsx', contentBase64: xlsx.toString('base64') };
    const preview = await time(() => services.call('import.preview', request));
    const commit = await time(() => services.call('import.commit', { ...request, duplicates: 'skip' }));
    if (!commit.value.ok) throw new Error(JSON.stringify(commit.value.error));
    const c = commit.value.value;
    console.log(`  XLSX of 10,000 agreement rows (${(xlsx.length / 1e6).toFixed(1)} MB): preview ${ms(preview.ms)}, import ${ms(commit.ms)} (aim < 5 s)`);
    console.log(`    ${c.created} created, ${c.skipped} skipped as duplicates, ${c.rejected} rejected; includes the backup taken first`);
    await services.close();

    // 2. Full JSON export of the large generated office (aim < 3 s).
    // The largest office the benchmarks generate: the foundation's agreements plus the reports' ten years of activity.
    const office = await createServices(path.join(dir, 'office.sqlite'));
    generateAgreements(office.opened.sqlite, 2000, 5000);
    generateActivity(office.opened.sqlite, { visits: 5000, tasks: 20000, commitments: 10000, fromYear: 2016, toYear: 2025 });
    const json = await time(() => exportJson(office.opened.sqlite));
    console.log(
      `  JSON export, 2,000 localities / 5,000 agreements / 5,000 visits / 20,000 tasks / 10,000 commitments: ${ms(json.ms)} (${(json.value.length / 1e6).toFixed(1)} MB; aim < 3 s)`,
    );
    await office.close();

    // 3. Online backup of a 200 MB database (MB/s).
    const big = await createServices(path.join(dir, 'big.sqlite'));
    generateAgreements(big.opened.sqlite, 2000, 5000);
    const filler = big.opened.sqlite.prepare(
      "INSERT INTO audit_log (entity, entity_id, action, before_json, after_json, at) VALUES ('agreement', ?, 'update', NULL, ?, '2026-01-01T00:00:00Z')",
    );
    const payload = JSON.stringify({ notes: 'Cooperación en educación 教育合作 '.repeat(120) });
    big.opened.sqlite.transaction(() => {
      for (let i = 0; fs.statSync(path.join(dir, 'big.sqlite')).size + fs.statSync(path.join(dir, 'big.sqlite-wal')).size < 200e6 && i < 200_000; i++) {
        for (let j = 0; j < 1000; j++) filler.run(i * 1000 + j, payload);
      }
    })();
    big.opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const size = fs.statSync(path.join(dir, 'big.sqlite')).size;
    const copy = await time(() => onlineBackup(big.opened.sqlite, path.join(dir, 'big-copy.sqlite')));
    console.log(
      `  online backup of a ${(size / 1e6).toFixed(0)} MB file: ${ms(copy.ms)} = ${(size / 1e6 / (copy.ms / 1000)).toFixed(0)} MB/s (includes the copy's quick_check and fsync)`,
    );
    await big.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
