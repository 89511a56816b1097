import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { verifyReviewSample } from '@inspecta/domain';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, choose, jsonOf, pageShot, screenShot, serverNow } from './ui.ts';

// Issue 17 items 3, 8, 9 (measures 18, 29): a complaint about enforcement received on a channel and answered; a
// case-file review round sampled from published inputs (recomputed here and in the browser), one file scored with
// a veto item and one with points; the supervision page lists an officer on each side with the visits behind it.

const POLL = { timeout: 20_000, interval: 200 };

describe('enforcement supervision: complaints, case-file review, leniency and severity (issue 17)', () => {
  let browser: Browser;
  let page: Page;
  let reviewer: APIRequestContext;
  const summary = `来电反映执法人员检查时未出示执法证件 ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    reviewer = await apiAs('city.reviewer');
  });
  afterAll(async () => {
    await reviewer?.dispose();
    await browser?.close();
  });

  it('a complaint received on the 12345 channel is answered before its deadline', async () => {
    await logIn(page, 'pengjiang.unithead');
    await page.goto(`${baseUrl()}/complaints`);
    await page.getByTestId('receive-complaint').click();
    const dialog = page.getByRole('dialog');
    await choose(
      page,
      dialog.getByTestId('complaint-channel'),
      '12345政务服务便民热线（15个工作日内答复，待法制审核）',
    );
    await dialog.getByTestId('complaint-reference').fill('12345-E2E-0001');
    await dialog.getByTestId('complaint-summary').fill(summary);
    await screenShot(page, 'complaint-receive');
    await dialog
      .getByRole('button', { name: '登 记' })
      .or(dialog.getByRole('button', { name: '登记' }))
      .click();
    const row = page.getByTestId('complaint-table').locator('tr', { hasText: summary });
    await expect.poll(() => row.count(), POLL).toBe(1);
    await expect.poll(() => row.textContent(), POLL).toContain('待法制审核');
    await pageShot(page, 'complaints');
    await row.getByRole('button').click();
    await page
      .getByRole('dialog')
      .getByTestId('complaint-answer')
      .fill('经核查，执法人员已出示证件，现场有执法记录仪视频为证，已电话告知投诉人');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /答\s?复/ })
      .click();
    await page.goto(`${baseUrl()}/complaints?view=all`);
    const answered = page.getByTestId('complaint-table').locator('tr', { hasText: summary });
    await expect.poll(() => answered.textContent(), POLL).toContain('已答复');
  });

  it('a case-file review samples from published inputs, recomputed, and scores one file with a veto and one with points', async () => {
    const year = serverNow().getUTCFullYear();
    const round = await jsonOf<{ id: string; pool: string[]; poolHash: string; sampleSize: number }>(
      await reviewer.post('/api/v1/case-reviews', {
        data: {
          territory: '440703',
          kind: 'special',
          topic: `专项执法检查 E2E ${Date.now()}`,
          periodFrom: `${year - 1}-01-01`,
          periodTo: `${year - 1}-12-31`,
          sampleSize: 3,
          fileKinds: ['inspection', 'penalty_case'],
        },
      }),
    );
    expect(round.pool.length).toBeGreaterThan(3);
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/case-reviews/${round.id}`);
    await page.getByTestId('round-entropy').fill('2026-12-06 福彩3D 第2026335期 417');
    await page.getByTestId('sample-round').click();
    await expect.poll(() => page.getByTestId('round-seed').count(), POLL).toBe(1);
    // recomputed from what the round publishes
    const detail = await jsonOf<{
      round: {
        pool: string[];
        poolHash: string;
        publicEntropy: string;
        seed: string;
        selected: string[];
        sampleSize: number;
      };
      files: { id: string; basis: string; label: string }[];
    }>(await reviewer.get(`/api/v1/case-reviews/${round.id}`));
    expect(verifyReviewSample({ ...detail.round }).ok).toBe(true);
    expect(detail.round.selected).toHaveLength(3);
    await page.getByTestId('verify-round').click();
    await expect.poll(() => page.getByTestId('verify-result').textContent(), POLL).toContain('复算一致');
    const [first, second] = detail.files.filter((file) => file.basis === 'random');
    // a veto item failed: 不合格卷
    await page.getByTestId(`score-${first!.id}`).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('执法人员具备执法资格，且不少于两人').check();
    await dialog.getByTestId('review-findings').fill('现场检查记录只有一名执法人员签名');
    await screenShot(page, 'case-review-score-veto');
    await dialog.getByRole('button', { name: /保存评分/ }).click();
    await expect.poll(() => page.getByTestId(`grade-${first!.id}`).textContent(), POLL).toContain('不合格卷');
    // points: two deducted for page numbering
    await page.getByTestId(`score-${second!.id}`).click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('points-form_pages').fill('3');
    await dialog.getByTestId('review-findings').fill('卷内页码编号不连续');
    await dialog.getByRole('button', { name: /保存评分/ }).click();
    await expect.poll(() => page.getByTestId(`grade-${second!.id}`).textContent(), POLL).toContain('优秀');
    await expect.poll(() => page.getByTestId('review-file-table').textContent(), POLL).toContain('98 分');
    await pageShot(page, 'case-review-round');
    await page.goto(`${baseUrl()}/case-reviews`);
    await expect.poll(() => page.getByTestId('round-table').textContent(), POLL).toContain('专项执法检查');
    await pageShot(page, 'case-reviews');
  });

  it('the supervision page lists an officer on each side with the visits behind it', async () => {
    const year = serverNow().getUTCFullYear();
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/supervision?from=${year - 1}-01-01&to=${year - 1}-12-31`);
    const officers = page.getByTestId('officer-statistics');
    await expect.poll(() => officers.getByTestId('flag-lenient').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => officers.getByTestId('flag-severe').count(), POLL).toBeGreaterThan(0);
    const lenient = officers.getByTestId('flag-lenient').first();
    expect(await lenient.textContent()).toContain('问题发现率');
    expect(await lenient.locator('a[href^="/inspections/"]').count()).toBeGreaterThan(0);
    expect(
      await officers.getByTestId('flag-severe').first().locator('a[href^="/inspections/"]').count(),
    ).toBeGreaterThan(0);
    await pageShot(page, 'supervision');
  });
});
