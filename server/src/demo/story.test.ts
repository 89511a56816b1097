import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSPECTION_STAGES } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../test/helpers.ts';
import { requester } from '../../test/plan-fixtures.ts';
import { seedStory } from './story.ts';

type Workbench = { items: { key: string; count: number }[] };
type Page<T> = { items: T[]; total: number };

// Issue 13 item 8: the demo tells the whole story, on any day of the year (here a late-November day and the first
// Monday of a new year, when last year's plans and last month's are in another year).
describe.each([
  ['2026-11-26T02:00:00Z', 3],
  ['2027-01-04T02:00:00Z', 2],
])('the demo story told on %s', (instant, monthlyPlans) => {
  let t: TestContext;
  const get = async <T>(url: string, username: string) => {
    const response = await requester(t).get(`/api/v1${url}`, await t.login(username));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };
  const count = (bench: Workbench, key: string) => bench.items.find((item) => item.key === key)?.count ?? 0;
  const year = Number(instant.slice(0, 4));

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date(instant) });
    expect(await seedStory(t.ctx)).toEqual({ inspections: 14, annualPlans: 2, monthlyPlans, cases: 1 });
  });
  afterAll(() => t.close());

  it('has the city’s and 蓬江区’s annual plans published and the guide list public', async () => {
    const plans = await get<{ annualPlans: { territory: string; year: number }[] } | { items: unknown[] }>(
      '/public/annual-plans',
      'city.reviewer',
    );
    const text = JSON.stringify(plans);
    expect(text).toContain('440700');
    expect(text).toContain('440703');
    const lists = await requester(t).get('/api/v1/public/guide-lists');
    expect(lists.body).toContain(String(year));
  });

  it('has 蓬江区’s monthly plans, last month’s filed late when last month is this year', async () => {
    const plans = await get<Page<{ month: number; status: string; timeliness: { status: string } | null }>>(
      `/monthly-plans?year=${year}`,
      'pengjiang.unithead',
    );
    expect(plans.items).toHaveLength(monthlyPlans);
    expect(plans.items.some((plan) => plan.status === 'draft')).toBe(true);
    if (monthlyPlans === 3) expect(plans.items.some((plan) => plan.timeliness?.status === 'late')).toBe(true);
  });

  it('has 蓬江区’s inspections in every stage of their lifecycle', async () => {
    const list = await get<Page<{ stage: string }>>('/inspections?pageSize=200', 'pengjiang.inspector');
    const stages = new Set(list.items.map((row) => row.stage));
    // every stage a record reaches today: not a remote check, a cancellation, a merge or the first version's
    // direct result
    const absent = ['remote_check', 'cancelled', 'merged', 'completed'];
    for (const stage of INSPECTION_STAGES.filter((s) => !absent.includes(s)))
      expect(stages, stage).toContain(stage);
  });

  it('leaves work waiting on each role’s workbench: a plan to decide, a plan returned, proofs, overdue orders', async () => {
    const inspector = await get<Workbench>('/workbench', 'pengjiang.inspector');
    for (const key of [
      'plans_returned',
      'inspections_to_notify',
      'planned_overdue',
      'findings_to_conclude',
      'orders_overdue',
      'proofs_to_review',
    ])
      expect(count(inspector, key), key).toBeGreaterThan(0);
    // every count leads to a list of as many (the plan returned to its drafter too, not every drafted plan)
    for (const item of (inspector as Workbench & { items: { link: string }[] }).items)
      if (item.link.startsWith('/inspections?'))
        expect(
          (
            await get<Page<unknown>>(
              `/inspections?${item.link.slice('/inspections?'.length)}`,
              'pengjiang.inspector',
            )
          ).total,
          item.key,
        ).toBe(item.count);
    expect(count(await get<Workbench>('/workbench', 'pengjiang.head'), 'plans_to_decide')).toBeGreaterThan(0);
    const company = await get<Workbench>('/workbench', 'enterprise.demo');
    expect(count(company, 'enterprise_open_orders')).toBeGreaterThan(0);
  });

  it('asks the enterprise to rate its concluded visit, once, from its workbench to the check-in page (issue 13 item 1)', async () => {
    const toRate = async () =>
      count(await get<Workbench>('/workbench', 'enterprise.demo'), 'enterprise_ratings_to_give');
    expect(await toRate()).toBe(1);
    const visits = await get<{ inspectionId: string; ratingPath: string }[]>(
      '/enterprise/visits-to-rate',
      'enterprise.demo',
    );
    expect(visits).toHaveLength(1);
    const token = visits[0]!.ratingPath.replace('/public/checkin/', '');
    const cookie = await t.login('enterprise.demo');
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/checkin/${token}/rating`,
      headers: { cookie },
      payload: { score: 5, comment: '检查组依法规范，指导具体' },
    });
    expect(rated.statusCode, rated.body).toBeLessThan(300);
    expect(await toRate()).toBe(0);
    expect(await get<unknown[]>('/enterprise/visits-to-rate', 'enterprise.demo')).toEqual([]);
    // staff have no such list
    const staff = await requester(t).get(
      '/api/v1/enterprise/visits-to-rate',
      await t.login('pengjiang.inspector'),
    );
    expect(staff.statusCode).toBe(403);
  });

  it('carries a penalty case on an ignored order to its close, with its trail', async () => {
    const cases = await get<Page<{ id: string; status: string }>>('/penalty-cases', 'pengjiang.reviewer');
    const closed = cases.items.find((row) => row.status === 'closed');
    expect(closed).toBeDefined();
    const trail = await get<{
      dates: Record<string, string | null>;
      reviewedByName: string | null;
      decision: { decidedByName: string } | null;
      evidence: unknown[];
    }>(`/penalty-cases/${closed!.id}`, 'pengjiang.reviewer');
    for (const step of ['openedOn', 'notifiedOn', 'decidedOn', 'servedOn', 'closedOn'])
      expect(trail.dates[step], step).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(trail.reviewedByName).toContain('法制审核');
    expect(trail.decision?.decidedByName).toContain('局领导');
    expect(trail.evidence.length).toBeGreaterThan(0);
  });
});
