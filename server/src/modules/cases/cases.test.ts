import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, caseProcedureCatalog } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { apiCaller, insertCaseReferral } from '../../../test/case-fixtures.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { caseReferrals } from '../inspections/schema.ts';

// issue 15: a penalty case opened from a 移交立案审查 item, through its proposal, legal review, decision and
// service; the guards of measures 15, 17, 18 and 22 hold through the API.

type Detail = {
  id: string;
  reference: string;
  status: string;
  proposal: {
    tier: string;
    amountFen: number | null;
    unverified: string[];
    noPenalty: { ground: string; listItem: { code: string } | null } | null;
  } | null;
  decision: { tier: string; departureReason: string | null; departsFromProposal: boolean } | null;
  periods: { code: string; due: string; verified: boolean }[];
  consistency: { scope: string; count: number }[];
  creditRepairNoticeServed: boolean;
  needsCollectiveDiscussion: boolean;
  observation: {
    followUpOn: string;
    basis: string;
    outcome: string | null;
    recordedOn: string | null;
    due: boolean;
  } | null;
};

describe('penalty cases (issue 15)', () => {
  let t: TestContext;
  let inspector: string;
  let reviewer: string;
  let head: string;
  let xinhuiInspector: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);

  const referral = (foundBy: 'inspection' | 'enterprise_self_check' = 'inspection', territory = '440703') =>
    insertCaseReferral(t, foundBy, territory);

  // a case for a first, harmless, corrected failure to tell the workers of the dangers (安全生产法 第九十七条第五项)
  const firstHarmlessCorrectedCase = async (): Promise<Detail> => {
    const item = await referral('enterprise_self_check');
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wsl_97_1_5',
      committedOn: '2026-11-01',
      circumstances: ['first_violation', 'no_harm', 'corrected_in_time'],
      foundBy: 'inspection',
    });
    return opened;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    xinhuiInspector = await t.login('xinhui.inspector');
  });
  afterAll(() => t.close());

  it('opens a case from a 移交立案审查 item, settling the item with the case reference, audited', async () => {
    const item = await referral();
    const response = await api('POST', '/penalty-cases', reviewer, {
      source: 'case_referral',
      caseReferralId: item.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const opened = response.json() as Detail;
    expect(opened.status).toBe('investigating');
    expect(opened.reference).toMatch(/^2026-\d{4}$/);
    const [settled] = await t.ctx.db.select().from(caseReferrals).where(eq(caseReferrals.id, item.id));
    expect(settled).toMatchObject({ status: 'case_opened', caseReference: `案件 ${opened.reference}` });
    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, opened.id)));
    expect(events.map((event) => event.action)).toEqual(['penalty_case.opened']);
    // twice is refused; another bureau's item and case are out of reach
    await expectProblem(
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id }),
      409,
      'CASE_ALREADY_OPENED',
    );
    const other = await referral('inspection', '440705');
    await expectProblem(
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: other.id }),
      404,
    );
    await expectProblem(await api('GET', `/penalty-cases/${opened.id}`, xinhuiInspector), 404);
    expect(((await api('GET', '/penalty-cases', xinhuiInspector)).json() as { total: number }).total).toBe(0);
  });

  it('runs a major hidden danger case to service: proposal, review by another, decision with reason, two documents served together', async () => {
    const item = await referral();
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    const facts = await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wsl_102_1',
      committedOn: '2026-11-20',
      circumstances: ['major_hidden_danger', 'first_violation', 'no_harm', 'corrected_in_time', 'minor'],
      foundBy: 'inspection',
    });
    expect(facts.statusCode, facts.body).toBe(200);
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'submit_for_review' }),
      422,
      'CASE_NEEDS_EVIDENCE',
    );
    await api('POST', `/penalty-cases/${opened.id}/evidence`, inspector, {
      kind: 'inquiry_record',
      description: '询问笔录：企业负责人承认未设泄爆装置',
    });
    const proposed = (await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector)).json() as Detail;
    // measure 15: no 不予处罚 for a major hidden danger found by enforcement, even first, harmless and corrected
    expect(proposed.proposal?.tier).not.toBe('no_penalty');
    expect(proposed.proposal?.amountFen).toBeGreaterThan(0);
    expect(proposed.proposal?.unverified.length).toBeGreaterThan(0);
    expect(proposed.needsCollectiveDiscussion).toBe(true);
    expect(
      (await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'submit_for_review' }))
        .statusCode,
    ).toBe(200);

    // the legal reviewer approves; the drafter cannot (unit heads draft too, see the lifecycle test)
    const approved = await api('POST', `/penalty-cases/${opened.id}/actions`, reviewer, {
      action: 'approve_review',
      note: '事实清楚，证据确凿',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as Detail).status).toBe('collective_discussion');
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
        action: 'record_discussion',
        note: '同意',
      }),
      403,
    );
    expect(
      (
        await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
          action: 'record_discussion',
          note: '集体讨论同意裁量建议',
        })
      ).statusCode,
    ).toBe(200);
    const notified = (
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
        action: 'notify',
        notifiedOn: '2026-11-26',
      })
    ).json() as Detail;
    expect(notified.periods.find((period) => period.code === 'hearing_request_due')?.due).toBe('2026-12-03');
    expect(notified.periods.find((period) => period.code === 'defence_due')?.verified).toBe(false);

    // the head's decision: not 不予处罚 without a legal ground; a different amount needs a written reason
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
        action: 'decide',
        tier: 'no_penalty',
        amountFen: null,
        departureReason: '已整改',
      }),
      422,
      'CASE_NO_PENALTY_FORBIDDEN',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
        action: 'decide',
        tier: 'ordinary',
        amountFen: 3_000_000,
      }),
      422,
      'CASE_DEPARTURE_NEEDS_REASON',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
        action: 'decide',
        tier: 'ordinary',
        amountFen: proposed.proposal?.amountFen ?? 0,
      }),
      403,
    );
    const decided = await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
      action: 'decide',
      tier: 'ordinary',
      amountFen: 3_000_000,
      departureReason: '企业在告知后仍未完成全部整改，按一般阶次较高数额处罚',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((decided.json() as Detail).decision).toMatchObject({
      tier: 'ordinary',
      departsFromProposal: true,
    });

    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
        action: 'serve',
        servedOn: '2026-11-26',
        withCreditRepairNotice: false,
      }),
      422,
      'CASE_CREDIT_NOTICE_REQUIRED',
    );
    const served = (
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
        action: 'serve',
        servedOn: '2026-11-26',
        withCreditRepairNotice: true,
      })
    ).json() as Detail;
    expect(served.creditRepairNoticeServed).toBe(true);
    // 履行: not closed while the fine is unpaid; closed once it is paid in full
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'close' }),
      422,
      'CASE_FINE_NOT_PERFORMED',
    );
    expect(
      (
        await api('POST', `/penalty-cases/${opened.id}/fine-payments`, inspector, {
          paidOn: '2026-11-26',
          amountFen: 3_000_000,
          reference: 'JM202611260007',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'close' })).statusCode,
    ).toBe(200);

    const actions = await t.ctx.db
      .select({ action: auditEvents.action, payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, opened.id)));
    expect(actions.map((event) => (event.payload as { action?: string }).action ?? event.action)).toEqual([
      'penalty_case.opened',
      'penalty_case.facts.recorded',
      'penalty_case.evidence.recorded',
      'penalty_case.proposal.drafted',
      'submit_for_review',
      'approve_review',
      'record_discussion',
      'notify',
      'decide',
      'serve',
      // 两书同达: the decision and its credit-repair notice, numbered in the serving event
      'penalty_case.document.issued',
      'penalty_case.document.issued',
      'penalty_case.published',
      'penalty_case.fine_payment.recorded',
      'close',
    ]);
  });

  it('proposes no penalty for a first, harmless, corrected failure to tell the workers, citing the list item', async () => {
    const opened = await firstHarmlessCorrectedCase();
    const proposed = (await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector)).json() as Detail;
    expect(proposed.proposal?.tier).toBe('no_penalty');
    expect(proposed.proposal?.noPenalty).toMatchObject({
      ground: 'article_33_may',
      listItem: { code: 'national_1' },
    });
  });

  it('places an enterprise spared a penalty under observation and records what the officer found, once (measure 14)', async () => {
    const opened = await firstHarmlessCorrectedCase();
    await api('POST', `/penalty-cases/${opened.id}/evidence`, inspector, {
      kind: 'record',
      description: '现场检查记录：已当场告知从业人员危险因素并补签告知书',
    });
    await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector);
    await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'submit_for_review' });
    const approved = await api('POST', `/penalty-cases/${opened.id}/actions`, reviewer, {
      action: 'approve_review',
      note: '符合首违不罚',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    if ((approved.json() as Detail).status === 'collective_discussion')
      await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
        action: 'record_discussion',
        note: '集体讨论同意不予处罚',
      });
    // no observation before there is a decision without penalty
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/observation`, inspector, {
        outcome: 'reoffended',
        note: '再次发现未告知',
      }),
      422,
      'OBSERVATION_NONE',
    );
    const decided = await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
      action: 'decide',
      tier: 'no_penalty',
      amountFen: null,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const today = shanghaiDate(t.ctx.clock.now());
    const observation = (decided.json() as Detail).observation;
    expect(observation).toMatchObject({
      followUpOn: addDays(today, caseProcedureCatalog.observation.days),
      outcome: null,
      due: false,
    });
    expect(observation?.basis).toContain('第十四项');

    // before the day: "kept the law" cannot be said yet; another bureau's officer cannot record at all
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/observation`, inspector, {
        outcome: 'kept',
        note: '回访未发现违法',
      }),
      422,
      'OBSERVATION_NOT_OVER',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/observation`, xinhuiInspector, {
        outcome: 'kept',
        note: '回访未发现违法',
      }),
      404,
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/observation`, inspector, { outcome: 'kept', note: ' ' }),
      400,
    );

    const before = t.ctx.clock.now();
    try {
      t.setNow(new Date(`${observation!.followUpOn}T10:00:00+08:00`));
      // the morning's session has long expired by then
      const officer = await t.login('pengjiang.inspector');
      const due = (await api('GET', `/penalty-cases/${opened.id}`, officer)).json() as Detail;
      expect(due.observation?.due).toBe(true);
      // the officer's workbench counts it, and its link lists it (follow-ups due within a week)
      const dueBy = addDays(observation!.followUpOn, 7);
      const bench = (await api('GET', '/workbench', officer)).json() as {
        items: { key: string; count: number; link: string; rows: { id: string }[] }[];
      };
      const waiting = bench.items.find((entry) => entry.key === 'observations_due');
      expect(waiting?.link).toBe(`/penalty-cases?observationDueBy=${dueBy}`);
      expect(waiting?.rows.map((row) => row.id)).toContain(opened.id);
      const listed = (await api('GET', `/penalty-cases?observationDueBy=${dueBy}`, officer)).json() as {
        items: { id: string; observationFollowUpOn: string | null }[];
      };
      expect(listed.items.map((row) => row.id)).toContain(opened.id);
      expect(listed.items.every((row) => row.observationFollowUpOn !== null)).toBe(true);
      const recorded = await api('POST', `/penalty-cases/${opened.id}/observation`, officer, {
        outcome: 'kept',
        note: '回访：已建立告知制度并执行，未发现违法',
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect((recorded.json() as Detail).observation).toMatchObject({
        outcome: 'kept',
        recordedOn: observation!.followUpOn,
        due: false,
      });
      await expectProblem(
        await api('POST', `/penalty-cases/${opened.id}/observation`, officer, {
          outcome: 'reoffended',
          note: '改记为再次违法',
        }),
        422,
        'OBSERVATION_RECORDED',
      );
      const after = (await api('GET', `/penalty-cases?observationDueBy=${dueBy}`, officer)).json() as {
        items: { id: string }[];
      };
      expect(after.items.map((row) => row.id)).not.toContain(opened.id);
    } finally {
      t.setNow(before);
    }
    const [event] = await t.ctx.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, opened.id), eq(auditEvents.action, 'penalty_case.observation.recorded')),
      );
    expect(event?.payload).toMatchObject({ outcome: 'kept', followUpOn: observation!.followUpOn });
  });

  it('seals only after the head approves, for 30 days, extended once before the end, and keeps the case open until released (measure 16)', async () => {
    type Seizure = {
      id: string;
      status: string;
      startedOn: string | null;
      dueOn: string | null;
      extensionDays: number;
      extension: { days: number; decidedByName: string | null } | null;
      release: { ground: string; groundName: string } | null;
      testingDays: number;
      testingPeriods: { kind: string; kindName: string; days: number; startsOn: string }[];
      warning: string | null;
    };
    type WithSeizures = Detail & { seizures: Seizure[] };
    const seizuresOf = async (caseId: string, cookie = inspector) =>
      ((await api('GET', `/penalty-cases/${caseId}`, cookie)).json() as WithSeizures).seizures;
    const items = [{ name: '除尘器', quantity: 1, unit: '台', relation: '未设泄爆装置，继续使用有爆炸危险' }];

    // nothing to seize before the violation is recorded
    const bare = (
      await api('POST', '/penalty-cases', reviewer, {
        source: 'case_referral',
        caseReferralId: (await referral()).id,
      })
    ).json() as Detail;
    await expectProblem(
      await api('POST', `/penalty-cases/${bare.id}/seizures`, inspector, {
        kind: 'seal',
        items,
        reason: '防止继续使用',
      }),
      422,
      'SEIZURE_NO_VIOLATION',
    );

    const opened = await firstHarmlessCorrectedCase();
    // items are listed, each with how it concerns the violation; NUL and empty lists are refused at the edge
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/seizures`, inspector, {
        kind: 'seal',
        items: [],
        reason: 'x',
      }),
      400,
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/seizures`, inspector, {
        kind: 'seal',
        items: [{ ...items[0], relation: '' }],
        reason: '防止继续使用',
      }),
      400,
    );
    const proposed = await api('POST', `/penalty-cases/${opened.id}/seizures`, inspector, {
      kind: 'seal',
      items,
      reason: '防止继续使用存在重大事故隐患的设备',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const [seizure] = (proposed.json() as WithSeizures).seizures;
    expect(seizure).toMatchObject({ status: 'proposed', startedOn: null, dueOn: null });
    const path = `/penalty-cases/${opened.id}/seizures/${seizure!.id}`;

    // only the head approves; another bureau sees nothing; a seizure is reached only through its own case
    await expectProblem(await api('POST', `${path}/decision`, inspector, { approve: true }), 403);
    await expectProblem(await api('POST', `${path}/decision`, xinhuiInspector, { approve: true }), 404);
    await expectProblem(
      await api('POST', `/penalty-cases/${bare.id}/seizures/${seizure!.id}/decision`, head, {
        approve: true,
      }),
      404,
    );
    await expectProblem(
      await api('POST', `${path}/release`, inspector, { ground: 'decided', note: '已退还' }),
      409,
    );
    const today = shanghaiDate(t.ctx.clock.now());
    const approved = await api('POST', `${path}/decision`, head, { approve: true, note: '同意查封' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as WithSeizures).seizures[0]).toMatchObject({
      status: 'in_force',
      startedOn: today,
      dueOn: addDays(today, 30),
      warning: null,
    });
    await expectProblem(
      await api('POST', `${path}/decision`, head, { approve: false }),
      409,
      'SEIZURE_DECIDED',
    );

    // the extension: at most 30 days, asked by the officer, approved by the head, once
    await expectProblem(
      await api('POST', `${path}/extension`, inspector, { days: 31, reason: '需技术鉴定' }),
      422,
      'SEIZURE_EXTENSION_TOO_LONG',
    );
    await expectProblem(
      await api('POST', `${path}/extension/decision`, head, { approve: true }),
      422,
      'SEIZURE_NO_EXTENSION_REQUESTED',
    );
    expect(
      (await api('POST', `${path}/extension`, inspector, { days: 20, reason: '情况复杂，需委托技术鉴定' }))
        .statusCode,
    ).toBe(200);
    await expectProblem(
      await api('POST', `${path}/extension`, inspector, { days: 5, reason: '再延长' }),
      422,
      'SEIZURE_ALREADY_EXTENDED',
    );
    await expectProblem(await api('POST', `${path}/extension/decision`, inspector, { approve: true }), 403);
    const extended = await api('POST', `${path}/extension/decision`, head, {
      approve: true,
      note: '同意延长',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect((extended.json() as WithSeizures).seizures[0]).toMatchObject({
      dueOn: addDays(today, 50),
      extensionDays: 20,
      extension: { days: 20, decidedByName: expect.any(String) as string },
    });

    // 行政强制法 第二十五条第三款: ten days of 技术鉴定 are not part of the period, so the last day moves by ten;
    // the period is stated and the party told in writing, one examination never overlaps another
    const appraisal = {
      kind: 'appraisal',
      startsOn: addDays(today, 2),
      endsOn: addDays(today, 11),
      notifiedOn: today,
      note: '委托检验机构对压力容器进行技术鉴定',
    };
    await expectProblem(
      await api('POST', `${path}/testing-periods`, inspector, { ...appraisal, endsOn: addDays(today, 1) }),
      422,
      'SEIZURE_TESTING_PERIOD_INVALID',
    );
    await expectProblem(
      await api('POST', `${path}/testing-periods`, inspector, {
        ...appraisal,
        notifiedOn: addDays(today, 1),
      }),
      422,
      'SEIZURE_TESTING_PERIOD_INVALID',
    );
    await expectProblem(
      await api('POST', `${path}/testing-periods`, inspector, { ...appraisal, kind: 'x' }),
      400,
    );
    await expectProblem(await api('POST', `${path}/testing-periods`, xinhuiInspector, appraisal), 404);
    const examined = await api('POST', `${path}/testing-periods`, inspector, appraisal);
    expect(examined.statusCode, examined.body).toBe(200);
    const dueOn = addDays(today, 60);
    expect((examined.json() as WithSeizures).seizures[0]).toMatchObject({
      dueOn,
      testingDays: 10,
      testingPeriods: [{ kind: 'appraisal', kindName: '技术鉴定', days: 10, startsOn: appraisal.startsOn }],
    });
    await expectProblem(
      await api('POST', `${path}/testing-periods`, inspector, { ...appraisal, startsOn: addDays(today, 11) }),
      422,
      'SEIZURE_TESTING_PERIOD_INVALID',
    );

    // the case cannot close while the seizure is in force
    await api('POST', `/penalty-cases/${opened.id}/evidence`, inspector, {
      kind: 'record',
      description: '现场检查记录',
    });
    await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector);
    await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'submit_for_review' });
    const reviewed = await api('POST', `/penalty-cases/${opened.id}/actions`, reviewer, {
      action: 'approve_review',
    });
    if ((reviewed.json() as Detail).status === 'collective_discussion')
      await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
        action: 'record_discussion',
        note: '同意',
      });
    expect(
      (
        await api('POST', `/penalty-cases/${opened.id}/actions`, head, {
          action: 'decide',
          tier: 'no_penalty',
          amountFen: null,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, {
          action: 'serve',
          servedOn: today,
          withCreditRepairNotice: false,
        })
      ).statusCode,
    ).toBe(200);
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/actions`, inspector, { action: 'close' }),
      422,
      'CASE_CANNOT_CLOSE',
    );

    const before = t.ctx.clock.now();
    try {
      // three days before the last day the case warns; after it, overdue, and no extension can be added
      t.setNow(new Date(`${addDays(dueOn, -3)}T10:00:00+08:00`));
      let officer = await t.login('pengjiang.inspector');
      expect((await seizuresOf(opened.id, officer))[0]?.warning).toBe('due_soon');
      // the officer's workbench reminds him, and its link lists the case
      const bench = (await api('GET', '/workbench', officer)).json() as {
        items: { key: string; link: string; urgent: boolean; rows: { id: string }[] }[];
      };
      const ending = bench.items.find((entry) => entry.key === 'seizures_ending');
      expect(ending?.link).toBe(`/penalty-cases?seizureDueBy=${dueOn}`);
      expect(ending?.rows.map((row) => row.id)).toContain(opened.id);
      const listed = (await api('GET', `/penalty-cases?seizureDueBy=${dueOn}`, officer)).json() as {
        items: { id: string }[];
      };
      expect(listed.items.map((row) => row.id)).toContain(opened.id);
      const earlier = (
        await api('GET', `/penalty-cases?seizureDueBy=${addDays(dueOn, -1)}`, officer)
      ).json() as { items: { id: string }[] };
      expect(earlier.items.map((row) => row.id)).not.toContain(opened.id);
      t.setNow(new Date(`${addDays(dueOn, 1)}T10:00:00+08:00`));
      officer = await t.login('pengjiang.inspector');
      expect((await seizuresOf(opened.id, officer))[0]?.warning).toBe('overdue');
      await expectProblem(
        await api('POST', `${path}/extension`, officer, { days: 5, reason: '再延长' }),
        422,
        'SEIZURE_ALREADY_EXTENDED',
      );
      const released = await api('POST', `${path}/release`, officer, {
        ground: 'expired',
        note: '设备已启封，交还企业',
      });
      expect(released.statusCode, released.body).toBe(200);
      expect((released.json() as WithSeizures).seizures[0]).toMatchObject({
        status: 'released',
        warning: null,
        release: { ground: 'expired', groundName: '（四）查封、扣押期限已经届满' },
      });
      expect(
        (await api('POST', `/penalty-cases/${opened.id}/actions`, officer, { action: 'close' })).statusCode,
      ).toBe(200);
      // released: no longer on the reminder list
      const after = (
        await api('GET', `/penalty-cases?seizureDueBy=${addDays(dueOn, 10)}`, officer)
      ).json() as {
        items: { id: string }[];
      };
      expect(after.items.map((row) => row.id)).not.toContain(opened.id);
    } finally {
      t.setNow(before);
    }

    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, opened.id)))
      .orderBy(asc(auditEvents.seq));
    expect(events.map((event) => event.action).filter((action) => action.includes('seizure'))).toEqual([
      'penalty_case.seizure.proposed',
      'penalty_case.seizure.decided',
      'penalty_case.seizure.extension_requested',
      'penalty_case.seizure.extension_decided',
      'penalty_case.seizure.testing_period_recorded',
      'penalty_case.seizure.released',
    ]);
  });

  it('refuses an extension once the seizure period has run out (行政强制法 第二十八条)', async () => {
    const opened = await firstHarmlessCorrectedCase();
    const proposed = (
      await api('POST', `/penalty-cases/${opened.id}/seizures`, inspector, {
        kind: 'detain',
        items: [{ name: '液氨钢瓶', quantity: 3, unit: '个', relation: '违法储存的危险物品' }],
        reason: '扣押违法储存的危险物品',
      })
    ).json() as Detail & { seizures: { id: string; dueOn: string | null }[] };
    const path = `/penalty-cases/${opened.id}/seizures/${proposed.seizures[0]!.id}`;
    const approved = (
      await api('POST', `${path}/decision`, head, { approve: true })
    ).json() as typeof proposed;
    const dueOn = approved.seizures[0]!.dueOn!;
    const before = t.ctx.clock.now();
    try {
      t.setNow(new Date(`${addDays(dueOn, 1)}T09:00:00+08:00`));
      const officer = await t.login('pengjiang.inspector');
      await expectProblem(
        await api('POST', `${path}/extension`, officer, { days: 10, reason: '需检验' }),
        422,
        'SEIZURE_EXPIRED',
      );
    } finally {
      t.setNow(before);
    }
  });

  it('shows the distribution of past decisions for the same violation and tier (measure 18)', async () => {
    const list = (await api('GET', '/penalty-cases?pageSize=50', reviewer)).json() as {
      items: { id: string; violationCode: string | null }[];
    };
    const decided = list.items.find((item) => item.violationCode === 'wsl_102_1');
    const detail = (await api('GET', `/penalty-cases/${decided!.id}`, reviewer)).json() as Detail;
    expect(detail.consistency.map((row) => row.scope)).toEqual(['territory', 'city']);
  });

  it('refuses unknown violations and bad input with 400', async () => {
    const item = await referral();
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    await expectProblem(
      await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
        violationCode: 'nope',
        committedOn: '2026-11-01',
        circumstances: [],
        foundBy: 'inspection',
      }),
      400,
      'CASE_UNKNOWN_VIOLATION',
    );
    await expectProblem(
      await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
        violationCode: 'wsl_97_1_5',
        committedOn: '2026-13-01',
        circumstances: [],
        foundBy: 'inspection',
      }),
      400,
    );
    await expectProblem(await api('GET', '/penalty-cases/not-a-uuid', inspector), 404);
  });

  it('lists the catalogue with its unverified entries for the legal reviewer', async () => {
    const response = await api('GET', '/penalty-catalog', reviewer);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { violations: { code: string }[]; unverified: { code: string }[] };
    expect(body.violations.length).toBe(93);
    expect(body.unverified.map((entry) => entry.code)).toContain('range_split_placeholder');
  });
});
