import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { caseReferrals, findings, inspections } from '../src/modules/inspections/schema.ts';
import type { TestContext } from './helpers.ts';

// A 移交立案审查 item as concluding an inspection leaves it: a major hidden danger (found by the inspection unless
// told otherwise) on the territory's first inspection, the item open for the legal reviewer.
export const insertCaseReferral = async (
  t: TestContext,
  foundBy: 'inspection' | 'enterprise_self_check' = 'inspection',
  territory = '440703',
) => {
  const [inspection] = await t.ctx.db
    .select({
      id: inspections.id,
      territory: inspections.territory,
      enterpriseName: inspections.enterpriseName,
    })
    .from(inspections)
    .where(eq(inspections.territory, territory))
    .orderBy(asc(inspections.id))
    .limit(1);
  const now = t.ctx.clock.now();
  const findingId = randomUUID();
  await t.ctx.db.insert(findings).values({
    id: findingId,
    inspectionId: inspection!.id,
    territory: inspection!.territory,
    itemCode: 'test_item',
    description: '除尘器未设泄爆装置',
    majorHiddenDanger: true,
    basis: '《工贸企业重大事故隐患判定标准》',
    howToFix: '加装泄爆装置',
    status: 'ordered',
    foundBy,
    recordedAt: now,
    recordedByName: '测试',
    syncedAt: now,
  });
  const [row] = await t.ctx.db
    .insert(caseReferrals)
    .values({
      inspectionId: inspection!.id,
      findingId,
      territory: inspection!.territory,
      enterpriseName: inspection!.enterpriseName,
      description: '除尘器未设泄爆装置',
      status: 'open',
      openedAt: now,
    })
    .returning();
  return row!;
};

// A JSON call to the API as the holder of a session cookie (or none, for the public endpoints).
export const apiCaller =
  (t: TestContext) =>
  (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

// A penalty case for the major hidden danger of insertCaseReferral, taken through review, discussion, notice and
// decision at its proposed tier, and served on 2026-11-26 with the credit-repair notice (so it is published).
export const servedPenaltyCase = async (
  t: TestContext,
  sessions: { reviewer: string; inspector: string; head: string },
): Promise<string> => {
  const api = apiCaller(t);
  const { reviewer, inspector, head } = sessions;
  const act = async (caseId: string, cookie: string, body: Record<string, unknown>) => {
    const response = await api('POST', `/penalty-cases/${caseId}/actions`, cookie, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  const item = await insertCaseReferral(t);
  const caseId = (
    (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as { id: string }
  ).id;
  await api('PUT', `/penalty-cases/${caseId}/facts`, inspector, {
    violationCode: 'wsl_102_1',
    committedOn: '2026-11-20',
    circumstances: ['major_hidden_danger'],
    foundBy: 'inspection',
  });
  await api('POST', `/penalty-cases/${caseId}/evidence`, inspector, {
    kind: 'record',
    description: '现场检查记录',
  });
  const proposed = (await api('POST', `/penalty-cases/${caseId}/proposal`, inspector)).json() as {
    proposal: { tier: string; amountFen: number };
  };
  await act(caseId, inspector, { action: 'submit_for_review' });
  await act(caseId, reviewer, { action: 'approve_review' });
  await act(caseId, head, { action: 'record_discussion', note: '同意' });
  await act(caseId, inspector, { action: 'notify', notifiedOn: '2026-11-26' });
  await act(caseId, head, {
    action: 'decide',
    tier: proposed.proposal.tier,
    amountFen: proposed.proposal.amountFen,
  });
  await act(caseId, inspector, { action: 'serve', servedOn: '2026-11-26', withCreditRepairNotice: true });
  return caseId;
};
