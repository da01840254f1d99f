import { describe, expect, it } from 'vitest';
import { hourCycleFor } from '../../shared/region.ts';
import { impossibleDate, timeToHhmm, toCalendarDate, toTime, writeDayParts } from '../../renderer/src/components/dates.ts';

describe('date field values', () => {
  it('reads the stored YYYY-MM-DD and gives it back unchanged', () => {
    expect(toCalendarDate('2027-03-15')?.toString()).toBe('2027-03-15');
    expect(toCalendarDate('2024-02-29')?.toString()).toBe('2024-02-29');
    expect(toCalendarDate('')).toBeNull();
  });

  it('never turns an impossible date into a real one', () => {
    expect(toCalendarDate('2027-02-31')).toBeNull();
    expect(toCalendarDate('2027-02-29')).toBeNull();
    expect(impossibleDate('2027-02-31')).toEqual({ year: 2027, month: 2, day: 31 });
    expect(impossibleDate('2024-02-29')).toBeNull();
    expect(impossibleDate('')).toBeNull();
  });

  it('quotes an impossible date the way the locale writes dates', () => {
    const feb31 = { year: 2027, month: 2, day: 31 };
    expect(writeDayParts(feb31, 'es-419')).toBe('31/02/2027');
    expect(writeDayParts(feb31, 'es-UY')).toBe('31/02/2027');
    expect(writeDayParts(feb31, 'pt-BR')).toBe('31/02/2027');
    expect(writeDayParts(feb31, 'en-US')).toBe('02/31/2027');
  });

  it('keeps times as HH:MM on a 24-hour clock in Spanish and Portuguese', () => {
    expect(timeToHhmm(toTime('09:05'))).toBe('09:05');
    expect(timeToHhmm(toTime('23:59'))).toBe('23:59');
    expect(toTime('24:00')).toBeNull();
    expect(toTime('')).toBeNull();
    expect(hourCycleFor('es-419')).toBe(24);
    expect(hourCycleFor('es-MX')).toBe(24);
    expect(hourCycleFor('pt-BR')).toBe(24);
    expect(hourCycleFor('en-US')).toBeUndefined();
  });
});

describe('what React Aria does to an impossible date when the field is left', () => {
  it('is recognised, so the field can keep what was typed instead', async () => {
    const { constrain } = await import('../../renderer/src/components/dates.ts');
    expect(constrain({ year: 2027, month: 2, day: 31 })).toBe('2027-02-28');
    expect(constrain({ year: 2024, month: 2, day: 30 })).toBe('2024-02-29');
    expect(constrain({ year: 2026, month: 0, day: 7 })).toBe('2026-01-07');
  });
});
