import type { Migration } from './migration.ts';

// Attachment names were stored as the browser gave them. A right-to-left override
// (U+202E) made "Acta\u202Efdp.exe" look like "Actaexe.pdf", and a trailing dot or
// space hides a program's extension on Windows. New names are cleaned when attached;
// this cleans the names already stored, with the same rule as it stands today
// (frozen here: bidi marks and controls out, trailing dots and spaces off).
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const clean = (name: string) =>
  name
    .replace(INVISIBLE, '')
    .trim()
    .replace(/[. ]+$/, '') || 'archivo';

export default {
  version: 8,
  name: '0008-attachment-names-cleaned',
  up(db) {
    for (const [table, column] of [
      ['attachment_links', 'file_name'],
      ['attachments', 'original_name'],
    ] as const) {
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`);
      for (const row of db.prepare(`SELECT id, ${column} AS name FROM ${table}`).all() as { id: number; name: string }[]) {
        const cleaned = clean(row.name);
        if (cleaned !== row.name) update.run(cleaned, row.id);
      }
    }
  },
} satisfies Migration;
