import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/core/db/open.ts';
import { agreementListQueries } from '../../electron/core/features/agreements/queries.ts';
import { createServices } from '../../electron/core/services.ts';
import { startWebServer } from '../../electron/core/web/server.ts';
import { agreementList, type AgreementListInput } from '../../shared/contract/agreements.ts';
import { launchChromium } from './browser.ts';
import { generateAgreements } from './generate.ts';
import { measure, ms, report, time } from './stats.ts';

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const file = path.join(dir, 'office.sqlite');
    const fresh = await time(() => openDatabase(file));
    console.log(`  open + run all migrations on an empty file        ${ms(fresh.ms)}`);
    generateAgreements(fresh.value.sqlite, 2000, 5000);
    await fresh.value.close();
    const reopen = await time(() => openDatabase(file));
    console.log(`  open a file with 2,000 localities/5,000 agreements ${ms(reopen.ms)} (no pending migrations)`);
    await reopen.value.close();

    const services = await createServices(file);
    const raw = services.opened.sqlite;
    const cases: [string, AgreementListInput][] = [
      ['first page (50)', { limit: 50 }],
      ['filtered: active, China, area 1', { stages: ['active'], country: 'CN', areaId: 1, limit: 50 }],
      ['searched: "zhang" (accent-folded LIKE)', { search: 'zhang', limit: 50 }],
      ['searched: Chinese "上海"', { search: '上海', limit: 50 }],
      ['all 5,000 rows, sorted by signature', { sort: 'signedOn', limit: 10000 }],
    ];
    for (const [label, input] of cases) {
      const through = await measure(() => services.dispatch('agreements.list', input), 100);
      const { count, rows } = agreementListQueries(services.opened.db, agreementList.parse(input));
      const [c, r] = [count.compile(), rows.compile()];
      const countStmt = raw.prepare(c.sql);
      const rowsStmt = raw.prepare(r.sql);
      const direct = await measure(() => {
        countStmt.get(...(c.parameters as unknown[]));
        rowsStmt.all(...(r.parameters as unknown[]));
      }, 100);
      report(label, through, direct);
    }

    const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      console.log('  (renderer not built: skipping the Chromium figure; npm run bench builds it)');
    } else {
      const server = await startWebServer({ services, rendererDir });
      const browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url.replace('#token=', '#/settings?x#token='));
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Configuración' }).click();
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        await page.getByRole('link', { name: 'Configuración' }).click();
        await page.getByRole('heading', { name: 'Configuración' }).waitFor();
        // From the click on "Agreements" until the list says 5,000 and rows are drawn.
        const elapsed = await page.evaluate(async () => {
          const start = performance.now();
          (document.querySelector('a[href="#/agreements"]') as HTMLAnchorElement).click();
          await new Promise<void>((resolve) => {
            const check = () => {
              const count = document.querySelector('.filters .count')?.textContent ?? '';
              if (/5[.,\s ]?000/.test(count) && document.querySelectorAll('[data-agreement-id]').length > 5) resolve();
              else requestAnimationFrame(check);
            };
            check();
          });
          return performance.now() - start;
        });
        samples.push(elapsed);
      }
      samples.sort((a, b) => a - b);
      const rows = await page.locator('[data-agreement-id]').count();
      console.log(`  list screen, 5,000 agreements in Chromium         p50 ${ms(samples[3]!)}  max ${ms(samples[6]!)}  (${rows} rows in the DOM: virtualized)`);
      await browser.close();
      await server.close();
    }
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
