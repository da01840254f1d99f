import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';

const SAMPLE_ROWS = 10;
const LOAD = '2026-04-20T17:00:00.100Z';
const LOAD_END = '2026-04-20T17:00:00.900Z';
const LATER = '2026-05-02T09:00:00.000Z';

describe('migration 0010: the sample rows of a file that loaded the sample before', () => {
  it('lists the tagged rows and those the same load wrote, with their versions; leaves the user’s rows out; a row changed later has no version', async () => {
    const file = await fileBefore(
      SAMPLE_ROWS,
      `
      INSERT INTO localities (id, name, country, level, sample, search_text, created_at, updated_at) VALUES
        (1, 'Lima', 'PE', 'city', 'real', '', '${LOAD}', '${LOAD}'),
        (2, 'Kobe', 'JP', 'city', 'invented', '', '${LOAD}', '${LATER}'),
        (3, 'Montevideo', 'UY', 'city', NULL, '', '${LATER}', '${LATER}');
      INSERT INTO agreements (id, partner_id, kind, stage, channel, sample, search_text, version, created_at, updated_at) VALUES
        (1, 2, 'friendship', 'active', 'bilateral', 'invented', '', 2, '${LOAD_END}', '${LOAD_END}');
      INSERT INTO agreement_stages (id, agreement_id, stage, effective_on, recorded_at) VALUES (1, 1, 'active', '2014-10-03', '${LOAD_END}');
      INSERT INTO commitments (id, agreement_id, kind, direction, description, quantity, search_text, created_at, updated_at) VALUES
        (1, 1, 'donation_in_kind', 'receive', 'Libros', 100, '', '${LOAD_END}', '${LOAD_END}'),
        (2, 1, 'donation_in_kind', 'receive', 'Mapas 地图', 5, '', '${LATER}', '${LATER}');`,
    );
    const upgraded = await openDatabase(file);
    expect(upgraded.sqlite.prepare('SELECT table_name, row_id, version FROM sample_rows ORDER BY table_name, row_id').all()).toEqual([
      { table_name: 'agreement_stages', row_id: 1, version: null },
      { table_name: 'agreements', row_id: 1, version: 2 },
      { table_name: 'commitments', row_id: 1, version: 1 },
      { table_name: 'localities', row_id: 1, version: 1 },
      { table_name: 'localities', row_id: 2, version: null },
    ]);
    // The records themselves are as they were.
    expect(upgraded.sqlite.prepare('SELECT description FROM commitments ORDER BY id').pluck().all()).toEqual(['Libros', 'Mapas 地图']);
    await upgraded.close();
  });

  it('a file without the sample gets an empty list', async () => {
    const file = await fileBefore(
      SAMPLE_ROWS,
      `INSERT INTO localities (name, country, level, search_text, created_at, updated_at) VALUES ('Montevideo', 'UY', 'city', '', '${LATER}', '${LATER}');`,
    );
    const upgraded = await openDatabase(file);
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM sample_rows').pluck().get()).toBe(0);
    await upgraded.close();
  });
});
