import { describe, expect, it } from 'vitest';
import { amountText, parseAmount, refusalMessage } from '../../shared/amount.ts';
import type { ReportRequest } from '../../shared/contract/reports.ts';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format.ts';
import { createI18n, translateMessage } from '../../shared/i18n/index.ts';
import { formatMoney } from '../../shared/money.ts';
import { currencyForCountry, dateLocale, numberLocale, officeLocale } from '../../shared/region.ts';
import type { Services } from '../../electron/core/services.ts';
import { docxPart, textOf } from '../support/docx-reader.ts';
import { commitmentFields, partnerWithAgreement } from '../support/factories.ts';
import { buildReportOffice } from '../support/report-office.ts';
import { runCliProcess } from '../support/cli.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// Narrow and ordinary no-break spaces are what Intl puts between a code and its amount.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the office locale', () => {
  it('is the language plus the office country, or the language alone without one', () => {
    expect(officeLocale('es', 'UY')).toBe('es-UY');
    expect(officeLocale('es', 'PE')).toBe('es-PE');
    expect(officeLocale('pt', 'BR')).toBe('pt-BR');
    expect(officeLocale('en', 'US')).toBe('en-US');
    expect(officeLocale('en', 'UY')).toBe('en-UY');
    expect(officeLocale('es', null)).toBe('es-419');
    expect(officeLocale('pt', null)).toBe('pt-BR');
    expect(officeLocale('es', 'XX')).toBe('es-419');
  });

  it('writes numbers the way the region does whatever the language, and dates in the language', () => {
    // English in Uruguay: ICU has no en-UY, and en-US would turn 12.400,50 into 12,400.50.
    expect(numberLocale('en-UY')).toBe('es-UY');
    expect(numberLocale('es-BR')).toBe('pt-BR');
    expect(numberLocale('es-PE')).toBe('es-PE');
    expect(numberLocale('es-419')).toBe('es-419');
    expect(dateLocale('en-UY')).toBe('en-150');
    expect(dateLocale('es-UY')).toBe('es-UY');
    expect(plain(formatMoney(1_240_050, 'USD', 'en-UY'))).toBe('USD 12.400,50');
    expect(formatDate('2027-03-15', 'en-UY')).toBe('15 Mar 2027');
  });

  it('gives each country its currency, US dollars when unknown', () => {
    expect(['UY', 'AR', 'BR', 'PE', 'MX', 'CL', 'CO', 'ES', 'EC', 'CN', 'JP'].map(currencyForCountry)).toEqual([
      'UYU',
      'ARS',
      'BRL',
      'PEN',
      'MXN',
      'CLP',
      'COP',
      'EUR',
      'USD',
      'CNY',
      'JPY',
    ]);
    expect(currencyForCountry(null)).toBe('USD');
  });
});

// What a clerk sees in each region: the screens and the reports use these same functions.
const REGIONS = [
  { locale: 'es-UY', money: 'USD 12.400,50', yen: 'JPY 2.000.000', number: '1.234.567', date: '15 mar. 2027' },
  { locale: 'es-PE', money: 'USD 12,400.50', yen: 'JPY 2,000,000', number: '1,234,567', date: '15 mar. 2027' },
  { locale: 'es-MX', money: 'USD 12,400.50', yen: 'JPY 2,000,000', number: '1,234,567', date: '15 mar 2027' },
  { locale: 'pt-BR', money: 'USD 12.400,50', yen: 'JPY 2.000.000', number: '1.234.567', date: '15 de mar. de 2027' },
  { locale: 'en-US', money: 'USD 12,400.50', yen: 'JPY 2,000,000', number: '1,234,567', date: 'Mar 15, 2027' },
] as const;

describe.each(REGIONS)('in $locale', (r) => {
  it('formats money, numbers and dates', () => {
    expect(plain(formatMoney(1_240_050, 'USD', r.locale))).toBe(r.money);
    expect(plain(formatMoney(2_000_000, 'JPY', r.locale))).toBe(r.yen);
    expect(formatNumber(1_234_567, r.locale)).toBe(r.number);
    expect(formatDate('2027-03-15', r.locale)).toBe(r.date);
    // A local time (no zone), so the machine's time zone does not move it. Spanish and
    // Portuguese offices read 24-hour times (the backup list said "3:30 p. m." in es-UY).
    const stamp = plain(formatDateTime('2027-03-15T15:30:00', r.locale));
    expect(stamp).toContain(r.locale === 'en-US' ? '3:30 PM' : '15:30');
    expect(stamp).toContain(r.date);
  });

  it('writes the numbers inside translated messages the same way', () => {
    const { t } = createI18n(r.locale.startsWith('pt') ? 'pt' : r.locale.startsWith('en') ? 'en' : 'es', () => r.locale);
    expect(translateMessage(t, 'import.errors.tooManyColumns|{"columns":1234567,"max":256}')).toContain(r.number);
  });

  it('reads back what it writes, and an amount typed without grouping', () => {
    const typed = plain(r.money).slice(4);
    expect(parseAmount(typed, 'USD', r.locale)).toEqual({ ok: true, minor: 1_240_050 });
    expect(amountText(1_240_050, 'USD', r.locale)).toBe(typed);
    const decimal = typed.at(-3)!;
    expect(parseAmount(`12400${decimal}5`, 'USD', r.locale)).toEqual({ ok: true, minor: 1_240_050 });
    expect(parseAmount('12 400', 'USD', r.locale)).toEqual({ ok: true, minor: 1_240_000 });
    expect(parseAmount(plain(r.yen).slice(4), 'JPY', r.locale)).toEqual({ ok: true, minor: 2_000_000 });
  });

  it('refuses what could be read two ways, saying what to type', () => {
    for (const text of ['1.2.3', '1,2,3', '12.400.50', '12,400,50', '1.2,3', '12.40.0', ',5', '5,', '1e6', 'doce', '']) {
      const read = parseAmount(text, 'USD', r.locale);
      expect(read.ok, `${text} in ${r.locale}`).toBe(false);
      if (!read.ok) expect(plain(read.refusal.example)).toBe(plain(r.money).slice(4));
    }
    const other = r.money.includes('12.400,50') ? '12,400.50' : '12.400,50';
    expect(parseAmount(other, 'USD', r.locale).ok).toBe(false);
    expect(parseAmount('-5', 'USD', r.locale)).toMatchObject({ ok: false, refusal: { reason: 'negative' } });
    expect(parseAmount(`10${r.money.at(-3)}5`, 'JPY', r.locale)).toMatchObject({ ok: false, refusal: { reason: 'decimals' } });
    expect(parseAmount('9'.repeat(20), 'USD', r.locale)).toMatchObject({ ok: false, refusal: { reason: 'too_large' } });
  });
});

describe('a refused amount', () => {
  it('says in the user language what to type', () => {
    const read = parseAmount('1.2.3', 'USD', 'es-UY');
    if (read.ok) throw new Error('should refuse');
    expect(translateMessage(createI18n('es').t, refusalMessage(read.refusal))).toBe(
      'Escriba el importe como 12.400,50: «.» para los miles (puede omitirlo) y «,» para los decimales.',
    );
    const en = parseAmount('12.400,50', 'USD', 'en-US');
    if (en.ok) throw new Error('should refuse');
    expect(translateMessage(createI18n('en').t, refusalMessage(en.refusal))).toBe(
      'Type the amount as 12,400.50: “,” between thousands (optional) and “.” before the decimals.',
    );
    const pt = parseAmount('10,5', 'JPY', 'pt-BR');
    if (pt.ok) throw new Error('should refuse');
    expect(translateMessage(createI18n('pt').t, refusalMessage(pt.refusal))).toBe('Casas decimais demais para esta moeda: escreva, por exemplo, 12.400.');
  });
});

describe('the office region in settings', () => {
  it('comes from the own locality until chosen, and the currency from the country', async () => {
    const services = await openTestServices();
    expect((await ok(services, 'settings.get', {})).region).toEqual({ country: null, currency: 'USD' });
    const montevideo = await ok(services, 'localities.create', { name: 'Montevideo', nativeName: null, country: 'UY', level: 'city', parentId: null });
    expect((await ok(services, 'settings.update', { ownLocalityId: montevideo.id })).region).toEqual({ country: 'UY', currency: 'UYU' });
    const chosen = await ok(services, 'settings.update', { country: 'br', currency: 'usd' });
    expect(chosen).toMatchObject({ country: 'BR', currency: 'USD', region: { country: 'BR', currency: 'USD' } });
    expect((await ok(services, 'settings.update', { country: null, currency: null })).region).toEqual({ country: 'UY', currency: 'UYU' });
    const before = tableCounts(services);
    for (const bad of [{ country: 'XX' }, { currency: 'ABC' }, { country: 'Uruguay' }]) {
      const result = await services.dispatch('settings.update', bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(tableCounts(services)).toEqual(before);
  });

  it('decides how an amount typed into a commitment or delivery is read, and the stored minor units do not depend on it', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    await ok(services, 'settings.update', { country: 'UY' });
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id, { value: '12.400,50', currency: 'USD' }));
    expect(c.valueMinor).toBe(1_240_050);
    const refused = await services.dispatch('commitments.create', commitmentFields(agreement.id, { value: '1.2.3', currency: 'USD' }));
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: ['value'], message: expect.stringMatching(/^amountErrors\.format\|.*12\.400,50/) }] },
    });
    await ok(services, 'settings.update', { country: 'MX' });
    expect((await ok(services, 'commitments.get', { id: c.id })).valueMinor).toBe(1_240_050);
    const d = await ok(services, 'commitments.addDelivery', {
      commitmentId: c.id,
      deliveredOn: '2026-01-05',
      quantity: 1,
      value: '12,400.50',
      currency: 'USD',
      beneficiaries: [],
    });
    expect(d.deliveries[0]?.valueMinor).toBe(1_240_050);
    const wrong = await services.dispatch('commitments.addDelivery', {
      commitmentId: c.id,
      deliveredOn: '2026-01-05',
      quantity: 0,
      value: '12.400,50',
      currency: 'USD',
      beneficiaries: [],
    });
    expect(wrong.ok).toBe(false);
  });
});

async function annual(services: Services, report: Partial<ReportRequest> & { language: ReportRequest['language'] }) {
  const file = await ok(services, 'reports.generate', { report: { kind: 'annual', year: 2020, ...report } as ReportRequest, target: 'download' });
  if (file.delivered !== 'bytes') throw new Error('expected bytes');
  return plain(textOf(docxPart(Buffer.from(file.base64, 'base64'), 'word/document.xml')));
}

describe('a generated report', () => {
  it("writes the office's region, in any language, unless another region is asked for", async () => {
    const services = await openTestServices();
    await buildReportOffice(services); // Lima; received USD 85,000 in cars in 2020
    await ok(services, 'settings.update', { country: 'UY' });
    const uy = await annual(services, { language: 'es' });
    expect(uy).toContain('USD 85.000,00');
    expect(uy).toContain(formatDate('2020-12-31', 'es-UY'));
    expect(uy).not.toContain('USD 85,000.00');

    // For a partner, in English: English words, Uruguay's numbers.
    const forPartner = await annual(services, { language: 'en' });
    expect(forPartner).toContain('USD 85.000,00');
    expect(forPartner).toContain('31 Dec 2020');
    // …unless the user asks for the partner's way of writing them.
    const american = await annual(services, { language: 'en', region: 'US' });
    expect(american).toContain('USD 85,000.00');
    expect(american).toContain('Dec 31, 2020');

    await ok(services, 'settings.update', { country: 'BR' });
    const br = await annual(services, { language: 'pt' });
    expect(br).toContain('USD 85.000,00');
    expect(br).toContain(formatDate('2020-12-31', 'pt-BR', 'numeric')); // 31/12/2020: one line of a narrow column

    await ok(services, 'settings.update', { country: 'MX' });
    const mx = await annual(services, { language: 'es' });
    expect(mx).toContain('USD 85,000.00');
  });

  it('takes --region from the command line', async () => {
    const services = await openTestServices();
    await buildReportOffice(services);
    await ok(services, 'settings.update', { country: 'UY' });
    await services.close();
    const out = `${services.dir}/informe.docx`;
    const run = await runCliProcess(['report', 'annual', '--db', services.file, '--year', '2020', '--out', out, '--lang', 'en', '--region', 'us']);
    expect(run.code, run.stderr).toBe(0);
    const fs = await import('node:fs');
    expect(plain(textOf(docxPart(fs.readFileSync(out), 'word/document.xml')))).toContain('USD 85,000.00');
    const bad = await runCliProcess(['report', 'annual', '--db', services.file, '--year', '2020', '--out', out, '--region', 'Narnia']);
    expect(bad.code).not.toBe(0);
  });
});
