import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { apiCaller, insertCaseReferral } from '../../../test/case-fixtures.ts';
import { expectProblem } from '../../../test/problem.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { findings } from '../inspections/schema.ts';

// Issue 15 item 7 (安全生产法 第七十条): stopping power or explosives supply enforces a standing decision to stop,
// only with every condition recorded, 24 hours after the enterprise is told (unless urgent), on the head's
// approval; the case stays open until it is lifted.

type Suspension = { id: string; status: string; kindNames: string[] };
type Detail = {
  id: string;
  status: string;
  supplySuspensions: Suspension[];
  stopDecisions: { kindName: string }[];
};

describe('stopping power or explosives supply (issue 15 item 7, 安全生产法 第七十条)', () => {
  let t: TestContext;
  let inspector: string;
  let reviewer: string;
  let head: string;
  let xinhuiInspector: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    xinhuiInspector = await t.login('xinhui.inspector');
  });
  afterAll(() => t.close());

  it('enforces a standing decision to stop, with every condition, the notice and the head’s approval, until lifted', async () => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    const path = `/penalty-cases/${opened.id}/supply-suspensions`;
    const now = t.ctx.clock.now();
    const body = {
      kinds: ['power'],
      suppliers: '国网江门供电局',
      reason: '企业拒不执行暂时停产停业决定，液氨制冷车间仍在运行',
      refusedToComply: true,
      imminentDanger: true,
      safetyEnsured: true,
      enterpriseNotifiedAt: now.toISOString(),
      effectiveAt: new Date(now.getTime() + 24 * 3600 * 1000).toISOString(),
    };
    // no decision to stop stands yet: nothing to enforce
    await expectProblem(await api('POST', path, inspector, body), 422, 'SUPPLY_NO_STOP_DECISION');
    await t.ctx.db
      .update(findings)
      .set({
        emergencyMeasures: [
          {
            kind: 'suspension',
            decidedAt: now.toISOString(),
            note: '重大事故隐患排除前',
            decidedByName: '测试',
          },
        ],
      })
      .where(eq(findings.id, item.findingId));
    const detail = (await api('GET', `/penalty-cases/${opened.id}`, inspector)).json() as Detail;
    expect(detail.stopDecisions.map((decision) => decision.kindName)).toEqual(['责令暂时停产停业']);

    // 且: a missing fact refuses it; power waits 24 hours unless an emergency is written down
    await expectProblem(
      await api('POST', path, inspector, { ...body, imminentDanger: false }),
      422,
      'SUPPLY_CONDITIONS_NOT_MET',
    );
    await expectProblem(
      await api('POST', path, inspector, {
        ...body,
        effectiveAt: new Date(now.getTime() + 3600 * 1000).toISOString(),
      }),
      422,
      'SUPPLY_NOTICE_TOO_SHORT',
    );
    await expectProblem(await api('POST', path, inspector, { ...body, kinds: [] }), 400);
    await expectProblem(await api('POST', path, xinhuiInspector, body), 404);
    const proposed = await api('POST', path, inspector, body);
    expect(proposed.statusCode, proposed.body).toBe(200);
    const suspension = (proposed.json() as Detail).supplySuspensions[0]!;
    expect(suspension).toMatchObject({ status: 'proposed', kindNames: ['停止供电'] });

    // the head approves, not the officer
    const decision = `${path}/${suspension.id}/decision`;
    await expectProblem(await api('POST', decision, inspector, { approve: true }), 403);
    const approved = await api('POST', decision, head, { approve: true, note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as Detail).supplySuspensions[0]!.status).toBe('in_force');
    await expectProblem(
      await api('POST', decision, head, { approve: true }),
      409,
      'SUPPLY_SUSPENSION_DECIDED',
    );

    // lifted once the enterprise complies, with what it did
    await expectProblem(await api('POST', `${path}/${suspension.id}/lift`, inspector, { note: '' }), 400);
    const lifted = await api('POST', `${path}/${suspension.id}/lift`, inspector, {
      note: '企业已停产并完成氨气泄漏报警联锁改造',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect((lifted.json() as Detail).supplySuspensions[0]!.status).toBe('lifted');
    await expectProblem(
      await api('POST', `${path}/${suspension.id}/lift`, inspector, { note: '再次解除' }),
      422,
      'SUPPLY_NOT_IN_FORCE',
    );

    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, opened.id)));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'penalty_case.supply_suspension.proposed',
        'penalty_case.supply_suspension.decided',
        'penalty_case.supply_suspension.lifted',
      ]),
    );
  });
});
