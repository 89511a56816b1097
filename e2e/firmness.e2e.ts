import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL, ok, photo, visitUnderway } from './onsite-steps.ts';
import { apiAs, choose, pageShot, screenShot, serverNow, todayInBeijing } from './ui.ts';

// Issue 15 item 6 (measure 15): a decided and fined case whose enterprise still refuses to correct. The officer
// records the re-check; the case page shows the daily continuous penalty of 安全生产法 第一百一十二条 (the days
// after the order to correct, the original amount a day); the legal reviewer opens the follow-up case from it.

const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

// the normal way from a drafted proposal to the head's decision on its amount
const decideAsProposed = async (id: string, reviewer: APIRequestContext, head: APIRequestContext) => {
  const path = `/api/v1/penalty-cases/${id}`;
  const inspector = await apiAs('pengjiang.inspector');
  try {
    const proposed = await ok<{ proposal: { tier: string; amountFen: number } }>(
      await inspector.post(`${path}/proposal`),
      'proposal',
    );
    await ok(await inspector.post(`${path}/actions`, { data: { action: 'submit_for_review' } }), 'submit');
    const approved = await ok<{ status: string }>(
      await reviewer.post(`${path}/actions`, { data: { action: 'approve_review', note: '事实清楚' } }),
      'review',
    );
    if (approved.status === 'collective_discussion')
      await ok(
        await head.post(`${path}/actions`, { data: { action: 'record_discussion', note: '同意' } }),
        'discussion',
      );
    await ok(
      await inspector.post(`${path}/actions`, { data: { action: 'notify', notifiedOn: todayInBeijing() } }),
      'notify',
    );
    await ok(
      await head.post(`${path}/actions`, {
        data: { action: 'decide', tier: proposed.proposal.tier, amountFen: proposed.proposal.amountFen },
      }),
      'decide',
    );
  } finally {
    await inspector.dispose();
  }
};

describe('firmness: the daily continuous penalty after a refusal to correct (安全生产法 第一百一十二条)', () => {
  let browser: Browser;
  let inspector: APIRequestContext;
  let caseId: string;
  let followUpId: string;
  const description = '喷涂车间可燃气体报警装置未投入使用';
  // a second major hidden danger of the same visit, fined too: with the follow-up case, three penalties
  const secondDescription = '喷涂车间防爆电气设备失爆';

  beforeAll(async () => {
    browser = await launchBrowser();
    inspector = await apiAs('pengjiang.inspector');
  });
  afterAll(async () => {
    await inspector?.dispose();
    await browser?.close();
  });

  it('decides a fine for a major hidden danger found by an inspection', async () => {
    const id = await visitUnderway(inspector, '12345-FIRM-1');
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
    const now = serverNow().toISOString();
    await ok(
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
              fixedOnSpot: { proofIds: [proofId], note: '当场关闭喷涂线' },
            },
            {
              id: secondFindingId,
              itemCode,
              description: secondDescription,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: now,
              fixedOnSpot: { proofIds: [proofId], note: '当场断电' },
            },
          ],
          emergencyMeasures: [
            { findingId, kind: 'stop_use', note: '停止使用喷涂线', decidedAt: now },
            { findingId: secondFindingId, kind: 'stop_use', note: '停止使用防爆电气', decidedAt: now },
          ],
        },
      }),
      'sync',
    );
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/acknowledgement`, {
        data: {
          signed: false,
          signerName: '陈建国',
          signerPosition: '总经理',
          refusalNote: '拒绝签字，两名执法人员见证',
        },
      }),
      'acknowledgement',
    );
    await ok(await inspector.post(`/api/v1/inspections/${id}/conclude`, { data: {} }), 'conclude');

    const reviewer = await apiAs('pengjiang.reviewer');
    const head = await apiAs('pengjiang.head');
    try {
      const referrals = await ok<{ items: { id: string; description: string }[] }>(
        await reviewer.get(`/api/v1/case-referrals?inspectionId=${id}&pageSize=50`),
        'referrals',
      );
      for (const text of [secondDescription, description]) {
        const referral = referrals.items.find((item) => item.description === text)!;
        const opened = await ok<{ id: string }>(
          await reviewer.post('/api/v1/penalty-cases', {
            data: { source: 'case_referral', caseReferralId: referral.id },
          }),
          'open case',
        );
        caseId = opened.id;
        const path = `/api/v1/penalty-cases/${caseId}`;
        await ok(
          await inspector.put(`${path}/facts`, {
            data: {
              violationCode: 'wsl_102_1',
              committedOn: todayInBeijing(),
              circumstances: ['major_hidden_danger'],
              foundBy: 'inspection',
            },
          }),
          'facts',
        );
        await ok(
          await inspector.post(`${path}/evidence`, {
            data: { kind: 'record', description: `现场检查记录：${text}` },
          }),
          'evidence',
        );
        await decideAsProposed(caseId, reviewer, head);
      }
    } finally {
      await Promise.all([reviewer.dispose(), head.dispose()]);
    }
  });

  it('the officer records the re-check and sees the penalty computed; the legal reviewer opens the follow-up case', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    const card = page.getByTestId('case-firmness');
    await expect.poll(() => card.isVisible(), POLL).toBe(true);
    await card.getByTestId('case-firmness-record').click();
    const today = todayInBeijing();
    await card.getByTestId('case-firmness-ordered-on').fill(daysBefore(today, 10));
    await card.getByTestId('case-firmness-refusal-on').fill(today);
    await card.getByTestId('case-firmness-order-note').fill('现场处理措施决定书 责令立即改正');
    await card
      .getByTestId('case-firmness-evidence')
      .fill('复查发现可燃气体报警装置仍未投入使用，现场照片 2 张');
    await card.getByTestId('case-firmness-save').click();
    const amount = card.getByTestId('case-firmness-amount');
    await expect.poll(() => amount.isVisible(), POLL).toBe(true);
    expect(await amount.innerText()).toContain('× 10 日');
    expect(await card.innerText()).toContain('自作出责令改正之日的次日起');
    expect(await card.innerText()).toContain('待法制审核');
    // the inspector does not open cases: 立案 is the legal reviewer's
    expect(await card.getByTestId('case-firmness-open').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await pageShot(page, 'firmness-01-calculation');
    await context.close();

    const reviewerContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const reviewerPage = await reviewerContext.newPage();
    await logIn(reviewerPage, 'pengjiang.reviewer');
    await reviewerPage.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    await reviewerPage.getByTestId('case-firmness-open').click();
    await reviewerPage.waitForURL(
      (url) => /\/penalty-cases\/[0-9a-f-]+$/.test(url.pathname) && !url.pathname.endsWith(caseId),
    );
    followUpId = new URL(reviewerPage.url()).pathname.split('/').at(-1)!;
    const origin = reviewerPage.getByTestId('case-firmness-origin');
    await expect.poll(() => origin.isVisible(), POLL).toBe(true);
    expect(await origin.innerText()).toContain('× 10 日');
    expect(await reviewerPage.getByText('拒不改正按日连续处罚').first().isVisible()).toBe(true);
    await pageShot(reviewerPage, 'firmness-02-follow-up');
    // the original links to it, once
    await reviewerPage.goto(`${baseUrl()}/penalty-cases/${caseId}`);
    await expect.poll(() => reviewerPage.getByTestId('case-firmness-follow-up').isVisible(), POLL).toBe(true);
    expect(await reviewerPage.getByTestId('case-firmness-open').count()).toBe(0);
    await reviewerContext.close();
  });

  it('the follow-up decided is the third penalty for a major hidden danger: the head records the 提请关闭 (第一百一十三条)', async () => {
    const reviewer = await apiAs('pengjiang.reviewer');
    const head = await apiAs('pengjiang.head');
    try {
      await decideAsProposed(followUpId, reviewer, head);
    } finally {
      await Promise.all([reviewer.dispose(), head.dispose()]);
    }
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.head');
    await page.goto(`${baseUrl()}/penalty-cases/${followUpId}`);
    const closure = page.getByTestId('case-firmness-closure');
    await expect.poll(() => closure.isVisible(), POLL).toBe(true);
    expect(await closure.innerText()).toContain('第一百一十三条第一款第（一）项');
    expect(await closure.innerText()).toContain('应当提请地方人民政府予以关闭');
    await closure.getByTestId('case-firmness-sent-on').fill(todayInBeijing());
    await closure.getByTestId('case-firmness-document').fill('江蓬应急〔2026〕18号 关于提请关闭的请示');
    await closure.getByRole('button', { name: '记录已提请地方人民政府关闭' }).click();
    const sent = page.getByTestId('case-firmness-closure-sent');
    await expect.poll(() => sent.isVisible(), POLL).toBe(true);
    expect(await sent.innerText()).toContain('江蓬应急〔2026〕18号');
    await closure.scrollIntoViewIfNeeded();
    await pageShot(page, 'firmness-03-closure');
    await context.close();
  });
  it('the head records an item (四) proposal on the facts; the bureau’s 提请关闭 page lists both with their items', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'pengjiang.head');
    await page.goto(`${baseUrl()}/penalty-cases/${followUpId}`);
    await page.getByTestId('case-firmness-closure-facts-open').click();
    const form = page.getByTestId('case-firmness-closure-facts-form');
    await expect.poll(() => form.isVisible(), POLL).toBe(true);
    await choose(
      page,
      form.getByTestId('case-firmness-closure-item'),
      '第一百一十三条第一款第（四）项：拒不执行负有安全生产监督管理职责的部门作出的停产停业整顿决定的',
    );
    const today = todayInBeijing();
    await form.getByLabel('停产停业整顿决定书编号').fill('江蓬应急罚〔2026〕5号');
    await form.getByLabel('停产停业整顿决定日期').fill(daysBefore(today, 20));
    await form.getByLabel('认定拒不执行之日').fill(daysBefore(today, 3));
    await form
      .getByLabel('拒不执行的事实和证据')
      .fill('检查发现喷涂车间在停产停业整顿期间继续生产，有现场照片和询问笔录');
    await form.getByLabel('提请关闭日期').fill(today);
    await form.getByLabel('文号或报送情况').fill('江蓬应急〔2026〕19号');
    await form.scrollIntoViewIfNeeded();
    await screenShot(page, 'firmness-04-closure-facts-form');
    await form.getByRole('button', { name: '记录已提请地方人民政府关闭' }).click();
    const recorded = page.getByTestId('case-firmness-closure-facts-4');
    await expect.poll(() => recorded.isVisible(), POLL).toBe(true);
    expect(await recorded.innerText()).toContain(
      '拒不执行负有安全生产监督管理职责的部门作出的停产停业整顿决定的',
    );

    // the menu's 提请关闭 page: item (一) with its counted penalties and item (四) with its facts
    await page.getByTestId('side-menu').getByText('提请关闭', { exact: true }).click();
    const table = page.getByTestId('closure-table');
    await expect.poll(() => table.innerText(), POLL).toContain('第一百一十三条第一款第（四）项');
    const text = await table.innerText();
    expect(text).toContain('第一百一十三条第一款第（一）项');
    expect(text).toContain('存在重大事故隐患，一百八十日内三次或者一年内四次受到本法规定的行政处罚的');
    expect(text).toContain('江蓬应急罚〔2026〕5号');
    expect(text).toContain(`已于 ${today} 提请`);
    await pageShot(page, 'firmness-05-closure-list');
    await table.getByTestId('closure-case-link').first().click();
    await expect.poll(() => page.url(), POLL).toContain('/penalty-cases/');
    await context.close();
  });
});
