import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { fileBefore } from '../support/migrate.ts';
import { searchKey } from '../../shared/text/search-key.ts';

const PINYIN_KEYS = 12;

describe('migration 0012: search keys re-keyed with pinyin, and indexed', () => {
  it('re-keys every kind of row from its own columns, keeps the rows, and reads a search by the index', async () => {
    // Keys as the earlier recipe wrote them: folded, no pinyin.
    const file = await fileBefore(
      PINYIN_KEYS,
      `
      INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Ciudad de Xiamen','厦门市','CN','city','ciudad de xiamen 厦门市','t','t'), ('Osaka','大阪市','JP','city','osaka 大阪市','t','t');
      UPDATE localities SET name = '厦门' , search_text = '厦门市' WHERE id = 1;
      INSERT INTO agreements (partner_id, kind, stage, signed_on, channel, signed_place, notes, search_text, created_at, updated_at) VALUES (1,'twinning','signed','2011-09-15','bilateral','福州','Acta 合作','','t','t');
      INSERT INTO contacts (name, native_name, organisation, search_text, created_at, updated_at) VALUES ('Wang Wei','王伟','厦门大学','wang wei','t','t'), ('Satō','さとう','ガイド','sato さとう','t','t');
      INSERT INTO visits (direction, status, starts_on, ends_on, locality_id, purpose, venue, search_text, created_at, updated_at) VALUES ('inbound','done','2025-05-05','2025-05-06',1,'Visita 厦门 delegación','Intendencia','','t','t');
      INSERT INTO commitments (agreement_id, kind, direction, description, quantity, search_text, created_at, updated_at) VALUES (1,'donation_in_kind','receive','Libros 图书',100,'','t','t');
      INSERT INTO tasks (title, priority, status, agreement_id, search_text, created_at, updated_at) VALUES ('Enviar fotos 照片','normal','open',1,'','t','t');`,
    );

    const upgraded = await openDatabase(file);
    const db = upgraded.sqlite;
    const key = (table: string, id = 1) => (db.prepare(`SELECT search_text AS k FROM ${table} WHERE id = ?`).get(id) as { k: string }).k;
    expect(key('localities')).toBe('厦门 厦门市 xiamen xiamenshi');
    expect(key('localities', 2)).toBe('osaka 大阪市 dabanshi');
    expect(key('agreements')).toBe('福州 acta 合作 fuzhou hezuo');
    expect(key('contacts')).toBe('wang wei 王伟 厦门大学 wangwei xiamendaxue');
    // Kana keep their voicing marks; accents on Latin letters go.
    expect(key('contacts', 2)).toBe('sato さとう ガイド');
    expect(key('visits')).toBe('visita 厦门 delegacion intendencia xiamen');
    expect(key('commitments')).toBe('libros 图书 tushu');
    expect(key('tasks')).toBe('enviar fotos 照片 zhaopian');
    // The migration's frozen recipe is the app's today: a row it keyed is found as one the app writes.
    const contact = db.prepare('SELECT name, native_name, title, organisation, email FROM contacts WHERE id = 1').get() as Record<string, string | null>;
    expect(key('contacts')).toBe(searchKey(contact.name, contact.native_name, contact.title, contact.organisation, contact.email));
    expect(db.prepare('SELECT name, native_name FROM localities ORDER BY id').all()).toEqual([
      { name: '厦门', native_name: '厦门市' },
      { name: 'Osaka', native_name: '大阪市' },
    ]);

    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const table of ['localities', 'agreements', 'contacts', 'visits']) {
      expect(plan(`SELECT id FROM ${table} WHERE archived_at IS NULL AND search_text LIKE '%xia%' ORDER BY search_text LIMIT 5`)).toMatch(
        new RegExp(`COVERING INDEX ${table}_search`),
      );
    }
    for (const table of ['commitments', 'tasks']) {
      expect(plan(`SELECT id FROM ${table} WHERE search_text LIKE '%xia%' ORDER BY search_text LIMIT 5`)).toMatch(new RegExp(`COVERING INDEX ${table}_search`));
    }
    await upgraded.close();
  });
});
