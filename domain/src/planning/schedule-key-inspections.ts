import type { KeyInspectionEntry, PlanningEnterprise } from './annual-plan-types.ts';

// measure 5: every key enterprise gets at least one city-organised full-coverage (全覆盖) inspection a
// year (also 应急〔2025〕11号: 重点检查企业原则上年度内至少执法检查1次). measure 4: key enterprises are
// inspected under city organisation with the county taking part, fewer times rather than more.

export const DEFAULT_MATTERS = ['work_safety_general'];

type Allowance = PlanningEnterprise['grading']['allowance'];

// The allowance's minimum spread over a year, never below one (measure 5), and never above the cap.
export const keyInspectionsPerYear = (allowance: Allowance): { wanted: number; planned: number } => {
  const { count, perYears } = allowance.minimum;
  const wanted = Math.max(1, Math.ceil(count / perYears));
  const planned = allowance.cap === null ? wanted : Math.min(wanted, allowance.cap);
  return { wanted, planned };
};

const byTerritoryThenId = (a: PlanningEnterprise, b: PlanningEnterprise): number =>
  a.territory.localeCompare(b.territory) || a.enterpriseId.localeCompare(b.enterpriseId);

// Enterprises of one county sit next to each other, so contiguous blocks put a county's visits in the same
// or neighbouring months (measure 8 merges visits of one period) and every month carries a similar load.
// An enterprise planned more than once has its visits spread across the months.
export const scheduleKeyInspections = (options: {
  enterprises: readonly PlanningEnterprise[];
  months: readonly number[];
  workdaysPerInspection: number;
}): { entries: KeyInspectionEntry[]; overCap: string[] } => {
  const months = [...options.months].sort((a, b) => a - b);
  const sorted = [...options.enterprises].sort(byTerritoryThenId);
  const overCap: string[] = [];
  const entries = sorted.map((enterprise, index): KeyInspectionEntry => {
    const { wanted, planned } = keyInspectionsPerYear(enterprise.grading.allowance);
    if (planned < wanted) overCap.push(enterprise.enterpriseId);
    const base = Math.floor((index * months.length) / sorted.length);
    const planMonths = Array.from(
      { length: planned },
      (_, visit) => months[(base + Math.floor((visit * months.length) / planned)) % months.length] ?? 12,
    ).sort((a, b) => a - b);
    return {
      enterpriseId: enterprise.enterpriseId,
      name: enterprise.name,
      territory: enterprise.territory,
      unit: enterprise.unit ?? null,
      matters: enterprise.matters ?? DEFAULT_MATTERS,
      enforcementLevel: enterprise.grading.enforcementLevel,
      months: planMonths,
      inspections: planned,
      workdays: planned * options.workdaysPerInspection,
    };
  });
  return { entries, overCap };
};
