import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL, certifiedTeam, ok, photo, visitUnderway } from './onsite-steps.ts';
import {
  apiAs,
  choose,
  declareSeparate,
  fieldSelect,
  pageShot,
  screenShot,
  serverNow,
  todayInBeijing,
} from './ui.ts';

// Issue 17 items 10–11 (measure 30): an accountability record drafted by the legal reviewer and approved by the
// bureau head suspends an officer's certificate, so the next on-site plan naming him is refused with the
// measure-10 guard's reason; a 撤销 correction of a penalty decision withdraws it from the public page.

type Record = { id: string; status: string };

describe('accountability: the record suspends a certificate and withdraws a revoked decision (measure 30)', () => {
  let browser: Browser;
  let admin: APIRequestContext;
  let reviewer: APIRequestContext;
  let inspector: APIRequestContext;
  let officerId: string;
  const officerName = '问责测试员';
  const certificate = `4407039${Date.now().toString().slice(-7)}`;
  let recordId: string;
  let caseId: string;

  const newPage = async (username: string, width = 1440, height = 900): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width, height } })).newPage();
    await logIn(page, username);
    return page;
  };
  const approveInPage = async (page: Page, id: string, note: string) => {
    await page.goto(`${baseUrl()}/accountability/${id}`);
    await page.getByTestId('accountability-approve').click();
    await page.getByTestId('accountability-note').fill(note);
    await screenShot(page, 'acc-03-approve-modal');
    await page.getByTestId('accountability-confirm').click();
    await expect
      .poll(() => page.getByTestId('accountability-status').first().innerText(), POLL)
      .toBe('已批准');
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiAs('admin');
    reviewer = await apiAs('pengjiang.reviewer');
    inspector = await apiAs('pengjiang.inspector');
  });
  afterAll(async () => {
    await Promise.all([admin?.dispose(), reviewer?.dispose(), inspector?.dispose()]);
    await browser?.close();
  });

  it('the legal reviewer drafts a record naming an officer; the bureau head approves it and his certificate is suspended', async () => {
    // an officer of this scenario's own, so no shared demo officer changes
    const organisations = await ok<{ items: { id: string; kind: string }[] }>(
      await admin.get('/api/v1/organisations?territory=440703&pageSize=50'),
      'organisations',
    );
    const bureau = organisations.items.find((organisation) => organisation.kind === 'bureau')!;
    const year = Number(todayInBeijing().slice(0, 4));
    const created = await ok<{ id: string }>(
      await admin.post('/api/v1/officers', {
        data: {
          name: officerName,
          organisationId: bureau.id,
          position: '执法员',
          certificate: {
            number: certificate,
            issuingAuthority: '广东省人民政府',
            validFrom: `${year - 1}-01-01`,
            validTo: `${year + 3}-12-31`,
          },
        },
      }),
      'officer',
    );
    officerId = created.id;
    const record = await ok<Record>(
      await reviewer.post('/api/v1/accountability-records', {
        data: {
          kind: 'improper',
          facts: '对同一企业同类隐患处理畸轻畸重，经投诉核实',
          origin: 'complaint',
          originReference: '12345-ACC-1',
          persons: [{ officerId, sanction: 'certificate_suspended', note: '暂扣期间离岗培训' }],
        },
      }),
      'draft',
    );
    recordId = record.id;

    // the drafting form, as the legal reviewer sees it
    const drafter = await newPage('pengjiang.reviewer');
    await drafter.goto(`${baseUrl()}/accountability`);
    await drafter.getByTestId('accountability-new').click();
    await drafter.getByTestId('accountability-facts').waitFor();
    await screenShot(drafter, 'acc-01-draft-form');
    await drafter.keyboard.press('Escape');
    await drafter.goto(`${baseUrl()}/accountability/${recordId}`);
    await drafter.getByTestId('accountability-submit').click();
    await expect
      .poll(() => drafter.getByTestId('accountability-status').first().innerText(), POLL)
      .toBe('待审批');
    // the drafter has no approve button
    expect(await drafter.getByTestId('accountability-approve').count()).toBe(0);
    await drafter.context().close();

    const head = await newPage('pengjiang.head');
    await head.goto(`${baseUrl()}/accountability?view=submitted`);
    await head.getByTestId('accountability-table').locator('tbody tr', { hasText: officerName }).waitFor();
    await pageShot(head, 'acc-02-list');
    await approveInPage(head, recordId, '同意，暂扣执法证');
    await expect.poll(() => head.getByTestId('accountability-effect').innerText(), POLL).toBe('已暂扣');
    await pageShot(head, 'acc-04-detail-approved');
    // his page shows the record and the suspended certificate
    await head.goto(`${baseUrl()}/officers/${officerId}`);
    await expect
      .poll(() => head.getByTestId('officer-accountability').innerText(), POLL)
      .toContain('不当履行');
    await pageShot(head, 'acc-05-officer-page');
    await head.context().close();
  });

  it('the next on-site plan naming him is refused with the certificate guard’s reason', async () => {
    const enterprises = await ok<{ items: { id: string; name: string }[] }>(
      await inspector.get('/api/v1/enterprises?territory=440703&pageSize=100'),
      'enterprises',
    );
    const enterprise = enterprises.items.at(-1)!;
    const planned = await ok<{ inspection: { id: string } }>(
      await inspector.post('/api/v1/inspections', {
        data: {
          enterpriseId: enterprise.id,
          plannedOn: todayInBeijing(),
          kind: 'targeted',
          matters: ['work_safety_general'],
          trigger: 'complaint_or_report',
          triggerReference: `12345-ACC-${randomUUID().slice(0, 8)}`,
        },
      }),
      'plan inspection',
    );
    const id = planned.inspection.id;
    await declareSeparate(inspector, enterprise.id, id);
    const [colleague] = await certifiedTeam(inspector);
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/onsite-plan`, {
        data: { officers: [colleague, certificate], scheduledAt: serverNow().toISOString() },
      }),
      'draft plan',
    );
    const refused = await inspector.post(`/api/v1/inspections/${id}/onsite-plan/submit`, { data: {} });
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as { code: string; title: string; detail?: string };
    expect(JSON.stringify(body)).toContain(`${officerName}的行政执法证（${certificate}）已被暂扣`);
    // the inspection page says the same
    const page = await newPage('pengjiang.inspector');
    await page.goto(`${baseUrl()}/officers/${officerId}`);
    await expect
      .poll(() => page.locator('body').innerText(), POLL)
      .toContain(
        `${officerName}的行政执法证（${certificate}）已被暂扣，暂扣期间不得独立从事安全生产行政执法工作`,
      );
    await page.context().close();
  });

  it('a 撤销 correction withdraws the case’s published decision from the public page', async () => {
    const visit = await visitUnderway(inspector, `12345-ACC-CASE-${randomUUID().slice(0, 6)}`);
    const form = await ok<{ form: { sections: { items: { code: string }[] }[] } }>(
      await inspector.get(`/api/v1/inspections/${visit}/form`),
      'form',
    );
    const description = '问责场景：除尘系统未按规定设置泄爆装置';
    const proofId = randomUUID();
    await ok(
      await inspector.post(`/api/v1/inspections/${visit}/files`, {
        multipart: {
          id: proofId,
          kind: 'proof',
          file: { name: 'fix.jpg', mimeType: 'image/jpeg', buffer: photo },
        },
      }),
      'upload proof',
    );
    await ok(
      await inspector.post(`/api/v1/inspections/${visit}/sync`, {
        data: {
          entries: [],
          findings: [
            {
              id: randomUUID(),
              itemCode: form.form.sections[0]!.items[0]!.code,
              description,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: serverNow().toISOString(),
              fixedOnSpot: { proofIds: [proofId], note: '当场停用除尘器并加装泄爆片' },
            },
          ],
          emergencyMeasures: [],
        },
      }),
      'sync',
    );
    await ok(
      await inspector.post(`/api/v1/inspections/${visit}/acknowledgement`, {
        data: {
          signed: false,
          signerName: '黄志强',
          signerPosition: '生产副总经理',
          refusalNote: '拒绝签字，两名执法人员见证',
        },
      }),
      'acknowledgement',
    );
    await ok(await inspector.post(`/api/v1/inspections/${visit}/conclude`, { data: {} }), 'conclude');
    const referrals = await ok<{ items: { id: string; description: string }[] }>(
      await reviewer.get('/api/v1/case-referrals?status=open&pageSize=100'),
      'referrals',
    );
    const referral = referrals.items.find((item) => item.description === description)!;
    const opened = await ok<{ id: string }>(
      await reviewer.post('/api/v1/penalty-cases', {
        data: { source: 'case_referral', caseReferralId: referral.id },
      }),
      'open case',
    );
    caseId = opened.id;
    const head = await apiAs('pengjiang.head');
    const today = todayInBeijing();
    const act = async (who: APIRequestContext, body: object) =>
      ok(await who.post(`/api/v1/penalty-cases/${caseId}/actions`, { data: body }), JSON.stringify(body));
    await ok(
      await inspector.put(`/api/v1/penalty-cases/${caseId}/facts`, {
        data: {
          violationCode: 'wsl_102_1',
          committedOn: today,
          circumstances: ['major_hidden_danger'],
          foundBy: 'inspection',
        },
      }),
      'facts',
    );
    await ok(
      await inspector.post(`/api/v1/penalty-cases/${caseId}/evidence`, {
        data: { kind: 'record', description: '现场检查记录' },
      }),
      'evidence',
    );
    const proposed = await ok<{ proposal: { tier: string; amountFen: number } }>(
      await inspector.post(`/api/v1/penalty-cases/${caseId}/proposal`, { data: {} }),
      'proposal',
    );
    await act(inspector, { action: 'submit_for_review' });
    await act(reviewer, { action: 'approve_review' });
    await act(head, { action: 'record_discussion', note: '同意' });
    await act(inspector, { action: 'notify', notifiedOn: today });
    await act(head, {
      action: 'decide',
      tier: proposed.proposal.tier,
      amountFen: proposed.proposal.amountFen,
    });
    await act(inspector, { action: 'serve', servedOn: today, withCreditRepairNotice: true });
    await head.dispose();
    const detail = await ok<{ publication: { id: string; documentNumber: string; state: string } }>(
      await reviewer.get(`/api/v1/penalty-cases/${caseId}`),
      'case',
    );
    expect(detail.publication.state).toBe('published');

    const record = await ok<Record>(
      await reviewer.post('/api/v1/accountability-records', {
        data: {
          kind: 'unlawful',
          facts: '认定事实不清、证据不足即作出行政处罚决定',
          origin: 'case_review',
          originReference: '2026年第四季度案卷评查',
          penaltyCaseId: caseId,
          correction: { kind: 'revoke', detail: '认定事实不清、证据不足，撤销原决定' },
          persons: [{ officerId, sanction: 'written_self_criticism' }],
          referral: { referredOn: today, note: '涉嫌违纪，移送区纪委监委' },
        },
      }),
      'draft revoke',
    );
    await ok(
      await reviewer.post(`/api/v1/accountability-records/${record.id}/submission`, { data: {} }),
      'submit',
    );
    const page = await newPage('pengjiang.head');
    await approveInPage(page, record.id, '同意撤销');
    await pageShot(page, 'acc-06-revoke-approved');
    await page.context().close();

    const visitor = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    ).newPage();
    await visitor.goto(`${baseUrl()}/public/penalty-decisions`);
    await expect
      .poll(() => visitor.getByTestId('public-penalty-withdrawals').innerText(), POLL)
      .toContain('经执法监督，该行政处罚决定已被依法撤销：认定事实不清、证据不足，撤销原决定');
    expect(await visitor.getByTestId('public-penalty-withdrawals').innerText()).toContain(
      detail.publication.documentNumber,
    );
    const listed = await ok<{ items: { id: string }[] }>(
      await reviewer.get('/api/v1/public/penalty-decisions?territory=440703&pageSize=100'),
      'public',
    );
    expect(listed.items.map((item) => item.id)).not.toContain(detail.publication.id);
    await visitor.getByTestId('public-penalty-withdrawals').scrollIntoViewIfNeeded();
    await screenShot(visitor, 'acc-07-public-withdrawal');
    await visitor.context().close();
  });

  it('a complaint naming the penalty case opens, by 追责, a draft linked to it, and each side shows the other', async () => {
    const penaltyCase = await ok<{ reference: string; enterpriseName: string }>(
      await reviewer.get(`/api/v1/penalty-cases/${caseId}`),
      'case',
    );
    const channels = await ok<{
      items: { code: string; name: string; unit: string; count: number; verified: boolean }[];
    }>(await reviewer.get('/api/v1/complaints/channels'), 'channels');
    const online = channels.items.find((channel) => channel.code === 'online')!;
    const catalog = await ok<{
      kinds: { code: string; description: string }[];
      sanctions: { code: string; name: string; verified: boolean; certificateEffect: string | null }[];
    }>(await reviewer.get('/api/v1/accountability-catalog'), 'catalog');
    const sanction = catalog.sanctions.find((entry) => entry.verified && entry.certificateEffect === null)!;
    const summary = `投诉处罚案件 ${penaltyCase.reference} 认定事实不清（${randomUUID().slice(0, 6)}）`;

    // the legal reviewer takes the complaint, naming the officer and the penalty case
    const page = await newPage('pengjiang.reviewer');
    await page.goto(`${baseUrl()}/complaints`);
    await page.getByTestId('receive-complaint').click();
    const dialog = page.getByRole('dialog');
    await choose(
      page,
      dialog.getByTestId('complaint-channel'),
      `${online.name}（${online.count}${online.unit === 'workdays' ? '个工作日' : '日'}内答复${online.verified ? '' : '，待法制审核'}）`,
    );
    await dialog.getByTestId('complaint-summary').fill(summary);
    await choose(page, dialog.getByTestId('complaint-officer'), officerName, { search: true });
    await choose(
      page,
      dialog.getByTestId('complaint-case'),
      `${penaltyCase.reference} ${penaltyCase.enterpriseName}`,
      { search: penaltyCase.reference },
    );
    await screenShot(page, 'acc-08-complaint-names-case');
    await dialog.getByRole('button', { name: /登\s?记/ }).click();
    const row = page.getByTestId('complaint-table').locator('tr', { hasText: summary });
    await expect.poll(() => row.count(), POLL).toBe(1);
    await expect.poll(() => row.textContent(), POLL).toContain(`案件 ${penaltyCase.reference}`);

    // 追责 opens the draft with the complaint's officer and case filled in
    await row.getByRole('button', { name: /追\s?责/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('accountability-from-complaint').waitFor();
    await expect
      .poll(() => drawer.getByTestId('accountability-case').textContent(), POLL)
      .toContain(penaltyCase.reference);
    await expect
      .poll(() => fieldSelect(drawer, 'persons_0_officerId').textContent(), POLL)
      .toContain(officerName);
    await choose(
      page,
      drawer.getByTestId('accountability-kind'),
      catalog.kinds.find((kind) => kind.code === 'improper')!.description,
    );
    await drawer.getByTestId('accountability-facts').fill('经核实，投诉反映的认定事实不清属实');
    await choose(page, fieldSelect(drawer, 'persons_0_sanction'), sanction.name);
    await screenShot(page, 'acc-09-draft-from-complaint');
    await page.getByTestId('accountability-save').click();
    await expect.poll(() => page.url(), POLL).toMatch(/\/accountability\/[0-9a-f-]{36}$/);
    const linkedId = page.url().split('/').at(-1)!;
    await expect
      .poll(() => page.getByTestId('accountability-complaint').textContent(), POLL)
      .toContain(summary);
    await pageShot(page, 'acc-10-record-links-complaint');
    const linked = await ok<{ complaint: { id: string } | null; penaltyCase: { id: string } | null }>(
      await reviewer.get(`/api/v1/accountability-records/${linkedId}`),
      'record',
    );
    expect(linked.penaltyCase?.id).toBe(caseId);

    // the complaint lists the record opened from it, and the link leads back to the record
    await page.getByTestId('accountability-complaint').click();
    const only = page.getByTestId('complaint-table').locator('tbody tr', { hasText: summary });
    await expect
      .poll(() => only.getByTestId(`complaint-accountability-${linked.complaint!.id}`).textContent(), POLL)
      .toContain('草稿');
    await pageShot(page, 'acc-11-complaint-lists-record');
    await only.getByTestId(`complaint-accountability-${linked.complaint!.id}`).click();
    await expect.poll(() => page.url(), POLL).toContain(`/accountability/${linkedId}`);
    await page.context().close();
  });
});
