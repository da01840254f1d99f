import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSource } from '../../electron/core/db/codegen.ts';
import { openTestServices } from '../support/temp-db.ts';

// db/schema.ts is what the migrations make (issue 18: it was typed by hand and nothing tied it to the database).
describe('db/schema.ts', () => {
  it('is exactly what `npm run schema` generates from the migrated database', async () => {
    const services = await openTestServices();
    const file = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/core/db/schema.ts'), 'utf8');
    expect(file, 'db/schema.ts is out of date: run `npm run schema`').toBe(schemaSource(services.opened.sqlite));
  });

  it('types an enum column as the union its CHECK allows, and a column with a default as generated', async () => {
    const services = await openTestServices();
    const source = schemaSource(services.opened.sqlite);
    expect(source).toContain("  role: 'head_of_delegation' | 'member' | 'interpreter' | 'host' | 'staff' | 'other';");
    expect(source).toContain("  sample: 'real' | 'invented' | null;");
    expect(source).toContain("  language: 'es' | 'pt' | 'en' | null;");
    expect(source).toContain('  version: Generated<number>;');
  });
});
