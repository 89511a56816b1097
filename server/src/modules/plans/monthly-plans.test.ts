import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { approvedPlan, requester, type PlanDetail } from '../../../test/plan-fixtures.ts';
import { expectDayCell, expectListLayout, expectNoReviewerNotes, loadWorkbook } from '../../../test/xlsx.ts';

type Monthly = {
  id: string;
  status: string;
  unitName: string;
  enterpriseCount: number;
  keyInspections: { enterpriseId: string; name: string }[];
  timeliness: { status: string; deadline: string; daysLate: number; workdaysLate: number | null } | null;
};

describe('monthly plans (measure 2) and the inspection guard (measure 5)', () => {
  let t: TestContext;
  let http: ReturnType<typeof requester>;
  let reviewer: string;
  let unitHead: string;
  let annual: PlanDetail;
  let september: Monthly;
  beforeAll(async () => {
    t = await createTestContext({ now: new Date('2026-08-20T02:00:00Z') });
    http = requester(t);
    reviewer = await t.login('city.reviewer');
    unitHead = await t.login('city.unithead');
    annual = await approvedPlan(t, reviewer, 2026);
  });
  afterAll(() => t.close());
  const create = (payload: Record<string, unknown>, cookie = unitHead) =>
    http.post('/api/v1/monthly-plans', cookie, payload);
  const inMonth = (month: number) =>
    annual.keyInspections.filter((e) => e.months.includes(month)).map((e) => e.enterpriseId);

  it('draws next month’s plan from the approved annual plan', async () => {
    const response = await create({ year: 2026, month: 9 });
    expect(response.statusCode, response.body).toBe(201);
    september = response.json() as Monthly;
    expect(september.status).toBe('draft');
    expect(september.keyInspections.map((e) => e.enterpriseId).sort()).toEqual(inMonth(9).sort());
    expect(september.timeliness).toMatchObject({ status: 'pending', deadline: '2026-08-31' });
    expectProblem(await create({ year: 2026, month: 9 }), 409, 'MONTHLY_PLAN_EXISTS');
  });

  it('refuses an enterprise the annual plan does not put in that month, and a year without an approved plan', async () => {
    const refusal = expectProblem(
      await create({ year: 2026, month: 10, enterpriseIds: [inMonth(9)[0]!] }),
      422,
      'MONTHLY_PLAN_ENTERPRISE_NOT_IN_ANNUAL_PLAN',
    );
    expect(refusal.measure).toBe(2);
    expectProblem(await create({ year: 2027, month: 1 }), 422, 'ANNUAL_PLAN_NOT_IN_FORCE');
    expectProblem(await create({ year: 2026, month: 9 }, await t.login('city.inspector')), 403);
  });

  it('is submitted on time before the deadline and filed by the supervision unit', async () => {
    const submitted = (
      await http.post(`/api/v1/monthly-plans/${september.id}/submit`, unitHead)
    ).json() as Monthly;
    expect(submitted).toMatchObject({ status: 'submitted', timeliness: { status: 'on_time', daysLate: 0 } });
    expectProblem(await http.post(`/api/v1/monthly-plans/${september.id}/file`, unitHead), 403);
    const filed = (await http.post(`/api/v1/monthly-plans/${september.id}/file`, reviewer)).json() as Monthly;
    expect(filed.status).toBe('filed');
  });

  it('marks a plan submitted after the deadline as late', async () => {
    const october = (
      await create({ year: 2026, month: 10, enterpriseIds: inMonth(10).slice(0, 2) })
    ).json() as Monthly;
    expect(october.enterpriseCount).toBe(Math.min(2, inMonth(10).length));
    // sessions expire: log in again on the later day
    t.setNow(new Date('2026-10-09T02:00:00Z'));
    unitHead = await t.login('city.unithead');
    reviewer = await t.login('city.reviewer');
    const submitted = (
      await http.post(`/api/v1/monthly-plans/${october.id}/submit`, unitHead)
    ).json() as Monthly;
    expect(submitted.timeliness).toMatchObject({ status: 'late', deadline: '2026-09-30', daysLate: 9 });
    expect(submitted.timeliness!.workdaysLate).toBeGreaterThan(0);
    const listed = (await http.get('/api/v1/monthly-plans?year=2026&month=10', reviewer)).json() as {
      items: Monthly[];
    };
    expect(listed.items.map((i) => [i.id, i.timeliness?.status])).toEqual([[october.id, 'late']]);
    expect(
      (
        (await http.get('/api/v1/monthly-plans', await t.login('pengjiang.unithead'))).json() as {
          items: unknown[];
        }
      ).items,
    ).toEqual([]);
    const file = await http.get(`/api/v1/monthly-plans/${october.id}/export.xlsx`, reviewer);
    const book = await loadWorkbook(file.rawPayload);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['2026年10月工作计划', '报送情况']);
    // issue 14 item 4: the enterprises listed under a frozen, filtered header, printed under the plan's title
    // (the unit's name carries its territory's once)
    const [plan, submission] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    for (const sheet of book.worksheets) expectListLayout(sheet);
    expect(plan.headerFooter.oddHeader).toContain(`江门市应急管理局2026年10月工作计划`);
    const rows = plan.getSheetValues().slice(2) as unknown[][];
    expect(rows.filter((row) => row[2] === '重点企业检查')).toHaveLength(october.enterpriseCount);
    expect(rows.map((row) => row[1])).toEqual(rows.map((_, index) => index + 1));
    expect(rows.map((row) => row[4])).toEqual(october.keyInspections.map((entry) => entry.name));
    const fact = (label: string) =>
      submission.getRow(submission.getColumn(1).values.indexOf(label)).getCell(2);
    expect(fact('计划名称').value).toBe('江门市应急管理局2026年10月工作计划');
    expect(fact('报送情况').value).toBe('逾期报送，逾期 9 天');
    expectDayCell(fact('报送截止日期'), '2026-09-30');
    expectDayCell(fact('报送日期'), '2026-10-09');
    expect(fact('列入企业数').value).toBe(october.enterpriseCount);
    expectNoReviewerNotes(book);
  });

  it('lets an inspection start only for an enterprise in a filed plan of the month, or with a targeted trigger', async () => {
    const inspector = await t.login('city.inspector');
    const check = (payload: Record<string, unknown>, cookie = inspector) =>
      http.post('/api/v1/inspections/start-check', cookie, payload);
    const enterpriseId = september.keyInspections[0]!.enterpriseId;
    const allowed = await check({ enterpriseId, date: '2026-09-15' });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json()).toMatchObject({
      ok: true,
      ground: 'monthly_plan',
      planId: september.id,
      trigger: null,
    });
    const refusal = expectProblem(
      await check({ enterpriseId, date: '2026-11-03' }),
      422,
      'INSPECTION_NOT_IN_APPROVED_PLAN',
    );
    expect(refusal.measure).toBe(5);
    expect(refusal.basis).toContain('第五项');
    const triggered = (
      await check({
        enterpriseId,
        date: '2026-11-03',
        trigger: 'complaint_or_report',
        triggerReference: '12345-2026-0001',
      })
    ).json();
    expect(triggered).toMatchObject({
      ok: true,
      ground: 'targeted_trigger',
      trigger: 'complaint_or_report',
      frequencyCapExempt: true,
    });
    expectProblem(
      await check({ enterpriseId, date: '2026-11-03', trigger: 'whim' }),
      422,
      'INSPECTION_TRIGGER_UNKNOWN',
    );
    const outside = annual.keyInspections.find((e) => e.territory !== '440703')!.enterpriseId;
    expectProblem(
      await check({ enterpriseId: outside, date: '2026-09-15' }, await t.login('pengjiang.inspector')),
      404,
    );
  });
});
