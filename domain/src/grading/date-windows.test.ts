import { describe, expect, it } from 'vitest';
import { isInSeasonPeriod, isWithinMonths, monthsBefore, previousYearRange } from './date-windows.ts';

describe('date windows for grading', () => {
  it('goes back whole months and clamps to the end of a shorter month', () => {
    expect(monthsBefore('2026-06-01', 12)).toBe('2025-06-01');
    expect(monthsBefore('2026-06-01', 36)).toBe('2023-06-01');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });

  it('counts the last 12 months from the day after the cutoff up to and including the date', () => {
    const cutoff = monthsBefore('2026-06-01', 12);
    expect(isWithinMonths('2025-06-01', cutoff, '2026-06-01')).toBe(false);
    expect(isWithinMonths('2025-06-02', cutoff, '2026-06-01')).toBe(true);
    expect(isWithinMonths('2026-06-01', cutoff, '2026-06-01')).toBe(true);
    expect(isWithinMonths('2026-06-02', cutoff, '2026-06-01')).toBe(false);
  });

  it('takes 上年度 as the previous calendar year', () => {
    expect(previousYearRange('2026-03-01', false)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousYearRange('2026-03-01', true)).toEqual({ from: '2025-01-01', to: '2026-03-01' });
  });

  it('runs an annual period over the new year when it ends before it starts', () => {
    const winter = { kind: 'annual' as const, from: '12-15', to: '01-15' };
    expect(isInSeasonPeriod(winter, '2026-12-31')).toBe(true);
    expect(isInSeasonPeriod(winter, '2027-01-15')).toBe(true);
    expect(isInSeasonPeriod(winter, '2027-01-16')).toBe(false);
    expect(isInSeasonPeriod(winter, '2026-12-14')).toBe(false);
  });

  it('counts both ends of a dated period', () => {
    const festival = { kind: 'dated' as const, from: '2026-02-03', to: '2026-03-03' };
    expect(isInSeasonPeriod(festival, '2026-02-03')).toBe(true);
    expect(isInSeasonPeriod(festival, '2026-03-03')).toBe(true);
    expect(isInSeasonPeriod(festival, '2027-02-10')).toBe(false);
  });
});
