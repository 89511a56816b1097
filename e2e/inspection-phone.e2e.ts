import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { PHONE, visitUnderway } from './onsite-steps.ts';
import { apiAs, screenShot } from './ui.ts';

// Issue 13 item 7: the officer shows the inspection's code (亮码入企) from the phone in the enterprise's yard. At
// 390 px the page has no sideways scroll and no side menu taking a third of the screen, and every document
// downloads from it.
describe('the inspection page on a phone', () => {
  let browser: Browser;
  let page: Page;
  let inspector: APIRequestContext;
  let id: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage(PHONE);
    inspector = await apiAs('pengjiang.inspector');
    id = await visitUnderway(inspector, '12345-PHONE-1');
  });
  afterAll(async () => {
    await inspector?.dispose();
    await browser?.close();
  });

  it('shows the code without sideways scroll or side menu, and downloads every document', async () => {
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/inspections/${id}`);
    const qr = page.getByTestId('onsite-code-qr');
    await qr.locator('svg').waitFor();
    const downloads = page.getByTestId('document-download');
    await downloads.first().waitFor();

    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    const menu = await page.locator('.ant-layout-sider').boundingBox();
    expect(menu?.width ?? 0).toBe(0);
    const code = (await qr.boundingBox())!;
    expect(code.x).toBeGreaterThanOrEqual(0);
    expect(code.x + code.width).toBeLessThanOrEqual(390);
    await screenShot(page, 'phone-01-inspection-top');
    await qr.scrollIntoViewIfNeeded();
    await screenShot(page, 'phone-02-inspection-code');
    await page.getByTestId('documents-panel').scrollIntoViewIfNeeded();
    await screenShot(page, 'phone-03-inspection-documents');

    const count = await downloads.count();
    expect(count).toBeGreaterThan(0);
    const names: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const button = downloads.nth(index);
      const box = (await button.boundingBox())!;
      expect(box.x + box.width, `download ${index}`).toBeLessThanOrEqual(390);
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      names.push(download.suggestedFilename());
      expect(await download.failure()).toBeNull();
    }
    expect(names.every((name) => name.endsWith('.docx'))).toBe(true);

    // the menu is one tap away: the trigger opens it over the page
    await page.locator('.ant-layout-sider-zero-width-trigger').click();
    await page.getByTestId('side-menu').waitFor();
    // the sider slides open over a transition: wait for it to finish rather than read it mid-way
    await expect
      .poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width ?? 0)
      .toBeGreaterThan(100);
    // and a choice in it folds it away again over the page it leads to
    await page.getByTestId('side-menu').getByText('检查任务').click();
    await page.waitForURL((url) => url.pathname === '/inspections');
    await expect
      .poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width ?? 0)
      .toBe(0);
  });
});
