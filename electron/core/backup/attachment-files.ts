import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { storedFile } from '../features/attachments/store.ts';
import type { Finding } from './checks.ts';

/** Every attachment row must have its content on disk (the `attachments` folder travels beside the data file). */
export function missingAttachmentFiles(sqlite: Database.Database, file: string): Finding[] {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'attachments'").get();
  if (!hasTable) return [];
  const rows = sqlite.prepare('SELECT id, sha256, original_name, size FROM attachments ORDER BY id').all() as {
    id: number;
    sha256: string;
    original_name: string;
    size: number;
  }[];
  return rows
    .filter((r) => {
      const stored = storedFile(file, r.sha256);
      return !fs.existsSync(stored) || fs.statSync(stored).size !== r.size;
    })
    .map((r) => ({ key: 'cli.check.missingAttachment', params: { id: r.id, name: r.original_name, file: storedFile(file, r.sha256) } }));
}
