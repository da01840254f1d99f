import { describe, expect, it } from 'vitest';
import { captured, first, present } from '../../shared/narrow.ts';

describe('narrowing helpers', () => {
  it('answers what is there', () => {
    expect(first([3, 4])).toBe(3);
    expect(present(0, 'a count')).toBe(0);
    expect(present('', 'a text')).toBe('');
    const m = /^(\d+)-(\d*)$/.exec('12-');
    expect(m && captured(m, 1)).toBe('12');
    expect(m && captured(m, 2)).toBe('');
  });

  it('says what was expected when it is not', () => {
    expect(() => first([])).toThrow('expected a row');
    expect(() => first([], 'a sort column')).toThrow('expected a sort column');
    expect(() => present(undefined, 'a started job')).toThrow('expected a started job');
    expect(() => present(null, 'a started job')).toThrow('expected a started job');
    const m = /^(\d+)(?:-(\d+))?$/.exec('12');
    expect(() => m && captured(m, 2)).toThrow('expected capture group 2');
  });
});
