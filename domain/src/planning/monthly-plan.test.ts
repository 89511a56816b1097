import { describe, expect, it } from 'vitest';
import { computeAnnualPlan } from './compute-annual-plan.ts';
import { annualPlanMonth, monthlyPlanDueDates, monthlyPlanTimeliness } from './monthly-plan.ts';
import { generalEnterprise, keyEnterprise, planInput } from './planning-test-fixtures.ts';

describe('monthly plan due dates (measure 2)', () => {
  it('is due on the last workday of the month before, with a reminder three workdays earlier', () => {
    expect(monthlyPlanDueDates({ year: 2025, month: 10 })).toEqual({
      ok: true,
      deadline: '2025-09-30',
      reminderOn: '2025-09-26',
      pendingYears: [],
    });
    expect(monthlyPlanDueDates({ year: 2025, month: 2 })).toMatchObject({ deadline: '2025-01-27' });
  });

  it('marks a plan submitted after the deadline late, by calendar days and workdays', () => {
    const result = monthlyPlanTimeliness({
      year: 2025,
      month: 10,
      submittedOn: '2025-10-09',
      today: '2025-10-20',
    });
    expect(result).toMatchObject({
      ok: true,
      status: 'late',
      daysLate: 9,
      workdaysLate: 1,
      shouldRemind: false,
    });
  });

  it('counts a plan submitted on the deadline as on time', () => {
    expect(
      monthlyPlanTimeliness({ year: 2025, month: 10, submittedOn: '2025-09-30', today: '2025-10-02' }),
    ).toMatchObject({ status: 'on_time', daysLate: 0 });
  });

  it('reminds from three workdays before the deadline while the plan is missing, and marks it overdue after', () => {
    const on = (today: string) => monthlyPlanTimeliness({ year: 2025, month: 10, submittedOn: null, today });
    expect(on('2025-09-25')).toMatchObject({ status: 'pending', shouldRemind: false });
    expect(on('2025-09-26')).toMatchObject({ status: 'pending', shouldRemind: true });
    expect(on('2025-10-09')).toMatchObject({ status: 'overdue', shouldRemind: true, workdaysLate: 1 });
  });

  it('computes a deadline in a year without a holiday table weekends only, marked pending', () => {
    // February 2027's plan: due on the last weekday of January 2027, counted without the 2027 table
    expect(monthlyPlanDueDates({ year: 2027, month: 2 })).toEqual({
      ok: true,
      deadline: '2027-01-29',
      reminderOn: '2027-01-26',
      pendingYears: [2027],
    });
    expect(monthlyPlanDueDates({ year: 2027, month: 1 })).toMatchObject({ ok: true, pendingYears: [] });
  });
});

describe('a month of the annual plan', () => {
  it('takes the key inspections and batches scheduled in that month', () => {
    const result = computeAnnualPlan(
      planInput({
        enterprises: [keyEnterprise('k1'), generalEnterprise('g1'), generalEnterprise('g2')],
        keyInspectionMonths: [5],
        batchMonths: [5, 9],
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const may = annualPlanMonth(result.plan, 5);
    expect(may.keyInspections.map((entry) => entry.enterpriseId)).toEqual(['k1']);
    expect(may.batches.map((batch) => batch.month)).toEqual([5]);
    expect(annualPlanMonth(result.plan, 6)).toEqual({ keyInspections: [], batches: [] });
  });
});
