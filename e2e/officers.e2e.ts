import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Browser, type Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import {
  choose,
  fieldSelect,
  pageShot,
  screenShot,
  todayInBeijing,
  typeRange,
  waitForEveryRow,
} from './ui.ts';

// Measure 10: only officers on the enforcement roster holding a valid enforcement certificate may inspect.
describe('officers: an admin keeps the enforcement roster and certificates', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await logIn(page, 'admin');
  });
  afterAll(() => browser?.close());

  const rows = () => page.getByTestId('officer-row');
  const today = () => page.getByTestId('eligibility-today');
  // a surname the demo data does not use, so the search finds this officer alone
  const newOfficer = '欧阳明远';
  const year = Number(todayInBeijing().slice(0, 4));
  const certificate = { number: '44078520269001', from: `${year - 1}-01-01`, to: `${year + 3}-12-31` };

  it('finds an officer whose certificate has expired and sees why they may not inspect', async () => {
    await page.getByTestId('side-menu').getByText('执法人员').click();
    await page.waitForURL(/\/officers$/);
    await rows().first().waitFor();
    await choose(page, page.getByTestId('officer-filter-organisation'), '江门市应急管理局', { search: true });
    await page.waitForURL((url) => url.searchParams.has('organisationId'));
    await waitForEveryRow(rows(), '江门市应急管理局');

    const expiredRow = rows()
      .filter({ has: page.locator('[data-testid=certificate-status][data-status=expired]') })
      .first();
    await expiredRow.waitFor();
    expect(await expiredRow.getByTestId('certificate-status').innerText()).toBe('已过期');
    const mayInspect = expiredRow.getByTestId('may-inspect');
    expect(await mayInspect.getAttribute('data-ok')).toBe('false');
    expect(await mayInspect.innerText()).toBe('不能执法');
    // the others of the bureau hold valid certificates and may inspect
    expect(await rows().locator('[data-testid=may-inspect][data-ok=true]').count()).toBeGreaterThan(0);
    await pageShot(page, 'off-01-list-expired-certificate');

    const name = await expiredRow.getByRole('link').innerText();
    await expiredRow.getByRole('link').click();
    await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(name);
    expect(await today().getAttribute('data-ok')).toBe('false');
    const text = await today().innerText();
    expect(text).toMatch(/已于 \d{4}-\d{2}-\d{2} 过期/);
    expect(text).toContain('不得独立从事安全生产行政执法工作');
    expect(text).toContain('依据措施：第10项');
    expect(text).toContain('《江门市应急管理系统严格规范涉企行政检查若干措施》第十项');
    expect(text).toContain('CERTIFICATE_EXPIRED');
    expect(await page.getByTestId('certificate-status').first().getAttribute('data-status')).toBe('expired');
    await pageShot(page, 'off-02-expired-refusal');
  });

  it('registers a new officer, who may inspect only once a certificate is added', async () => {
    await page.goto(`${baseUrl()}/officers`);
    await page.getByTestId('officer-create').click();
    const drawer = page.getByTestId('officer-form');
    await drawer.waitFor();
    await drawer.getByLabel('姓名').fill(newOfficer);
    await choose(page, fieldSelect(drawer, 'organisationId'), '恩平市应急管理局（恩平市）', { search: true });
    await drawer.getByLabel('职务').fill('执法队员');
    await drawer.getByLabel('注册安全工程师').check();
    await screenShot(page, 'off-03-create-officer-form');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    await page.waitForURL(/\/officers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(newOfficer);
    expect(await today().getAttribute('data-ok')).toBe('false');
    expect(await today().innerText()).toContain('OFFICER_NO_CERTIFICATE');

    await page.getByTestId('certificate-add').click();
    const modal = page.locator('.ant-modal', { hasText: '登记执法证' });
    await page.getByTestId('certificate-number').fill(certificate.number);
    await typeRange(
      modal.locator('.ant-picker-range'),
      certificate.from,
      certificate.to,
      modal.locator('.ant-modal-title'),
    );
    await screenShot(page, 'off-04-add-certificate');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });

    await page.locator('[data-testid=eligibility-today][data-ok=true]').waitFor();
    expect(await today().innerText()).toContain('今日持有有效执法证，可以参与行政检查');
    const tag = page.getByTestId('may-inspect');
    expect(await tag.getAttribute('data-ok')).toBe('true');
    expect(await tag.innerText()).toBe('可以执法');
    const row = page.getByTestId('certificate-row').filter({ hasText: certificate.number });
    expect(await row.innerText()).toContain(`${certificate.from} ~ ${certificate.to}`);
    expect(await row.getByTestId('certificate-status').getAttribute('data-status')).toBe('valid');
    await pageShot(page, 'off-05-new-officer-may-inspect');
  });

  it('suspends that certificate with a reason, and the officer may no longer inspect', async () => {
    const row = page.getByTestId('certificate-row').filter({ hasText: certificate.number });
    await row.getByTestId('certificate-change-status').click();
    const modal = page.locator('.ant-modal', { hasText: `变更执法证 ${certificate.number} 的状态` });
    await modal.waitFor();
    await choose(page, fieldSelect(modal, 'status'), '暂扣');
    await modal.getByLabel('变更原因').fill('涉嫌违规执法，暂扣待查');
    await screenShot(page, 'off-06-suspend-certificate');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });

    await row.locator('[data-testid=certificate-status][data-status=suspended]').waitFor();
    expect(await row.getByTestId('certificate-status').innerText()).toBe('暂扣');
    await page.locator('[data-testid=eligibility-today][data-ok=false]').waitFor();
    const text = await today().innerText();
    expect(text).toContain(`${newOfficer}的行政执法证（${certificate.number}）已被暂扣`);
    expect(text).toContain('依据措施：第10项');
    expect(text).toContain('CERTIFICATE_SUSPENDED');
    expect(await page.getByTestId('may-inspect').innerText()).toBe('不能执法');
    await pageShot(page, 'off-07-suspended-refused');
  });

  it('removes the officer from the roster with a reason, and the roster shows them as transferred out', async () => {
    const reason = '年度考核不合格，调离执法岗位';
    await page.getByTestId('officer-remove').click();
    const modal = page.locator('.ant-modal', { hasText: `将 ${newOfficer} 移出执法名册` });
    await modal.waitFor();
    await page.getByTestId('removal-reason').fill(reason);
    await screenShot(page, 'off-08-remove-from-roster');
    await page.getByTestId('removal-confirm').click();

    const banner = page.getByTestId('officer-removed');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`该人员已于 ${todayInBeijing()} 移出执法名册`);
    expect(await banner.innerText()).toContain(reason);
    await today().filter({ hasText: 'OFFICER_NOT_ON_ROSTER' }).waitFor();
    expect(await today().innerText()).toContain('不在执法人员名单内（已调离执法岗位）');
    expect(await page.getByTestId('officer-remove').count()).toBe(0);
    await modal.waitFor({ state: 'hidden' });
    await pageShot(page, 'off-09-removed');

    await page.goto(`${baseUrl()}/officers`);
    await choose(page, page.getByTestId('officer-filter-roster'), '已移出名册');
    await page.waitForURL((url) => url.searchParams.get('onRoster') === 'false');
    await waitForEveryRow(rows(), '移出名册');
    const search = page.getByTestId('officer-search').locator('input');
    await search.fill(newOfficer);
    await search.press('Enter');
    await waitForEveryRow(rows(), newOfficer);
    expect(await rows().count()).toBe(1);
    const listed = await rows().innerText();
    expect(listed).toContain(`${todayInBeijing()} 移出名册`);
    expect(listed).toContain('不能执法');
    await pageShot(page, 'off-10-list-removed');
  });

  // issue 12 item 1: anyone who knows a username can lock the account by guessing; the administrator opens it
  // from the officers page, and its owner is told at the next login.
  it('an administrator unlocks an account locked by wrong passwords, and its owner is told', async () => {
    const guesser = await request.newContext({ baseURL: baseUrl() });
    for (let attempt = 0; attempt < 5; attempt++) {
      await guesser.post('/api/v1/auth/login', { data: { username: 'xinhui.inspector', password: 'guess' } });
    }
    const refused = await guesser.post('/api/v1/auth/login', {
      data: { username: 'xinhui.inspector', password: 'Inspecta@2026' },
    });
    expect(refused.status()).toBe(423);
    await guesser.dispose();

    await logIn(page, 'admin');
    await page.goto(`${baseUrl()}/officers`);
    const row = page.locator('[data-testid=locked-account][data-username="xinhui.inspector"]');
    await row.waitFor();
    await pageShot(page, 'off-11-locked-accounts');
    await row.getByTestId('locked-account-unlock').click();
    await row.waitFor({ state: 'detached' });

    await logIn(page, 'xinhui.inspector');
    const notice = page.getByTestId('home-lockout');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('因连续登录失败被锁定过');
    await pageShot(page, 'off-12-owner-told');
  });
});
