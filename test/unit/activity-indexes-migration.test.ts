import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';

const INDEXES = 7;

describe('migration 0007: tasks and deliveries indexed by the day they happened', () => {
  it('keeps the tasks and deliveries there were, and finds a year’s completions without reading every task', async () => {
    const file = await fileBefore(
      INDEXES,
      `
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Guilin','桂林市','CN','city','guilin','t','t');
      INSERT INTO agreements (partner_id, kind, stage, signed_on, channel, search_text, created_at, updated_at) VALUES (1,'twinning','signed','2011-09-15','bilateral','','t','t');
      INSERT INTO commitments (agreement_id, kind, direction, description, quantity, search_text, created_at, updated_at) VALUES (1,'donation_in_kind','receive','Libros',100,'','t','t');
      INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (1,'2025-05-05',100,'t','t');
      INSERT INTO tasks (title, priority, status, completed_on, agreement_id, search_text, created_at, updated_at) VALUES ('Enviar fotos 照片','normal','done','2025-03-01',1,'','t','t'), ('Llamar','normal','open',NULL,1,'','t','t');`,
    );

    const upgraded = await openDatabase(file);
    const db = upgraded.sqlite;
    expect(db.prepare('SELECT title, completed_on FROM tasks ORDER BY id').all()).toEqual([
      { title: 'Enviar fotos 照片', completed_on: '2025-03-01' },
      { title: 'Llamar', completed_on: null },
    ]);
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT agreement_id FROM tasks WHERE agreement_id IS NOT NULL AND completed_on >= '2025-01-01'")).toMatch(/COVERING INDEX tasks_completed/);
    expect(plan("SELECT commitment_id FROM deliveries WHERE delivered_on >= '2025-01-01'")).toMatch(/COVERING INDEX deliveries_delivered/);
    await upgraded.close();
  });
});
