import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { apiCaller, insertCaseReferral, servedPenaltyCase } from '../../../../test/case-fixtures.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { users } from '../../../platform/auth/schema.ts';
import { hashPassword } from '../../../platform/auth/service.ts';
import { demoPassword } from '../../../demo/accounts.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { penaltyCases } from '../schema.ts';

// Issue 15 item 10 (measure 22): a served penalty decision is published without personal data; its enterprise
// applies for repair in its portal once the decision is carried out; the legal reviewer of the case's territory
// decides; a repaired decision leaves the public page.

type Publication = {
  id: string;
  caseId: string;
  state: string;
  creditClass: string;
  mayApply: boolean;
  whyNot: string | null;
  applications: { id: string; status: string; dueOn: string }[];
};
type PublicDecision = { id: string; partyName: string; decision: string; documentNumber: string };

describe('publication of penalty decisions and credit repair (issue 15 item 10)', () => {
  let t: TestContext;
  let inspector: string;
  let reviewer: string;
  let head: string;
  let enterprise: string;
  let xinhuiInspector: string;
  let xinhuiReviewer: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);
  const act = async (caseId: string, cookie: string, body: Record<string, unknown>) => {
    const response = await api('POST', `/penalty-cases/${caseId}/actions`, cookie, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  const publicList = async () =>
    (
      (await api('GET', '/public/penalty-decisions?territory=440703', null)).json() as {
        items: PublicDecision[];
      }
    ).items;
  const own = async () =>
    ((await api('GET', '/my-enterprise/penalty-publications', enterprise)).json() as { items: Publication[] })
      .items;

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    enterprise = await t.login('enterprise.demo');
    xinhuiInspector = await t.login('xinhui.inspector');
    // a legal reviewer of another bureau (新会), who may decide repairs of his own bureau's cases only
    await t.ctx.db.insert(users).values({
      username: 'xinhui.reviewer.test',
      passwordHash: await hashPassword(demoPassword),
      displayName: '新会区法制审核 测试',
      role: 'legal_reviewer',
      territory: '440705',
    });
    xinhuiReviewer = await t.login('xinhui.reviewer.test');
  });
  afterAll(() => t.close());

  it('publishes a served decision without personal data, and repairs it on the enterprise’s application', async () => {
    const [account] = await t.ctx.db
      .select({ enterpriseId: users.enterpriseId })
      .from(users)
      .where(eq(users.username, 'enterprise.demo'));
    const [company] = await t.ctx.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.id, account!.enterpriseId!));
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as { id: string };
    const caseId = opened.id;
    // the case is the demo enterprise's, whose account applies below
    await t.ctx.db
      .update(penaltyCases)
      .set({ enterpriseId: company!.id, enterpriseName: company!.name })
      .where(eq(penaltyCases.id, caseId));
    await api('PUT', `/penalty-cases/${caseId}/facts`, inspector, {
      violationCode: 'wsl_102_1',
      committedOn: '2026-11-20',
      circumstances: ['major_hidden_danger', 'first_violation', 'corrected_in_time'],
      foundBy: 'inspection',
    });
    await api('POST', `/penalty-cases/${caseId}/evidence`, inspector, {
      kind: 'inquiry_record',
      description: `询问${company!.legalRepresentative}：承认未消除隐患`,
    });
    await api('POST', `/penalty-cases/${caseId}/proposal`, inspector);
    await act(caseId, inspector, { action: 'submit_for_review' });
    await act(caseId, reviewer, { action: 'approve_review' });
    await act(caseId, head, { action: 'record_discussion', note: '同意' });
    await act(caseId, inspector, { action: 'notify', notifiedOn: '2026-11-26' });
    // a fine within the simplified procedure's ceiling and nothing else: a minor dishonesty, no shortest period
    await act(caseId, head, {
      action: 'decide',
      tier: 'lighter',
      amountFen: 300_000,
      departureReason: '企业当场消除隐患并主动提供证据',
    });
    const decision = (
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, { type: 'penalty_decision' })
    ).json() as { document: { number: string } };
    expect(await publicList()).not.toContainEqual(expect.objectContaining({ partyName: company!.name }));

    await act(caseId, inspector, { action: 'serve', servedOn: '2026-11-26', withCreditRepairNotice: true });
    const published = (await publicList()).find((entry) => entry.partyName === company!.name);
    expect(published).toMatchObject({
      documentNumber: decision.document.number,
      decision: '罚款人民币叁仟元整（￥3,000.00）',
    });
    // nothing personal: not the legal representative, not the officers, not what a person said
    const publicBody = (await api('GET', '/public/penalty-decisions', null)).body;
    expect(publicBody).not.toContain(company!.legalRepresentative);
    expect(publicBody).not.toContain('执法人员');
    expect(publicBody).not.toContain('询问');

    // while the decision is not carried out, the enterprise sees why it cannot apply yet
    const [before] = await own();
    expect(before).toMatchObject({ caseId, state: 'published', creditClass: 'minor', mayApply: false });
    expect(before!.whyNot).toContain('尚未履行完毕');
    const pledge = {
      pledge: '本单位承诺依法履行安全生产主体责任，不再发生同类违法行为。',
      fulfilment: '罚款已缴清，隐患已消除',
    };
    await expectProblem(
      await api('POST', `/my-enterprise/penalty-publications/${before!.id}/repair`, enterprise, pledge),
      422,
      'CREDIT_REPAIR_DUTIES_OPEN',
    );
    // 履行: the fine paid in full before the case closes
    const owed = (
      (await api('GET', `/penalty-cases/${caseId}`, inspector)).json() as {
        performance: { outstandingFen: number };
      }
    ).performance.outstandingFen;
    expect(
      (
        await api('POST', `/penalty-cases/${caseId}/fine-payments`, inspector, {
          paidOn: '2026-11-26',
          amountFen: owed,
          reference: 'JM202611260001',
        })
      ).statusCode,
    ).toBe(200);
    await act(caseId, inspector, { action: 'close' });

    // only the enterprise's own account applies; officers and strangers find nothing
    await expectProblem(
      await api('POST', `/my-enterprise/penalty-publications/${before!.id}/repair`, inspector, pledge),
      404,
    );
    await expectProblem(
      await api('POST', `/my-enterprise/penalty-publications/${before!.id}/repair`, enterprise, {
        pledge: '短',
        fulfilment: '已缴',
      }),
      400,
    );
    const applied = await api(
      'POST',
      `/my-enterprise/penalty-publications/${before!.id}/repair`,
      enterprise,
      pledge,
    );
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json() as { id: string; status: string; dueOn: string };
    expect(application.status).toBe('pending');
    expect(application.dueOn > '2026-11-26').toBe(true);
    await expectProblem(
      await api('POST', `/my-enterprise/penalty-publications/${before!.id}/repair`, enterprise, pledge),
      422,
      'CREDIT_REPAIR_PENDING',
    );

    // the legal reviewer of the case's bureau decides; a refusal needs its reason
    await expectProblem(
      await api('POST', `/credit-repair-applications/${application.id}/decision`, inspector, {
        approve: true,
      }),
      403,
    );
    await expectProblem(
      await api('POST', `/credit-repair-applications/${application.id}/decision`, xinhuiInspector, {
        approve: true,
      }),
      403,
    );
    await expectProblem(
      await api('POST', `/credit-repair-applications/${application.id}/decision`, xinhuiReviewer, {
        approve: true,
      }),
      404,
    );
    await expectProblem(
      await api('POST', `/credit-repair-applications/${application.id}/decision`, reviewer, {
        approve: false,
      }),
      400,
    );
    const decided = await api('POST', `/credit-repair-applications/${application.id}/decision`, reviewer, {
      approve: true,
      note: '符合信用修复条件',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((decided.json() as Publication).state).toBe('repaired');
    await expectProblem(
      await api('POST', `/credit-repair-applications/${application.id}/decision`, reviewer, {
        approve: true,
      }),
      409,
      'CREDIT_REPAIR_DECIDED',
    );

    // repaired: off the public page, and the enterprise sees the outcome
    expect((await publicList()).find((entry) => entry.id === published!.id)).toBeUndefined();
    const [after] = await own();
    expect(after).toMatchObject({ state: 'repaired', mayApply: false });
    expect(after!.applications[0]).toMatchObject({ status: 'approved' });

    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, caseId)));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'penalty_case.published',
        'penalty_case.repair.applied',
        'penalty_case.repair.decided',
      ]),
    );
  });

  it('does not publish a decision without penalty, and keeps the enterprise list to enterprise accounts', async () => {
    const item = await insertCaseReferral(t, 'enterprise_self_check');
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as { id: string };
    await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wsl_97_1_5',
      committedOn: '2026-11-01',
      circumstances: ['first_violation', 'no_harm', 'corrected_in_time'],
      foundBy: 'inspection',
    });
    await api('POST', `/penalty-cases/${opened.id}/evidence`, inspector, {
      kind: 'record',
      description: '当场整改',
    });
    await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector);
    await act(opened.id, inspector, { action: 'submit_for_review' });
    const reviewed = (
      await api('POST', `/penalty-cases/${opened.id}/actions`, reviewer, { action: 'approve_review' })
    ).json() as { status: string };
    if (reviewed.status === 'collective_discussion')
      await act(opened.id, head, { action: 'record_discussion', note: '同意不予处罚' });
    await act(opened.id, head, { action: 'decide', tier: 'no_penalty', amountFen: null });
    await act(opened.id, inspector, {
      action: 'serve',
      servedOn: '2026-11-26',
      withCreditRepairNotice: false,
    });
    const detail = (await api('GET', `/penalty-cases/${opened.id}`, inspector)).json() as {
      publication: unknown;
    };
    expect(detail.publication).toBeNull();
    // served alone: the 不予行政处罚决定书 is numbered in the serving event, with no credit-repair notice
    const documents = (await api('GET', `/penalty-cases/${opened.id}/documents`, inspector)).json() as {
      items: { id: string; type: string; title: string }[];
    };
    const docx = await t.app.inject({
      url: `/api/v1/case-documents/${documents.items[0]!.id}.docx`,
      headers: { cookie: inspector },
    });
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // the ground in the law's words, never a code
    expect(text).toContain('第三十三条');
    expect(text).not.toMatch(/article_|_may|_must/);
    expect(documents.items.map((doc) => [doc.type, doc.title])).toEqual([
      ['penalty_decision', '不予行政处罚决定书'],
    ]);
    await expectProblem(await api('GET', '/my-enterprise/penalty-publications', inspector), 404);
    await expectProblem(await api('GET', '/public/penalty-decisions?territory=12', null), 400);
  });

  it('proposes a serious-dishonesty listing for producing without a licence, with its basis, and the head lists and removes it on a recommendation (令第11号)', async () => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as { id: string };
    await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wslr_19_1',
      committedOn: '2026-11-01',
      circumstances: [],
      foundBy: 'inspection',
    });
    type WithListing = { seriousDishonesty: { code: string; criterion: string; scope: string } | null };
    const before = (await api('GET', `/penalty-cases/${opened.id}`, inspector)).json() as WithListing;
    // nothing proposed before a penalty is
    expect(before.seriousDishonesty).toBeNull();
    await api('POST', `/penalty-cases/${opened.id}/evidence`, inspector, {
      kind: 'record',
      description: '无证生产',
    });
    const proposed = (
      await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector)
    ).json() as WithListing;
    expect(proposed.seriousDishonesty).toMatchObject({
      code: 'sd_no_licence',
      criterion: '未依法取得安全生产相关许可或者许可被暂扣、吊销期间从事相关生产经营活动',
    });
    expect(proposed.seriousDishonesty?.scope).toContain('谁处罚、谁决定、谁负责');

    // the bureau's answer: recommended after the decision, decided by a head who did not recommend it
    const path = `/penalty-cases/${opened.id}/serious-dishonesty`;
    const recommendation = {
      recommendation: 'list',
      reason: '无证生产持续半年，经责令停产仍继续生产，性质恶劣、情节严重',
    };
    await expectProblem(
      await api('POST', `${path}/recommendation`, inspector, recommendation),
      422,
      'LISTING_NOT_DECIDED',
    );
    await act(opened.id, inspector, { action: 'submit_for_review' });
    await act(opened.id, reviewer, { action: 'approve_review' });
    const reviewed = (await api('GET', `/penalty-cases/${opened.id}`, inspector)).json() as {
      status: string;
    };
    if (reviewed.status === 'collective_discussion')
      await act(opened.id, head, { action: 'record_discussion', note: '同意' });
    await act(opened.id, inspector, { action: 'notify', notifiedOn: '2026-11-26' });
    const decided = (
      (await api('GET', `/penalty-cases/${opened.id}`, inspector)).json() as {
        proposal: { tier: string; amountFen: number };
      }
    ).proposal;
    await act(opened.id, head, { action: 'decide', tier: decided.tier, amountFen: decided.amountFen });
    await expectProblem(
      await api('POST', `${path}/recommendation`, inspector, { ...recommendation, reason: '' }),
      400,
    );
    await expectProblem(await api('POST', `${path}/recommendation`, xinhuiInspector, recommendation), 404);
    const recommended = await api('POST', `${path}/recommendation`, inspector, recommendation);
    expect(recommended.statusCode, recommended.body).toBe(200);
    expect(recommended.json()).toMatchObject({
      seriousDishonestyListing: { status: 'recommended', recommendation: 'list', periodVerified: false },
    });
    await expectProblem(
      await api('POST', `${path}/recommendation`, inspector, recommendation),
      422,
      'LISTING_EXISTS',
    );
    // only a head decides, and departing from the recommendation needs a reason
    await expectProblem(await api('POST', `${path}/decision`, inspector, { list: true }), 403);
    await expectProblem(
      await api('POST', `${path}/decision`, head, { list: false }),
      422,
      'LISTING_DEPARTURE_NEEDS_REASON',
    );
    const listed = await api('POST', `${path}/decision`, head, { list: true, note: '同意列入' });
    expect(listed.statusCode, listed.body).toBe(200);
    const today = shanghaiDate(t.ctx.clock.now());
    const view = (
      listed.json() as { seriousDishonestyListing: { status: string; listedOn: string; endsOn: string } }
    ).seriousDishonestyListing;
    expect(view).toMatchObject({ status: 'listed', listedOn: today });
    expect(view.endsOn.slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 3));
    type PublicListing = {
      items: { id: string; enterpriseName: string; criterion: string; authority: string }[];
    };
    const onList = (
      (await api('GET', '/public/serious-dishonesty-list?territory=440703', null)).json() as PublicListing
    ).items;
    expect(onList).toContainEqual(
      expect.objectContaining({
        criterion: '未依法取得安全生产相关许可或者许可被暂扣、吊销期间从事相关生产经营活动',
      }),
    );
    expect(onList[0]?.authority).toBeTruthy();
    // removed early (the 12 months are unverified: warned about in the audit, not refused)
    const removed = await api('POST', `${path}/removal`, head, { reason: '行政复议撤销原处罚决定' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ seriousDishonestyListing: { status: 'removed' } });
    await expectProblem(
      await api('POST', `${path}/removal`, head, { reason: '再次移出' }),
      422,
      'LISTING_NOT_LISTED',
    );
    const after = (
      (await api('GET', '/public/serious-dishonesty-list?territory=440703', null)).json() as PublicListing
    ).items;
    expect(after.map((entry) => entry.id)).not.toContain(onList[0]?.id);
    const [event] = await t.ctx.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, opened.id), eq(auditEvents.action, 'penalty_case.listing.removed')),
      );
    expect((event?.payload as { warning: string }).warning).toContain('待法制审核');
  });

  it('withdraws a revoked decision from the public page at once and publishes the reason (行政处罚法 第四十八条第二款)', async () => {
    const caseId = await servedPenaltyCase(t, { reviewer, inspector, head });
    type Listing = {
      items: { id: string }[];
      withdrawals: { id: string; groundName: string; reason: string }[];
    };
    const listing = async () =>
      (await api('GET', '/public/penalty-decisions?territory=440703', null)).json() as Listing;
    const published = (
      (await api('GET', `/penalty-cases/${caseId}`, inspector)).json() as { publication: { id: string } }
    ).publication;
    expect((await listing()).items.map((entry) => entry.id)).toContain(published.id);

    const path = `/penalty-cases/${caseId}/publication/withdrawal`;
    const body = { ground: 'revoked', groundOn: '2026-11-26', reason: '行政复议机关决定撤销该行政处罚决定' };
    // only the legal reviewer; a ground dated in the future is refused
    await expectProblem(await api('POST', path, inspector, body), 403);
    await expectProblem(
      await api('POST', path, reviewer, { ...body, groundOn: '2026-12-31' }),
      422,
      'PUBLICATION_GROUND_DATE',
    );
    const withdrawn = await api('POST', path, reviewer, body);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      state: 'withdrawn',
      withdrawal: { groundName: '行政处罚决定被依法撤销', due: '2026-12-01', late: false },
    });
    await expectProblem(await api('POST', path, reviewer, body), 422, 'PUBLICATION_WITHDRAWN');
    // off the list, and the reason made public in its place
    const after = await listing();
    expect(after.items.map((entry) => entry.id)).not.toContain(published.id);
    expect(after.withdrawals).toContainEqual(
      expect.objectContaining({ id: published.id, reason: '行政复议机关决定撤销该行政处罚决定' }),
    );
  });
});
