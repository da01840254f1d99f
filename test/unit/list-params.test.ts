import { describe, expect, it } from 'vitest';
import { agreementList } from '../../shared/contract/agreements.ts';
import { commitmentList } from '../../shared/contract/commitments.ts';
import { visitList } from '../../shared/contract/visits.ts';
import { numberParam, textParam } from '../../renderer/src/components/list/params.ts';

// A list's filters come from an address anyone can edit: what the contract would refuse is dropped, not cast.
describe('URL parameters read through the contract', () => {
  it('keeps an enum value the contract knows and drops any other', () => {
    expect(textParam(visitList.shape.direction, 'inbound')).toBe('inbound');
    expect(textParam(visitList.shape.direction, 'sideways')).toBeUndefined();
    expect(textParam(visitList.shape.direction, '')).toBeUndefined();
    expect(textParam(visitList.shape.direction, null)).toBeUndefined();
    expect(textParam(commitmentList.shape.statuses.unwrap().element, 'delivered')).toBe('delivered');
    expect(textParam(commitmentList.shape.statuses.unwrap().element, 'Delivered')).toBeUndefined();
    expect(textParam(agreementList.shape.stages.unwrap().element, 'napping')).toBeUndefined();
    expect(textParam(agreementList.shape.country.unwrap(), 'CN')).toBe('CN');
    expect(textParam(agreementList.shape.country.unwrap(), 'China')).toBeUndefined();
  });

  it('keeps an id or a year the contract accepts and drops any other', () => {
    expect(numberParam(visitList.shape.partnerId, '7')).toBe(7);
    for (const bad of ['0', '-3', '1.5', 'abc', '7abc', '', null, undefined]) expect(numberParam(visitList.shape.partnerId, bad)).toBeUndefined();
    expect(numberParam(visitList.shape.year, '2026')).toBe(2026);
    expect(numberParam(visitList.shape.year, '20260')).toBeUndefined();
  });
});
