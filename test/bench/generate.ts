import type BetterSqlite3 from 'better-sqlite3';
import { AGREEMENT_CHANNELS, AGREEMENT_KINDS, AGREEMENT_STAGES } from '../../shared/contract/agreements.ts';
import { searchKey } from '../../shared/text/search-key.ts';

const COUNTRIES = ['CN', 'CN', 'CN', 'CN', 'JP', 'KR', 'AR', 'BR', 'ES', 'IT', 'US', 'FR'];
const SYLLABLES = ['zhang', 'zhou', 'shan', 'hai', 'fu', 'jian', 'guang', 'xi', 'chéng', 'dū', 'nán', 'jīng', 'hé', 'bei', 'lín'];
const HANZI = '上海福建漳州广西桂林成都南京河北天津苏杭深圳厦门青岛大连';

/** A deterministic pseudo-random sequence, so every run generates the same office. */
export function rng(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

export function isoDay(r: () => number, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + Math.floor(r() * (end - start))).toISOString().slice(0, 10);
}

/** Inserts localities and agreements straight into SQLite (fast), with valid values for every CHECK. */
export function generateAgreements(sqlite: BetterSqlite3.Database, localities: number, agreements: number, seed = 7) {
  const r = rng(seed);
  const now = new Date().toISOString();
  const insertLocality = sqlite.prepare(
    'INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAgreement = sqlite.prepare(`INSERT INTO agreements
    (partner_id, kind, stage, stage_since, letter_of_intent_on, signed_on, channel, notes, search_text, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertArea = sqlite.prepare('INSERT OR IGNORE INTO agreement_areas (agreement_id, area_id) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (let i = 0; i < localities; i++) {
      const name = `${pick(r, SYLLABLES)}${pick(r, SYLLABLES)} ${i}`;
      const native = `${pick(r, [...HANZI])}${pick(r, [...HANZI])}市`;
      insertLocality.run(
        name[0]!.toUpperCase() + name.slice(1),
        native,
        pick(r, COUNTRIES),
        pick(r, ['city', 'province', 'region']),
        searchKey(name, native),
        now,
        now,
      );
    }
    for (let i = 0; i < agreements; i++) {
      const stage = pick(r, AGREEMENT_STAGES);
      const intent = isoDay(r, 2000, 2012);
      const signed = stage === 'under_discussion' || stage === 'letter_of_intent' ? null : isoDay(r, 2013, 2025);
      const notes = `Cooperación ${i} en ${pick(r, ['educación', 'cultura', 'turismo', 'comercio'])}`;
      const { lastInsertRowid } = insertAgreement.run(
        1 + Math.floor(r() * localities),
        pick(r, AGREEMENT_KINDS),
        stage === 'ended' ? 'dormant' : stage,
        signed ?? intent,
        intent,
        signed,
        pick(r, AGREEMENT_CHANNELS),
        notes,
        searchKey(notes),
        now,
        now,
      );
      insertArea.run(lastInsertRowid, 1 + Math.floor(r() * 13));
      insertArea.run(lastInsertRowid, 1 + Math.floor(r() * 13));
    }
  })();
}

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Quispe', 'Torres', 'Fernández', 'Huamán', 'Rojas', 'Sato', 'Kim'];
const GIVEN = ['Wei', 'Na', 'Jing', 'Ana', 'Luis', 'María', 'José', 'Xiaoming', 'Hua', 'Lucía', 'Yuki', 'Min-jun'];
const HAN_NAMES = ['王伟', '李娜', '张静', '刘洋', '陈华', '杨敏', '赵磊', '黄丽', '周杰', '吴芳', '佐藤', '김민준'];
const ORGANISATIONS = [
  '厦门市人民政府',
  'Gobierno de Salta',
  '福建省外事办公室',
  'Universidad de la República',
  'Prefeitura de Curitiba',
  '上海交通大学',
  null,
];

/** `count` contacts in several scripts, keyed by the app's own searchKey, straight into SQLite (fast). */
export function generateContacts(sqlite: BetterSqlite3.Database, count: number, seed = 11) {
  const r = rng(seed);
  const now = new Date().toISOString();
  const insert = sqlite.prepare('INSERT INTO contacts (name, native_name, organisation, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const name = `${pick(r, SURNAMES)} ${pick(r, GIVEN)} ${i}`;
      const native = r() < 0.5 ? pick(r, HAN_NAMES) : null;
      const organisation = pick(r, ORGANISATIONS);
      insert.run(name, native, organisation, searchKey(name, native, organisation), now, now);
    }
  })();
}
