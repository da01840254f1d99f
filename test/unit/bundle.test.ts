import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { tempDir } from '../support/temp-db.ts';

const bundle = path.resolve(import.meta.dirname, '../../out/main/services.js');

// Kysely's FileMigrationProvider would find no files once bundled; ours are
// imported, and this proves it on the built output (npm test builds first).
describe('the built main-process bundle', () => {
  it.skipIf(!fs.existsSync(bundle))('migrates an empty file and answers calls', async () => {
    const { createServices } = (await import(pathToFileURL(bundle).href)) as typeof import('../../electron/core/services.ts');
    const services = await createServices(path.join(tempDir(), 'fresh.sqlite'));
    try {
      const info = await services.call('app.info', {});
      expect(info.ok && info.value.schemaVersion).toBe(migrations.at(-1)!.version);
      const list = await services.call('agreements.list', {});
      expect(list).toEqual({ ok: true, value: { total: 0, rows: [] } });
    } finally {
      await services.close();
    }
  });

  it.skipIf(!fs.existsSync(bundle))('does not pull electron into the services bundle', () => {
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/from ["']electron["']|require\(["']electron["']\)/);
  });
});
