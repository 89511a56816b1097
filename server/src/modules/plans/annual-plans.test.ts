import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workdaysInYear } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { approvedPlan, requester, type PlanDetail } from '../../../test/plan-fixtures.ts';
import {
  cellUnder,
  expectDayCell,
  expectListLayout,
  expectNoReviewerNotes,
  loadWorkbook,
} from '../../../test/xlsx.ts';

describe('annual supervision plan (measures 1 and 5)', () => {
  let t: TestContext;
  let reviewer: string;
  let plan: PlanDetail;
  let http: ReturnType<typeof requester>;
  beforeAll(async () => {
    t = await createTestContext();
    http = requester(t);
    reviewer = await t.login('city.reviewer');
  });
  afterAll(() => t.close());
  const compute = (payload: Record<string, unknown>, cookie = reviewer) =>
    http.post('/api/v1/annual-plans/compute', cookie, payload);
  const act = (step: string, payload: Record<string, unknown> = {}, id = plan.id) =>
    http.post(`/api/v1/annual-plans/${id}/${step}`, reviewer, payload);

  it('computes the year’s plan from the certified officers and the graded enterprises, with the formula’s numbers', async () => {
    const response = await compute({ year: 2026, workdays: { licensing: 600, duty_shifts: 1200 } });
    expect(response.statusCode, response.body).toBe(201);
    plan = response.json() as PlanDetail;
    expect(plan).toMatchObject({ year: 2026, territory: '440700', version: 1, status: 'draft' });
    const statutory = workdaysInYear(2026);
    const certified = plan.input.officers.filter((o) => o.mayInspect).length;
    expect(certified).toBeGreaterThan(0);
    expect(certified).toBeLessThan(plan.input.officers.length);
    expect(plan.totals).toMatchObject({
      statutoryWorkdays: statutory.ok ? statutory.value : -1,
      certifiedOfficers: certified,
      otherEnforcementWorkdays: 600,
      nonEnforcementWorkdays: 1200,
    });
    const line = (code: string) => plan.formula.lines.find((l) => l.result.code === code)?.result.value;
    expect(line('total_workdays')).toBe(plan.totals.statutoryWorkdays! * certified);
    expect(line('inspection_workdays')).toBe(plan.totals.totalWorkdays! - 1800);
    expect(plan.formula.text.length).toBeGreaterThan(0);
  });

  it('lists every key enterprise the city leads, each with its months', async () => {
    expect(plan.keyInspections.length).toBe(plan.totals.keyEnterprises);
    expect(plan.keyInspections.length).toBeGreaterThan(0);
    for (const entry of plan.keyInspections) {
      expect(entry.enforcementLevel).toBe('city_organised');
      expect(entry.months.length).toBeGreaterThan(0);
    }
  });

  it('refuses a workday category the catalogue does not list, citing measure 1', async () => {
    const refusal = expectProblem(
      await compute({ year: 2026, workdays: { coffee_breaks: 5 } }),
      422,
      'PLAN_UNKNOWN_WORKDAY_CATEGORY',
    );
    expect(refusal.measure).toBe(1);
    expect(refusal.basis).toContain('150号');
    expectProblem(await compute({ year: 2026, workdays: {}, extra: 1 }), 400);
  });

  it('lets only a legal reviewer compute it', async () => {
    expectProblem(await compute({ year: 2026, workdays: {} }, await t.login('city.unithead')), 403);
  });

  it('recomputes the draft in place', async () => {
    const again = (
      await compute({ year: 2026, workdays: { licensing: 500, duty_shifts: 1200 } })
    ).json() as PlanDetail;
    expect(again.id).toBe(plan.id);
    expect(again.totals.otherEnforcementWorkdays).toBe(500);
  });

  it('is submitted only after collective discussion, and then cannot be recomputed', async () => {
    const missing = expectProblem(
      await act('submit', { submittedOn: '2026-01-06' }),
      422,
      'PLAN_COLLECTIVE_DISCUSSION_MISSING',
    );
    expect(missing.measure).toBe(1);
    expect(
      ((await act('submit', { discussedOn: '2026-01-05', submittedOn: '2026-01-06' })).json() as PlanDetail)
        .status,
    ).toBe('submitted');
    expectProblem(await compute({ year: 2026, workdays: {} }), 409, 'ANNUAL_PLAN_NOT_DRAFT');
  });

  it('records the government’s approval with its document number and date, then the filing, then publishes', async () => {
    expectProblem(
      await act('approve', { approvedOn: '2026-01-20' }),
      422,
      'PLAN_APPROVAL_DOCUMENT_NUMBER_MISSING',
    );
    expectProblem(await act('publish'), 422, 'PLAN_TRANSITION_NOT_ALLOWED');
    const approved = (
      await act('approve', { documentNumber: '江府函〔2026〕8号', approvedOn: '2026-01-20' })
    ).json() as PlanDetail;
    expect(approved.record.approval).toEqual({
      documentNumber: '江府函〔2026〕8号',
      approvedOn: '2026-01-20',
    });
    expectProblem(await act('file', {}), 422, 'PLAN_FILING_DATE_MISSING');
    expectProblem(await act('file', { filedOn: '2026-01-10' }), 422, 'PLAN_DATE_BEFORE_PREVIOUS_STEP');
    expect(((await act('file', { filedOn: '2026-01-25' })).json() as PlanDetail).status).toBe('filed');
    expect(((await act('publish', { publishedOn: '2026-02-01' })).json() as PlanDetail).status).toBe(
      'published',
    );
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, plan.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'plan.annual.computed',
        'plan.annual.submitted',
        'plan.annual.approved',
        'plan.annual.filed',
        'plan.annual.published',
      ]),
    );
  });

  it('shows the published plan to the public: totals and matters, no enterprise', async () => {
    const response = await http.get('/api/v1/public/annual-plans');
    const items = (response.json() as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).sort()).toEqual([
      'approvalDocumentNumber',
      'matters',
      'publishedOn',
      'ratio',
      'territory',
      'territoryName',
      'totals',
      'version',
      'year',
    ]);
    expect(items[0]!.matters).toEqual([expect.objectContaining({ code: 'work_safety_general' })]);
    expect(response.body).not.toContain(plan.keyInspections[0]!.name);
  });

  it('adjusts a published plan only by a new version with a reason, keeping the old one until the new is published', async () => {
    expectProblem(await act('revisions', { reason: '  ' }), 422, 'PLAN_REASON_MISSING');
    const revision = await act('revisions', { reason: '新增重点企业，调整检查安排' });
    expect(revision.statusCode, revision.body).toBe(201);
    const v2 = revision.json() as PlanDetail;
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expectProblem(await act('revisions', { reason: '再调一次' }), 409, 'ANNUAL_PLAN_REVISION_EXISTS');
    expect(((await compute({ year: 2026, workdays: { licensing: 400 } })).json() as PlanDetail).id).toBe(
      v2.id,
    );
    await act('submit', { discussedOn: '2026-06-01', submittedOn: '2026-06-02' }, v2.id);
    await act('approve', { documentNumber: '江府函〔2026〕30号', approvedOn: '2026-06-10' }, v2.id);
    await act('file', { filedOn: '2026-06-12' }, v2.id);
    const published = (await act('publish', { publishedOn: '2026-06-15' }, v2.id)).json() as PlanDetail;
    expect(published.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    const items = ((await http.get('/api/v1/public/annual-plans')).json() as { items: { version: number }[] })
      .items;
    expect(items.map((i) => i.version)).toEqual([2]);
  });

  it('reports execution: no key enterprise covered yet, with the coverage warning from October', async () => {
    const late = (
      await http.get(`/api/v1/annual-plans/${plan.id}/execution?asOf=2026-11-26`, reviewer)
    ).json() as {
      keyCoverage: { total: number; covered: number };
      coverageWarning: boolean;
      byMonth: unknown[];
      uncoveredKeyEnterprises: unknown[];
    };
    expect(late.keyCoverage).toMatchObject({ total: plan.keyInspections.length, covered: 0 });
    expect(late.coverageWarning).toBe(true);
    expect(late.byMonth).toHaveLength(12);
    expect(late.uncoveredKeyEnterprises).toHaveLength(plan.keyInspections.length);
    const early = (
      await http.get(`/api/v1/annual-plans/${plan.id}/execution?asOf=2026-05-01`, reviewer)
    ).json() as { coverageWarning: boolean };
    expect(early.coverageWarning).toBe(false);
  });

  it('exports the plan as a workbook: formula, key enterprises, batches', async () => {
    const response = await http.get(`/api/v1/annual-plans/${plan.id}/export.xlsx`, reviewer);
    expect(response.statusCode).toBe(200);
    const book = await loadWorkbook(response.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['计算式', '重点企业', '双随机批次']);
    expect(book.getWorksheet('重点企业')!.actualRowCount).toBe(plan.keyInspections.length + 1);
    // issue 14 item 4: every sheet filters and prints; days and counts are cells of their kind
    for (const sheet of book.worksheets) expectListLayout(sheet);
    const formula = book.getWorksheet('计算式')!;
    const rowOf = (label: string) => formula.getColumn(1).values.indexOf(label);
    expectDayCell(formula.getRow(rowOf('批准日期')).getCell(2), '2026-01-20');
    expectDayCell(formula.getRow(rowOf('公布日期')).getCell(2), '2026-02-01');
    expect(formula.getRow(rowOf('批准文号')).getCell(2).value).toBe('江府函〔2026〕8号');
    const total = formula.getRow(rowOf('总法定工作日'));
    expect(total.getCell(2).value).toBe(plan.totals.totalWorkdays);
    // the catalogue's working notes stay on the reviewer's screens; the sheet says the number awaits checking
    expect(total.getCell(4).value).toBe('待核实');
    expect(String(total.getCell(3).value)).toMatch(/^暂定标准/);
    expect(cellUnder(book.getWorksheet('重点企业')!, '检查次数', 2).value).toBeTypeOf('number');
    expectNoReviewerNotes(book);
  });

  it('keeps the city plan out of a county officer’s sight', async () => {
    const county = await t.login('pengjiang.inspector');
    expectProblem(await http.get(`/api/v1/annual-plans/${plan.id}`, county), 404);
    expect(((await http.get('/api/v1/annual-plans', county)).json() as { items: unknown[] }).items).toEqual(
      [],
    );
    expect(
      ((await http.get('/api/v1/annual-plans?year=2026', reviewer)).json() as { items: unknown[] }).items,
    ).toHaveLength(2);
  });

  it('links a county plan to the city plan: enterprises the city covers are left out and shown with the link', async () => {
    const countyReviewer = await t.login('pengjiang.reviewer');
    const response = await compute({ year: 2026, workdays: {} }, countyReviewer);
    expect(response.statusCode, response.body).toBe(201);
    const county = response.json() as PlanDetail;
    const city = (
      (await http.get('/api/v1/annual-plans?year=2026', reviewer)).json() as {
        items: { id: string; status: string }[];
      }
    ).items.find((i) => i.status === 'published')!;
    expect(county.link?.cityPlanId).toBe(city.id);
    expect(county.link!.excluded.length).toBeGreaterThan(0);
    const cityInCounty = plan.keyInspections
      .filter((e) => e.territory === '440703')
      .map((e) => e.enterpriseId);
    expect(county.link!.excluded.map((e) => e.enterpriseId).sort()).toEqual([...cityInCounty].sort());
    expect((county.link!.excluded[0] as unknown as { name: string }).name).toMatch(/[\u4e00-\u9fff]/);
    expect(county.keyInspections.some((e) => cityInCounty.includes(e.enterpriseId))).toBe(false);
  });
});

describe('the city’s comparison of its counties’ plans (衔接)', () => {
  it('shows gaps, overlaps and bureaus without a plan', async () => {
    const t = await createTestContext();
    try {
      const { get } = requester(t);
      const city = await t.login('city.reviewer');
      const cityPlan = await approvedPlan(t, city, 2026);
      const county = await t.login('pengjiang.reviewer');
      const countyPlan = await approvedPlan(t, county, 2026);
      const comparison = (await get('/api/v1/annual-plans/comparison?year=2026', city)).json() as {
        plans: { id: string }[];
        bureausWithoutPlan: { territory: string }[];
        gaps: { territory: string }[];
        overlaps: unknown[];
      };
      expect(comparison.plans.map((p) => p.id).sort()).toEqual([cityPlan.id, countyPlan.id].sort());
      expect(comparison.bureausWithoutPlan.map((b) => b.territory)).toContain('440705');
      expect(comparison.bureausWithoutPlan.map((b) => b.territory)).not.toContain('440703');
      // the counties without a plan leave their general enterprises in no plan
      expect(comparison.gaps.some((g) => g.territory === '440705')).toBe(true);
      expect(comparison.gaps.some((g) => g.territory === '440703')).toBe(false);
      expect(comparison.overlaps).toEqual([]);
      expect((await get('/api/v1/annual-plans/comparison?year=2026', county)).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});

describe('the annual plan as an official document', () => {
  let t: TestContext;
  let plan: Awaited<ReturnType<typeof approvedPlan>>;
  let raw = '';
  let text = '';
  let contentType = '';
  beforeAll(async () => {
    t = await createTestContext();
    const city = await t.login('city.reviewer');
    plan = await approvedPlan(t, city, 2026);
    const response = await t.app.inject({
      url: `/api/v1/annual-plans/${plan.id}/export.docx`,
      headers: { cookie: city },
    });
    expect(response.statusCode).toBe(200);
    contentType = String(response.headers['content-type']);
    raw = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    text = raw.replace(/<[^>]+>/g, '');
  });
  afterAll(() => t?.close());

  it('exports a .docx with title, document number line, formula and the key-enterprise table', () => {
    expect(contentType).toContain('wordprocessingml');
    expect(text).toContain('2026年度安全生产监督检查计划');
    expect(text).toContain('江府函〔2026〕1号');
    expect(text).toContain(plan.formula.text[0]!.slice(0, 10));
    expect(text).toContain(plan.keyInspections[0]!.name);
  });

  // issue 14 item 3
  it('reads as the document the government approved: a Chinese date, no version, whole rows, sentences for empty sections, one count', () => {
    expect(text).toContain('2026年1月20日');
    expect(text).not.toContain('2026-01-20');
    expect(text).not.toMatch(/第\s*\d+\s*版/);
    // the city plan samples no general enterprises: its section says so instead of printing an empty table
    expect(plan.batches).toHaveLength(0);
    expect(text).toContain('本年度无一般企业“双随机”抽查批次。');
    expect(raw.match(/<w:tbl>/g)).toHaveLength(1);
    // every row of the enterprise table (its header too) stays whole on its page
    expect(raw.match(/<w:cantSplit\/>/g)).toHaveLength(plan.keyInspections.length + 1);
    // the values awaiting legal review are counted once, with the domain's count
    const unverified = plan.warnings.find((warning) => warning.code === 'UNVERIFIED_CATALOG_VALUES');
    expect(unverified).toBeDefined();
    expect(text.match(/暂定标准/g)).toHaveLength(1);
    expect(text).toContain(`${unverified!.catalogCodes.length} 项标准为暂定标准`);
    expect(text).not.toContain('待核实');
  });
});

describe('the planning catalogue', () => {
  it('lists the workday categories with their sources and verification flags', async () => {
    const t = await createTestContext({ seed: true });
    try {
      const cookie = await t.login('city.reviewer');
      const catalog = (
        await t.app.inject({ url: '/api/v1/catalog/planning', headers: { cookie } })
      ).json() as {
        otherEnforcementCategories: { code: string; name: string; verified: boolean }[];
        nonEnforcementCategories: unknown[];
      };
      expect(catalog.otherEnforcementCategories.length).toBeGreaterThan(0);
      expect(catalog.nonEnforcementCategories.length).toBeGreaterThan(0);
      expect(catalog.otherEnforcementCategories.every((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
