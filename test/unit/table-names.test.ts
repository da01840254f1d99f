import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../electron/core/backup/inspect.ts';
import { createI18n, resources } from '../../shared/i18n/index.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { ok, openTestServices, tempDir } from '../support/temp-db.ts';

// Table names reach the screen in the CSV export list, the backup list and the
// exported file names. Each must have a name in every language; the screens
// must not fall back to the identifier ("deliveries 5 · attachment_links 0").
describe('table names people see', () => {
  it('every table of the data file has a name in Spanish, Portuguese and English', async () => {
    const opened = await openDatabase(path.join(tempDir(), 'office.sqlite'));
    const tables = tableNames(opened.sqlite); // all of them, as the backup list counts them
    await opened.close();
    expect(tables).toContain('attachment_links');
    for (const language of ['es', 'pt', 'en'] as const) {
      const entity = (resources[language].translation as { exchange: { entity: Record<string, string> } }).exchange.entity;
      expect(
        tables.filter((t) => !entity[t]),
        language,
      ).toEqual([]);
    }
  });

  it('a CSV export is named in the office language', async () => {
    const services = await openTestServices();
    expect((await ok(services, 'export.file', { format: 'csv', table: 'deliveries' })).fileName).toMatch(/^Entregas-\d{4}-\d{2}-\d{2}\.csv$/);
    await ok(services, 'settings.update', { language: 'en' });
    expect((await ok(services, 'export.file', { format: 'csv', table: 'visit_costs' })).fileName).toMatch(/^Visit costs-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(createI18n('pt').t('exchange.entity.attachment_links')).toBe('Arquivos vinculados');
  });

  it('no screen falls back to an identifier when a translation is missing', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders = fs
      .readdirSync(path.join(root, 'renderer'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => /\bt\([^)]*\{\s*defaultValue\s*:/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
