import { afterEach, describe, expect, it } from 'vitest';
import { today } from '../../electron/core/app/context.ts';
import { localIsoDate } from '../../shared/calendar-date.ts';

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
