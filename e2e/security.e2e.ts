import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { pageShot } from './ui.ts';

// Issue 12 item 8: the app's pages pass its Content-Security-Policy. Every violation the browser reports
// (the `securitypolicyviolation` event, and the console's CSP messages) is recorded while a user walks
// through the pages of several roles, the public pages, a chart and the draw verifier's worker.
describe('security: the pages pass the content security policy', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const seen = ((window as unknown as { __csp?: string[] }).__csp ??= []);
        seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
  });
  afterAll(() => browser?.close());

  const collect = async () => {
    const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    violations.push(...seen.map((line) => `${page.url()}: ${line}`));
  };

  const visit = async (path: string, ready: (page: Page) => Promise<unknown>) => {
    await page.goto(`${baseUrl()}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    await collect();
  };

  it('serves the app with the policy, framing refused, no inline script in index.html', async () => {
    const response = await page.goto(`${baseUrl()}/login`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    const html = await response!.text();
    // every <script> of the built page loads a file; none carries code of its own
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    await page.getByTestId('login-username').waitFor();
    await collect();
  });

  it('passes on an inspector’s pages', async () => {
    await logIn(page, 'city.inspector');
    await visit('/', (p) => p.getByTestId('side-menu').waitFor());
    await visit('/enterprises', (p) => p.getByTestId('enterprise-row').first().waitFor());
    await visit('/inspections', (p) => p.locator('.ant-layout-content').first().waitFor());
    expect(violations).toEqual([]);
  }, 240_000);

  it('passes on a legal reviewer’s pages: charts, plans, draws, the audit trail', async () => {
    await logIn(page, 'city.reviewer');
    await visit('/grading', (p) => p.locator('.ant-layout-content').first().waitFor());
    await visit('/plans/annual', (p) => p.locator('.ant-layout-content').first().waitFor());
    await visit('/draws', (p) => p.locator('.ant-layout-content').first().waitFor());
    await visit('/audit', (p) => p.locator('.ant-layout-content').first().waitFor());
    expect(violations).toEqual([]);
  }, 240_000);

  it('passes on an administrator’s pages and the public pages', async () => {
    await logIn(page, 'admin');
    await visit('/organisations', (p) => p.locator('.ant-layout-content').first().waitFor());
    await visit('/officers', (p) => p.locator('.ant-layout-content').first().waitFor());
    await page.context().clearCookies();
    await visit('/public', (p) => p.locator('body').first().waitFor());
    await visit('/public/draws', (p) => p.locator('body').first().waitFor());
    await pageShot(page, 'security-01-public');
    expect(violations).toEqual([]);
  }, 240_000);

  it('refuses to be framed by another page', async () => {
    // a page of another origin that frames the app gets nothing: setContent waits for the page's load
    // event, which waits for its frames, so the frame has had its answer when it is looked at
    await page.goto('about:blank');
    await page.setContent(`<iframe id="app" src="${baseUrl()}/login" width="800" height="600"></iframe>`);
    const child = page.frames().find((frame) => frame !== page.mainFrame())!;
    expect(await child.locator('[data-testid="login-username"]').count()).toBe(0);
    await pageShot(page, 'security-02-framed');
  });
});
