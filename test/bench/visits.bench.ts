import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, localIsoDate } from '../../shared/dates.ts';
import { homeQueries } from '../../electron/core/features/home/queries.ts';
import { visitListQueries } from '../../electron/core/features/visits/queries.ts';
import { createServices } from '../../electron/core/services.ts';
import { visitList, type VisitListInput } from '../../shared/contract/visits.ts';
import { searchKey } from '../../shared/text/search-key.ts';
import { generateAgreements, isoDay, pick, rng } from './generate.ts';
import { measure, report } from './stats.ts';

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Quispe', 'Torres', 'Fernández', 'Huamán', 'Rojas'];
const GIVEN = ['Wei', 'Na', 'Jing', 'Ana', 'Luis', 'María', 'José', 'Xiaoming', 'Hua', 'Lucía'];

/** 20,000 contacts, 10,000 visits with 8 participants each, 50,000 tasks, straight into SQLite. */
function generate(sqlite: BetterSqlite3.Database, agreements: number) {
  const r = rng(11);
  const now = new Date().toISOString();
  const today = localIsoDate(new Date());
  const contact = sqlite.prepare('INSERT INTO contacts (name, native_name, organisation, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const visit = sqlite.prepare(`INSERT INTO visits (direction, status, starts_on, ends_on, locality_id, purpose, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = sqlite.prepare('INSERT OR IGNORE INTO visit_agreements (visit_id, agreement_id) VALUES (?, ?)');
  const participant = sqlite.prepare('INSERT OR IGNORE INTO visit_participants (visit_id, contact_id, role, position) VALUES (?, ?, ?, ?)');
  const task =
    sqlite.prepare(`INSERT INTO tasks (title, due_on, assignee, priority, status, completed_on, agreement_id, visit_id, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < 20000; i++) {
      const name = `${pick(r, SURNAMES)} ${pick(r, GIVEN)} ${i}`;
      contact.run(name, r() < 0.4 ? '王伟' : null, 'Org', searchKey(name), now, now);
    }
    for (let i = 1; i <= 10000; i++) {
      const start = isoDay(r, 2010, 2027);
      const purpose = `Visita ${i} de cooperación`;
      visit.run(
        r() < 0.5 ? 'inbound' : 'outbound',
        pick(r, ['planned', 'confirmed', 'done', 'cancelled']),
        start,
        addDays(start, Math.floor(r() * 6)),
        1 + Math.floor(r() * 2000),
        purpose,
        searchKey(purpose),
        now,
        now,
      );
      link.run(i, 1 + Math.floor(r() * agreements));
      for (let p = 0; p < 8; p++) participant.run(i, 1 + Math.floor(r() * 20000), pick(r, ['member', 'host', 'interpreter']), p);
    }
    for (let i = 0; i < 50000; i++) {
      const status = pick(r, ['open', 'in_progress', 'done', 'done', 'cancelled']);
      const due = addDays(today, Math.floor(r() * 800) - 600);
      const onAgreement = r() < 0.5;
      task.run(
        `Tarea ${i}`,
        due,
        pick(r, ['Ana Torres', 'Luis Quispe']),
        pick(r, ['low', 'normal', 'high']),
        status,
        status === 'done' ? due : null,
        onAgreement ? 1 + Math.floor(r() * agreements) : null,
        onAgreement ? null : 1 + Math.floor(r() * 10000),
        `tarea ${i}`,
        now,
        now,
      );
    }
  })();
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const file = path.join(dir, 'office.sqlite');
    const services = await createServices(file);
    generateAgreements(services.opened.sqlite, 2000, 5000);
    generate(services.opened.sqlite, 5000);
    services.opened.sqlite.exec('ANALYZE');
    console.log('  data: 5,000 agreements, 20,000 contacts, 10,000 visits × 8 participants, 50,000 tasks');

    const home = await measure(() => services.dispatch('home.summary', {}), 100);
    report('home.summary (all home queries together)', home);
    const today = localIsoDate(new Date());
    const q = homeQueries(services.opened.db, today, 60);
    for (const [label, query] of Object.entries(q)) {
      const c = query.compile();
      const stmt = services.opened.sqlite.prepare(c.sql);
      report(`  home: ${label} (raw SQL)`, await measure(() => stmt.all(...(c.parameters as unknown[])), 100));
    }

    const cases: [string, VisitListInput][] = [
      ['visits: first page (50)', { limit: 50 }],
      ['visits: outbound, done, 2025', { direction: 'outbound', status: 'done', year: 2025, limit: 50 }],
      ['visits: one agreement', { agreementId: 7, limit: 50 }],
      ['visits: one partner', { partnerId: 12, limit: 50 }],
      ['visits: searched "cooperación 12"', { search: 'cooperacion 12', limit: 50 }],
      ['visits: all 10,000 rows', { limit: 10000 }],
    ];
    for (const [label, input] of cases) {
      const through = await measure(() => services.dispatch('visits.list', input), 50);
      const { count, rows } = visitListQueries(services.opened.db, visitList.parse(input));
      const [c, rq] = [count.compile(), rows.compile()];
      const countStmt = services.opened.sqlite.prepare(c.sql);
      const rowsStmt = services.opened.sqlite.prepare(rq.sql);
      const direct = await measure(() => {
        countStmt.get(...(c.parameters as unknown[]));
        rowsStmt.all(...(rq.parameters as unknown[]));
      }, 50);
      report(label, through, direct);
    }
    report('contacts.similar over 20,000 names', await measure(() => services.dispatch('contacts.similar', { name: 'Wang Wie 17' }), 30));
    report('tasks.list overdue (50,000 tasks)', await measure(() => services.dispatch('tasks.list', { view: 'overdue', limit: 100 }), 50));
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
