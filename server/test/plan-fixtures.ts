import type { TestContext } from './helpers.ts';

// Shared by the plan tests: requests as JSON, and a plan carried to approval.

export type PlanDetail = {
  id: string;
  year: number;
  territory: string;
  version: number;
  status: string;
  record: { approval: { documentNumber: string } | null; publishedOn: string | null };
  totals: Record<string, number>;
  input: { officers: { mayInspect: boolean }[]; workdays: Record<string, number> };
  formula: { lines: { result: { code: string; value: number } }[]; text: string[] };
  keyInspections: {
    enterpriseId: string;
    name: string;
    territory: string;
    months: number[];
    enforcementLevel: string;
  }[];
  batches: { code: string; month: number; size: number }[];
  warnings: { code: string; catalogCodes: string[] }[];
  link: { cityPlanId: string; excluded: { enterpriseId: string; coveredBy: { planId: string } }[] } | null;
  versions: { id: string; version: number; status: string }[];
};

export const requester = (t: TestContext) => ({
  post: (url: string, cookie: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) }),
  get: (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} }),
});

// Computes and carries a plan to approval, as the reviewer does.
export const approvedPlan = async (t: TestContext, cookie: string, year: number): Promise<PlanDetail> => {
  const { post } = requester(t);
  const plan = (
    await post('/api/v1/annual-plans/compute', cookie, {
      year,
      workdays: { licensing: 300, duty_shifts: 200 },
    })
  ).json() as PlanDetail;
  await post(`/api/v1/annual-plans/${plan.id}/submit`, cookie, {
    discussedOn: `${year}-01-05`,
    submittedOn: `${year}-01-06`,
  });
  const approved = await post(`/api/v1/annual-plans/${plan.id}/approve`, cookie, {
    documentNumber: `江府函〔${year}〕1号`,
    approvedOn: `${year}-01-20`,
  });
  return approved.json() as PlanDetail;
};
