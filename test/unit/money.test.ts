import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../migrations/index.ts';
import { formatMoney, isCurrencyCode, minorDigits, parseAmount, totalsByCurrency } from '../../shared/money.ts';
import { tempDir } from '../support/temp-db.ts';

describe('money', () => {
  it('knows each currency’s minor units from Intl', () => {
    expect([minorDigits('PEN'), minorDigits('CNY'), minorDigits('JPY'), minorDigits('CLP'), minorDigits('KWD')]).toEqual([2, 2, 0, 0, 3]);
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('SOL')).toBe(false);
    expect(isCurrencyCode('pen')).toBe(false);
  });

  it('reads amounts typed in any of the usual styles, exactly', () => {
    const read = (text: string, currency = 'PEN', locale = 'es-419') => parseAmount(text, currency, locale);
    expect(read('1.234,50')).toEqual({ ok: true, amountMinor: 123450 });
    expect(read('1,234.50')).toEqual({ ok: true, amountMinor: 123450 });
    expect(read('1 234,5', 'EUR', 'pt-BR')).toEqual({ ok: true, amountMinor: 123450 });
    expect(read('1.234', 'BRL', 'pt-BR')).toEqual({ ok: true, amountMinor: 123400 });
    expect(read('0.1')).toEqual({ ok: true, amountMinor: 10 });
    expect(read('19.99')).toEqual({ ok: true, amountMinor: 1999 });
    expect(read('50000', 'JPY')).toEqual({ ok: true, amountMinor: 50000 });
    expect(read('12,5', 'JPY')).toEqual({ ok: false, error: 'moneyErrors.amount_decimals' });
    expect(read('-5')).toEqual({ ok: false, error: 'moneyErrors.amount' });
    expect(read('diez')).toEqual({ ok: false, error: 'moneyErrors.amount' });
    expect(read('')).toEqual({ ok: false, error: 'moneyErrors.amount' });
  });

  it('totals per currency, never across currencies', () => {
    expect(
      totalsByCurrency([
        { amountMinor: 100, currency: 'PEN' },
        { amountMinor: 250, currency: 'CNY' },
        { amountMinor: 50, currency: 'PEN' },
        { amountMinor: null, currency: null },
      ]),
    ).toEqual([
      { currency: 'CNY', amountMinor: 250 },
      { currency: 'PEN', amountMinor: 150 },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });

  it('formats in the locale with the ISO code', () => {
    expect(formatMoney(123450, 'PEN', 'pt-BR').replace(/\s/g, ' ')).toBe('PEN 1.234,50');
    expect(formatMoney(5000, 'JPY', 'en-GB').replace(/\s/g, ' ')).toBe('JPY 5,000');
  });
});

describe('migration 0002', () => {
  it('adds contacts, visits and tasks to a file at version 1 and keeps its agreements', async () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const v1 = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.sqlite.exec(`INSERT INTO localities (name, native_name, country, level, search_text, created_at, updated_at) VALUES ('Zhangzhou','漳州市','CN','city','zhangzhou','t','t');
      INSERT INTO agreements (partner_id, kind, stage, channel, search_text, created_at, updated_at) VALUES (1,'twinning','under_discussion','bilateral','','t','t');`);
    await v1.close();
    const v2 = await openDatabase(file, { migrations: migrations.slice(0, 2) });
    expect(v2.preMigrationCopy).not.toBeNull();
    expect(v2.sqlite.prepare('SELECT native_name FROM localities').get()).toEqual({ native_name: '漳州市' });
    v2.sqlite.exec(`INSERT INTO visits (direction, status, starts_on, ends_on, purpose, search_text, created_at, updated_at) VALUES ('outbound','planned','2026-04-12','2026-04-18','Firma','','t','t');
      INSERT INTO visit_agreements VALUES (1, 1);
      INSERT INTO tasks (title, priority, status, agreement_id, search_text, created_at, updated_at) VALUES ('Seguimiento','normal','open',1,'','t','t');`);
    expect(() => v2.sqlite.prepare('DELETE FROM agreements WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    await v2.close();
  });
});
