import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../migrations/index.ts';
import { sumByCurrency } from '../../shared/money.ts';
import { currencyCode } from '../../shared/contract/money.ts';
import { tempDir } from '../support/temp-db.ts';

describe('money for visits', () => {
  it('refuses codes that are not ISO 4217 at the boundary', () => {
    expect(currencyCode.safeParse('cny').data).toBe('CNY');
    expect(currencyCode.safeParse('SOL').success).toBe(false);
    expect(currencyCode.safeParse('PE').success).toBe(false);
  });

  it('totals a visit’s costs per currency, never across currencies', () => {
    expect(
      sumByCurrency([
        { minor: 100, currency: 'PEN' },
        { minor: 250, currency: 'CNY' },
        { minor: 50, currency: 'PEN' },
      ]),
    ).toEqual([
      { currency: 'CNY', minor: 250 },
      { currency: 'PEN', minor: 150 },
    ]);
  });
});

describe('migration 0002', () => {
  it('adds contacts, visits and tasks to a file at version 1 and keeps its agreements', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.sqlite
      .exec(`INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Zhangzhou','漳州市','CN','city','zhangzhou','t','t');
      INSERT INTO agreements (partner_id, kind, stage, channel, search_text, created_at, updated_at) VALUES (1,'twinning','under_discussion','bilateral','','t','t');`);
    await v1.close();
    const v2 = await openDatabase(file, { migrations: migrations.slice(0, 2) });
    expect(v2.preMigrationCopy).not.toBeNull();
    expect(v2.sqlite.prepare('SELECT native_name FROM localities').get()).toEqual({ native_name: '漳州市' });
    v2.sqlite
      .exec(`INSERT INTO visits (direction, status, starts_on, ends_on, purpose, search_text, created_at, updated_at) VALUES ('outbound','planned','2026-04-12','2026-04-18','Firma','','t','t');
      INSERT INTO visit_agreements VALUES (1, 1);
      INSERT INTO tasks (title, priority, status, agreement_id, search_text, created_at, updated_at) VALUES ('Seguimiento','normal','open',1,'','t','t');`);
    expect(() => v2.sqlite.prepare('DELETE FROM agreements WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    await v2.close();
  });
});
