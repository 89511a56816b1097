import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { apiCaller, insertCaseReferral } from '../../../../test/case-fixtures.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { penaltyCases } from '../schema.ts';

// Issue 15 item 6 (measure 15). 安全生产法 第一百一十二条: a decided case with a fine, a re-check that found the
// refusal to correct, the daily continuous penalty computed from the day after the order, one follow-up case
// opened from it and carrying the amount into its proposal. 第一百一十三条: the third penalty for a major hidden
// danger within 180 days shows the closure proposal, which the head records as sent.

type Detail = {
  id: string;
  reference: string;
  source: string;
  sourceName: string;
  status: string;
  violationCode: string | null;
  evidence: { description: string }[];
  proposal: { amountFen: number | null; reasons: { code: string }[]; unverified: string[] } | null;
  firmness: {
    continuousPenalty: {
      eligible: boolean;
      ineligibleReason: string | null;
      countingEnd: { verified: boolean };
      record: {
        days: number;
        fromOn: string;
        amountFen: number;
        followUpCase: { id: string; reference: string } | null;
      } | null;
    };
    originCase: { id: string; amountFen: number } | null;
    closure: {
      basis: string;
      proposal: { item: number; provision: string; cases: { id: string }[]; verified: boolean } | null;
      sent: { sentOn: string; documentNote: string } | null;
      items: { item: number; text: string }[];
      onFacts: {
        item: number;
        provision: string;
        summary: string;
        suspensionCase: { id: string; reference: string } | null;
      }[];
    };
  };
};

describe('firmness (issue 15 item 6, 安全生产法 第一百一十二条、第一百一十三条)', () => {
  let t: TestContext;
  let inspector: string;
  let reviewer: string;
  let head: string;
  let xinhuiInspector: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);

  // a case opened from a 移交立案审查 item and, for brevity, decided in the database as the workflow would
  const decidedCase = async (decision: {
    decidedOn: string;
    amountFen: number | null;
    tier?: 'ordinary' | 'no_penalty';
    majorHiddenDanger?: boolean;
    violationCode?: string;
  }) => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    await t.ctx.db
      .update(penaltyCases)
      .set({
        status: 'decided',
        violationCode: decision.violationCode ?? 'wsl_102_1',
        committedOn: '2026-01-05',
        majorHiddenDanger: decision.majorHiddenDanger ?? true,
        decisionTier: decision.tier ?? 'ordinary',
        decisionAmountFen: decision.amountFen,
        decidedOn: decision.decidedOn,
        decidedByName: '测试负责人',
      })
      .where(eq(penaltyCases.id, opened.id));
    return opened.id;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    xinhuiInspector = await t.login('xinhui.inspector');
  });
  afterAll(() => t.close());

  const refusal = {
    orderedToCorrectOn: '2026-11-10',
    orderNote: '行政处罚决定书 江应急罚〔2026〕3号 责令改正',
    refusalFoundOn: '2026-11-20',
    evidenceNote: '复查发现除尘器仍未设泄爆装置，现场照片 3 张',
  };

  it('refuses the continuous penalty on a case without a fine, before the decision, and on bad dates', async () => {
    const noFine = await decidedCase({ decidedOn: '2026-11-10', amountFen: null, tier: 'no_penalty' });
    const body = await expectProblem(
      await api('POST', `/penalty-cases/${noFine}/correction-refusal`, inspector, refusal),
      422,
      'CONTINUOUS_PENALTY_NO_FINE',
    );
    expect(body.measure).toBe(15);
    expect(body.basis).toContain('被责令改正且受到罚款处罚，拒不改正的');

    const item = await insertCaseReferral(t);
    const open = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    expect(open.firmness.continuousPenalty.eligible).toBe(false);
    await expectProblem(
      await api('POST', `/penalty-cases/${open.id}/correction-refusal`, inspector, refusal),
      409,
      'CONTINUOUS_PENALTY_NOT_DECIDED',
    );

    const fined = await decidedCase({ decidedOn: '2026-11-10', amountFen: 3_000_000 });
    await expectProblem(
      await api('POST', `/penalty-cases/${fined}/correction-refusal`, inspector, {
        ...refusal,
        refusalFoundOn: '2026-11-10',
      }),
      422,
      'CONTINUOUS_PENALTY_NO_DAYS',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${fined}/correction-refusal`, inspector, {
        ...refusal,
        refusalFoundOn: '2026-12-30',
      }),
      400,
      'FIRMNESS_FUTURE_DATE',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${fined}/correction-refusal`, inspector, {
        ...refusal,
        evidenceNote: '',
      }),
      400,
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${fined}/correction-refusal`, xinhuiInspector, refusal),
      404,
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${fined}/follow-up-case`, reviewer),
      409,
      'CONTINUOUS_PENALTY_NOT_RECORDED',
    );
  });

  it('computes the penalty from the day after the order and opens one follow-up case, not two', async () => {
    const original = await decidedCase({ decidedOn: '2026-11-10', amountFen: 3_000_000 });
    const recorded = await api('POST', `/penalty-cases/${original}/correction-refusal`, inspector, refusal);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const detail = recorded.json() as Detail;
    expect(detail.firmness.continuousPenalty.record).toMatchObject({
      fromOn: '2026-11-11',
      days: 10,
      amountFen: 30_000_000,
      followUpCase: null,
    });
    expect(detail.firmness.continuousPenalty.countingEnd.verified).toBe(false);

    // 立案 is the legal reviewer's (or the unit head's), not the inspector's
    await expectProblem(await api('POST', `/penalty-cases/${original}/follow-up-case`, inspector), 403);
    const opened = await api('POST', `/penalty-cases/${original}/follow-up-case`, reviewer);
    expect(opened.statusCode, opened.body).toBe(201);
    const followUp = opened.json() as Detail;
    expect(followUp).toMatchObject({
      source: 'continuous_penalty',
      sourceName: '拒不改正按日连续处罚',
      status: 'investigating',
      violationCode: 'wsl_112_1',
    });
    expect(followUp.firmness.originCase).toMatchObject({ id: original, amountFen: 30_000_000 });
    expect(followUp.evidence[0]?.description).toContain('复查发现除尘器仍未设泄爆装置');
    await expectProblem(
      await api('POST', `/penalty-cases/${original}/follow-up-case`, reviewer),
      409,
      'CASE_ALREADY_OPENED',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${original}/correction-refusal`, inspector, refusal),
      409,
      'CONTINUOUS_PENALTY_FOLLOW_UP_OPENED',
    );
    const after = (await api('GET', `/penalty-cases/${original}`, inspector)).json() as Detail;
    expect(after.firmness.continuousPenalty.record?.followUpCase).toEqual({
      id: followUp.id,
      reference: followUp.reference,
    });

    // the follow-up goes the normal way: its proposal carries the computed amount, a reviewer reviews it
    const proposed = (
      await api('POST', `/penalty-cases/${followUp.id}/proposal`, inspector)
    ).json() as Detail;
    expect(proposed.proposal?.amountFen).toBe(30_000_000);
    expect(proposed.proposal?.reasons.map((reason) => reason.code)).toContain('continuous_penalty');
    expect(proposed.proposal?.unverified).toContain('按日连续处罚计算的截止日');
    const submitted = await api('POST', `/penalty-cases/${followUp.id}/actions`, inspector, {
      action: 'submit_for_review',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, original)));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'penalty_case.correction_refusal.recorded',
        'penalty_case.follow_up_case.opened',
      ]),
    );
    const opening = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, followUp.id)));
    expect(opening.map((event) => event.action)).toEqual(
      expect.arrayContaining(['penalty_case.opened', 'penalty_case.evidence.recorded']),
    );
  });

  it('proposes closure on the third penalty for a major hidden danger within 180 days; the head records it sent', async () => {
    // the cases of these tests share one enterprise; the others were decided after these dates
    const first = await decidedCase({ decidedOn: '2026-03-01', amountFen: 1_000_000 });
    const detailOf = async (id: string, cookie = inspector) =>
      (await api('GET', `/penalty-cases/${id}`, cookie)).json() as Detail;
    const earlier = await detailOf(first);
    expect(earlier.firmness.closure.basis).toContain('应当提请地方人民政府予以关闭');
    expect(earlier.firmness.closure.proposal).toBeNull();
    // a decision without penalty and a penalty without a major hidden danger do not count
    await decidedCase({ decidedOn: '2026-04-01', amountFen: null, tier: 'no_penalty' });
    await decidedCase({ decidedOn: '2026-04-02', amountFen: 500_000, majorHiddenDanger: false });
    const second = await decidedCase({ decidedOn: '2026-05-10', amountFen: 1_000_000 });
    expect((await detailOf(second)).firmness.closure.proposal).toBeNull();
    const last = await decidedCase({ decidedOn: '2026-08-20', amountFen: 1_000_000 });
    const detail = await detailOf(last);
    expect(detail.firmness.closure.proposal).toMatchObject({
      item: 1,
      provision: '第一百一十三条第一款第（一）项',
      verified: false,
    });
    expect(detail.firmness.closure.proposal?.cases.map((c) => c.id)).toEqual([first, second, last]);

    const sent = { sentOn: '2026-11-25', documentNote: '江应急〔2026〕88号 关于提请关闭某企业的请示' };
    await expectProblem(await api('POST', `/penalty-cases/${last}/closure-proposal`, inspector, sent), 403);
    await expectProblem(
      await api('POST', `/penalty-cases/${last}/closure-proposal`, head, { ...sent, sentOn: '2026-08-19' }),
      422,
      'CLOSURE_DATE_BEFORE_DECISION',
    );
    const recorded = await api('POST', `/penalty-cases/${last}/closure-proposal`, head, sent);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((recorded.json() as Detail).firmness.closure.sent).toMatchObject(sent);
    await expectProblem(
      await api('POST', `/penalty-cases/${last}/closure-proposal`, head, sent),
      409,
      'CLOSURE_PROPOSAL_RECORDED',
    );
    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, last)));
    expect(events.map((event) => event.action)).toContain('penalty_case.closure_proposal.sent');

    // the bureau's list: the enterprise, the decision that met the rule, the proposal recorded; none for 新会
    const list = (await api('GET', '/penalty-closure-proposals', inspector)).json() as {
      items: { case: { id: string }; item: number; sentOn: string | null }[];
      total: number;
    };
    expect(list.items.some((entry) => entry.item === 1 && entry.sentOn === '2026-11-25')).toBe(true);
    const other = (await api('GET', '/penalty-closure-proposals', xinhuiInspector)).json() as {
      total: number;
    };
    expect(other.total).toBe(0);
  });

  it('refuses to record a closure proposal where the criteria are not met', async () => {
    const alone = await decidedCase({ decidedOn: '2025-01-10', amountFen: 1_000_000 });
    const detail = (await api('GET', `/penalty-cases/${alone}`, inspector)).json() as Detail;
    expect(detail.firmness.closure.proposal).toBeNull();
    await expectProblem(
      await api('POST', `/penalty-cases/${alone}/closure-proposal`, head, {
        sentOn: '2026-11-25',
        documentNote: '江应急〔2026〕89号',
      }),
      422,
      'CLOSURE_CRITERIA_NOT_MET',
    );
  });
  it('records a proposal under items (二) to (四) on the facts, checking a referenced suspension case', async () => {
    const suspension = await decidedCase({ decidedOn: '2026-06-01', amountFen: 2_000_000 });
    const notSuspension = await decidedCase({
      decidedOn: '2026-06-02',
      amountFen: 2_000_000,
      violationCode: 'wsl_93_2',
    });
    const anchor = await decidedCase({ decidedOn: '2026-06-03', amountFen: 1_000_000 });
    const path = `/penalty-cases/${anchor}/closure-proposals-on-facts`;
    const item2 = {
      item: 2,
      sentOn: '2026-11-20',
      documentNote: '江应急〔2026〕90号 关于提请关闭的请示',
      suspension: { caseId: suspension, documentNumber: '江应急罚〔2026〕31号', decidedOn: '2026-05-30' },
      reinspectedOn: '2026-09-01',
      finding: '整顿期满复查，仍未设置泄压装置和可燃气体报警装置',
    };
    // the law's four items in its words for the form
    const before = (await api('GET', `/penalty-cases/${anchor}`, head)).json() as Detail;
    expect(before.firmness.closure.items.map((entry) => entry.item)).toEqual([1, 2, 3, 4]);
    // the head's, not an officer's
    await expectProblem(await api('POST', path, inspector, item2), 403);
    // a case whose violation the law does not sanction with 停产停业整顿 is not a suspension decision
    await expectProblem(
      await api('POST', path, head, { ...item2, suspension: { ...item2.suspension, caseId: notSuspension } }),
      422,
      'CLOSURE_NOT_A_SUSPENSION',
    );
    // the finding must follow the decision the platform holds (06-01), whatever day was written
    await expectProblem(
      await api('POST', path, head, { ...item2, reinspectedOn: '2026-06-01' }),
      422,
      'CLOSURE_FACTS_BEFORE_SUSPENSION',
    );
    // a case the head may not read (here: none) cannot be referenced
    await expectProblem(
      await api('POST', path, head, {
        ...item2,
        suspension: { ...item2.suspension, caseId: '00000000-0000-4000-8000-000000000000' },
      }),
      404,
    );
    await expectProblem(
      await api('POST', path, head, { ...item2, sentOn: '2099-01-01' }),
      400,
      'FIRMNESS_FUTURE_DATE',
    );
    const recorded = await api('POST', path, head, item2);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((recorded.json() as Detail).firmness.closure.onFacts).toEqual([
      expect.objectContaining({
        item: 2,
        provision: '第一百一十三条第一款第（二）项',
        suspensionCase: expect.objectContaining({ id: suspension }) as unknown,
        summary: expect.stringContaining('2026-06-01') as string,
      }),
    ]);
    await expectProblem(await api('POST', path, head, item2), 409, 'CLOSURE_PROPOSAL_RECORDED');
    // item (三): only a 重大 or 特别重大 accident
    const item3 = {
      item: 3,
      sentOn: '2026-11-21',
      documentNote: '江应急〔2026〕91号',
      accidentOn: '2026-10-01',
      accidentGrade: 'larger',
      accident: '储罐爆炸，造成 5 人死亡',
      conditionsLacking: '未按国家标准设置泄压装置',
    };
    await expectProblem(await api('POST', path, head, item3), 422, 'CLOSURE_ACCIDENT_GRADE');
    expect((await api('POST', path, head, { ...item3, accidentGrade: 'major' })).statusCode).toBe(200);
    // item (四): a written suspension decision the platform does not hold
    const item4 = {
      item: 4,
      sentOn: '2026-11-22',
      documentNote: '江应急〔2026〕92号',
      suspension: { documentNumber: '江应急罚〔2025〕12号', decidedOn: '2025-12-01' },
      refusalFoundOn: '2025-12-05',
      refusal: '检查发现企业在停产停业整顿期间继续生产',
    };
    expect((await api('POST', path, head, item4)).statusCode).toBe(200);
    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, anchor), eq(auditEvents.action, 'penalty_case.closure_proposal.sent')),
      );
    expect(events).toHaveLength(3);
    // the bureau's list carries them with their item and facts; 新会 sees none
    const list = (await api('GET', '/penalty-closure-proposals', inspector)).json() as {
      items: { case: { id: string }; item: number; text: string; summary: string | null }[];
    };
    const mine = list.items.filter((entry) => entry.case.id === anchor);
    expect(mine.map((entry) => entry.item).sort()).toEqual([2, 3, 4]);
    expect(mine.find((entry) => entry.item === 4)?.text).toBe(
      '拒不执行负有安全生产监督管理职责的部门作出的停产停业整顿决定的',
    );
    expect(mine.find((entry) => entry.item === 3)?.summary).toContain('重大事故');
    const other = (await api('GET', '/penalty-closure-proposals', xinhuiInspector)).json() as {
      total: number;
    };
    expect(other.total).toBe(0);
  });
});
