import type BetterSqlite3 from 'better-sqlite3';
import { isoDay, pick, rng } from '../bench/generate.ts';

// A whole office over several years, written straight into SQLite (fast, and
// it passes every CHECK; the delivery triggers keep delivered_quantity), with
// the cases that make figures disagree: records typed in years after they
// happened, commitments without a due date, deliveries in another year than the
// promise (and with or without their own value, sometimes in another currency),
// cancellations, over-deliveries, visits cancelled, still to come or across New
// Year, costs in several currencies paid by us, the partner or a third party,
// archived records. Seeded: one seed, one office.

export type OfficeShape = {
  seed: number;
  agreements: number;
  visits: number;
  commitments: number;
  tasks: number;
  fromYear: number;
  toYear: number;
  /** The office's today: nothing delivered or completed after it, visits after it are planned. */
  today: string;
};

const COUNTRIES = ['CN', 'CN', 'CN', 'JP', 'KR', 'AR', 'BR', 'ES'];
const KINDS = ['scholarship', 'donation_in_kind', 'donation_in_cash', 'exchange', 'training', 'technical_assistance', 'joint_project', 'other'];
const CURRENCIES = ['PEN', 'USD', 'CNY', 'JPY', 'EUR'];
const ROLES = ['head_of_delegation', 'member', 'member', 'interpreter', 'staff', 'host', 'other'];
const PAYERS = ['ours', 'ours', 'partner', 'third_party'];

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const minDate = (...ds: (string | null)[]) => ds.filter((d): d is string => d !== null).sort()[0]!;
/** A recording time: on the day itself, or (typed in later) some day up to today. */
const stampFor = (r: () => number, day: string, today: string) => {
  const later = r() < 0.3 ? isoDay(r, Number(day.slice(0, 4)), Number(today.slice(0, 4))) : day;
  return `${minDate(later > day ? later : day, today)}T${String(8 + Math.floor(r() * 10)).padStart(2, '0')}:15:00.000Z`;
};

export function generateOffice(sqlite: BetterSqlite3.Database, shape: OfficeShape) {
  const r = rng(shape.seed);
  const { fromYear, toYear, today } = shape;
  const day = () => minDate(isoDay(r, fromYear, toYear), today);
  const areas = (sqlite.prepare('SELECT id FROM thematic_areas').all() as { id: number }[]).map((a) => a.id);
  const ins = {
    locality: sqlite.prepare('INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    agreement:
      sqlite.prepare(`INSERT INTO agreements (partner_id, kind, stage, letter_of_intent_on, signed_on, ended_on, channel, search_text, archived_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 'bilateral', '', ?, ?, ?)`),
    area: sqlite.prepare('INSERT OR IGNORE INTO agreement_areas (agreement_id, area_id) VALUES (?, ?)'),
    contact: sqlite.prepare('INSERT INTO contacts (name, native_name, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    visit: sqlite.prepare(`INSERT INTO visits (direction, status, starts_on, ends_on, locality_id, purpose, search_text, archived_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`),
    visitAgreement: sqlite.prepare('INSERT OR IGNORE INTO visit_agreements (visit_id, agreement_id) VALUES (?, ?)'),
    participant: sqlite.prepare('INSERT OR IGNORE INTO visit_participants (visit_id, contact_id, role, position) VALUES (?, ?, ?, ?)'),
    cost: sqlite.prepare('INSERT INTO visit_costs (visit_id, position, item, amount_minor, currency, paid_by) VALUES (?, ?, ?, ?, ?, ?)'),
    commitment: sqlite.prepare(`INSERT INTO commitments (agreement_id, area_id, kind, direction, description, quantity, unit, due_on, value_minor, currency,
      cancelled_at, cancel_reason, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'unidades', ?, ?, ?, ?, ?, '', ?, ?)`),
    delivery:
      sqlite.prepare(`INSERT INTO deliveries (commitment_id, delivered_on, quantity, value_minor, currency, over_delivery_confirmed, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    task: sqlite.prepare(`INSERT INTO tasks (title, due_on, priority, status, completed_on, agreement_id, search_text, created_at, updated_at)
      VALUES (?, ?, 'normal', ?, ?, ?, '', ?, ?)`),
  };
  sqlite.transaction(() => {
    const partners: number[] = [];
    for (let i = 0; i < Math.max(2, Math.ceil(shape.agreements * 0.8)); i++) {
      const at = stampFor(r, `${fromYear}-01-01`, today);
      partners.push(Number(ins.locality.run(`Socia ${i}`, r() < 0.6 ? `伙伴${i}市` : null, pick(r, COUNTRIES), 'city', `socia ${i}`, at, at).lastInsertRowid));
    }
    const agreements: number[] = [];
    for (let i = 0; i < shape.agreements; i++) {
      const intent = r() < 0.8 ? isoDay(r, fromYear - 3, toYear) : null;
      const signed = r() < 0.75 ? minDate(addDays(intent ?? isoDay(r, fromYear - 3, toYear), Math.floor(r() * 500)), today) : null;
      const ended = signed && r() < 0.2 ? minDate(addDays(signed, Math.floor(r() * 1500)), today) : null;
      const began = minDate(intent, signed, today);
      const stage = ended ? 'ended' : signed ? pick(r, ['signed', 'active', 'dormant']) : intent ? 'letter_of_intent' : 'under_discussion';
      const at = stampFor(r, began, today);
      const archived = r() < 0.08 ? at : null;
      const id = Number(
        ins.agreement.run(pick(r, partners), pick(r, ['twinning', 'friendship', 'cooperation_memorandum']), stage, intent, signed, ended, archived, at, at)
          .lastInsertRowid,
      );
      ins.area.run(id, pick(r, areas));
      if (r() < 0.5) ins.area.run(id, pick(r, areas));
      agreements.push(id);
    }
    const contacts: number[] = [];
    for (let i = 0; i < 60; i++)
      contacts.push(Number(ins.contact.run(`Persona ${i}`, r() < 0.4 ? `人${i}` : null, `persona ${i}`, today, today).lastInsertRowid));

    for (let i = 0; i < shape.visits; i++) {
      // Some across New Year, some after today (planned, confirmed or cancelled).
      const starts = r() < 0.1 ? `${fromYear + Math.floor(r() * (toYear - fromYear + 1))}-12-${29 + Math.floor(r() * 3)}` : isoDay(r, fromYear, toYear + 1);
      const ends = addDays(starts, Math.floor(r() * 7));
      const future = starts > today;
      const status = r() < 0.12 ? 'cancelled' : future ? pick(r, ['planned', 'confirmed']) : r() < 0.85 ? 'done' : 'confirmed';
      const at = stampFor(r, minDate(starts, today), today);
      const id = Number(
        ins.visit.run(r() < 0.5 ? 'inbound' : 'outbound', status, starts, ends, pick(r, partners), `Visita ${i}`, r() < 0.05 ? at : null, at, at)
          .lastInsertRowid,
      );
      ins.visitAgreement.run(id, pick(r, agreements));
      if (r() < 0.2) ins.visitAgreement.run(id, pick(r, agreements));
      const people = new Set<number>();
      for (let p = 0, n = Math.floor(r() * 7); p < n; p++) people.add(pick(r, contacts));
      [...people].forEach((c, p) => ins.participant.run(id, c, pick(r, ROLES), p));
      for (let c = 0, n = Math.floor(r() * 5); c < n; c++) {
        const currency = pick(r, CURRENCIES);
        ins.cost.run(id, c, `Gasto ${c}`, (currency === 'JPY' ? 1 : 100) * (100 + Math.floor(r() * 50_000)), currency, pick(r, PAYERS));
      }
    }

    for (let i = 0; i < shape.commitments; i++) {
      const kind = pick(r, KINDS);
      const quantity = 1 + Math.floor(r() * 9);
      const made = day();
      const due = r() < 0.3 ? null : minDate(addDays(made, Math.floor(r() * 900)), `${toYear + 2}-12-31`);
      const valued = kind.startsWith('donation') || r() < 0.2;
      const currency = valued ? pick(r, CURRENCIES) : null;
      const value = valued ? (currency === 'JPY' ? 1 : 100) * (1000 + Math.floor(r() * 90_000)) : null;
      const created = stampFor(r, made, today);
      // Deliveries from the day it was made, possibly years later, never after today; sometimes more than promised.
      const deliveries: { on: string; q: number }[] = [];
      let left = quantity;
      let last = made;
      while (r() < 0.65 && last < today) {
        const q = left > 0 ? 1 + Math.floor(r() * left) : 1;
        last = minDate(addDays(last, Math.floor(r() * 400)), today);
        deliveries.push({ on: last, q });
        left -= q;
        if (left <= 0 && r() < 0.85) break;
      }
      const cancelled = left > 0 && r() < 0.12 ? `${minDate(addDays(last, Math.floor(r() * 300)), today)}T12:00:00.000Z` : null;
      const id = Number(
        ins.commitment.run(
          pick(r, agreements),
          r() < 0.8 ? pick(r, areas) : null,
          kind,
          r() < 0.6 ? 'receive' : 'give',
          `Compromiso ${i}`,
          quantity,
          due,
          value,
          currency,
          cancelled,
          cancelled ? 'Ya no se hará' : null,
          created,
          created,
        ).lastInsertRowid,
      );
      let total = 0;
      for (const d of deliveries) {
        total += d.q;
        // A delivery's own value: none (it is worth its share of the promise), its share, or another currency (paid in kind at a different price).
        const own =
          value === null || r() < 0.5
            ? null
            : r() < 0.7
              ? { minor: Math.round((value * d.q) / quantity), currency }
              : { minor: 100 * (1 + Math.floor(r() * 5000)), currency: pick(r, CURRENCIES) };
        const at = stampFor(r, d.on, today);
        ins.delivery.run(id, d.on, d.q, own?.minor ?? null, own?.currency ?? null, total > quantity ? 1 : 0, at, at);
      }
    }

    for (let i = 0; i < shape.tasks; i++) {
      const due = r() < 0.2 ? null : isoDay(r, fromYear, toYear + 1);
      const status = pick(r, ['open', 'in_progress', 'done', 'done', 'cancelled']);
      const completed = status === 'done' ? minDate(due ? addDays(due, Math.floor(r() * 60) - 30) : day(), today) : null;
      const at = stampFor(r, minDate(due, completed, today), today);
      ins.task.run(`Tarea ${i}`, due, status, completed, r() < 0.7 ? pick(r, agreements) : null, at, at);
    }
  })();
}
