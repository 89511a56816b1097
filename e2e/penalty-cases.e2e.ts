import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL, ok, photo, visitUnderway } from './onsite-steps.ts';
import { addDays } from '@inspecta/domain';
import { apiAs, choose, pageShot, screenShot, serverNow, todayInBeijing, typeDate, typeRange } from './ui.ts';

// Issue 15: a major hidden danger from an inspection opens a penalty case on the 移交立案审查 page; a first,
// harmless, corrected violation gets a no-penalty proposal citing its basis; the major hidden danger gets a penalty
// proposal that cannot be replaced by 不予处罚 without a recorded legal ground; the legal reviewer's catalogue view.

// a first, harmless, corrected failure to tell the workers of the dangers (安全生产法 第九十七条第五项)
const firstHarmlessCorrected = () => ({
  violationCode: 'wsl_97_1_5',
  committedOn: todayInBeijing(),
  circumstances: ['first_violation', 'no_harm', 'corrected_in_time'],
  foundBy: 'inspection',
});

describe('penalty cases: from the 移交立案审查 item to a proposal the law allows (issue 15)', () => {
  let browser: Browser;
  let id: string;
  let caseId: string;
  let observedCaseId: string;
  let inspector: APIRequestContext;
  const description = '液氨制冷车间未设置氨气泄漏报警并与通风联锁';
  // a second major hidden danger of the same visit: its case ends without penalty, under observation
  const secondDescription = '粉尘涉爆车间除尘器未按规定设置锁气卸灰装置';
  // a third: producing without the licence, a listing case of the serious-dishonesty list (令第11号)
  const thirdDescription = '安全生产许可证已被暂扣，仍在组织生产';

  beforeAll(async () => {
    browser = await launchBrowser();
    inspector = await apiAs('pengjiang.inspector');
    id = await visitUnderway(inspector, '12345-CASE-1');
  });
  afterAll(async () => {
    await inspector?.dispose();
    await browser?.close();
  });

  it('the concluded inspection leaves a 移交立案审查 item, and the legal reviewer opens a case from it', async () => {
    const form = await ok<{ form: { sections: { items: { code: string }[] }[] } }>(
      await inspector.get(`/api/v1/inspections/${id}/form`),
      'form',
    );
    const itemCode = form.form.sections[0]!.items[0]!.code;
    const proofId = randomUUID();
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/files`, {
        multipart: {
          id: proofId,
          kind: 'proof',
          file: { name: 'fix.jpg', mimeType: 'image/jpeg', buffer: photo },
        },
      }),
      'upload proof',
    );
    const findingId = randomUUID();
    const secondFindingId = randomUUID();
    const thirdFindingId = randomUUID();
    const now = serverNow().toISOString();
    const synced = await ok<{ decision: { number: string } }>(
      await inspector.post(`/api/v1/inspections/${id}/sync`, {
        data: {
          entries: [],
          findings: [
            {
              id: findingId,
              itemCode,
              description,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: now,
              fixedOnSpot: { proofIds: [proofId], note: '当场停用并改为负压除尘' },
            },
            {
              id: secondFindingId,
              itemCode,
              description: secondDescription,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: now,
              fixedOnSpot: { proofIds: [proofId], note: '当场加装锁气卸灰装置' },
            },
            {
              id: thirdFindingId,
              itemCode,
              description: thirdDescription,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: now,
              fixedOnSpot: { proofIds: [proofId], note: '当场停止生产，封存原料' },
            },
          ],
          emergencyMeasures: [
            { findingId, kind: 'stop_use', note: '停止使用 1 号除尘器', decidedAt: now },
            { findingId: secondFindingId, kind: 'stop_use', note: '停止使用 2 号除尘器', decidedAt: now },
            { findingId: thirdFindingId, kind: 'suspension', note: '责令暂时停产停业', decidedAt: now },
          ],
        },
      }),
      'sync',
    );
    expect(synced.decision.number).toMatch(/^（蓬江）应急现决〔\d{4}〕\d+号$/);
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/acknowledgement`, {
        data: {
          signed: false,
          signerName: '黄志强',
          signerPosition: '生产副总经理',
          refusalNote: '拒绝签字，两名执法人员见证',
        },
      }),
      'acknowledgement',
    );
    await ok(await inspector.post(`/api/v1/inspections/${id}/conclude`, { data: {} }), 'conclude');
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.reviewer');
    await page.goto(`${baseUrl()}/case-referrals`);
    const row = page.getByTestId('referral-table').locator('tbody tr', { hasText: description });
    await row.getByTestId('referral-open-case').click();
    await page.waitForURL(/\/penalty-cases\/[0-9a-f-]+$/);
    caseId = page.url().split('/').at(-1)!;
    await expect.poll(() => page.getByTestId('case-actions').isVisible(), POLL).toBe(true);
    await pageShot(page, 'case-01-opened');
    await page.goto(`${baseUrl()}/case-referrals?view=all`);
    const settled = page.getByTestId('referral-table').locator('tbody tr', { hasText: description });
    await expect.poll(() => settled.getByTestId('referral-case-link').isVisible(), POLL).toBe(true);
    await page.context().close();
  });

  it('proposes no penalty for a first, harmless, corrected violation, citing its basis and list item', async () => {
    await ok(
      await inspector.put(`/api/v1/penalty-cases/${caseId}/facts`, {
        data: firstHarmlessCorrected(),
      }),
      'facts',
    );
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    await page.getByTestId('case-draft-proposal').click();
    await expect.poll(() => page.getByTestId('case-proposal-tier').innerText(), POLL).toBe('不予处罚');
    expect(await page.getByTestId('case-proposal').innerText()).toContain('第三十三条第一款第二句');
    expect(await page.getByTestId('case-proposal-list-item').innerText()).toContain('应急〔2024〕90号');
    await pageShot(page, 'case-02-no-penalty');
    await page.context().close();
  });

  it('proposes a penalty for the major hidden danger, marks its placeholder tier, and refuses 不予处罚 without a legal ground', async () => {
    await ok(
      await inspector.put(`/api/v1/penalty-cases/${caseId}/facts`, {
        data: {
          violationCode: 'wsl_102_1',
          committedOn: todayInBeijing(),
          circumstances: ['major_hidden_danger', 'first_violation', 'corrected_in_time'],
          foundBy: 'inspection',
        },
      }),
      'facts',
    );
    await ok(
      await inspector.post(`/api/v1/penalty-cases/${caseId}/evidence`, {
        data: { kind: 'inquiry_record', description: '询问笔录：车间主任承认报警装置未与通风联锁' },
      }),
      'evidence',
    );
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    await page.getByTestId('case-draft-proposal').click();
    await expect.poll(() => page.getByTestId('case-proposal-tier').innerText(), POLL).not.toBe('不予处罚');
    expect(await page.getByTestId('case-proposal-unverified').innerText()).toContain('待法制审核');
    await pageShot(page, 'case-03-major-danger');
    await page.getByTestId('case-submit').click();
    await expect.poll(() => page.getByTestId('case-actions').innerText(), POLL).toContain('等待');
    await page.context().close();

    const reviewer = await apiAs('pengjiang.reviewer');
    const head = await apiAs('pengjiang.head');
    await ok(
      await reviewer.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        data: { action: 'approve_review', note: '事实清楚' },
      }),
      'review',
    );
    await ok(
      await head.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        data: { action: 'record_discussion', note: '集体讨论同意' },
      }),
      'discussion',
    );
    await ok(
      await inspector.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        data: { action: 'notify', notifiedOn: todayInBeijing() },
      }),
      'notify',
    );
    const refusal = await head.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      data: { action: 'decide', tier: 'no_penalty', amountFen: null, departureReason: '企业已整改' },
    });
    expect(refusal.status()).toBe(422);
    expect(((await refusal.json()) as { code: string }).code).toBe('CASE_NO_PENALTY_FORBIDDEN');
    await Promise.all([reviewer.dispose(), head.dispose()]);
  });

  it('places the enterprise under observation after a decision without penalty, and the officer records the follow-up (measure 14)', async () => {
    const reviewer = await apiAs('pengjiang.reviewer');
    const head = await apiAs('pengjiang.head');
    const referrals = await ok<{ items: { id: string; description: string }[] }>(
      await reviewer.get(`/api/v1/case-referrals?inspectionId=${id}&pageSize=50`),
      'referrals',
    );
    const referral = referrals.items.find((item) => item.description === secondDescription)!;
    const opened = await ok<{ id: string }>(
      await reviewer.post('/api/v1/penalty-cases', {
        data: { source: 'case_referral', caseReferralId: referral.id },
      }),
      'open case',
    );
    observedCaseId = opened.id;
    const path = `/api/v1/penalty-cases/${opened.id}`;
    await ok(
      await inspector.put(`${path}/facts`, {
        data: firstHarmlessCorrected(),
      }),
      'facts',
    );
    await ok(
      await inspector.post(`${path}/evidence`, {
        data: { kind: 'record', description: '现场检查记录：当场整改完毕' },
      }),
      'evidence',
    );
    await ok(await inspector.post(`${path}/proposal`), 'proposal');
    await ok(await inspector.post(`${path}/actions`, { data: { action: 'submit_for_review' } }), 'submit');
    const approved = await ok<{ status: string }>(
      await reviewer.post(`${path}/actions`, { data: { action: 'approve_review', note: '符合不予处罚' } }),
      'review',
    );
    if (approved.status === 'collective_discussion')
      await ok(
        await head.post(`${path}/actions`, { data: { action: 'record_discussion', note: '同意不予处罚' } }),
        'discussion',
      );
    const decided = await ok<{ observation: { followUpOn: string } | null }>(
      await head.post(`${path}/actions`, { data: { action: 'decide', tier: 'no_penalty', amountFen: null } }),
      'decide',
    );
    expect(decided.observation?.followUpOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await Promise.all([reviewer.dispose(), head.dispose()]);

    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${opened.id}`);
    const card = page.getByTestId('case-observation');
    await expect
      .poll(() => page.getByTestId('case-observation-follow-up').innerText(), POLL)
      .toBe(decided.observation!.followUpOn);
    expect(await card.innerText()).toContain('第十四项');
    // a decision without penalty is served alone: no credit-repair notice is offered with it
    await page.getByTestId('case-serve').waitFor();
    expect(await page.getByTestId('case-serve-with-notice').count()).toBe(0);
    // before the period has run, "kept the law" cannot be chosen; a new violation can
    expect(await card.getByRole('radio', { name: '观察期内守法，观察结束' }).isDisabled()).toBe(true);
    await card.getByRole('radio', { name: '观察期内再次违法' }).check();
    await page.getByTestId('case-observation-note').fill('回访发现从业人员告知书未覆盖新入职员工');
    await pageShot(page, 'case-05-observation');
    await page.getByTestId('case-observation-record').click();
    await expect
      .poll(() => page.getByTestId('case-observation-outcome').innerText(), POLL)
      .toBe('观察期内再次违法');
    expect(await page.getByTestId('case-observation-record').count()).toBe(0);
    await page.context().close();
  });

  it('seals what the violation concerns on the approval of the head, extends once and releases (measure 16)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${observedCaseId}`);
    const card = page.getByTestId('case-seizures');
    await page.getByTestId('case-seizure-new').click();
    await page.getByTestId('case-seizure-item-name-0').fill('1号除尘器');
    await page.getByTestId('case-seizure-item-unit-0').fill('台');
    await page.getByTestId('case-seizure-item-relation-0').fill('未设锁气卸灰装置，继续使用有粉尘爆炸危险');
    await page.getByTestId('case-seizure-reason').fill('防止在整改完成前继续使用存在重大事故隐患的设备');
    await page.getByTestId('case-seizure-propose').click();
    await expect.poll(() => page.getByTestId('case-seizure').innerText(), POLL).toContain('待负责人批准');
    // the officer who proposed it has no approval button
    expect(await page.getByTestId('case-seizure-approve').count()).toBe(0);

    const headPage = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(headPage, 'pengjiang.head');
    await headPage.goto(`${baseUrl()}/penalty-cases/${observedCaseId}`);
    await headPage.getByTestId('case-seizure-approve').click();
    await expect.poll(() => headPage.getByTestId('case-seizure-period').innerText(), POLL).toContain('30 日');

    await page.reload();
    await page.getByTestId('case-seizure-extension-days').fill('20');
    await page.getByTestId('case-seizure-extension-reason').fill('情况复杂，需委托技术鉴定');
    await page.getByTestId('case-seizure-request-extension').click();
    await expect.poll(() => card.innerText(), POLL).toContain('待负责人批准。理由：情况复杂');

    await headPage.reload();
    await headPage.getByTestId('case-seizure-approve-extension').click();
    await expect
      .poll(() => headPage.getByTestId('case-seizure-period').innerText(), POLL)
      .toContain('延长 20 日');
    await headPage.context().close();

    await page.reload();
    await expect
      .poll(() => page.getByTestId('case-seizure-period').innerText(), POLL)
      .toContain('延长 20 日');
    // extended once: no second request is offered
    expect(await page.getByTestId('case-seizure-request-extension').count()).toBe(0);
    // 行政强制法 第二十五条第三款: ten days of technical appraisal are not counted, and the last day moves by them
    const today = todayInBeijing();
    const lastDay = (await page.getByTestId('case-seizure-period').innerText()).match(
      /至 (\d{4}-\d{2}-\d{2}) 止/,
    )?.[1];
    expect(lastDay).toBeTruthy();
    await choose(page, page.getByTestId('case-seizure-testing-kind'), '技术鉴定');
    const note = page.getByTestId('case-seizure-testing-note');
    await typeRange(card.locator('.ant-picker-range'), addDays(today, 2), addDays(today, 11), note);
    await typeDate(page.getByTestId('case-seizure-testing-notified'), today);
    await note.fill('委托检验机构对除尘器进行技术鉴定');
    await page.getByTestId('case-seizure-testing-submit').click();
    await expect
      .poll(() => page.getByTestId('case-seizure-testing').innerText(), POLL)
      .toContain('技术鉴定：');
    expect(await page.getByTestId('case-seizure-period').innerText()).toContain(
      `至 ${addDays(lastDay!, 10)} 止`,
    );
    await choose(
      page,
      page.getByTestId('case-seizure-release-ground'),
      '（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
    );
    await page.getByTestId('case-seizure-release-note').fill('已启封，设备交还企业');
    await pageShot(page, 'case-06-seizure');
    await page.getByTestId('case-seizure-release-submit').click();
    await expect.poll(() => page.getByTestId('case-seizure-release').innerText(), POLL).toContain('已启封');
    expect(await card.innerText()).toContain('已解除');
    await context.close();
  });

  it('stops the power supply to enforce the decision to stop, on the head’s approval, and lifts it once complied (安全生产法 第七十条)', async () => {
    // Beijing wall-clock time as a datetime-local input takes it
    const local = (instant: Date) => new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16);
    const now = serverNow();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${observedCaseId}`);
    const card = page.getByTestId('case-supply');
    expect(await card.innerText()).toContain('责令停止使用相关设施、设备');
    await page.getByTestId('case-supply-new').click();
    await card.getByLabel('停止供电').check();
    await page.getByTestId('case-supply-suppliers').fill('国网江门蓬江供电局');
    await page
      .getByTestId('case-supply-reason')
      .fill('企业拒不执行停止使用决定，2 号除尘器仍在运行，有粉尘爆炸的现实危险');
    await page.getByTestId('case-supply-refused').check();
    await page.getByTestId('case-supply-danger').check();
    await page.getByTestId('case-supply-safe').check();
    await page.getByTestId('case-supply-notified-at').fill(local(now));
    // an hour's notice is refused: power waits 24 hours unless an emergency is written down
    await page.getByTestId('case-supply-effective-at').fill(local(new Date(now.getTime() + 3600 * 1000)));
    await page.getByTestId('case-supply-propose').click();
    await expect.poll(() => page.locator('.ant-message').innerText(), POLL).toContain('二十四小时');
    await page
      .getByTestId('case-supply-effective-at')
      .fill(local(new Date(now.getTime() + 25 * 3600 * 1000)));
    await page.getByTestId('case-supply-propose').click();
    await expect
      .poll(() => page.getByTestId('case-supply-status').innerText(), POLL)
      .toBe('待主要负责人批准');
    expect(await page.getByTestId('case-supply-approve').count()).toBe(0);

    const headPage = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(headPage, 'pengjiang.head');
    await headPage.goto(`${baseUrl()}/penalty-cases/${observedCaseId}`);
    await headPage.getByTestId('case-supply-approve').click();
    await expect.poll(() => headPage.getByTestId('case-supply-status').innerText(), POLL).toBe('实施中');
    await headPage.context().close();

    await page.reload();
    await page.getByTestId('case-supply-lift-text').fill('企业已停用 2 号除尘器并完成锁气卸灰装置改造');
    await card.scrollIntoViewIfNeeded();
    await pageShot(page, 'case-08-supply-suspension');
    await page.getByTestId('case-supply-lift').click();
    await expect.poll(() => page.getByTestId('case-supply-status').innerText(), POLL).toBe('已解除');
    expect(await page.getByTestId('case-supply-lift-note').innerText()).toContain('锁气卸灰装置改造');
    await context.close();
  });

  it('issues the case documents its steps allow: the notice, the statement heard, the decision with its credit-repair notice (item 11)', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    const card = page.getByTestId('case-documents');
    // the case was notified: its notice can be issued, its decision not yet
    await page.getByTestId('case-document-issue-penalty_notice').click();
    await expect.poll(() => card.innerText(), POLL).toMatch(/（蓬江）应急罚告〔\d{4}〕\d+号/);
    expect(await page.getByTestId('case-document-issue-penalty_decision').count()).toBe(0);
    // a single document is not offered twice; a statement is recorded each time the party speaks
    expect(await page.getByTestId('case-document-issue-penalty_notice').count()).toBe(0);
    await page.getByTestId('case-document-issue-defence_record').click();
    const form = page.getByTestId('case-statement-form');
    await form.getByLabel('陈述申辩人').fill('李四（车间主任）');
    await form.getByLabel('陈述、申辩内容').fill('报警装置已于告知当日与通风系统联锁。');
    await form.getByLabel('复核意见').fill('经复核，整改属实，但违法事实在检查时存在，不影响处罚。');
    await page.getByRole('button', { name: '出 具' }).click();
    await expect.poll(() => card.innerText(), POLL).toContain('陈述申辩笔录');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByTestId('case-document-download').first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/行政处罚告知书\.docx$/);

    // the head departs from the proposal with a written reason: a fine within the simplified procedure's ceiling
    const head = await apiAs('pengjiang.head');
    await ok(
      await head.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        data: {
          action: 'decide',
          tier: 'lighter',
          amountFen: 300_000,
          departureReason: '企业在告知当日完成联锁改造，主动消除危害后果',
        },
      }),
      'decide',
    );
    await head.dispose();
    await page.reload();
    await page.getByTestId('case-document-issue-penalty_decision').click();
    await expect.poll(() => card.innerText(), POLL).toContain('行政处罚决定书');
    await page.getByTestId('case-document-issue-credit_repair_notice').click();
    await expect.poll(() => card.innerText(), POLL).toContain('信用修复告知书');
    await card.scrollIntoViewIfNeeded();
    await pageShot(page, 'case-07-documents');
    await context.close();
  });

  it('publishes the served decision without personal data, and the enterprise repairs its credit once it is carried out (item 10)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    // 两书同达: served with its credit-repair notice
    await page.getByTestId('case-serve').click();
    await expect.poll(() => page.getByTestId('case-publication-state').innerText(), POLL).toBe('公示中');
    await context.close();

    // the public reads it without signing in, with nothing personal in it
    const visitor = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    ).newPage();
    await visitor.goto(`${baseUrl()}/public/penalty-decisions`);
    const entry = visitor.getByTestId('public-penalty-decision').first();
    await expect.poll(() => entry.innerText(), POLL).toContain('罚款人民币叁仟元整');
    const owner = await apiAs('enterprise.demo');
    const me = await ok<{ user: { enterpriseId: string } }>(await owner.get('/api/v1/auth/me'), 'me');
    const mine = await ok<{ name: string; legalRepresentative: string }>(
      await owner.get(`/api/v1/enterprises/${me.user.enterpriseId}`),
      'own enterprise',
    );
    expect(await entry.innerText()).toContain(mine.name);
    expect(await visitor.locator('body').innerText()).not.toContain(mine.legalRepresentative);
    await screenShot(visitor, 'public-penalty-decisions');

    // the decision carried out (履行): the case does not close while the fine is unpaid; the officer records the
    // payment from the bank's receipt on the case page, then closes it
    const officerPage = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(officerPage, 'pengjiang.inspector');
    await officerPage.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    const performance = officerPage.getByTestId('case-performance');
    await expect.poll(() => performance.innerText(), POLL).toContain('3,000 元');
    await expect.poll(() => officerPage.getByTestId('case-close-blocked').count(), POLL).toBe(1);
    await officerPage.getByTestId('case-performance-reference').fill('JM-2026-000731');
    await officerPage.getByTestId('case-performance-pay').click();
    await expect
      .poll(() => officerPage.getByTestId('case-performance-outstanding').innerText(), POLL)
      .toBe('0 元');
    expect(await performance.innerText()).toContain('JM-2026-000731');
    await expect.poll(() => officerPage.getByTestId('case-close-blocked').count(), POLL).toBe(0);
    await performance.scrollIntoViewIfNeeded();
    await pageShot(officerPage, 'case-08-fine-paid');
    await officerPage.getByTestId('case-close').click();
    await expect.poll(() => officerPage.getByTestId('case-close').count(), POLL).toBe(0);
    await officerPage.context().close();
    // the enterprise applies in its portal with a credit pledge
    const portal = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(portal, 'enterprise.demo');
    await portal.goto(`${baseUrl()}/my-enterprise/credit`);
    await portal.getByTestId('credit-fulfilment').fill('罚款已于结案前缴清，报警装置已与通风联锁');
    await portal
      .getByTestId('credit-pledge')
      .fill('本单位承诺依法履行安全生产主体责任，不再发生同类违法行为。');
    await portal.getByTestId('credit-apply').click();
    await expect.poll(() => portal.getByTestId('credit-application-status').innerText(), POLL).toBe('待审核');
    await pageShot(portal, 'credit-01-application');

    // the legal reviewer of the bureau approves; the publication ends
    const reviewerPage = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(reviewerPage, 'pengjiang.reviewer');
    await reviewerPage.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    await reviewerPage.getByTestId('case-repair-note').fill('符合信用修复条件');
    await reviewerPage.getByTestId('case-repair-approve').click();
    await expect
      .poll(() => reviewerPage.getByTestId('case-publication-state').innerText(), POLL)
      .toBe('已信用修复，终止公示');
    await reviewerPage.context().close();

    await portal.reload();
    await expect
      .poll(() => portal.getByTestId('credit-publication-state').innerText(), POLL)
      .toBe('已信用修复，终止公示');
    expect(await portal.getByTestId('credit-application-status').innerText()).toBe('已准予修复');
    await pageShot(portal, 'credit-02-repaired');
    await portal.context().close();
    await visitor.reload();
    await expect.poll(() => visitor.locator('body').innerText(), POLL).not.toContain(mine.name);
    await visitor.context().close();
    await owner.dispose();
  });

  it('withdraws a revoked decision from the public page and publishes the reason (行政处罚法 第四十八条第二款)', async () => {
    // the demo's own served case: its decision is on the public page
    const reviewer = await apiAs('pengjiang.reviewer');
    const closed = await ok<{ items: { id: string }[] }>(
      await reviewer.get('/api/v1/penalty-cases?status=closed&pageSize=50'),
      'closed cases',
    );
    let target: { id: string; publication: { documentNumber: string } } | undefined;
    for (const item of closed.items) {
      const detail = await ok<{ id: string; publication: { state: string; documentNumber: string } | null }>(
        await reviewer.get(`/api/v1/penalty-cases/${item.id}`),
        'case',
      );
      if (detail.publication?.state === 'published') {
        target = { id: detail.id, publication: detail.publication };
        break;
      }
    }
    await reviewer.dispose();
    expect(target).toBeDefined();
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.reviewer');
    await page.goto(`${baseUrl()}/penalty-cases/${target!.id}`);
    await page.getByTestId('case-publication-withdraw-open').click();
    await choose(page, page.getByTestId('case-publication-withdraw-ground'), '行政处罚决定被依法撤销');
    await page.getByTestId('case-publication-withdraw-ground-on').fill(todayInBeijing());
    await page
      .getByTestId('case-publication-withdraw-reason')
      .fill('行政复议机关决定撤销该行政处罚决定，责令重新作出');
    await page.getByTestId('case-publication-withdraw').click();
    await expect
      .poll(() => page.getByTestId('case-publication-withdrawal').innerText(), POLL)
      .toContain('行政处罚决定被依法撤销');
    await page.context().close();

    const visitor = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    ).newPage();
    await visitor.goto(`${baseUrl()}/public/penalty-decisions`);
    await expect
      .poll(() => visitor.getByTestId('public-penalty-withdrawals').innerText(), POLL)
      .toContain('行政复议机关决定撤销该行政处罚决定');
    expect(await visitor.getByTestId('public-penalty-withdrawals').innerText()).toContain(
      target!.publication.documentNumber,
    );
    await visitor.getByTestId('public-penalty-withdrawals').scrollIntoViewIfNeeded();
    await screenShot(visitor, 'public-penalty-withdrawal');
    await visitor.context().close();
  });

  it('shows the legal reviewer the catalogue with its sources and the entries awaiting review', async () => {
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.reviewer');
    await page.goto(`${baseUrl()}/penalty-catalog`);
    await expect.poll(() => page.getByTestId('catalog-violations').innerText(), POLL).toContain('第九十七条');
    expect(await page.locator('body').innerText()).not.toContain('placeholder');
    await screenShot(page, 'case-04-catalogue');
    await page.context().close();
  });

  it('lists an enterprise on the serious-dishonesty list on the head’s decision, and the public reads it (令第11号)', async () => {
    const reviewer = await apiAs('pengjiang.reviewer');
    const head = await apiAs('pengjiang.head');
    const referrals = await ok<{ items: { id: string; description: string }[] }>(
      await reviewer.get(`/api/v1/case-referrals?inspectionId=${id}&pageSize=50`),
      'referrals',
    );
    const referral = referrals.items.find((item) => item.description === thirdDescription)!;
    const opened = await ok<{ id: string }>(
      await reviewer.post('/api/v1/penalty-cases', {
        data: { source: 'case_referral', caseReferralId: referral.id },
      }),
      'open case',
    );
    const path = `/api/v1/penalty-cases/${opened.id}`;
    await ok(
      await inspector.put(`${path}/facts`, {
        data: {
          violationCode: 'wslr_19_1',
          committedOn: todayInBeijing(),
          circumstances: [],
          foundBy: 'inspection',
        },
      }),
      'facts',
    );
    await ok(
      await inspector.post(`${path}/evidence`, { data: { kind: 'record', description: '现场检查记录' } }),
      'evidence',
    );
    const proposed = await ok<{ proposal: { tier: string; amountFen: number } }>(
      await inspector.post(`${path}/proposal`),
      'proposal',
    );
    const act = async (who: APIRequestContext, data: Record<string, unknown>) =>
      ok<{ status: string }>(await who.post(`${path}/actions`, { data }), String(data.action));
    await act(inspector, { action: 'submit_for_review' });
    const reviewed = await act(reviewer, { action: 'approve_review' });
    if (reviewed.status === 'collective_discussion')
      await act(head, { action: 'record_discussion', note: '同意' });
    await act(inspector, { action: 'notify', notifiedOn: todayInBeijing() });
    await act(head, {
      action: 'decide',
      tier: proposed.proposal.tier,
      amountFen: proposed.proposal.amountFen,
    });
    await Promise.all([reviewer.dispose(), head.dispose()]);

    // the officer recommends, with the judgement 第三条 asks for
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${opened.id}`);
    await page
      .getByTestId('case-listing-reason')
      .fill('许可证被暂扣期间仍组织生产，经责令停产拒不执行，性质恶劣、情节严重');
    await page.getByTestId('case-listing-recommend').click();
    await expect.poll(() => page.getByTestId('case-listing-status').innerText(), POLL).toBe('待负责人决定');
    // the officer who recommended it cannot decide it
    expect(await page.getByTestId('case-listing-decide').count()).toBe(0);
    await page.context().close();

    const headPage = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(headPage, 'pengjiang.head');
    await headPage.goto(`${baseUrl()}/penalty-cases/${opened.id}`);
    await headPage.getByTestId('case-listing-note').fill('同意列入');
    await headPage.getByTestId('case-listing-decide').click();
    await expect
      .poll(() => headPage.getByTestId('case-listing-status').innerText(), POLL)
      .toBe('已列入严重失信主体名单');
    expect(await headPage.getByTestId('case-listing-period').innerText()).toContain('起可申请提前移出');
    await pageShot(headPage, 'case-09-listing');
    await headPage.context().close();

    const visitor = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    ).newPage();
    await visitor.goto(`${baseUrl()}/public/penalty-decisions`);
    await expect
      .poll(() => visitor.getByTestId('public-serious-dishonesty').innerText(), POLL)
      .toContain('未依法取得安全生产相关许可或者许可被暂扣、吊销期间从事相关生产经营活动');
    await visitor.getByTestId('public-serious-dishonesty').scrollIntoViewIfNeeded();
    await screenShot(visitor, 'public-serious-dishonesty');
    await visitor.context().close();
  });
});
