import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { apiCaller, insertCaseReferral } from '../../../../test/case-fixtures.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { users } from '../../../platform/auth/schema.ts';
import { penaltyCases } from '../schema.ts';
import { caseFineArrangements } from './schema.ts';

// Issue 15 item 3 after service (履行): a case with a fine closes once the fine is paid in full, once the court has
// been asked to enforce it (after the 催告 and its ten days), or on a written legal ground; 暂缓/分期 on the head's
// approval, never the recorder's.

type Performance = {
  fineFen: number;
  paidFen: number;
  outstandingFen: number;
  standardDueOn: string;
  dueOn: string | null;
  overdue: boolean;
  surchargeFen: number;
  payments: { amountFen: number; reference: string }[];
  arrangements: { id: string; status: string; kind: string }[];
  reminder: { servedOn: string } | null;
  reminders: {
    servedOn: string;
    documentNumber: string | null;
    overdueFen: number;
    outstandingFen: number;
  }[];
  courtApplication: { court: string; warnings: string[] } | null;
  courtMayApplyFrom: string | null;
  closable: boolean;
  closingGround: string | null;
  warnings: { code: string; state: string }[];
};
const docxText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
};

type Detail = { id: string; status: string; closingGround: string | null; performance: Performance | null };

describe('the performance of a fine (issue 15 item 3, after service)', () => {
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

  // a case whose decision of a 10,000-yuan fine was served on 2026-11-20 (the clock stands at 2026-11-26)
  const servedCase = async () => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    await t.ctx.db
      .update(penaltyCases)
      .set({
        status: 'served',
        violationCode: 'wsl_102_1',
        committedOn: '2026-11-01',
        decisionTier: 'ordinary',
        decisionAmountFen: 1_000_000,
        decidedOn: '2026-11-19',
        servedOn: '2026-11-20',
        creditRepairNoticeServed: true,
      })
      .where(eq(penaltyCases.id, opened.id));
    return opened.id;
  };
  const detail = async (id: string) => (await api('GET', `/penalty-cases/${id}`, inspector)).json() as Detail;
  const close = (id: string, body: Record<string, unknown> = {}) =>
    api('POST', `/penalty-cases/${id}/actions`, inspector, { action: 'close', ...body });

  it('keeps an unpaid case open, refuses overpayment and payment before service, and closes once paid', async () => {
    const id = await servedCase();
    const before = await detail(id);
    expect(before.performance).toMatchObject({
      fineFen: 1_000_000,
      outstandingFen: 1_000_000,
      standardDueOn: '2026-12-05',
      dueOn: '2026-12-05',
      overdue: false,
      surchargeFen: 0,
      closable: false,
    });
    const refusal = await expectProblem(await close(id), 422, 'CASE_FINE_NOT_PERFORMED');
    expect(refusal).toMatchObject({ measure: 15 });
    expect(refusal.basis).toContain('行政强制法');

    const path = `/penalty-cases/${id}/fine-payments`;
    const payment = { paidOn: '2026-11-24', amountFen: 400_000, reference: 'JM20261124001' };
    await expectProblem(await api('POST', path, inspector, { ...payment, amountFen: -5 }), 400);
    await expectProblem(await api('POST', path, inspector, { ...payment, reference: '' }), 400);
    await expectProblem(await api('POST', path, xinhuiInspector, payment), 404);
    await expectProblem(
      await api('POST', path, inspector, { ...payment, paidOn: '2026-11-19' }),
      422,
      'FINE_PAYMENT_BEFORE_SERVICE',
    );
    await expectProblem(
      await api('POST', path, inspector, { ...payment, amountFen: 1_000_001 }),
      422,
      'FINE_OVERPAID',
    );
    const partly = await api('POST', path, inspector, payment);
    expect(partly.statusCode, partly.body).toBe(200);
    expect((partly.json() as Detail).performance).toMatchObject({
      paidFen: 400_000,
      outstandingFen: 600_000,
    });
    await expectProblem(
      await api('POST', path, inspector, { ...payment, amountFen: 600_001 }),
      422,
      'FINE_OVERPAID',
    );
    await expectProblem(await close(id), 422, 'CASE_FINE_NOT_PERFORMED');
    expect(
      (await api('POST', path, inspector, { ...payment, amountFen: 600_000, reference: 'JM20261125002' }))
        .statusCode,
    ).toBe(200);
    const closed = await close(id);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json() as Detail).toMatchObject({
      status: 'closed',
      closingGround: '罚款已全额缴纳（2026-11-24）',
    });
    // nothing more is recorded on a closed case
    await expectProblem(await api('POST', path, inspector, payment), 409, 'FINE_NOT_IN_PERFORMANCE');

    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'penalty_case'), eq(auditEvents.entityId, id)));
    expect(events.filter((event) => event.action === 'penalty_case.fine_payment.recorded')).toHaveLength(2);
  });

  it('takes instalments summing to the fine, approved by the head but never by the one who recorded them', async () => {
    const id = await servedCase();
    const path = `/penalty-cases/${id}/fine-arrangements`;
    const application = {
      kind: 'instalment',
      appliedOn: '2026-11-25',
      reason: '企业资金周转困难，提供近三个月银行流水',
      instalments: [
        { dueOn: '2026-12-20', amountFen: 500_000 },
        { dueOn: '2027-01-20', amountFen: 400_000 },
      ],
    };
    await expectProblem(await api('POST', path, inspector, application), 422, 'FINE_INSTALMENTS_NOT_FINE');
    const instalments = [
      { dueOn: '2026-12-20', amountFen: 500_000 },
      { dueOn: '2027-01-20', amountFen: 500_000 },
    ];
    const applied = await api('POST', path, inspector, { ...application, instalments });
    expect(applied.statusCode, applied.body).toBe(200);
    const arrangement = (applied.json() as Detail).performance!.arrangements[0]!;
    expect(arrangement.status).toBe('applied');
    await expectProblem(
      await api('POST', path, inspector, { ...application, instalments }),
      422,
      'FINE_ARRANGEMENT_OPEN',
    );
    const decision = `${path}/${arrangement.id}/decision`;
    // officers do not approve; nor does the head approve an application he recorded himself
    await expectProblem(await api('POST', decision, inspector, { approve: true }), 403);
    const [headUser] = await t.ctx.db.select().from(users).where(eq(users.username, 'pengjiang.head'));
    const [row] = await t.ctx.db
      .select()
      .from(caseFineArrangements)
      .where(eq(caseFineArrangements.id, arrangement.id));
    await t.ctx.db
      .update(caseFineArrangements)
      .set({ recordedBy: headUser!.id })
      .where(eq(caseFineArrangements.id, arrangement.id));
    const self = await expectProblem(
      await api('POST', decision, head, { approve: true }),
      422,
      'FINE_ARRANGEMENT_APPROVER_IS_RECORDER',
    );
    expect(self.measure).toBe(17);
    await t.ctx.db
      .update(caseFineArrangements)
      .set({ recordedBy: row!.recordedBy })
      .where(eq(caseFineArrangements.id, arrangement.id));
    const approved = await api('POST', decision, head, { approve: true, note: '同意分两期缴纳' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as Detail).performance).toMatchObject({
      dueOn: '2026-12-20',
      arrangements: [{ status: 'approved' }],
    });
    await expectProblem(
      await api('POST', decision, head, { approve: false }),
      409,
      'FINE_ARRANGEMENT_DECIDED',
    );
  });

  it('applies to the court only ten days after the reminder was served, and then closes on that ground', async () => {
    const id = await servedCase();
    const reminder = `/penalty-cases/${id}/fine-reminder`;
    const court = `/penalty-cases/${id}/court-enforcement`;
    // not overdue yet: no 催告, and no application without one
    await expectProblem(
      await api('POST', reminder, inspector, { servedOn: '2026-11-26' }),
      422,
      'FINE_NOT_OVERDUE',
    );
    await expectProblem(
      await api('POST', court, inspector, { appliedOn: '2026-11-26', court: '江门市蓬江区人民法院' }),
      422,
      'FINE_REMINDER_MISSING',
    );
    const start = t.ctx.clock.now();
    try {
      t.setNow(new Date('2026-12-10T10:00:00+08:00'));
      let officer = await t.login('pengjiang.inspector');
      const overdue = (await api('GET', `/penalty-cases/${id}`, officer)).json() as Detail;
      expect(overdue.performance).toMatchObject({ overdue: true, surchargeFen: 150_000 });
      expect(overdue.performance!.warnings).toContainEqual({
        code: 'fine_payment_due',
        name: '缴纳罚款',
        due: '2026-12-05',
        state: 'overdue',
      });
      t.setNow(new Date('2026-12-08T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      // each 催告 is a numbered 罚款催缴通知书: none issued yet
      await expectProblem(
        await api('POST', reminder, officer, { servedOn: '2026-12-08' }),
        422,
        'FINE_REMINDER_DOCUMENT_MISSING',
      );
      const notice = await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' });
      expect(notice.statusCode, notice.body).toBe(201);
      const reminded = await api('POST', reminder, officer, { servedOn: '2026-12-08', note: '直接送达' });
      expect(reminded.statusCode, reminded.body).toBe(200);
      expect((reminded.json() as Detail).performance?.courtMayApplyFrom).toBe('2026-12-19');
      expect((reminded.json() as Detail).performance?.reminders).toEqual([
        expect.objectContaining({
          servedOn: '2026-12-08',
          documentNumber: (notice.json() as { document: { number: string } }).document.number,
          overdueFen: 1_000_000,
          outstandingFen: 1_000_000,
        }),
      ]);

      t.setNow(new Date('2026-12-20T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      const early = await expectProblem(
        await api('POST', court, officer, { appliedOn: '2026-12-18', court: '江门市蓬江区人民法院' }),
        422,
        'FINE_REMINDER_NOT_ELAPSED',
      );
      expect(early.basis).toContain('第五十四条');
      const applied = await api('POST', court, officer, {
        appliedOn: '2026-12-19',
        court: '江门市蓬江区人民法院',
      });
      expect(applied.statusCode, applied.body).toBe(200);
      // before the challenge periods have run: recorded, with a warning for the legal reviewer
      expect((applied.json() as Detail).performance?.courtApplication?.warnings[0]).toContain('期限届满');
      const closed = await api('POST', `/penalty-cases/${id}/actions`, officer, { action: 'close' });
      expect(closed.statusCode, closed.body).toBe(200);
      expect((closed.json() as Detail).closingGround).toBe(
        '已于 2026-12-19 申请江门市蓬江区人民法院强制执行',
      );
    } finally {
      t.setNow(start);
    }
  });

  it('closes an unpaid fine on a written legal ground, and a case without a fine as before', async () => {
    const id = await servedCase();
    const closed = await close(id, { closingGround: '行政处罚决定已被复议机关撤销' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Detail).closingGround).toBe('行政处罚决定已被复议机关撤销');
    const warned = await servedCase();
    await t.ctx.db.update(penaltyCases).set({ decisionAmountFen: null }).where(eq(penaltyCases.id, warned));
    expect((await detail(warned)).performance).toBeNull();
    expect((await close(warned)).statusCode).toBe(200);
  });
  it('serves a second 催告 once a partial payment changed the amount overdue; the court counts from the latest', async () => {
    const id = await servedCase();
    const reminder = `/penalty-cases/${id}/fine-reminder`;
    const start = t.ctx.clock.now();
    try {
      t.setNow(new Date('2026-12-08T10:00:00+08:00'));
      let officer = await t.login('pengjiang.inspector');
      const first = (
        await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' })
      ).json() as { document: { number: string } };
      expect((await api('POST', reminder, officer, { servedOn: '2026-12-08' })).statusCode).toBe(200);
      t.setNow(new Date('2026-12-12T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      // nothing changed: no second 催告 (and no second notice to bind it to)
      await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' });
      await expectProblem(
        await api('POST', reminder, officer, { servedOn: '2026-12-12' }),
        422,
        'FINE_REMINDER_RECORDED',
      );
      const paid = await api('POST', `/penalty-cases/${id}/fine-payments`, officer, {
        paidOn: '2026-12-11',
        amountFen: 400_000,
        reference: 'NO-2026-1211',
      });
      expect(paid.statusCode, paid.body).toBe(200);
      // a notice issued after the payment states what is left
      const second = (
        await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' })
      ).json() as { document: { number: string } };
      await expectProblem(
        await api('POST', reminder, officer, { servedOn: '2026-12-08' }),
        422,
        'FINE_REMINDER_BEFORE_LATEST',
      );
      const again = await api('POST', reminder, officer, {
        servedOn: '2026-12-12',
        note: '部分缴纳后再次催告',
      });
      expect(again.statusCode, again.body).toBe(200);
      const performance = (again.json() as Detail).performance!;
      expect(performance.reminders.map((r) => [r.servedOn, r.overdueFen])).toEqual([
        ['2026-12-08', 1_000_000],
        ['2026-12-12', 600_000],
      ]);
      expect(performance.reminders[0]!.documentNumber).toBe(first.document.number);
      // the latest unbound notice is the one served the second time
      expect(performance.reminders[1]!.documentNumber).toBe(second.document.number);
      expect(performance.reminders[1]!.documentNumber).not.toBe(first.document.number);
      // ten days from the latest 催告
      expect(performance.courtMayApplyFrom).toBe('2026-12-23');
      const events = await t.ctx.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'penalty_case.fine_reminder.recorded')),
        );
      expect(events).toHaveLength(2);
    } finally {
      t.setNow(start);
    }
  });
  it('states the approved instalments in the 罚款催缴通知书 and adds 加处罚款 only on the instalment overdue', async () => {
    const id = await servedCase();
    const path = `/penalty-cases/${id}/fine-arrangements`;
    const applied = await api('POST', path, inspector, {
      kind: 'instalment',
      appliedOn: '2026-11-25',
      reason: '经营困难',
      instalments: [
        { dueOn: '2026-12-20', amountFen: 300_000 },
        { dueOn: '2027-01-20', amountFen: 700_000 },
      ],
    });
    const arrangement = (applied.json() as Detail).performance!.arrangements[0]!;
    expect(
      (await api('POST', `${path}/${arrangement.id}/decision`, head, { approve: true })).statusCode,
    ).toBe(200);
    const start = t.ctx.clock.now();
    try {
      // past the fifteen days (12-05) but before the first instalment: not overdue, no notice, no surcharge
      t.setNow(new Date('2026-12-15T10:00:00+08:00'));
      let officer = await t.login('pengjiang.inspector');
      expect(
        ((await api('GET', `/penalty-cases/${id}`, officer)).json() as Detail).performance,
      ).toMatchObject({ overdue: false, surchargeFen: 0, dueOn: '2026-12-20' });
      await expectProblem(
        await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' }),
        422,
      );
      // five days after the first instalment's day: 3% of 3,000 元 a day, the second instalment adds nothing
      t.setNow(new Date('2026-12-25T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      const performance = ((await api('GET', `/penalty-cases/${id}`, officer)).json() as Detail).performance!;
      expect(performance).toMatchObject({ overdue: true, surchargeFen: 45_000 });
      const notice = await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' });
      expect(notice.statusCode, notice.body).toBe(201);
      const documentId = (notice.json() as { document: { id: string } }).document.id;
      const file = await t.app.inject({
        url: `/api/v1/case-documents/${documentId}.docx`,
        headers: { cookie: officer },
      });
      const text = (await docxText(file.rawPayload)).replace(/\s+/g, '');
      expect(text).toContain('本机关已批准分期缴纳');
      expect(text).toContain('第1期应当于2026年12月20日前缴纳');
      expect(text).toContain('第2期应当于2027年1月20日前缴纳');
      expect(text).toContain('已逾期5日');
      expect(text).toContain('其余罚款按批准的期限缴纳');
      expect(text).not.toContain('至今未缴纳');
    } finally {
      t.setNow(start);
    }
  });
  it('warns on the workbench of the court application’s three months ending within the horizon', async () => {
    const id = await servedCase();
    const start = t.ctx.clock.now();
    try {
      // served 11-20: the later challenge period (six months, placeholder) ends 2027-05-20, the three months 08-20
      t.setNow(new Date('2027-08-15T10:00:00+08:00'));
      const officer = await t.login('pengjiang.inspector');
      const bench = (await api('GET', '/workbench', officer)).json() as {
        items: { key: string; rows: { title: string; date: string; caseId?: string }[] }[];
      };
      const rows = bench.items.find((item) => item.key === 'fine_deadlines')?.rows ?? [];
      expect(rows.filter((row) => row.caseId === id)).toEqual([
        expect.objectContaining({
          date: '2027-08-20',
          title: expect.stringContaining('申请人民法院强制执行的三个月期限届满') as string,
        }),
      ]);
    } finally {
      t.setNow(start);
    }
  });

  it('warns on the workbench of a payment period and a 催告 period ending within the horizon, with its date', async () => {
    const id = await servedCase();
    const start = t.ctx.clock.now();
    type Bench = {
      items: { key: string; count: number; rows: { title: string; date: string; caseId?: string }[] }[];
    };
    const finesOn = async (cookie: string) =>
      ((await api('GET', '/workbench', cookie)).json() as Bench).items
        .find((item) => item.key === 'fine_deadlines')
        ?.rows.filter((row) => row.caseId === id) ?? [];
    try {
      // 2026-11-26: the payment period ends 12-05, beyond the seven days
      expect(await finesOn(inspector)).toEqual([]);
      t.setNow(new Date('2026-11-30T10:00:00+08:00'));
      let officer = await t.login('pengjiang.inspector');
      expect(await finesOn(officer)).toEqual([
        expect.objectContaining({
          date: '2026-12-05',
          title: expect.stringContaining('缴纳罚款期限届满') as string,
        }),
      ]);
      // another district's officer does not see it
      expect(await finesOn(await t.login('xinhui.inspector'))).toEqual([]);
      // the 催告 served on 12-08: its ten days end on 12-18
      t.setNow(new Date('2026-12-08T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      await api('POST', `/penalty-cases/${id}/documents`, officer, { type: 'fine_reminder' });
      expect(
        (await api('POST', `/penalty-cases/${id}/fine-reminder`, officer, { servedOn: '2026-12-08' }))
          .statusCode,
      ).toBe(200);
      t.setNow(new Date('2026-12-12T10:00:00+08:00'));
      officer = await t.login('pengjiang.inspector');
      expect(await finesOn(officer)).toEqual([
        expect.objectContaining({
          date: '2026-12-18',
          title: expect.stringContaining('催告书送达满十日') as string,
        }),
      ]);
      // paid in full: nothing left to warn about
      await api('POST', `/penalty-cases/${id}/fine-payments`, officer, {
        paidOn: '2026-12-12',
        amountFen: 1_000_000,
        reference: 'NO-2026-1212',
      });
      expect(await finesOn(officer)).toEqual([]);
    } finally {
      t.setNow(start);
    }
  });
});
