import { pinyin } from 'pinyin-pro';
import type { Migration } from './migration.ts';

// Search keys gained the pinyin of Chinese names ("厦门市" is found by "xiamen") and keep
// kana voicing marks. Every row is re-keyed here with the recipe as it stands in this
// version (shared/text/search-key.ts), copied so the migration stays frozen; the columns
// below are those each feature's service passes to searchKey when it writes the row.
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/(?![\u3099\u309a])\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
function searchKey(parts: (string | null)[]): string {
  const folded = fold(parts.filter((p): p is string => !!p).join(' '));
  const runs = folded.match(/\p{Script=Han}+/gu);
  if (!runs) return folded;
  const readings = runs.map((run) => pinyin(run, { toneType: 'none', type: 'array', v: false }).join('').replace(/\s+/g, ''));
  return `${folded} ${fold(readings.join(' '))}`;
}
const SOURCES: Record<string, string[]> = {
  localities: ['name', 'native_name'],
  agreements: ['signed_place', 'signatories_ours', 'signatories_theirs', 'resolution_number', 'notes'],
  contacts: ['name', 'native_name', 'title', 'organisation', 'email'],
  visits: ['purpose', 'venue', 'notes'],
  commitments: ['description', 'unit', 'notes'],
  tasks: ['title', 'description', 'assignee'],
  office_events: ['title', 'place', 'notes'],
  beneficiaries: ['name', 'native_name', 'school', 'tutor'],
};

/**
 * Global search and the pickers read live rows by key, in key order, and stop at their limit:
 * an index on the key of the unarchived rows answers that without reading the table.
 */
const INDEXED = ['localities', 'agreements', 'contacts', 'visits', 'commitments', 'tasks'];
/** Commitments and tasks are never archived (cancelled or done ones are still found). */
const ARCHIVABLE = new Set(['localities', 'agreements', 'contacts', 'visits']);

export default {
  version: 12,
  name: '0012-search-keys-pinyin',
  up(db) {
    for (const [table, columns] of Object.entries(SOURCES)) {
      const rows = db.prepare(`SELECT id, ${columns.join(', ')} FROM ${table}`).all() as Record<string, string | number | null>[];
      const update = db.prepare(`UPDATE ${table} SET search_text = ? WHERE id = ?`);
      for (const row of rows) update.run(searchKey(columns.map((c) => (row[c] === null ? null : String(row[c])))), row.id);
    }
    db.exec('DROP INDEX IF EXISTS contacts_search;');
    for (const table of INDEXED) {
      // archived_at in the columns too, or SQLite reads the table to check what the index's WHERE already says.
      const live = ARCHIVABLE.has(table) ? ', archived_at) WHERE archived_at IS NULL' : ')';
      db.exec(`CREATE INDEX ${table}_search ON ${table}(search_text${live};`);
    }
  },
} satisfies Migration;
