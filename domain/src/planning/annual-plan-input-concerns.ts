import type { IsoDate } from '../shared/iso-date.ts';

// issue 13 item 9: what is wrong with an annual plan's inputs before anything is computed or saved.
// A blocking concern refuses the computation: every workday category at 0 makes every officer's every workday
// an inspection day, a plan no bureau can carry out. A warning is said and confirmed: a plan for a year whose
// months have passed schedules inspections into months that are gone, and its execution lists each of them as
// 已过安排月份. The words are the reader's language's (web i18n, plan.compute.concern.*).

export type AnnualPlanInputConcern =
  | { code: 'NO_WORKDAYS_ENTERED'; blocking: true }
  | { code: 'MONTHS_PASSED'; blocking: false; year: number; passedMonths: number; suggestedYear: number };

export type AnnualPlanInput = {
  year: number;
  // workdays per catalogue category of other enforcement and non-enforcement work; a blank is 0
  workdays: Record<string, number | null | undefined>;
};

export const annualPlanInputConcerns = (
  input: AnnualPlanInput,
  context: { today: IsoDate },
): AnnualPlanInputConcern[] => {
  const concerns: AnnualPlanInputConcern[] = [];
  const entered = Object.values(input.workdays).some((days) => typeof days === 'number' && days > 0);
  if (!entered) concerns.push({ code: 'NO_WORKDAYS_ENTERED', blocking: true });

  const [todayYear, todayMonth] = context.today.split('-').map(Number) as [number, number];
  const passedMonths = input.year < todayYear ? 12 : input.year === todayYear ? todayMonth - 1 : 0;
  if (passedMonths > 0)
    concerns.push({
      code: 'MONTHS_PASSED',
      blocking: false,
      year: input.year,
      passedMonths,
      // in December the year to plan is the next one
      suggestedYear: Math.max(todayYear + (todayMonth === 12 ? 1 : 0), input.year + 1),
    });
  return concerns;
};
