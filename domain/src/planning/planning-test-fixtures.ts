import type { ComputeAnnualPlanInput, PlanningEnterprise } from './annual-plan-types.ts';

// Builders for the planning tests (not exported from the domain index).

export const keyEnterprise = (id: string, changes: Partial<PlanningEnterprise> = {}): PlanningEnterprise => ({
  enterpriseId: id,
  name: `重点企业${id}`,
  territory: '440703',
  grading: {
    class: 'key',
    enforcementLevel: 'city_organised',
    allowance: { minimum: { count: 1, perYears: 1 }, minimumVerified: true, cap: 2, capVerified: false },
  },
  lastInspectedOn: null,
  ...changes,
});

export const generalEnterprise = (
  id: string,
  changes: Partial<PlanningEnterprise> = {},
): PlanningEnterprise => ({
  enterpriseId: id,
  name: `一般企业${id}`,
  territory: '440705',
  grading: {
    class: 'general',
    enforcementLevel: 'county',
    allowance: { minimum: { count: 1, perYears: 3 }, minimumVerified: false, cap: 6, capVerified: false },
  },
  lastInspectedOn: null,
  ...changes,
});

export const planInput = (changes: Partial<ComputeAnnualPlanInput> = {}): ComputeAnnualPlanInput => ({
  year: 2025,
  bureau: { territory: '440700', name: '江门市应急管理局' },
  officers: { count: 40 },
  otherEnforcementWorkdays: [
    { category: 'licensing', workdays: 600 },
    { category: 'accident_investigation', workdays: 400 },
  ],
  nonEnforcementWorkdays: [
    { category: 'duty_shifts', workdays: 1200 },
    { category: 'annual_home_marriage_funeral_leave', workdays: 800 },
  ],
  enterprises: [],
  ...changes,
});
