import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, jsonOf, pageShot, screenShot, waitForEveryRow } from './ui.ts';

type Enterprise = { id: string; name: string };

// The frame every user meets: signing in and out, the language, what a role may reach, a phone screen.
describe('shell: signing in, language, signing out, roles and phones', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  });
  afterAll(() => browser?.close());

  const menu = () => page.getByTestId('side-menu');

  it('says in Chinese that the password is wrong, and stays on the sign-in page', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-username').fill('expert.demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await pageShot(page, 'shell-01-wrong-password');
  });

  it('switches the labels to English and back to Chinese', async () => {
    await logIn(page, 'city.inspector');
    await menu().getByText('企业库').waitFor();
    expect(await page.getByTestId('logout').innerText()).toMatch(/退出登录/);

    await page.getByTestId('language-switch').getByText('EN').click();
    await menu().getByText('Enterprises').waitFor();
    expect(await menu().innerText()).not.toContain('企业库');
    expect(await page.getByTestId('logout').innerText()).toContain('Sign out');
    expect(await page.getByTestId('header-role').innerText()).toBe('Inspector');
    expect(await page.getByTestId('home-welcome').innerText()).toContain('Welcome');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await pageShot(page, 'shell-02-english');

    await page.getByTestId('language-switch').getByText('中文').click();
    await menu().getByText('企业库').waitFor();
    expect(await page.getByTestId('header-role').innerText()).toBe('执法人员');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('lets an inspector use the enterprise list on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${baseUrl()}/enterprises`);
      const rows = page.getByTestId('enterprise-row');
      await rows.first().waitFor();
      // nothing spills sideways: only the table scrolls, inside its card
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      for (const testId of ['logout', 'language-switch', 'enterprise-search']) {
        const box = await page.getByTestId(testId).boundingBox();
        expect(box, testId).not.toBeNull();
        expect(box!.x, testId).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, testId).toBeLessThanOrEqual(390);
      }
      await screenShot(page, 'shell-03-phone-enterprise-list');

      const search = page.getByTestId('enterprise-search').locator('input');
      await search.fill('华美五金');
      await search.press('Enter');
      await rows.filter({ hasText: '江门市蓬江区华美五金制品有限公司' }).waitFor();
      await waitForEveryRow(rows, '华美五金');
      await screenShot(page, 'shell-04-phone-search');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('signs out to the sign-in page, after which a protected page sends back to it', async () => {
    await page.goto(`${baseUrl()}/enterprises`);
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-form').waitFor();

    await page.goto(`${baseUrl()}/officers`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('from')).toBe('/officers');
    expect((await page.request.get(`${baseUrl()}/api/v1/auth/me`)).status()).toBe(401);
    await pageShot(page, 'shell-05-signed-out-redirect');
  });

  it('shows an enterprise user only its own enterprise, and no other', async () => {
    const inspector = await apiAs('city.inspector');
    const someone = await jsonOf<{ items: Enterprise[] }>(
      await inspector.get('/api/v1/enterprises?territory=440705&pageSize=1'),
    );
    await inspector.dispose();
    const other = someone.items[0]!;

    await logIn(page, 'enterprise.demo');
    await menu().getByText('我的企业').waitFor();
    const entries = await menu().innerText();
    expect(entries).not.toContain('企业库');
    expect(entries).not.toContain('执法人员');
    await menu().getByText('我的企业').click();
    await page.getByTestId('enterprise-descriptions').waitFor();
    const me = await jsonOf<{ user: { enterpriseId: string } }>(
      await page.request.get(`${baseUrl()}/api/v1/auth/me`),
    );
    const own = await jsonOf<Enterprise>(
      await page.request.get(`${baseUrl()}/api/v1/enterprises/${me.user.enterpriseId}`),
    );
    expect(await page.getByTestId('enterprise-name').innerText()).toBe(own.name);
    expect(await page.getByTestId('enterprise-edit').count()).toBe(0);
    // the list the server gives this user holds its own enterprise alone
    const listed = await jsonOf<{ items: Enterprise[] }>(
      await page.request.get(`${baseUrl()}/api/v1/enterprises`),
    );
    expect(listed.items.map((item) => item.id)).toEqual([own.id]);
    await pageShot(page, 'shell-06-my-enterprise');

    // the registry is not this role's page, and another enterprise's address shows nothing of it
    await page.goto(`${baseUrl()}/enterprises`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto(`${baseUrl()}/enterprises/${other.id}`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.content()).not.toContain(other.name);
    expect((await page.request.get(`${baseUrl()}/api/v1/enterprises/${other.id}`)).status()).toBe(404);
    await pageShot(page, 'shell-07-other-enterprise-refused');
  });
});
