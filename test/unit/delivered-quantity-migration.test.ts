import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';

const RECOMPUTED = 6;

const delivered = (sqlite: import('better-sqlite3').Database) =>
  sqlite.prepare('SELECT id, delivered_quantity AS n FROM commitments ORDER BY id').all() as { id: number; n: number }[];

describe('migration 0006: delivered quantity recomputed from the deliveries', () => {
  it('repairs a counter an undo had doubled and keeps every later change equal to the sum', async () => {
    const file = await fileBefore(
      RECOMPUTED,
      `
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Zhangzhou','漳州市','CN','city','zhangzhou','t','t');
      INSERT INTO agreements (partner_id, kind, stage, signed_on, channel, search_text, created_at, updated_at) VALUES (1,'twinning','signed','2018-07-01','bilateral','','t','t');
      INSERT INTO commitments (agreement_id, kind, direction, description, quantity, search_text, created_at, updated_at) VALUES
        (1,'scholarship','receive','Seis becas',6,'','t','t'), (1,'donation_in_kind','receive','Libros',100,'','t','t');
      INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (1,'2026-03-01',2,'t','t'), (1,'2026-06-01',3,'t','t'), (2,'2026-02-01',40,'t','t');
      -- What the old undo left behind: the counter put back, then the re-inserted delivery counted again.
      UPDATE commitments SET delivered_quantity = 8 WHERE id = 1;`,
    );

    const upgraded = await openDatabase(file);
    const db = upgraded.sqlite;
    expect(upgraded.preMigrationCopy).not.toBeNull();
    expect(delivered(db)).toEqual([
      { id: 1, n: 5 },
      { id: 2, n: 40 },
    ]);

    db.exec("INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (1,'2026-07-01',1,'t','t')");
    expect(delivered(db)[0]).toEqual({ id: 1, n: 6 });
    // Moved to the other commitment: both sides follow.
    db.exec('UPDATE deliveries SET commitment_id = 2, quantity = 10 WHERE id = 2');
    expect(delivered(db)).toEqual([
      { id: 1, n: 3 },
      { id: 2, n: 50 },
    ]);
    db.exec('DELETE FROM deliveries WHERE commitment_id = 1');
    expect(delivered(db)[0]).toEqual({ id: 1, n: 0 });
    // Replaying a delivery's row with the counter already set (what an undo log does) cannot count it twice.
    db.exec(
      "UPDATE commitments SET delivered_quantity = 2 WHERE id = 1; INSERT INTO deliveries (id, commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (1, 1,'2026-03-01',2,'t','t')",
    );
    expect(delivered(db)[0]).toEqual({ id: 1, n: 2 });
    await upgraded.close();
  });
});
