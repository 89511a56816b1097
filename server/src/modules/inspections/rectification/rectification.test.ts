import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { multipartBody, signaturePng } from '../../../../test/images.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { users } from '../../../platform/auth/schema.ts';
import {
  insertInspectionWithFindings,
  type FixtureInspection,
} from '../../../../test/inspection-fixtures.ts';
import { inspections } from '../schema.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import { findings } from '../schema.ts';
import { escalateOverdueOrders } from './escalate-overdue.ts';

type Doc = { id: string; type: string; number: string };
type Order = {
  id: string;
  status: string;
  statusName: string;
  deadline: string;
  deadlineWorkdays: number | null;
  overdue: boolean;
  escalationCandidate: boolean;
  findings: { id: string; howToFix: string }[];
  proofs: { fileIds: string[]; note: string }[];
  reviews: { passed: boolean }[];
  escalation: { reason: string } | null;
  closure: { reason: string } | null;
  documents: Doc[];
};

describe('rectification orders, review, escalation and the end of the visit (measure 13; issue 5 items 7–8)', () => {
  let t: TestContext;
  let inspector: string;
  let portal: string;
  let fixture: FixtureInspection;
  const post = (url: string, cookie: string, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const get = (url: string, cookie: string) => t.app.inject({ url: `/api/v1${url}`, headers: { cookie } });
  // each upload a different picture, as different photos are
  let uploads = 0;
  const uploadProof = (orderId: string, id: string, note = '已整改，见照片', cookie = portal) => {
    uploads += 1;
    const { payload, headers } = multipartBody(
      { id, note },
      { name: 'proof.png', type: 'image/png', data: signaturePng(24 + uploads) },
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/rectification-orders/${orderId}/proofs`,
      headers: { ...headers, cookie },
      payload,
    });
  };
  const documentText = async (id: string) => {
    const response = await get(`/documents/${id}.docx`, inspector);
    expect(response.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')!.async('string');
    return xml.replace(/<[^>]+>/g, '');
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    portal = await t.login('enterprise.demo');
    fixture = await insertInspectionWithFindings(t.ctx, { findings: 3, signed: true });
  });
  afterAll(() => t.close());

  it('issues an order for open findings with a workday deadline and its numbered 责令限期整改指令书, in one transaction', async () => {
    const refused = expectProblem(
      await post(`/inspections/${fixture.inspectionId}/conclude`, inspector),
      422,
      'CONCLUDE_OPEN_FINDINGS',
    );
    expect(refused.measure).toBe(13);

    const response = await post(`/inspections/${fixture.inspectionId}/rectification-orders`, inspector, {
      findingIds: fixture.findingIds.slice(0, 2),
      requirements: '逐项整改，整改期间落实临时管控措施',
      deadline: { workdays: 10 },
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json() as Order;
    expect(order.status).toBe('issued');
    expect(order.deadlineWorkdays).toBe(10);
    expect(order.deadline).toBe('2026-12-10');
    const [document] = order.documents;
    expect(document!.number).toMatch(/^（蓬江）应急责改〔2026〕\d+号$/);
    const text = await documentText(document!.id);
    expect(text).toContain(document!.number);
    expect(text).toContain('2026年12月10日前（10个工作日内）');
    expect(text).toContain('【重大事故隐患】粉尘爆炸危险场所除尘系统未按规定设置泄爆装置');
    // issue 11 item 10: the reviewing government of the issuing bureau (蓬江区), 60 days, six months, the court
    expect(text).toContain(
      '你单位如不服本指令，可以自收到本指令书之日起六十日内向江门市蓬江区人民政府申请行政复议，或者自收到本指令书之日起六个月内依法向江门市蓬江区人民法院提起行政诉讼。',
    );
    expect(text).toContain('本指令不停止执行，法律另有规定的除外');
    expect(text).toContain('依据《中华人民共和国安全生产法》第六十五条第一款第（二）项、第（三）项的规定');

    const statuses = await t.ctx.db
      .select({ status: findings.status })
      .from(findings)
      .where(inArray(findings.id, fixture.findingIds.slice(0, 2)));
    expect(statuses.every((row) => row.status === 'ordered')).toBe(true);
    expectProblem(
      await post(`/inspections/${fixture.inspectionId}/rectification-orders`, inspector, {
        findingIds: [fixture.findingIds[0]],
        requirements: '再次',
        deadline: { workdays: 5 },
      }),
      409,
      'ORDER_FINDING_NOT_OPEN',
    );
    // an inspector of another district does not see the inspection
    const other = await t.login('xinhui.inspector');
    expectProblem(
      await post(`/inspections/${fixture.inspectionId}/rectification-orders`, other, {
        findingIds: [fixture.findingIds[2]],
        requirements: 'x',
        deadline: { workdays: 5 },
      }),
      404,
    );
    expectProblem(await get(`/rectification-orders/${order.id}`, other), 404);
  });

  it('concludes with the 现场检查记录 once every finding is fixed on the spot or ordered, and only then', async () => {
    await t.ctx.db
      .update(findings)
      .set({ status: 'fixed_on_spot' })
      .where(eq(findings.id, fixture.findingIds[2]!));
    const response = await post(`/inspections/${fixture.inspectionId}/conclude`, inspector);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as { stage: string; document: Doc };
    expect(result.stage).toBe('concluded');
    expect(result.document.number).toMatch(/^（蓬江）应急检记〔2026〕\d+号$/);
    const text = await documentText(result.document.id);
    expect(text).toContain('当场整改完毕');
    expect(text).toMatch(/责令限期整改（（蓬江）应急责改〔2026〕\d+号）/);
    expect(text).toContain('周斌');
    // replayed: the same record, no second number
    const again = (await post(`/inspections/${fixture.inspectionId}/conclude`, inspector)).json() as {
      document: Doc;
    };
    expect(again.document.number).toBe(result.document.number);
    expectProblem(
      await post(`/inspections/${fixture.inspectionId}/close`, inspector),
      422,
      'CLOSE_ORDERS_UNSETTLED',
    );
  });

  it('refuses to conclude without the enterprise head’s signature or a recorded refusal (第六十八条)', async () => {
    const unsigned = await insertInspectionWithFindings(t.ctx, { findings: 1 });
    await t.ctx.db
      .update(findings)
      .set({ status: 'fixed_on_spot' })
      .where(eq(findings.inspectionId, unsigned.inspectionId));
    const refusal = expectProblem(
      await post(`/inspections/${unsigned.inspectionId}/conclude`, inspector),
      422,
      'CONCLUDE_NEEDS_ACKNOWLEDGEMENT',
    );
    expect(refusal.basis).toContain('第六十八条');
  });

  it('shows the enterprise its orders with how to fix, takes its proof idempotently, and the review fails then passes', async () => {
    const mine = (await get('/enterprise/rectification-orders', portal)).json() as { items: Order[] };
    const order = mine.items.find((item) => item.status === 'issued')!;
    expect(order.findings[0]!.howToFix).toContain('泄爆装置');
    expect(order.escalationCandidate).toBe(false);
    expectProblem(await get('/enterprise/rectification-orders', inspector), 403);

    const fileId = randomUUID();
    const first = await uploadProof(order.id, fileId);
    expect(first.statusCode, first.body).toBe(201);
    expect((first.json() as Order).status).toBe('proof_submitted');
    const replay = await uploadProof(order.id, fileId);
    expect(replay.statusCode).toBe(200);
    const joined = (await uploadProof(order.id, randomUUID(), '补充培训记录')).json() as Order;
    expect(joined.proofs).toHaveLength(1);
    expect(joined.proofs[0]!.fileIds).toHaveLength(2);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/rectification-orders/${order.id}/files/${fileId}`,
          headers: { cookie: portal },
        })
      ).statusCode,
    ).toBe(200);

    // the enterprise cannot review its own order
    expectProblem(await post(`/rectification-orders/${order.id}/review`, portal, { passed: true }), 404);
    expectProblem(await post(`/rectification-orders/${order.id}/review`, inspector, { passed: false }), 400);
    const failed = await post(`/rectification-orders/${order.id}/review`, inspector, {
      passed: false,
      comment: '培训记录仍缺两人',
      results: [
        { findingId: fixture.findingIds[0], passed: true, note: '已设置泄爆装置' },
        { findingId: fixture.findingIds[1], passed: false, note: '仍缺两人' },
      ],
      acknowledgement: { signed: false, signerName: '周斌', refusalNote: '拒绝签字，张伟、何建华见证' },
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const afterFail = failed.json() as Order;
    expect(afterFail.status).toBe('failed');
    const review = afterFail.documents.find((doc) => doc.type === 'rectification_review')!;
    const reviewText = await documentText(review.id);
    expect(reviewText).toContain(review.number);
    expect(reviewText).toContain(
      afterFail.documents.find((doc) => doc.type === 'rectification_order')!.number,
    );
    expect(reviewText).toContain('未整改到位');
    expect(reviewText).toContain('拒绝签字，张伟、何建华见证');

    expect((await uploadProof(order.id, randomUUID(), '已补齐')).statusCode).toBe(201);
    const passed = (
      await post(`/rectification-orders/${order.id}/review`, inspector, { passed: true, comment: '' })
    ).json() as Order;
    expect(passed.status).toBe('rectified');
    expect(passed.statusName).toBe('已整改（复查通过）');
    expect(passed.proofs).toHaveLength(2);
    expect(passed.documents.filter((doc) => doc.type === 'rectification_review')).toHaveLength(2);
    // a rectified order takes no more proof
    expectProblem(await uploadProof(order.id, randomUUID()), 422, 'RECTIFICATION_TRANSITION_NOT_ALLOWED');

    // measure 15 (issue 11 item 8): the major hidden danger was ordered and rectified, yet the order alone does not
    // close it: its 移交立案审查 waits for the legal reviewer, and the inspection cannot close meanwhile
    const blocked = expectProblem(
      await post(`/inspections/${fixture.inspectionId}/close`, inspector),
      422,
      'CLOSE_CASE_REFERRAL_OPEN',
    );
    expect(blocked.measure).toBe(15);
    expect(blocked.basis).toContain('第一百零二条');
    const reviewer = await t.login('pengjiang.reviewer');
    const referrals = (
      await get(`/case-referrals?inspectionId=${fixture.inspectionId}`, reviewer)
    ).json() as { items: { id: string; status: string; description: string }[] };
    expect(referrals.items).toEqual([
      expect.objectContaining({
        status: 'open',
        description: '粉尘爆炸危险场所除尘系统未按规定设置泄爆装置',
      }),
    ]);
    const referralId = referrals.items[0]!.id;
    // only the legal reviewer settles it, and never without a case reference or a reason citing the rule
    expectProblem(
      await post(`/case-referrals/${referralId}/decision`, inspector, {
        outcome: 'case_opened',
        caseReference: 'x',
      }),
      403,
    );
    expectProblem(
      await post(`/case-referrals/${referralId}/decision`, reviewer, {
        outcome: 'no_case',
        reason: '已整改',
      }),
      400,
    );
    const decided = await post(`/case-referrals/${referralId}/decision`, reviewer, {
      outcome: 'case_opened',
      caseReference: '（蓬江）应急立〔2026〕3号',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'case_opened',
      statusName: '已立案',
      decidedByName: expect.any(String),
    });
    expectProblem(
      await post(`/case-referrals/${referralId}/decision`, reviewer, {
        outcome: 'case_opened',
        caseReference: 'y',
      }),
      422,
      'CASE_REFERRAL_ALREADY_DECIDED',
    );

    const closed = await post(`/inspections/${fixture.inspectionId}/close`, inspector);
    expect(closed.statusCode, closed.body).toBe(200);
    const [row] = await t.ctx.db
      .select({ stage: inspections.stage, closedAt: inspections.closedAt })
      .from(inspections)
      .where(eq(inspections.id, fixture.inspectionId));
    expect(row!.stage).toBe('closed');
    const actions = (
      await t.ctx.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, fixture.inspectionId))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'rectification.order.issued',
        'rectification.proof.submitted',
        'rectification.order.reviewed',
        'inspection.document.issued',
        'inspection.concluded',
        'inspection.case_referral.opened',
        'inspection.case_referral.decided',
        'inspection.closed',
      ]),
    );
  });

  it('escalates overdue orders once as 移交立案 candidates, notifying the heads of the territory; a head may close one without rectification, shown apart', async () => {
    const late = await insertInspectionWithFindings(t.ctx, { findings: 1, refused: true });
    const issued = (
      await post(`/inspections/${late.inspectionId}/rectification-orders`, inspector, {
        findingIds: late.findingIds,
        requirements: '立即整改',
        deadline: { date: '2026-12-01' },
      })
    ).json() as Order;
    expect(issued.deadlineWorkdays).toBeNull();

    t.setNow(new Date('2026-12-03T01:00:00Z'));
    // sessions from a week ago have expired
    const unithead = await t.login('pengjiang.unithead');
    const officer = await t.login('pengjiang.inspector');
    const overdue = (await get('/rectification-orders?overdue=true', unithead)).json() as { items: Order[] };
    expect(overdue.items.map((item) => item.id)).toContain(issued.id);

    const first = await escalateOverdueOrders(t.ctx);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueOrders(t.ctx)).toEqual({ escalated: 0, notified: 0 });
    const heads = await t.ctx.db
      .select({ username: users.username })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(
        and(
          eq(notifications.kind, 'rectification_escalated'),
          eq(notifications.dedupeKey, `rectification_escalated:${issued.id}`),
        ),
      );
    expect(heads.map((h) => h.username)).toEqual(
      expect.arrayContaining(['pengjiang.unithead', 'pengjiang.head', 'city.unithead', 'city.head']),
    );
    expect(heads.map((h) => h.username)).not.toContain('pengjiang.inspector');

    const candidates = (await get('/rectification-orders?candidates=true', unithead)).json() as {
      items: Order[];
    };
    const candidate = candidates.items.find((item) => item.id === issued.id)!;
    expect(candidate.status).toBe('escalated');
    expect(candidate.escalationCandidate).toBe(true);
    expect(candidate.escalation!.reason).toContain('2026-12-01');

    expectProblem(
      await post(`/rectification-orders/${issued.id}/close-without-rectification`, officer, {
        reason: '企业已关闭',
      }),
      403,
    );
    const closed = (
      await post(`/rectification-orders/${issued.id}/close-without-rectification`, unithead, {
        reason: '企业已注销，移交立案处理',
      })
    ).json() as Order;
    expect(closed.status).toBe('closed_without_rectification');
    expect(closed.statusName).toBe('未经整改关闭');
    expect(closed.closure!.reason).toBe('企业已注销，移交立案处理');
    t.setNow(new Date('2026-11-26T02:00:00Z'));
  });

  // issue 12 item 7: separation of duties
  it('never lets the head who issued an order close it without rectification; another head may', async () => {
    const unithead = await t.login('pengjiang.unithead');
    const own = await insertInspectionWithFindings(t.ctx, { findings: 1, signed: true });
    const issued = await post(`/inspections/${own.inspectionId}/rectification-orders`, unithead, {
      findingIds: own.findingIds,
      requirements: '立即清理疏散通道',
      deadline: { date: '2026-12-20' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const order = issued.json() as Order;
    expectProblem(
      await post(`/rectification-orders/${order.id}/close-without-rectification`, unithead, {
        reason: '企业已注销',
      }),
      403,
      'ORDER_CLOSED_BY_ISSUER',
    );
    const closed = await post(
      `/rectification-orders/${order.id}/close-without-rectification`,
      await t.login('pengjiang.head'),
      {
        reason: '企业已注销',
      },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Order).status).toBe('closed_without_rectification');
  });
});
