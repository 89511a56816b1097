import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { apiCaller, insertCaseReferral } from '../../../../test/case-fixtures.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { caseDocuments } from '../schema.ts';

// Issue 15 item 11: a case's documents, each when its step has happened, numbered without gaps per bureau,
// type and year, frozen at issue, readable only within the case's scope.

type Doc = { id: string; type: string; title: string; number: string; subjectId: string | null };
type Listing = {
  items: Doc[];
  available: { type: string; subjectId: string | null; issuedId: string | null }[];
  numberCodesVerified: boolean;
};
type Detail = {
  id: string;
  evidence: { id: string; kind: string }[];
  proposal: { amountFen: number } | null;
};

const docxText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
};

describe('penalty case documents (issue 15 item 11)', () => {
  let t: TestContext;
  let inspector: string;
  let reviewer: string;
  let head: string;
  let xinhuiInspector: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);
  const listing = async (caseId: string, cookie = inspector) =>
    (await api('GET', `/penalty-cases/${caseId}/documents`, cookie)).json() as Listing;
  const issue = async (caseId: string, body: Record<string, unknown>, expected = 201) => {
    const response = await api('POST', `/penalty-cases/${caseId}/documents`, inspector, body);
    expect(response.statusCode, response.body).toBe(expected);
    return (response.json() as { document: Doc }).document;
  };
  const download = async (id: string, cookie = inspector) =>
    t.app.inject({ url: `/api/v1/case-documents/${id}.docx`, headers: { cookie } });
  const act = async (caseId: string, cookie: string, body: Record<string, unknown>) => {
    const response = await api('POST', `/penalty-cases/${caseId}/actions`, cookie, body);
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    inspector = await t.login('pengjiang.inspector');
    reviewer = await t.login('pengjiang.reviewer');
    head = await t.login('pengjiang.head');
    xinhuiInspector = await t.login('xinhui.inspector');
  });
  afterAll(() => t.close());

  it('issues each document once its step has happened, numbered without gaps, and gives a single one back', async () => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    const caseId = opened.id;
    await api('PUT', `/penalty-cases/${caseId}/facts`, inspector, {
      violationCode: 'wsl_102_1',
      committedOn: '2026-11-20',
      circumstances: ['major_hidden_danger', 'first_violation'],
      foundBy: 'inspection',
    });
    const withEvidence = (
      await api('POST', `/penalty-cases/${caseId}/evidence`, inspector, {
        kind: 'inquiry_record',
        description: '问：除尘器是否设有泄爆装置？\n答：没有设置。',
      })
    ).json() as Detail;
    const inquiry = withEvidence.evidence[0]!;

    // while investigating: the filing approval and the record of the inquiry, nothing that has not happened
    const early = await listing(caseId);
    expect(early.available.map((option) => option.type)).toEqual(['case_filing_approval', 'inquiry_record']);
    expect(early.numberCodesVerified).toBe(false);
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, { type: 'penalty_decision' }),
      422,
      'CASE_DOCUMENT_NOT_DUE',
    );
    const filing = await issue(caseId, { type: 'case_filing_approval' });
    expect(filing.number).toMatch(/^（蓬江）应急立审〔2026〕\d+号$/);
    // asked again, the same document comes back, with no new number
    expect((await issue(caseId, { type: 'case_filing_approval' }, 200)).id).toBe(filing.id);
    const record = await issue(caseId, { type: 'inquiry_record', subjectId: inquiry.id });
    expect(record.subjectId).toBe(inquiry.id);
    expect(await docxText((await download(record.id)).rawPayload)).toContain('答：没有设置。');
    // a subject that is not this case's is not found; a case-wide document takes none
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, {
        type: 'inquiry_record',
        subjectId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, { type: 'inquiry_record' }),
      422,
      'CASE_DOCUMENT_SUBJECT_REQUIRED',
    );

    // proposal, review, discussion, notice
    const proposed = (await api('POST', `/penalty-cases/${caseId}/proposal`, inspector)).json() as Detail;
    await act(caseId, inspector, { action: 'submit_for_review' });
    await act(caseId, reviewer, { action: 'approve_review', note: '事实清楚' });
    await act(caseId, head, { action: 'record_discussion', note: '同意' });
    const notice = await issue(caseId, { type: 'penalty_notice' });
    const hearing = await issue(caseId, { type: 'hearing_notice' });
    const noticeText = await docxText((await download(notice.id)).rawPayload);
    expect(noticeText).toContain('陈述和申辩');
    expect(noticeText).toContain('要求听证的权利');
    expect(await docxText((await download(hearing.id)).rawPayload)).toContain('七日前');
    await act(caseId, inspector, { action: 'notify', notifiedOn: '2026-11-26' });

    // the statement is a record made each time the party speaks: two statements, two numbers
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, { type: 'defence_record' }),
      400,
      'CASE_DOCUMENT_STATEMENT',
    );
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, {
        type: 'defence_record',
        statement: { statedBy: '张三\u0000', text: '已整改', reply: '不予采纳' },
      }),
      400,
    );
    const statement = {
      statedBy: '张三（企业负责人）',
      text: '已于当日停用除尘器并加装泄爆装置。',
      reply: '经复核，违法事实存在，陈述不影响处罚。',
    };
    const first = await issue(caseId, { type: 'defence_record', statement });
    const second = await issue(caseId, { type: 'defence_record', statement });
    expect(second.number).not.toBe(first.number);
    expect(await docxText((await download(first.id)).rawPayload)).toContain('经复核，违法事实存在');

    // the decision and the credit-repair notice that goes with it
    await act(caseId, head, { action: 'decide', tier: 'ordinary', amountFen: proposed.proposal!.amountFen });
    const decision = await issue(caseId, { type: 'penalty_decision' });
    const decisionText = await docxText((await download(decision.id)).rawPayload);
    expect(decisionText).toContain('行政处罚决定书');
    expect(decisionText).toContain('十五日内');
    expect(decisionText).toContain('申请行政复议');
    expect(decisionText).toContain('人民币');
    const credit = await issue(caseId, { type: 'credit_repair_notice' });
    const creditText = await docxText((await download(credit.id)).rawPayload);
    expect(creditText).toContain(decision.number);
    expect(creditText).toMatch(/(轻微|一般|严重)失信行为/);
    expect(creditText).toContain('信用承诺');

    // served; the reminder only once the fifteen days have passed, with the surcharge of 第七十二条
    await act(caseId, inspector, { action: 'serve', servedOn: '2026-11-26', withCreditRepairNotice: true });
    await expectProblem(
      await api('POST', `/penalty-cases/${caseId}/documents`, inspector, { type: 'fine_reminder' }),
      422,
      'CASE_DOCUMENT_NOT_DUE',
    );
    const before = t.ctx.clock.now();
    const officer = inspector;
    try {
      t.setNow(new Date(`${addDays('2026-12-11', 2)}T10:00:00+08:00`));
      // a new day, a new session
      inspector = await t.login('pengjiang.inspector');
      const reminder = await issue(caseId, { type: 'fine_reminder' });
      const reminderText = await docxText((await download(reminder.id)).rawPayload);
      expect(reminderText).toContain('已逾期2日');
      expect(reminderText).toContain('申请人民法院强制执行');
      expect(reminderText).toContain(decision.number);
    } finally {
      t.setNow(before);
      inspector = officer;
    }

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
    const closing = await issue(caseId, { type: 'case_closing_approval' });
    expect(await docxText((await download(closing.id)).rawPayload)).toContain('结案日期');

    // every issue audited with its number, in its transaction
    const events = await t.ctx.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, caseId), eq(auditEvents.action, 'penalty_case.document.issued')));
    const final = await listing(caseId);
    expect(events.map((event) => (event.payload as { number: string }).number).sort()).toEqual(
      final.items.map((doc) => doc.number).sort(),
    );
    expect(final.items).toHaveLength(10);
  });

  it('numbers each type 1, 2, 3… in the bureau and year, with no gap and no repeat', async () => {
    const rows = await t.ctx.db
      .select({ type: caseDocuments.type, sequence: caseDocuments.sequence })
      .from(caseDocuments)
      .orderBy(asc(caseDocuments.type), asc(caseDocuments.sequence));
    const byType = new Map<string, number[]>();
    for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row.sequence]);
    expect(byType.size).toBeGreaterThan(0);
    for (const sequences of byType.values())
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
  });

  it('writes the seizure, its extension and its release as decisions of their own', async () => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', reviewer, { source: 'case_referral', caseReferralId: item.id })
    ).json() as Detail;
    await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wsl_102_1',
      committedOn: '2026-11-20',
      circumstances: ['major_hidden_danger'],
      foundBy: 'inspection',
    });
    const items = [{ name: '除尘器', quantity: 1, unit: '台', relation: '未设泄爆装置，继续使用有爆炸危险' }];
    const proposed = (
      await api('POST', `/penalty-cases/${opened.id}/seizures`, inspector, {
        kind: 'seal',
        items,
        reason: '防止继续使用存在重大事故隐患的设备',
      })
    ).json() as { seizures: { id: string }[] };
    const seizureId = proposed.seizures[0]!.id;
    const path = `/penalty-cases/${opened.id}/seizures/${seizureId}`;
    // not before the head approves
    expect((await listing(opened.id)).available.some((option) => option.subjectId === seizureId)).toBe(false);
    await expectProblem(
      await api('POST', `/penalty-cases/${opened.id}/documents`, inspector, {
        type: 'seizure_decision',
        subjectId: seizureId,
      }),
      422,
      'CASE_DOCUMENT_NOT_DUE',
    );
    expect((await api('POST', `${path}/decision`, head, { approve: true })).statusCode).toBe(200);
    const decision = await issue(opened.id, { type: 'seizure_decision', subjectId: seizureId });
    expect(decision.title).toBe('查封决定书');
    const decisionText = await docxText((await download(decision.id)).rawPayload);
    expect(decisionText).toContain('除尘器');
    expect(decisionText).toContain('未设泄爆装置，继续使用有爆炸危险');
    expect(decisionText).toContain('第二十五条');

    await api('POST', `${path}/extension`, inspector, { days: 20, reason: '情况复杂，需委托技术鉴定' });
    await api('POST', `${path}/extension/decision`, head, { approve: true });
    const extension = await issue(opened.id, { type: 'seizure_extension_decision', subjectId: seizureId });
    const extensionText = await docxText((await download(extension.id)).rawPayload);
    expect(extensionText).toContain('延长20日');
    expect(extensionText).toContain(decision.number);

    await api('POST', `${path}/release`, inspector, { ground: 'no_violation', note: '经技术鉴定无违法' });
    const release = await issue(opened.id, { type: 'seizure_release_decision', subjectId: seizureId });
    expect(release.title).toBe('解除查封决定书');
    expect(await docxText((await download(release.id)).rawPayload)).toContain('第二十八条');
  });

  it('keeps a case’s documents within its territory', async () => {
    const [doc] = await t.ctx.db
      .select({ id: caseDocuments.id, caseId: caseDocuments.caseId })
      .from(caseDocuments)
      .limit(1);
    await expectProblem(await api('GET', `/penalty-cases/${doc!.caseId}/documents`, xinhuiInspector), 404);
    await expectProblem(
      await api('POST', `/penalty-cases/${doc!.caseId}/documents`, xinhuiInspector, {
        type: 'case_filing_approval',
      }),
      404,
    );
    await expectProblem(await download(doc!.id, xinhuiInspector), 404);
    await expectProblem(await download('not-a-uuid'), 404);
    expect((await download(doc!.id)).statusCode).toBe(200);
  });
});
