import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn, screenshot } from './browser.ts';
import { apiSession } from './api.ts';
import { choose, todayInBeijing, typeDate } from './ui.ts';

type Enterprise = { id: string; name: string; creditCode: string };
const riskOrder = ['蓝', '黄', '橙', '红'];
const riskRank = (text: string) => riskOrder.findIndex((colour) => text.includes(colour));

describe('graded and classified enforcement', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(() => browser?.close());

  it('a legal reviewer generates the year’s list, removes one enterprise with a reason, approves, publishes and sees it on the public page', async () => {
    // next year's list: this year's is the demo story's, already published (issue 13 item 8)
    const year = String(Number(todayInBeijing().slice(0, 4)) + 1);
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/guide-lists`);
    await page
      .locator('input[data-testid=guide-list-year], [data-testid=guide-list-year] input')
      .first()
      .fill(year);
    await page.getByTestId('guide-list-generate').click();
    await page.waitForURL(/\/guide-lists\/[0-9a-f-]{36}$/);
    const rows = page.getByTestId('guide-entry-row');
    await rows.first().waitFor();
    const before = Number(await page.getByTestId('guide-list-count').textContent());
    expect(before).toBeGreaterThan(7);
    await screenshot(page, 'grading-01-guide-list-draft');

    const removedName = (await rows.first().locator('td a').first().textContent())!.trim();
    await rows.first().getByTestId('entry-remove').click();
    await page.getByTestId('removal-reason').fill('企业已于 2026 年 10 月注销');
    await page.getByTestId('removal-confirm').click();
    await page.getByTestId('guide-entry-removed').first().waitFor();
    await expect
      .poll(async () => Number(await page.getByTestId('guide-list-count').textContent()))
      .toBe(before - 1);
    await screenshot(page, 'grading-02-entry-removed');

    await page.getByTestId('guide-list-approve').click();
    await page.getByTestId('guide-list-approve-comment').fill('经法制审核，同意');
    await page.getByTestId('guide-list-approve-confirm').click();
    await page.getByTestId('guide-list-publish').click();
    await page.getByTestId('guide-list-publish-confirm').click();
    await expect
      .poll(async () => page.getByTestId('guide-list-status').first().getAttribute('data-status'))
      .toBe('published');
    await screenshot(page, 'grading-03-published');

    const publicPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await publicPage.goto(`${baseUrl()}/public/guide-lists/${year}`);
    await publicPage.getByTestId('public-guide-row').first().waitFor();
    const published = (await (await fetch(`${baseUrl()}/api/v1/public/guide-lists/${year}`)).json()) as {
      entries: { name: string }[];
    };
    expect(published.entries).toHaveLength(before - 1);
    expect(published.entries.map((e) => e.name)).not.toContain(removedName);
    await screenshot(publicPage, 'grading-04-public-list');
    await publicPage.close();
  });

  it('an accident entry raises an enterprise’s grade and the reason appears', async () => {
    const inspector = await apiSession('pengjiang.inspector');
    const found = await inspector.get<{ items: Enterprise[] }>(
      `/api/v1/enterprises?q=${encodeURIComponent('恒兴家具')}`,
    );
    const enterprise = found.items[0]!;
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/enterprises/${enterprise.id}`);
    const risk = page.getByTestId('grade-risk');
    await risk.waitFor();
    const before = riskRank((await risk.textContent()) ?? '');
    await screenshot(page, 'grading-05-grade-before');

    // by keyboard, through the helpers that wait for each field, so a loaded machine cannot drop a keystroke
    await page.getByTestId('fact-add-accident').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('accident-date') });
    await typeDate(modal.getByTestId('accident-date'), '2026-11-20');
    await choose(page, modal.getByTestId('accident-level'), '较大事故');
    await modal
      .locator('input[data-testid=accident-deaths], [data-testid=accident-deaths] input')
      .first()
      .fill('3');
    await page.getByTestId('fact-submit').click();
    await modal.waitFor({ state: 'hidden' });

    await expect
      .poll(async () => riskRank((await risk.textContent()) ?? ''), { timeout: 30_000 })
      .toBeGreaterThan(before);
    const reasons = (await page.getByTestId('grade-reasons').textContent()) ?? '';
    expect(reasons).toContain('2026-11-20');
    expect(reasons).toContain('较大');
    await screenshot(page, 'grading-06-grade-after-accident');
  });

  it('explains each grade reason to the enterprise in plain words, and shows the legal reviewer the source with its notes', async () => {
    await logIn(page, 'enterprise.demo');
    await page.goto(`${baseUrl()}/my-enterprise`);
    const basis = page.getByTestId('grade-reason-basis');
    await basis.first().waitFor();
    const plain = await basis.allInnerTexts();
    expect(plain.every((text) => text.startsWith('依据：'))).toBe(true);
    expect(plain.join('\n')).not.toMatch(/placeholder|\[N\]|FACTS|\.json|\.md\b/);
    await screenshot(page, 'grading-08-own-grade-plain');

    const api = await apiSession('enterprise.demo');
    const { user } = await api.get<{ user: { enterpriseId: string } }>('/api/v1/auth/me');
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/enterprises/${user.enterpriseId}`);
    await basis.first().waitFor();
    const sources = (await basis.allInnerTexts()).join('\n');
    expect(sources).not.toContain('依据：');
    expect(sources).toMatch(/待法制审核|《/);
  });

  it('shows the grading overview with charts for the city', async () => {
    await logIn(page, 'city.head');
    await page.goto(`${baseUrl()}/grading`);
    await page.getByTestId('grading-chart-territory').locator('canvas').waitFor();
    await page.getByTestId('grading-chart-risk').locator('canvas').waitFor();
    await screenshot(page, 'grading-07-overview');
  });
});
