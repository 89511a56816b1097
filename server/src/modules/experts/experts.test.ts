import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { findings, inspections } from '../inspections/schema.ts';

// measure 23 (issue 17 item 6): the expert database, a dispatch refused for a conflict, the visit recorded by the
// dispatched expert only, the enterprise's rating, and measure 14's mark of a major hidden danger fixed in time.

type Dispatch = {
  id: string;
  state: string;
  hazards: { id: string; major: boolean; noPenaltyMark: boolean; noPenaltyBasis: string | null }[];
  mayRecordVisit: boolean;
  mayRate: boolean;
};

describe('experts', () => {
  let t: TestContext;
  let unitHead: string;
  let xinhuiInspector: string;
  let expert: string;
  let enterprise: string;
  let enterpriseId: string;
  const now = new Date('2026-12-03T03:00:00Z');

  const post = (cookie: string, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload as object });
  const get = (cookie: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestContext({ now });
    unitHead = await t.login('pengjiang.unithead');
    xinhuiInspector = await t.login('xinhui.inspector');
    expert = await t.login('expert.demo');
    enterprise = await t.login('enterprise.demo');
    enterpriseId = ((await get(enterprise, '/auth/me')).json() as { user: { enterpriseId: string } }).user
      .enterpriseId;
  });
  afterAll(() => t.close());

  it('opens the expert account on its own dispatches only', async () => {
    const mine = (await get(expert, '/expert-dispatches')).json() as { items: Dispatch[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.some((d) => d.mayRecordVisit)).toBe(true);
    // the expert reads no enterprise register, no other inspection record
    expect((await get(expert, '/enterprises')).statusCode).toBe(403);
    expect((await get(expert, '/experts')).statusCode).toBe(403);
  });

  it('dispatches on the enterprise’s request, refuses a conflicted or lapsed expert, and lets the expert record the visit', async () => {
    const requested = await post(enterprise, '/expert-dispatches/requests', {
      request: '请专家指导液氨制冷车间的隐患排查',
    });
    expect(requested.statusCode).toBe(201);
    const dispatchId = (requested.json() as Dispatch).id;
    const experts = (
      (await get(unitHead, '/experts')).json() as {
        items: { id: string; name: string; hasAccount: boolean }[];
      }
    ).items;
    const deng = experts.find((e) => e.hasAccount)!;
    const luo = experts.find((e) => e.name === '罗晓峰')!;
    const chen = experts.find((e) => e.name === '陈慧')!;
    // 罗晓峰 gets a conflict with the portal's enterprise: never dispatched there
    expect(
      (await post(unitHead, `/experts/${luo.id}/conflicts`, { enterpriseId, reason: '曾任该企业安全顾问' }))
        .statusCode,
    ).toBe(201);
    await expectProblem(
      await post(unitHead, `/expert-dispatches/${dispatchId}/dispatch`, { expertId: luo.id }),
      422,
      'EXPERT_CONFLICT_OF_INTEREST',
    );
    await expectProblem(
      await post(unitHead, `/expert-dispatches/${dispatchId}/dispatch`, { expertId: chen.id }),
      422,
      'EXPERT_NOT_QUALIFIED',
    );
    // another district's officer does not see the request
    expect(
      (await post(xinhuiInspector, `/expert-dispatches/${dispatchId}/dispatch`, { expertId: deng.id }))
        .statusCode,
    ).toBe(403);
    const dispatched = await post(unitHead, `/expert-dispatches/${dispatchId}/dispatch`, {
      expertId: deng.id,
      plannedOn: '2026-12-04',
    });
    expect(dispatched.statusCode).toBe(200);
    // the enterprise cannot record the expert's visit; the expert records it
    expect(
      (
        await post(enterprise, `/expert-dispatches/${dispatchId}/visit`, {
          visitedOn: '2026-12-03',
          visitNote: 'x',
          advice: 'y',
          hazards: [],
        })
      ).statusCode,
    ).toBe(403);
    const visit = await post(expert, `/expert-dispatches/${dispatchId}/visit`, {
      visitedOn: '2026-12-03',
      visitNote: '查看液氨制冷机房和速冻车间',
      advice: '完善氨泄漏报警联锁，定期校验',
      hazards: [
        {
          description: '包装间设置在快速冻结装置所在建筑内且人员超过 9 人',
          major: true,
          dueOn: '2026-12-03',
        },
      ],
    });
    expect(visit.statusCode).toBe(200);
    const visited = visit.json() as Dispatch;
    expect(visited.state).toBe('visited');
    const fixed = await post(
      expert,
      `/expert-dispatches/${dispatchId}/hazards/${visited.hazards[0]!.id}/fixed`,
      { fixedOn: '2026-12-03' },
    );
    expect(fixed.statusCode).toBe(200);
    const marked = (fixed.json() as Dispatch).hazards[0]!;
    expect(marked.noPenaltyMark).toBe(true);
    expect(marked.noPenaltyBasis).toContain('专家指导服务发现的重大事故隐患并及时进行整改的');
    // the enterprise rates it, once
    expect(
      (await post(enterprise, `/expert-dispatches/${dispatchId}/rating`, { rating: 4, comment: '有帮助' }))
        .statusCode,
    ).toBe(200);
    await expectProblem(
      await post(enterprise, `/expert-dispatches/${dispatchId}/rating`, { rating: 5, comment: '' }),
      409,
      'EXPERT_DISPATCH_STATE',
    );
    // the audit trail holds each step
    const audit = await get(await t.login('city.reviewer'), `/audit/events?entityId=${dispatchId}`);
    for (const action of [
      'expert_dispatch.requested',
      'expert_dispatch.dispatched',
      'expert_dispatch.visit.recorded',
      'expert_dispatch.hazard.fixed',
      'expert_dispatch.rated',
    ])
      expect(JSON.stringify(audit.json())).toContain(action);
  });

  it('hides a dispatch from any other expert or enterprise', async () => {
    const all = (await get(unitHead, '/expert-dispatches')).json() as {
      items: (Dispatch & { enterpriseId: string })[];
    };
    const other = all.items.find((d) => d.enterpriseId !== enterpriseId)!;
    expect((await get(enterprise, `/expert-dispatches/${other.id}`)).statusCode).toBe(404);
    expect((await get(xinhuiInspector, `/expert-dispatches/${other.id}`)).statusCode).toBe(404);
  });

  it('lists the experts a finding may get, each refusal in the rule’s words, and the finding’s dispatches', async () => {
    const findingIn = async (territory: string) =>
      (
        await t.ctx.db
          .select({
            id: findings.id,
            inspectionId: findings.inspectionId,
            enterpriseId: inspections.enterpriseId,
          })
          .from(findings)
          .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
          .where(and(eq(findings.territory, territory)))
          .limit(1)
      )[0];
    const finding = (await findingIn('440703'))!;
    const experts = (
      (await get(unitHead, '/experts')).json() as {
        items: { id: string; name: string; hasAccount: boolean }[];
      }
    ).items;
    const luo = experts.find((e) => e.name === '罗晓峰')!;
    const deng = experts.find((e) => e.hasAccount)!;
    expect(
      (
        await post(unitHead, `/experts/${luo.id}/conflicts`, {
          enterpriseId: finding.enterpriseId,
          reason: '其亲属在该企业任职',
        })
      ).statusCode,
    ).toBe(201);
    type Candidates = {
      enterpriseId: string;
      items: { id: string; name: string; eligible: boolean; refusal: string | null }[];
    };
    const response = await get(unitHead, `/expert-dispatches/candidates?findingId=${finding.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const candidates = response.json() as Candidates;
    expect(candidates.enterpriseId).toBe(finding.enterpriseId);
    expect(candidates.items.find((e) => e.id === luo.id)).toMatchObject({
      eligible: false,
      refusal: expect.stringContaining('利益冲突'),
    });
    expect(candidates.items.find((e) => e.name === '陈慧')).toMatchObject({
      eligible: false,
      refusal: expect.stringContaining('没有在有效期内的资格'),
    });
    expect(candidates.items.find((e) => e.id === deng.id)).toMatchObject({ eligible: true, refusal: null });
    // the eligible come first
    const firstRefused = candidates.items.findIndex((e) => !e.eligible);
    expect(candidates.items.slice(firstRefused).every((e) => !e.eligible)).toBe(true);
    // who may not dispatch gets no list; another district's finding is not found
    expect(
      (await get(xinhuiInspector, `/expert-dispatches/candidates?findingId=${finding.id}`)).statusCode,
    ).toBe(403);
    const foreign = await findingIn('440705');
    if (foreign)
      expect((await get(unitHead, `/expert-dispatches/candidates?findingId=${foreign.id}`)).statusCode).toBe(
        404,
      );

    // dispatched on the finding, the dispatch is listed for its inspection
    const dispatched = await post(unitHead, '/expert-dispatches', {
      findingId: finding.id,
      expertId: deng.id,
    });
    expect(dispatched.statusCode, dispatched.body).toBe(201);
    const ofInspection = (
      (await get(unitHead, `/expert-dispatches?inspectionId=${finding.inspectionId}`)).json() as {
        items: { id: string; findingId: string | null }[];
      }
    ).items;
    expect(ofInspection.map((d) => d.id)).toContain((dispatched.json() as Dispatch).id);
    expect(ofInspection.every((d) => d.findingId !== null)).toBe(true);
  });
});
