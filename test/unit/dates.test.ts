import { afterEach, describe, expect, it } from 'vitest';
import { today } from '../../electron/core/app/context.ts';
import { addDays, addMonths, daysBetween, daysFromToday, localIsoDate } from '../../shared/dates.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('today', () => {
  it('is the local date in Lima at 22:00, when UTC is already tomorrow', () => {
    process.env.TZ = 'America/Lima';
    const evening = new Date('2026-12-02T03:00:00Z');
    expect(localIsoDate(evening)).toBe('2026-12-01');
    expect(today({ now: () => evening })).toBe('2026-12-01');
  });

  it('is the local date in Shanghai at 07:00, when UTC is still yesterday', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(localIsoDate(new Date('2026-11-30T23:00:00Z'))).toBe('2026-12-01');
  });
});

describe('the one date module (shared/dates.ts)', () => {
  it('adds days and months on calendar dates, across month ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('counts days from today by the calendar, not by 24-hour steps, across a daylight-saving change', () => {
    // Chile moves its clocks forward at midnight on 6 September 2026. At 23:30 on the 5th, the visit screen's
    // "due in a day" added 24 hours to now and landed at 00:30 on the 7th: a day too far (issue 18).
    process.env.TZ = 'America/Santiago';
    const lateEvening = new Date('2026-09-06T03:30:00Z');
    expect(localIsoDate(lateEvening)).toBe('2026-09-05');
    expect(localIsoDate(new Date(lateEvening.getTime() + 86_400_000))).toBe('2026-09-07'); // the old way
    expect(daysFromToday(1, lateEvening)).toBe('2026-09-06');
    expect(daysFromToday(7, lateEvening)).toBe('2026-09-12');
  });
});
