import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, mergeLocales, resources } from '../../shared/i18n/index.ts';
import { importDoneText, importTotalsText } from '../../shared/import-summary.ts';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('has the same keys in Spanish, Portuguese and English', () => {
    const es = keys(resources.es.translation).sort();
    expect(keys(resources.pt.translation).sort()).toEqual(es);
    expect(keys(resources.en.translation).sort()).toEqual(es);
  });

  it('has a text for every message key the code can send', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = ['electron', 'shared', 'renderer'].flatMap((d) =>
      fs
        .readdirSync(path.join(root, d), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
        .map((e) => path.join(e.parentPath, e.name)),
    );
    const used = new Set<string>();
    // Feature error sections follow the `<feature>Errors` naming so this scan finds them too.
    for (const f of files)
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/['"`]((?:errors|[a-z]+Errors|open|web|launch)\.[a-z_]+)['"`|]/g)) used.add(m[1]!);
    const known = new Set(keys(resources.es.translation));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('merges feature files deeply and refuses a key given twice', () => {
    expect(mergeLocales({ nav: { home: 'Inicio' } }, { nav: { visits: 'Visitas' } })).toEqual({ nav: { home: 'Inicio', visits: 'Visitas' } });
    expect(() => mergeLocales({ nav: { home: 'Inicio' } }, { nav: { home: 'Casa' } })).toThrow(/nav\.home/);
    expect(() => mergeLocales({ nav: 'Inicio' }, { nav: { home: 'Casa' } })).toThrow(/nav/);
  });

  it('counts in the singular and the plural, in each language', () => {
    const totals = { rows: 1, valid: 1, invalid: 0, duplicates: 2 };
    expect(importTotalsText(createI18n('es').t, totals)).toBe('1 fila: 1 válida, 0 con problemas (no se importan), 2 coinciden con registros existentes.');
    expect(importTotalsText(createI18n('en').t, totals)).toBe('1 row: 1 valid, 0 with problems (not imported), 2 matching existing records.');
    const done = { created: 2, merged: 1, skipped: 3, rejected: 1, backup: 'office-before-import.sqlite' };
    expect(importDoneText(createI18n('pt').t, done)).toBe(
      'Importado: 2 novos, 1 mesclado, 3 ignorados, 1 linha com problemas deixada de fora. Há uma cópia de antes da importação nos backups (office-before-import.sqlite).',
    );
  });
});
