import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { apiCaller, servedPenaltyCase } from '../../../test/case-fixtures.ts';
import { expectProblem } from '../../../test/problem.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { certificates, officers } from '../officers/schema.ts';

// Issue 17 item 10 (measure 30): an accountability record, drafted by one person and approved by a bureau head
// who did not draft it, suspends the officer's certificate (so the measure-10 guard refuses him) and, for a
// 撤销 of a penalty decision, withdraws the decision's publication with its reason.

type RecordView = {
  id: string;
  status: string;
  mayApprove: boolean;
  whyNotApprove: string | null;
  warnings: string[];
  persons: { officerId: string; certificateEffect: string | null; sanctionName: string }[];
};

describe('accountability records (measure 30)', () => {
  let t: TestContext;
  let reviewer: string;
  let head: string;
  let inspector: string;
  let xinhuiInspector: string;
  let officerId: string;
  let xinhuiOfficerId: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);
  const draft = (overrides: Record<string, unknown> = {}) => ({
    kind: 'improper',
    facts: '在检查中对同类隐患畸轻畸重，选择性执法',
    origin: 'complaint',
    originReference: '12345-2026-0088',
    persons: [{ officerId, sanction: 'certificate_suspended', note: '暂扣三个月' }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    inspector = await t.login('pengjiang.inspector');
    xinhuiInspector = await t.login('xinhui.inspector');
    const officerIn = async (territory: string) =>
      (
        await t.ctx.db
          .select({ id: officers.id })
          .from(officers)
          .innerJoin(certificates, eq(certificates.officerId, officers.id))
          .where(and(eq(officers.territory, territory), eq(certificates.status, 'valid')))
          .limit(1)
      )[0]!.id;
    officerId = await officerIn('440703');
    xinhuiOfficerId = await officerIn('440705');
  });
  afterAll(() => t.close());

  it('suspends the certificate on approval by another person, and the guard then refuses the officer', async () => {
    const drafted = await api('POST', '/accountability-records', reviewer, draft());
    expect(drafted.statusCode, drafted.body).toBe(201);
    const record = drafted.json() as RecordView;
    expect(record).toMatchObject({ status: 'draft', mayApprove: false });
    // nothing happens to the certificate before approval
    expect(
      (await api('GET', `/officers/${officerId}/eligibility`, head)).json() as { ok: boolean },
    ).toMatchObject({ ok: true });
    const submitted = await api('POST', `/accountability-records/${record.id}/submission`, reviewer);
    expect(submitted.statusCode, submitted.body).toBe(200);
    // the drafter may not approve (nor may a legal reviewer at all), the inspector does not even read it
    await expectProblem(
      await api('POST', `/accountability-records/${record.id}/approval`, reviewer, {}),
      403,
    );
    await expectProblem(await api('GET', `/accountability-records/${record.id}`, inspector), 404);
    expect(
      ((await api('GET', `/accountability-records/${record.id}`, head)).json() as RecordView).mayApprove,
    ).toBe(true);
    const approved = await api('POST', `/accountability-records/${record.id}/approval`, head, {
      note: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      persons: [{ officerId, certificateEffect: 'suspended', sanctionName: '暂扣行政执法证' }],
    });
    const eligibility = (await api('GET', `/officers/${officerId}/eligibility`, head)).json() as {
      ok: boolean;
      code: string;
      message: string;
    };
    expect(eligibility).toMatchObject({ ok: false, code: 'CERTIFICATE_SUSPENDED' });
    expect(eligibility.message).toContain('已被暂扣');
    const actions = (
      await t.ctx.db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents)
    ).filter((event) => event.entityId === record.id || event.entityId === officerId);
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'accountability_record.drafted',
        'accountability_record.submitted',
        'accountability_record.approved',
        'officer.certificate_status.changed',
      ]),
    );
    // the officer's page lists his records
    const mine = (await api('GET', `/accountability-records?officerId=${officerId}`, reviewer)).json() as {
      items: { id: string }[];
    };
    expect(mine.items.map((item) => item.id)).toContain(record.id);
    await expectProblem(await api('POST', `/accountability-records/${record.id}/approval`, head, {}), 422);
  });

  it('never lets a bureau head approve his own draft', async () => {
    const drafted = (await api('POST', '/accountability-records', head, draft({ persons: [] }))).statusCode;
    expect(drafted).toBe(400);
    const record = (
      await api(
        'POST',
        '/accountability-records',
        head,
        draft({ persons: [{ officerId, sanction: 'public_criticism' }] }),
      )
    ).json() as RecordView;
    await api('POST', `/accountability-records/${record.id}/submission`, head);
    const view = (await api('GET', `/accountability-records/${record.id}`, head)).json() as RecordView;
    expect(view).toMatchObject({ mayApprove: false });
    expect(view.whyNotApprove).toContain('本人起草');
    await expectProblem(
      await api('POST', `/accountability-records/${record.id}/approval`, head, {}),
      403,
      'ACCOUNTABILITY_OWN_DRAFT',
    );
  });

  it('refuses another bureau’s officer and case, bad input, and warns of an unverified sanction', async () => {
    await expectProblem(
      await api(
        'POST',
        '/accountability-records',
        reviewer,
        draft({ persons: [{ officerId: xinhuiOfficerId, sanction: 'public_criticism' }] }),
      ),
      404,
    );
    await expectProblem(
      await api(
        'POST',
        '/accountability-records',
        reviewer,
        draft({ correction: { kind: 'order_correction', detail: '重新检查' } }),
      ),
      422,
      'ACCOUNTABILITY_DEADLINE_NEEDED',
    );
    await expectProblem(
      await api('POST', '/accountability-records', reviewer, draft({ correction: { kind: 'revoke' } })),
      422,
      'ACCOUNTABILITY_DECISION_NEEDS_CASE',
    );
    await expectProblem(
      await api('POST', '/accountability-records', reviewer, draft({ facts: '事实\u0000含空字符' })),
      400,
    );
    await expectProblem(
      await api('POST', '/accountability-records', reviewer, draft({ facts: 'x'.repeat(5000) })),
      400,
    );
    await expectProblem(await api('GET', '/accountability-records/not-a-uuid', reviewer), 404);
    await expectProblem(await api('GET', '/accountability-records', xinhuiInspector), 403);
    const warned = (
      await api(
        'POST',
        '/accountability-records',
        reviewer,
        draft({ persons: [{ officerId, sanction: 'duty_rules_accountability' }] }),
      )
    ).json() as RecordView;
    expect(warned.warnings[0]).toContain('待法制审核');
  });

  it.each([
    { kind: 'revoke', name: '撤销', detail: '认定事实不清、证据不足' },
    { kind: 'vary', name: '变更', detail: '罚款数额明显不当，变更为警告' },
  ])(
    'a $name of a penalty decision withdraws its publication on approval, the reason public',
    async (correction) => {
      const caseId = await servedPenaltyCase(t, { reviewer, inspector, head });
      const publication = (
        (await api('GET', `/penalty-cases/${caseId}`, inspector)).json() as { publication: { id: string } }
      ).publication;
      const record = (
        await api(
          'POST',
          '/accountability-records',
          reviewer,
          draft({
            kind: 'unlawful',
            origin: 'case_review',
            penaltyCaseId: caseId,
            correction: { kind: correction.kind, detail: correction.detail },
            persons: [{ officerId, sanction: 'written_self_criticism' }],
            referral: { referredOn: '2026-11-20', note: '涉嫌违纪' },
          }),
        )
      ).json() as RecordView;
      await api('POST', `/accountability-records/${record.id}/submission`, reviewer);
      const approved = await api('POST', `/accountability-records/${record.id}/approval`, head, {});
      expect(approved.statusCode, approved.body).toBe(200);
      const listing = (await api('GET', '/public/penalty-decisions?territory=440703', null)).json() as {
        items: { id: string }[];
        withdrawals: { id: string; groundName: string; reason: string }[];
      };
      expect(listing.items.map((entry) => entry.id)).not.toContain(publication.id);
      expect(listing.withdrawals).toContainEqual(
        expect.objectContaining({
          id: publication.id,
          groundName: `行政处罚决定被依法${correction.name}`,
          reason: `经执法监督，该行政处罚决定已被依法${correction.name}：${correction.detail}`,
        }),
      );
      const completed = await api(
        'POST',
        `/accountability-records/${record.id}/correction-completion`,
        reviewer,
        {
          completedOn: '2026-11-20',
          note: `已${correction.name}原决定`,
        },
      );
      expect(completed.statusCode, completed.body).toBe(200);
    },
  );

  it('links the complaint it was opened from, within the territory, and both sides list the link', async () => {
    const receive = async (cookie: string, summary: string) => {
      const response = await api('POST', '/complaints', cookie, {
        channel: 'online',
        summary,
        receivedOn: '2026-11-20',
        officerId: null,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const own = await receive(inspector, '投诉执法人员检查时选择性执法');
    const xinhuiComplaint = await receive(xinhuiInspector, '投诉新会区执法人员');
    const cityReviewer = await t.login('city.reviewer');
    const cityComplaint = await receive(cityReviewer, '投诉市局执法人员');

    const drafted = await api('POST', '/accountability-records', reviewer, draft({ complaintId: own }));
    expect(drafted.statusCode, drafted.body).toBe(201);
    const record = drafted.json() as RecordView & { complaint: { id: string; summary: string } | null };
    expect(record.complaint).toMatchObject({ id: own, summary: '投诉执法人员检查时选择性执法' });
    const [event] = await t.ctx.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, record.id), eq(auditEvents.action, 'accountability_record.drafted')),
      );
    expect(event!.payload).toMatchObject({ complaintId: own });

    // another district's complaint, the city's (not visible to a district), and an unknown one answer 404
    for (const complaintId of [xinhuiComplaint, cityComplaint, crypto.randomUUID()])
      await expectProblem(
        await api('POST', '/accountability-records', reviewer, draft({ complaintId })),
        404,
      );
    // a city reviewer revising the district's record may not hang the city's complaint on it
    const revised = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accountability-records/${record.id}`,
      headers: { cookie: cityReviewer },
      payload: draft({ complaintId: cityComplaint }),
    });
    await expectProblem(revised, 400, 'ACCOUNTABILITY_COMPLAINT_OUTSIDE_TERRITORY');

    // the complaint lists the records opened from it, for those who may read them only
    type ComplaintView = { accountabilityRecords: { id: string; statusName: string }[] };
    const seenByReviewer = (await api('GET', `/complaints/${own}`, reviewer)).json() as ComplaintView;
    expect(seenByReviewer.accountabilityRecords).toEqual([
      { id: record.id, kindName: expect.any(String), statusName: '草稿' },
    ]);
    const seenByInspector = (await api('GET', `/complaints/${own}`, inspector)).json() as ComplaintView;
    expect(seenByInspector.accountabilityRecords).toEqual([]);
    const listed = (await api('GET', '/complaints', head)).json() as {
      items: (ComplaintView & { id: string })[];
    };
    expect(listed.items.find((item) => item.id === own)?.accountabilityRecords.map((r) => r.id)).toEqual([
      record.id,
    ]);
    const ofComplaint = (await api('GET', `/accountability-records?complaintId=${own}`, head)).json() as {
      items: { id: string }[];
    };
    expect(ofComplaint.items.map((item) => item.id)).toEqual([record.id]);
  });
});
