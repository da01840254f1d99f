import type BetterSqlite3 from 'better-sqlite3';
import { isoDay, pick, rng } from './generate.ts';

// Visits (with participants and outcomes), tasks and commitments (with
// deliveries) over ten years, inserted straight into SQLite with values that
// pass every CHECK, on top of generateAgreements' localities and agreements.

const KINDS = ['scholarship', 'donation_in_kind', 'donation_in_cash', 'exchange', 'training', 'technical_assistance', 'joint_project', 'other'];
const ROLES = ['head_of_delegation', 'member', 'member', 'interpreter', 'staff', 'host'];
const NAMES = ['Wang Wei', 'Li Na', 'Zhang Min', 'Ana Torres', 'Jorge Muñoz', 'Lucía Quispe', 'Chen Jie', 'Liu Yang'];
const HANZI = ['王伟', '李娜', '张敏', null, null, null, '陈杰', '刘洋'];

export function generateActivity(
  sqlite: BetterSqlite3.Database,
  counts: { visits: number; tasks: number; commitments: number; fromYear: number; toYear: number },
  seed = 11,
) {
  const r = rng(seed);
  const now = new Date().toISOString();
  const agreements = sqlite.prepare('SELECT id, partner_id AS partner FROM agreements').all() as { id: number; partner: number }[];
  const contacts = 400;
  const insContact = sqlite.prepare('INSERT INTO contacts (name, native_name, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insVisit = sqlite.prepare(`INSERT INTO visits (direction, status, starts_on, ends_on, locality_id, purpose, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insVa = sqlite.prepare('INSERT OR IGNORE INTO visit_agreements (visit_id, agreement_id) VALUES (?, ?)');
  const insPart = sqlite.prepare('INSERT OR IGNORE INTO visit_participants (visit_id, contact_id, role, position) VALUES (?, ?, ?, ?)');
  const insOutcome = sqlite.prepare('INSERT INTO visit_outcomes (visit_id, position, text) VALUES (?, ?, ?)');
  const insTask = sqlite.prepare(`INSERT INTO tasks (title, due_on, priority, status, completed_on, agreement_id, visit_id, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insCommitment =
    sqlite.prepare(`INSERT INTO commitments (agreement_id, area_id, kind, direction, description, quantity, unit, due_on, value_minor, currency, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insDelivery = sqlite.prepare(
    'INSERT INTO deliveries (commitment_id, delivered_on, quantity, value_minor, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let i = 0; i < contacts; i++) {
      const k = i % NAMES.length;
      insContact.run(`${NAMES[k]} ${i}`, HANZI[k], `${NAMES[k]} ${i}`.toLowerCase(), now, now);
    }
    for (let i = 0; i < counts.visits; i++) {
      const a = pick(r, agreements);
      const start = isoDay(r, counts.fromYear, counts.toYear);
      const end = new Date(Date.parse(start) + Math.floor(r() * 6) * 86400000).toISOString().slice(0, 10);
      const { lastInsertRowid } = insVisit.run(
        r() < 0.5 ? 'inbound' : 'outbound',
        r() < 0.9 ? 'done' : 'cancelled',
        start,
        end,
        a.partner,
        `Visita de trabajo ${i}: cooperación en educación y comercio`,
        now,
        now,
      );
      insVa.run(lastInsertRowid, a.id);
      const people = 2 + Math.floor(r() * 5);
      for (let p = 0; p < people; p++) insPart.run(lastInsertRowid, 1 + Math.floor(r() * contacts), pick(r, ROLES), p);
      for (let o = 0; o < 1 + Math.floor(r() * 3); o++) insOutcome.run(lastInsertRowid, o, `Resultado ${o + 1} de la visita ${i}`);
    }
    for (let i = 0; i < counts.tasks; i++) {
      const due = isoDay(r, counts.fromYear, counts.toYear + 1);
      const status = pick(r, ['open', 'in_progress', 'done', 'done', 'done', 'cancelled']);
      const completed = status === 'done' ? due : null;
      insTask.run(`Tarea de seguimiento ${i}`, due, pick(r, ['low', 'normal', 'high']), status, completed, pick(r, agreements).id, null, now, now);
    }
    for (let i = 0; i < counts.commitments; i++) {
      const kind = pick(r, KINDS);
      const quantity = 1 + Math.floor(r() * 10);
      const due = isoDay(r, counts.fromYear, counts.toYear);
      const money = kind.startsWith('donation') ? 100000 * (1 + Math.floor(r() * 50)) : null;
      const currency = money === null ? null : pick(r, ['PEN', 'USD', 'CNY']);
      const { lastInsertRowid } = insCommitment.run(
        pick(r, agreements).id,
        1 + Math.floor(r() * 13),
        kind,
        r() < 0.6 ? 'receive' : 'give',
        `Compromiso ${i}`,
        quantity,
        'unidades',
        due,
        money,
        currency,
        now,
        now,
      );
      let left = quantity;
      while (left > 0 && r() < 0.7) {
        const q = 1 + Math.floor(r() * left);
        insDelivery.run(lastInsertRowid, due, q, money === null ? null : Math.round((money * q) / quantity), currency, now, now);
        left -= q;
      }
    }
  })();
}
