import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burdenLevel } from './burden-level.ts';

describe('burden level (issue 6 item 10)', () => {
  it('shows nothing before the first inspection, yellow at the second, red from the third', () => {
    expect([0, 1, 2, 3, 4, 326].map((count) => burdenLevel(count))).toEqual([
      'none',
      'normal',
      'yellow',
      'red',
      'red',
      'red',
    ]);
  });

  it('never goes down as inspections add up', () => {
    const rank = { none: 0, normal: 1, yellow: 2, red: 3 } as const;
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        (a, b) => rank[burdenLevel(Math.min(a, b))] <= rank[burdenLevel(Math.max(a, b))],
      ),
    );
  });
});
