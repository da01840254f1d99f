// Issue 14's hostile-file corpus at three times the size `npm test` uses (wider, taller, bigger bombs,
// more entries), each through the importer and the house-style upload in a child process whose heap is
// capped: what each answered, how long it took, and how far the child's memory rose at its highest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodedCsvs, HEAP_CAP_MB, hostileDocx, hostileWorkbooks, runHostile } from '../support/hostile-files.ts';
import { detectEncoding } from '../../electron/core/exchange/import/encoding.ts';

const SCALE = Number(process.env.HOSTILE_SCALE ?? 3);

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-hostile-'));
  try {
    const workbooks = hostileWorkbooks(SCALE);
    const docx = hostileDocx(SCALE);
    const report = await runHostile(dir, [
      { kind: 'import', files: workbooks },
      { kind: 'houseStyle', files: docx },
    ]);
    const expected = [...workbooks, ...docx];
    let wrong = 0;
    for (const [i, r] of report.results.entries()) {
      const good = !r.ok && expected[i]!.expect.test(r.message);
      if (!good) wrong++;
      console.log(`  ${good ? 'refused' : 'WRONG  '} ${r.name} (${(expected[i]!.bytes.length / 1024).toFixed(0)} KB): ${r.ms} ms, ${r.message.split('|')[0]}`);
    }
    console.log(
      `  ${report.results.length} files, ${wrong} answered wrongly; child heap capped at ${HEAP_CAP_MB} MB, its resident memory rose at most ${(report.peakGrowthBytes / 1024 / 1024).toFixed(0)} MB; tables changed: ${report.changedTables}`,
    );
    const csvs = encodedCsvs();
    const found = csvs.filter((c) => detectEncoding(c.bytes) === c.encoding).length;
    console.log(`  CSV encodings detected: ${found} of ${csvs.length}`);
    if (wrong || report.changedTables || found !== csvs.length) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
