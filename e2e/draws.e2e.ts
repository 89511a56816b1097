import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Browser, type Locator, type Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn, screenshotDir } from './browser.ts';
import { apiAs, choose, fieldSelect, pageShot, screenShot, todayInBeijing, typeDate } from './ui.ts';

// Measures 5, 6, 12: a legal reviewer freezes a batch by criteria and draws it before two witnesses (the citizen
// published by role only); the public page shows what binds the draw and its result hash but not whom it will
// inspect (issue 12 item 9), and a crafted record with one changed officer is shown with exactly what differs.
// Then the cancellation: requested, approved by the bureau head, shown in red beside the draw on the public
// list; with its inspections cancelled the full record is public and recomputes in the browser (一致) against
// the result hash published at the session.

type DrawRecord = {
  inspectors: string[];
  selected: { stratum: string; enterprise: string; inspectors: string[] }[];
};

const POLL = { timeout: 20_000, interval: 100 };

// An antd InputNumber hands its data-testid to the input, or to a wrapper around it.
const numberInput = (page: Page, testId: string): Locator =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const daysFrom = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

describe('double-random draws anyone can verify', () => {
  let browser: Browser;
  let page: Page;
  let visitor: Page;
  let resultHash = '';
  let drawId = '';
  const title = '江门市双随机抽查（端到端）';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    // a visitor without a session, in a context of its own
    visitor = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
  });
  afterAll(() => browser?.close());

  it('a legal reviewer freezes a batch by criteria, and the pool hashes are published before any randomness', async () => {
    await logIn(page, 'city.reviewer');
    await page.getByTestId('side-menu').getByText('双随机抽取').click();
    await page.waitForURL(/\/draws$/);
    await page.getByTestId('draw-row').first().waitFor();
    await pageShot(page, 'draws-01-list');

    await page.getByTestId('draw-freeze').click();
    const form = page.getByTestId('draw-freeze-form');
    await page.getByTestId('draw-field-title').fill(title);
    await typeDate(page.getByTestId('draw-field-inspectionDate'), daysFrom(todayInBeijing(), 14));
    await choose(page, fieldSelect(form, 'matters'), '安全生产综合', { search: true });
    await page.keyboard.press('Escape');
    await choose(page, fieldSelect(form, 'partners'), '江门市消防救援支队', { search: true });
    await page.keyboard.press('Escape');

    // two strata: general enterprises graded blue (5 %), and two key enterprises
    await page.getByTestId('draw-stratum-key-0').fill('一般企业-蓝色');
    await choose(page, fieldSelect(form, 'strata_0_enforcementClass'), '一般');
    await choose(page, fieldSelect(form, 'strata_0_riskGrade'), '蓝色');
    await numberInput(page, 'draw-stratum-size-0').fill('5');
    await page.getByTestId('draw-stratum-add').click();
    await page.getByTestId('draw-stratum-key-1').fill('重点企业');
    await choose(page, fieldSelect(form, 'strata_1_enforcementClass'), '重点');
    await choose(page, fieldSelect(form, 'strata_1_sizeKind'), '家数');
    await numberInput(page, 'draw-stratum-size-1').fill('2');
    await screenShot(page, 'draws-02-freeze-form');

    await page.getByTestId('draw-freeze-confirm').click();
    await page.waitForURL(/\/draws\/[0-9a-f-]{36}$/);
    drawId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('draw-session').waitFor();
    expect(await page.getByTestId('draw-status').first().getAttribute('data-status')).toBe('frozen');
    expect(await page.getByTestId('draw-pool-hash').getAttribute('data-value')).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('draw-inspector-pool-hash').getAttribute('data-value')).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(await page.getByTestId('draw-partner-pool-hash').count()).toBe(1);
    expect(await page.getByTestId('draw-stratum-row').count()).toBe(2);
    // no seed and no result until the session
    expect(await page.getByTestId('draw-seed').count()).toBe(0);
    expect(await page.getByTestId('draw-result-row').count()).toBe(0);
    await pageShot(page, 'draws-03-frozen');
  });

  it('enters the public entropy before two witnesses, confirms the one-time draw and sees the result', async () => {
    await page.getByTestId('draw-entropy').fill('2026-12-01 体彩排列5 开奖号码 4 7 2 9 0');
    // the first witness in office (published with the name), the second a citizen (published by role only)
    await page.getByTestId('draw-witness-0').fill('梁建华');
    await page.getByTestId('draw-witness-1').fill('陈丽娟');
    await page.getByTestId('draw-perform').click();
    const modal = page.getByTestId('draw-perform-modal');
    await modal.waitFor();
    expect(await modal.innerText()).toContain('只能进行一次');
    expect(await modal.getByTestId('draw-witnesses-published').innerText()).toBe(
      '执法监督机构人员 梁建华、社会监督员',
    );
    await screenShot(page, 'draws-04-confirm');
    await page.getByTestId('draw-perform-confirm').click();

    await expect
      .poll(() => page.getByTestId('draw-status').first().getAttribute('data-status'), POLL)
      .toBe('drawn');
    await page.getByTestId('draw-session').waitFor({ state: 'detached' });
    expect(await page.getByTestId('draw-seed').getAttribute('data-value')).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('draw-witnesses').innerText()).toBe('执法监督机构人员 梁建华、社会监督员');
    const rows = page.getByTestId('draw-result-row');
    await rows.first().waitFor();
    const counts = await page.getByTestId('draw-pool-counts').innerText();
    const sample = Number(/抽取 (\d+) 家/.exec(counts)?.[1]);
    expect(await rows.count()).toBe(sample);
    // measure 12: two officers each, with certificate numbers; measure 6: the fire-rescue team beside them
    const first = rows.first();
    expect(await first.getByTestId('draw-member').count()).toBeGreaterThanOrEqual(4);
    expect(await first.getByTestId('draw-partner-team').innerText()).toContain('江门市消防救援支队');
    expect(await first.getByTestId('draw-inspection-status').getAttribute('data-status')).toBe('planned');
    await pageShot(page, 'draws-05-drawn');

    // a recusal replaces the officer by continuing the sequence, shown beside the original
    const recused = (await first.getByTestId('draw-member').first().getAttribute('data-certificate'))!;
    await first.getByTestId('draw-recuse').first().click();
    await page.getByTestId('draw-recusal-reason').fill('与该企业负责人系近亲属');
    await screenShot(page, 'draws-06-recusal');
    await page.getByTestId('draw-recusal-confirm').click();
    const replacement = page.getByTestId('draw-result-row').first().getByTestId('draw-replacement');
    await replacement.waitFor();
    expect(await replacement.innerText()).toContain(recused);
  });

  // issue 12 item 9: the public page binds the draw without announcing the visits
  it('the public page lists the draw with its hashes and result hash, and not whom it will inspect', async () => {
    await visitor.goto(`${baseUrl()}/public/guide-lists`);
    await visitor.getByTestId('public-nav-draws').click();
    await visitor.waitForURL(/\/public\/draws$/);
    const row = visitor.locator(`[data-testid=public-draw-row][data-id="${drawId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(title);
    expect(await row.getAttribute('data-status')).toBe('drawn');
    await pageShot(visitor, 'draws-07-public-list');

    await row.getByText(title).click();
    await visitor.waitForURL(new RegExp(`/public/draws/${drawId}$`));
    await visitor.getByTestId('public-draw-undisclosed').waitFor(POLL);
    expect(await visitor.getByTestId('draw-entropy-value').innerText()).toContain('体彩排列5');
    resultHash = await visitor.getByTestId('draw-result-hash').innerText();
    expect(resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await visitor.getByTestId('draw-witnesses').innerText()).toBe(
      '执法监督机构人员 梁建华、社会监督员',
    );
    expect(await visitor.locator('[data-testid=draw-result-row]').count()).toBe(0);
    expect(await visitor.getByTestId('draw-verify').count()).toBe(0);
    expect(await visitor.content()).not.toContain('陈丽娟');
    // nor does the record answer without login before the visits are done or the window closes
    const anonymous = await request.newContext({ baseURL: baseUrl() });
    expect((await anonymous.get(`/api/v1/draws/${drawId}/record`)).status()).toBe(409);
    await anonymous.dispose();
    await pageShot(visitor, 'draws-08-public-undisclosed');
  });

  it('a crafted record with one changed officer is shown with exactly what differs', async () => {
    // the record as the territory's staff read it at once
    const staff = await apiAs('city.reviewer');
    const response = await staff.get(`/api/v1/draws/${drawId}/record`);
    expect(response.ok()).toBe(true);
    const record = (await response.json()) as DrawRecord;
    await staff.dispose();
    const team = record.selected[0]!.inspectors;
    const original = team[1]!;
    const other = record.inspectors.find((certificate) => !team.includes(certificate))!;
    team[1] = other;

    await visitor.getByTestId('verify-other-text').fill(JSON.stringify(record, null, 2));
    await visitor.getByTestId('verify-other-submit').click();
    const result = visitor.getByTestId('verify-other-result');
    await expect.poll(() => result.getAttribute('data-consistent'), POLL).toBe('false');
    const differences = result.getByTestId('verify-difference');
    // the changed officer, and the result hash the record no longer matches
    expect(
      await differences.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-field')).sort()),
    ).toEqual(['resultHash', 'selected[0].inspectors[1]']);
    const text = await result
      .locator('[data-testid=verify-difference][data-field="selected[0].inspectors[1]"]')
      .innerText();
    expect(text).toContain(original);
    expect(text).toContain(other);
    expect(await result.getByTestId('verify-other-result-verdict').innerText()).toContain('不一致');
    await result.scrollIntoViewIfNeeded();
    await screenShot(visitor, 'draws-09-crafted-record');

    // not a record at all
    await visitor.getByTestId('verify-other-text').fill('{"hello": "world"}');
    await visitor.getByTestId('verify-other-submit').click();
    await expect.poll(() => result.getAttribute('data-consistent'), POLL).toBe('error');
  });

  it('a cancellation needs the bureau head, and the public list shows it in red beside the draw', async () => {
    await page.getByTestId('draw-cancellation-request').click();
    await page.getByTestId('draw-cancellation-reason').fill('检查日与防汛应急响应冲突，本批次取消');
    await page.getByTestId('draw-cancellation-confirm').click();
    await expect
      .poll(() => page.getByTestId('draw-cancellation').getAttribute('data-status'), POLL)
      .toBe('requested');

    await logIn(page, 'city.head');
    await page.goto(`${baseUrl()}/draws/${drawId}`);
    await page.getByTestId('draw-cancellation-decide').click();
    await screenShot(page, 'draws-10-decision');
    await page.getByTestId('draw-decision-confirm').click();
    await expect
      .poll(() => page.getByTestId('draw-cancellation').getAttribute('data-status'), POLL)
      .toBe('approved');
    expect(await page.getByTestId('draw-status').first().getAttribute('data-status')).toBe('cancelled');

    await visitor.goto(`${baseUrl()}/public/draws`);
    const row = visitor.locator(`[data-testid=public-draw-row][data-id="${drawId}"]`);
    await row.waitFor();
    const cancelled = row.getByTestId('public-draw-cancelled');
    expect(await cancelled.innerText()).toContain('防汛应急响应');
    expect(await cancelled.evaluate((element) => getComputedStyle(element).color)).toMatch(
      /rgb\((2[0-9]{2}), \d{1,2}, \d{1,2}\)/,
    );
    await pageShot(visitor, 'draws-11-public-cancelled');
    // its inspections cancelled, the full record is public: recomputed in the browser and checked against
    // the result hash published at the session (issue 12 item 9)
    await row.getByText(title).click();
    await visitor
      .getByTestId('public-draw-result')
      .locator('[data-testid=draw-result-row]')
      .first()
      .waitFor(POLL);
    expect(await visitor.getByTestId('draw-result-hash').innerText()).toBe(resultHash);
    await visitor.getByTestId('draw-verify').click();
    const result = visitor.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-consistent'), POLL).toBe('true');
    expect(await visitor.getByTestId('verify-result-verdict').innerText()).toBe('一致');
    // the bureau's record and the fire-rescue department's, each recomputed
    expect(await result.getByTestId('verify-seed').count()).toBe(2);
    const seed = await visitor.getByTestId('draw-seed').getAttribute('data-value');
    expect(await result.getByTestId('verify-seed').first().getAttribute('data-value')).toBe(seed);
    expect(await visitor.content()).not.toContain('陈丽娟');
    await pageShot(visitor, 'draws-12-public-disclosed-verified');
    await visitor
      .getByTestId('verify-panel')
      .screenshot({ path: path.join(screenshotDir, 'draws-12b-verify-panel.png') });
  });
});
