import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../../shared/dates.ts';
import { createServices } from '../../electron/core/services.ts';
import { searchKey } from '../../shared/text/search-key.ts';
import { generateAgreements, isoDay, pick, rng } from './generate.ts';
import { measure, report } from './stats.ts';

// A partner page on a large office: 2,000 places, 5,000 agreements, and one busy partner (locality 1) with
// 20 agreements, 3,000 visits, 1,500 commitments with 4,500 deliveries, 6,000 tasks and 400 office events —
// far more than any real partner — plus as much again spread over the others.

function generateBusy(sqlite: BetterSqlite3.Database) {
  const r = rng(23);
  const now = new Date().toISOString();
  const agreement =
    sqlite.prepare(`INSERT INTO agreements (partner_id, kind, stage, stage_since, letter_of_intent_on, signed_on, channel, search_text, created_at, updated_at)
    VALUES (?, 'twinning', 'active', ?, ?, ?, 'bilateral', '', ?, ?)`);
  const stage = sqlite.prepare('INSERT INTO agreement_stages (agreement_id, stage, effective_on, recorded_at, user_name) VALUES (?, ?, ?, ?, ?)');
  const contact = sqlite.prepare('INSERT INTO contacts (name, locality_id, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const visit = sqlite.prepare(`INSERT INTO visits (direction, status, starts_on, ends_on, locality_id, purpose, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const link = sqlite.prepare('INSERT OR IGNORE INTO visit_agreements (visit_id, agreement_id) VALUES (?, ?)');
  const participant = sqlite.prepare('INSERT OR IGNORE INTO visit_participants (visit_id, contact_id, role, position) VALUES (?, ?, ?, ?)');
  const commitment =
    sqlite.prepare(`INSERT INTO commitments (agreement_id, kind, direction, description, quantity, value_minor, currency, due_on, search_text, created_at, updated_at)
    VALUES (?, 'donation_in_kind', ?, ?, 10, 100000, 'USD', ?, '', ?, ?)`);
  const delivery = sqlite.prepare('INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (?, ?, 2, ?, ?)');
  const task =
    sqlite.prepare(`INSERT INTO tasks (title, due_on, priority, status, completed_on, agreement_id, visit_id, commitment_id, search_text, created_at, updated_at)
    VALUES (?, ?, 'normal', ?, ?, ?, ?, ?, '', ?, ?)`);
  const event = sqlite.prepare(
    `INSERT INTO office_events (title, all_day, starts_at, ends_at, agreement_id, search_text, created_at, updated_at) VALUES (?, 1, ?, ?, ?, '', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const partner of [1, 2]) {
      const agreements: number[] = [];
      for (let i = 0; i < 20; i++) {
        const signed = isoDay(r, 2005, 2024);
        const id = Number(agreement.run(partner, signed, addDays(signed, -200), signed, now, now).lastInsertRowid);
        agreements.push(id);
        stage.run(id, 'signed', signed, now, 'Ana');
        stage.run(id, 'active', addDays(signed, 90), now, 'Ana');
      }
      const people: number[] = [];
      for (let i = 0; i < 400; i++) people.push(Number(contact.run(`Persona ${partner}-${i}`, partner, searchKey(`persona ${i}`), now, now).lastInsertRowid));
      for (let i = 0; i < 3000; i++) {
        const start = isoDay(r, 2008, 2027);
        const id = Number(
          visit.run(
            pick(r, ['inbound', 'outbound']),
            pick(r, ['planned', 'done', 'done', 'cancelled']),
            start,
            addDays(start, 3),
            r() < 0.5 ? partner : null,
            `Visita ${i}`,
            now,
            now,
          ).lastInsertRowid,
        );
        link.run(id, pick(r, agreements));
        for (let p = 0; p < 6; p++) participant.run(id, pick(r, people), pick(r, ['head_of_delegation', 'member', 'host', 'interpreter']), p);
        if (i % 2 === 0) task.run(`Seguimiento ${i}`, addDays(start, 10), 'open', null, null, id, null, now, now);
      }
      for (let i = 0; i < 1500; i++) {
        const due = isoDay(r, 2010, 2027);
        const id = Number(commitment.run(pick(r, agreements), pick(r, ['give', 'receive']), `Compromiso ${i}`, due, now, now).lastInsertRowid);
        for (let d = 0; d < 3; d++) delivery.run(id, addDays(due, -30 * d), now, now);
        task.run(`Entrega ${i}`, due, 'done', due, null, null, id, now, now);
      }
      for (let i = 0; i < 3000; i++) {
        const due = isoDay(r, 2010, 2027);
        const status = pick(r, ['open', 'done', 'cancelled']);
        task.run(`Tarea ${i}`, due, status, status === 'done' ? due : null, pick(r, agreements), null, null, now, now);
      }
      for (let i = 0; i < 400; i++) {
        const day = isoDay(r, 2010, 2027);
        event.run(`Evento ${i}`, day, day, pick(r, agreements), now, now);
      }
    }
  })();
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinning-bench-'));
  try {
    const services = await createServices(path.join(dir, 'office.sqlite'));
    generateAgreements(services.opened.sqlite, 2000, 5000);
    generateBusy(services.opened.sqlite);
    services.opened.sqlite.exec('ANALYZE');
    const first = await services.call('partners.timeline', { id: 1 });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    console.log(`  data: 2,000 places, 5,040 agreements; the busy partner's story has ${first.value.total.toLocaleString('en')} dated rows`);
    report('partners.story (header, figures, files)', await measure(() => services.call('partners.story', { id: 1 }), 50, 5));
    report('partners.timeline first page (50)', await measure(() => services.call('partners.timeline', { id: 1 }), 50, 5));
    report('partners.timeline page at row 10,000', await measure(() => services.call('partners.timeline', { id: 1, offset: 10000, limit: 50 }), 50, 5));
    report('partners.timeline visits only', await measure(() => services.call('partners.timeline', { id: 1, kinds: ['visit'] }), 50, 5));
    report('partners.people (30 most involved)', await measure(() => services.call('partners.people', { partnerId: 1, limit: 30 }), 50, 5));
    report('partners.story, a quiet partner', await measure(() => services.call('partners.story', { id: 500 }), 50, 5));
    await services.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
