import { describe, expect, it } from 'vitest';
import { annualPlanInputConcerns } from './annual-plan-input-concerns.ts';

const codes = (year: number, workdays: Record<string, number | null>, today: string) =>
  annualPlanInputConcerns({ year, workdays }, { today }).map((concern) => concern.code);

describe('what is wrong with an annual plan before it is computed (issue 13 item 9)', () => {
  it('refuses a plan whose every workday category is 0 or blank', () => {
    const [concern] = annualPlanInputConcerns(
      { year: 2027, workdays: { licensing: 0, duty_shifts: null } },
      { today: '2026-12-04' },
    );
    expect(concern).toEqual({ code: 'NO_WORKDAYS_ENTERED', blocking: true });
    expect(codes(2027, {}, '2026-12-04')).toEqual(['NO_WORKDAYS_ENTERED']);
  });

  it('takes a plan for next year with one category entered', () => {
    expect(codes(2027, { licensing: 0, duty_shifts: 120 }, '2026-12-04')).toEqual([]);
  });

  it('warns that 11 months of this year have passed in December and proposes next year', () => {
    const concerns = annualPlanInputConcerns(
      { year: 2026, workdays: { licensing: 600 } },
      { today: '2026-12-04' },
    );
    expect(concerns).toEqual([
      { code: 'MONTHS_PASSED', blocking: false, year: 2026, passedMonths: 11, suggestedYear: 2027 },
    ]);
  });

  it('says a past year is over, and proposes the year after the one it is in', () => {
    const [concern] = annualPlanInputConcerns(
      { year: 2026, workdays: { licensing: 600 } },
      { today: '2027-01-04' },
    );
    expect(concern).toMatchObject({ code: 'MONTHS_PASSED', passedMonths: 12, suggestedYear: 2027 });
  });

  it('proposes the year after a past one when that year is still to come', () => {
    const [concern] = annualPlanInputConcerns({ year: 2026, workdays: { a: 1 } }, { today: '2026-03-02' });
    expect(concern).toMatchObject({ passedMonths: 2, suggestedYear: 2027 });
  });

  it('has nothing to say of this year in January, nor of a year to come', () => {
    expect(codes(2027, { licensing: 10 }, '2027-01-04')).toEqual([]);
    expect(codes(2028, { licensing: 10 }, '2026-12-28')).toEqual([]);
  });

  it('gives both concerns at once when both hold', () => {
    expect(codes(2026, {}, '2026-12-28')).toEqual(['NO_WORKDAYS_ENTERED', 'MONTHS_PASSED']);
  });
});
