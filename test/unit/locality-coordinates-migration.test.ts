import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';

const COORDINATES = 11;

describe('migration 0011: a locality keeps its place on the map', () => {
  it('keeps every locality as it was, unplaced, and then holds a point only on the globe and only whole', async () => {
    const file = await fileBefore(
      COORDINATES,
      `
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Guilin','桂林市','CN','city','guilin 桂林市','t','t'), ('Córdoba',NULL,'AR','province','cordoba','t','t');`,
    );

    const upgraded = await openDatabase(file);
    const db = upgraded.sqlite;
    expect(db.prepare('SELECT name, native_name, latitude, longitude FROM localities ORDER BY id').all()).toEqual([
      { name: 'Guilin', native_name: '桂林市', latitude: null, longitude: null },
      { name: 'Córdoba', native_name: null, latitude: null, longitude: null },
    ]);
    const place = db.prepare('UPDATE localities SET latitude = ?, longitude = ? WHERE id = 1');
    place.run(25.2802, 110.2964);
    expect(db.prepare('SELECT latitude, longitude FROM localities WHERE id = 1').get()).toEqual({ latitude: 25.2802, longitude: 110.2964 });
    expect(() => place.run(90.5, 110)).toThrow(/CHECK/);
    expect(() => place.run(25, 180.5)).toThrow(/CHECK/);
    expect(() => place.run(25, null)).toThrow(/CHECK/);
    expect(() => place.run(null, 110)).toThrow(/CHECK/);
    place.run(null, null);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(COORDINATES);
    await upgraded.close();
  });
});
