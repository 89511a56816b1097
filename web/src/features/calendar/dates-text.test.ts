import { describe, expect, it } from 'vitest';
import { parseDates } from './dates-text';

describe('the dates of a notice as typed (issue 11 item 12)', () => {
  it('reads single dates and runs, and returns what it cannot read', () => {
    expect(parseDates('2027-01-01\n2027-02-06~2027-02-08，2027-01-01 二月')).toEqual({
      dates: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'],
      unreadable: ['二月'],
    });
  });
});
