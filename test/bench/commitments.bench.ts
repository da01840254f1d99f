import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open.ts';
import { commitmentListQueries } from '../../electron/core/features/commitments/queries.ts';
import { createServices } from '../../electron/core/services.ts';
import { localIsoDate } from '../../shared/dates.ts';
import { COMMITMENT_KINDS, commitmentList, OPEN_STATUSES, type CommitmentListInput } from '../../shared/contract/commitments.ts';
import { searchKey } from '../../shared/text/search-key.ts';
import { generateAgreements, isoDay, pick, rng } from './generate.ts';
import { measure, ms, report, time } from './stats.ts';

const CURRENCIES = ['USD', 'PEN', 'CNY', 'JPY', null, null];

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const file = path.join(dir, 'office.sqlite');
    const opened = await openDatabase(file);
    generateAgreements(opened.sqlite, 2000, 5000);
    const r = rng(11);
    const now = new Date().toISOString();
    const insert = opened.sqlite.prepare(`INSERT INTO commitments
      (agreement_id, area_id, kind, direction, description, quantity, unit, value_minor, currency, due_on, cancelled_at, cancel_reason, search_text, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const deliver = opened.sqlite.prepare('INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const generated = await time(() =>
      opened.sqlite.transaction(() => {
        // 20,000 commitments; 60,000 deliveries spread over them (0–6 each, 3 on average).
        let deliveries = 0;
        for (let i = 0; i < 20_000; i++) {
          const currency = pick(r, CURRENCIES);
          const description = `Compromiso ${i}: ${pick(r, ['becas', 'vehículos', 'plazas de estudio', 'capacitación'])}`;
          const cancelled = r() < 0.05;
          const { lastInsertRowid } = insert.run(
            1 + Math.floor(r() * 5000),
            r() < 0.2 ? null : 1 + Math.floor(r() * 13),
            pick(r, COMMITMENT_KINDS),
            r() < 0.5 ? 'give' : 'receive',
            description,
            1 + Math.floor(r() * 10),
            'unidades',
            currency ? Math.floor(r() * 10_000_000) : null,
            currency,
            r() < 0.1 ? null : isoDay(r, 2015, 2030),
            cancelled ? now : null,
            cancelled ? 'motivo' : null,
            searchKey(description),
            now,
            now,
          );
          const n = i === 19_999 ? 60_000 - deliveries : Math.min(60_000 - deliveries, Math.floor(r() * 7));
          for (let k = 0; k < n; k++) deliver.run(lastInsertRowid, isoDay(r, 2015, 2025), 1 + Math.floor(r() * 2), now, now);
          deliveries += n;
        }
      })(),
    );
    console.log(`  generate 20,000 commitments + 60,000 deliveries (triggers keep totals) ${ms(generated.ms)}`);
    await opened.close();

    const services = await createServices(file);
    const raw = services.opened.sqlite;
    const today = localIsoDate(new Date());
    const open = await services.call('commitments.list', { statuses: [...OPEN_STATUSES], limit: 1 });
    console.log(`  open commitments in the generated office: ${open.ok ? open.value.total : '?'}`);
    const cases: [string, CommitmentListInput][] = [
      ['open view, first page (50), by due date', { statuses: [...OPEN_STATUSES], sort: 'dueOn', limit: 50 }],
      ['open view as the screen asks (500)', { statuses: [...OPEN_STATUSES], sort: 'dueOn', limit: 500 }],
      ['open view filtered: receive, scholarships', { statuses: [...OPEN_STATUSES], direction: 'receive', kind: 'scholarship', sort: 'dueOn', limit: 500 }],
      ['overdue only (500)', { statuses: ['overdue'], sort: 'dueOn', limit: 500 }],
      ['all, one agreement (its detail screen)', { agreementId: 42, limit: 200 }],
      ['all, searched "becas", year 2027', { search: 'becas', year: 2027, limit: 500 }],
    ];
    for (const [label, input] of cases) {
      const through = await measure(() => services.dispatch('commitments.list', input), 100);
      const { count, rows } = commitmentListQueries(services.opened.db, commitmentList.parse(input), today);
      const [c, q] = [count.compile(), rows.compile()];
      const countStmt = raw.prepare(c.sql);
      const rowsStmt = raw.prepare(q.sql);
      const direct = await measure(() => {
        countStmt.get(...(c.parameters as unknown[]));
        rowsStmt.all(...(q.parameters as unknown[]));
      }, 100);
      report(label, through, direct);
    }
    for (const groupBy of ['agreement', 'year'] as const) {
      report(`totals by ${groupBy}, per currency`, await measure(() => services.dispatch('commitments.totals', { groupBy }), 20, 3));
    }
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
