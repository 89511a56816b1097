import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, choose, jsonOf, pageShot } from './ui.ts';

type Organisation = { id: string; name: string };

// Every change is an audit event, chained by hash; the legal reviewer reads and verifies the chain.
describe('audit: a legal reviewer reads and verifies the audit log', () => {
  let browser: Browser;
  let admin: APIRequestContext;
  let organisation: Organisation;
  const createdName = '江门市安全生产专项整治工作领导小组办公室';
  const renamedName = '江门市安全生产专项整治领导小组办公室';

  beforeAll(async () => {
    browser = await launchBrowser();
    // the admin makes a change first, so the log has a known create and update to find
    admin = await apiAs('admin');
    const created = await jsonOf<Organisation>(
      await admin.post('/api/v1/organisations', {
        data: { name: createdName, kind: 'coordination_body', territory: '440700' },
      }),
    );
    organisation = await jsonOf<Organisation>(
      await admin.patch(`/api/v1/organisations/${created.id}`, { data: { name: renamedName } }),
    );
  });
  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
  });

  const newPage = (): Promise<Page> =>
    browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });

  it('sees the latest events, filters one record’s history and finds the chain intact', async () => {
    const page = await newPage();
    await logIn(page, 'city.reviewer');
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL(/\/audit$/);
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    // newest first: the reviewer's own sign-in, and just before it the admin's rename
    const reviewerLogin = rows
      .filter({ hasText: 'user.session.opened' })
      .filter({ hasText: '市局法制审核 梁敏' });
    expect(await reviewerLogin.count()).toBeGreaterThan(0);
    const update = rows.filter({ hasText: 'organisation.updated' }).filter({ hasText: renamedName });
    expect(await update.innerText()).toContain('系统管理员');
    expect(await update.innerText()).toContain('机构');
    await pageShot(page, 'aud-01-latest-events');

    await choose(page, page.getByTestId('audit-filter-entity-type'), '机构');
    // filters live in the URL: the next one builds on it once it is there
    await page.waitForURL((url) => url.searchParams.get('entityType') === 'organisation');
    const idFilter = page.getByTestId('audit-filter-entity-id').locator('input');
    await idFilter.fill(organisation.id);
    await idFilter.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('entityId') === organisation.id);
    expect(new URL(page.url()).searchParams.get('entityType')).toBe('organisation');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('organisation.updated');
    expect(await rows.nth(1).innerText()).toContain('organisation.created');

    // the update carries what the record was and what it became
    await rows.nth(0).locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-event-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(createdName);
    expect(await detail.innerText()).toContain(renamedName);

    await page.getByTestId('audit-verify').click();
    const verdict = page.locator('[data-testid=audit-verify-result][data-intact]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-intact')).toBe('true');
    const text = await verdict.innerText();
    expect(text).toContain('审计链完整');
    expect(Number(/已校验 (\d+) 条记录/.exec(text)?.[1])).toBeGreaterThanOrEqual(4);
    await pageShot(page, 'aud-02-filtered-and-verified');
    await page.close();
  });

  it('keeps the audit log from an inspector: no menu entry, and its URL shows the forbidden page', async () => {
    const page = await newPage();
    await logIn(page, 'pengjiang.inspector');
    const menu = page.getByTestId('side-menu');
    await menu.getByText('企业库').waitFor();
    expect(await menu.innerText()).not.toContain('审计日志');
    expect(await page.getByTestId('shortcut-audit').count()).toBe(0);

    await page.goto(`${baseUrl()}/audit`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('无权访问');
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    // the server refuses too, whatever the page shows
    const response = await page.request.get(`${baseUrl()}/api/v1/audit/events`);
    expect(response.status()).toBe(403);
    await pageShot(page, 'aud-03-inspector-forbidden');
    await page.close();
  });
});
