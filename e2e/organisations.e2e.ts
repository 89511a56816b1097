import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { choose, fieldSelect, pageShot, screenShot, typeDate, typeRange, waitForEveryRow } from './ui.ts';

// Measure 9: who may be the subject of an inspection. Internal units never; an entrusted organisation
// only within its written entrustment (scope and period).
describe('organisations: an admin checks who may be the subject of an inspection', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await logIn(page, 'admin');
  });
  afterAll(() => browser?.close());

  const rows = () => page.getByTestId('organisation-row');
  const checkResult = () => page.getByTestId('subject-check-result');

  const openOrganisationsOfKind = async (kindLabel: string) => {
    await page.getByTestId('side-menu').getByText('执法主体与机构').click();
    await page.waitForURL(/\/organisations$/);
    await rows().first().waitFor();
    await choose(page, page.getByTestId('organisation-filter-kind'), kindLabel);
    await page.waitForURL((url) => url.searchParams.has('kind'));
    await waitForEveryRow(rows(), kindLabel);
  };

  const runSubjectCheck = async (matter: string, date?: string) => {
    const card = page.getByTestId('subject-check');
    await choose(page, card.getByTestId('subject-check-matter'), matter, { search: true });
    if (date) await typeDate(card.getByTestId('subject-check-date'), date);
    await card.getByTestId('subject-check-run').click();
  };

  it('filters by kind, and an internal unit is refused as subject under measure 9 with its legal basis', async () => {
    await openOrganisationsOfKind('内设机构');
    expect(page.url()).toContain('kind=internal_unit');
    // the city bureau's three units and two for each county bureau
    expect(await rows().count()).toBeGreaterThanOrEqual(3);
    expect(
      await rows().filter({ hasText: '具备执法主体资格' }).filter({ hasNotText: '不具备' }).count(),
    ).toBe(0);
    await pageShot(page, 'org-01-internal-units');

    await rows().filter({ hasText: '江门市应急管理局执法监督科' }).getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('organisation-name').textContent())
      .toBe('江门市应急管理局执法监督科');
    await runSubjectCheck('安全生产综合');
    const refusal = page.locator('[data-testid=subject-check-result][data-ok=false]');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('不得以内设机构名义实施行政检查');
    expect(text).toContain('依据措施：第9项');
    expect(text).toContain('《江门市应急管理系统严格规范涉企行政检查若干措施》第九项');
    expect(text).toContain('《中华人民共和国行政处罚法》');
    expect(text).toContain('SUBJECT_INTERNAL_UNIT');
    await pageShot(page, 'org-02-internal-unit-refused');
  });

  it('lets 广海镇 inspect within its entrusted scope and period, and refuses outside them', async () => {
    await openOrganisationsOfKind('受委托组织');
    const guanghai = rows().filter({ hasText: '台山市广海镇综合行政执法办公室' });
    expect(await guanghai.innerText()).toContain('2025-01-01 ~ 2027-12-31');
    await guanghai.getByRole('link').click();
    await expect
      .poll(() => page.getByTestId('organisation-name').textContent())
      .toBe('台山市广海镇综合行政执法办公室');
    const entrustment = page.locator('.ant-card', { hasText: '委托关系' });
    const entrustmentText = await entrustment.innerText();
    expect(entrustmentText).toContain('台山市应急管理局');
    expect(entrustmentText).toContain('安全生产综合');
    expect(entrustmentText).toContain('工贸');

    // a fixed day inside the entrustment, so the answer does not depend on when the suite runs
    await runSubjectCheck('工贸', '2026-06-01');
    await page.locator('[data-testid=subject-check-result][data-ok=true]').waitFor();
    expect(await checkResult().innerText()).toContain('可以作为该事项的行政检查主体');
    await pageShot(page, 'org-03-entrusted-within-scope');

    await runSubjectCheck('危险化学品');
    const outside = checkResult().filter({ hasText: 'SUBJECT_OUTSIDE_ENTRUSTMENT_SCOPE' });
    await outside.waitFor();
    expect(await outside.getAttribute('data-ok')).toBe('false');
    const text = await outside.innerText();
    expect(text).toContain('不在台山市广海镇综合行政执法办公室的委托范围内');
    expect(text).toContain('依据措施：第9项');
    expect(text).toContain('第九项');
    expect(text).toContain('《中华人民共和国行政处罚法》第二十条第四款');
    await pageShot(page, 'org-04-entrusted-outside-scope');

    // inside the scope, but after the entrustment ran out
    await runSubjectCheck('工贸', '2028-01-15');
    const expired = checkResult().filter({ hasText: 'SUBJECT_ENTRUSTMENT_EXPIRED' });
    await expired.waitFor();
    expect(await expired.innerText()).toContain('2027-12-31 到期');
  });

  it('creates an entrusted organisation with its entrustment and finds it in the list', async () => {
    const name = '台山市川岛镇综合行政执法办公室';
    await page.goto(`${baseUrl()}/organisations`);
    await page.getByTestId('organisation-create').click();
    const drawer = page.getByTestId('organisation-form');
    await drawer.waitFor();
    await drawer.getByLabel('机构名称').fill(name);
    await choose(page, fieldSelect(drawer, 'kind'), '受委托组织');
    await choose(page, fieldSelect(drawer, 'territory'), '台山市', { search: true });
    await choose(page, fieldSelect(drawer, 'entrustingOrganisationId'), '台山市应急管理局', { search: true });
    const scope = fieldSelect(drawer, 'scope');
    await choose(page, scope, '安全生产综合', { search: true });
    await choose(page, scope, '非煤矿山', { search: true });
    await typeRange(
      drawer.locator('.ant-picker-range'),
      '2026-01-01',
      '2028-12-31',
      drawer.locator('.ant-drawer-title'),
    );
    expect(await drawer.innerText()).toContain('受委托组织仅可在委托范围和期限内以委托机关名义实施检查');
    await screenShot(page, 'org-05-create-entrusted-form');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('organisation-name').textContent()).toBe(name);
    const entrustment = await page.locator('.ant-card', { hasText: '委托关系' }).innerText();
    expect(entrustment).toContain('台山市应急管理局');
    expect(entrustment).toContain('2026-01-01 ~ 2028-12-31');
    expect(entrustment).toContain('非煤矿山');

    await openOrganisationsOfKind('受委托组织');
    const created = rows().filter({ hasText: name });
    await created.waitFor();
    const row = await created.innerText();
    expect(row).toContain('台山市');
    expect(row).toContain('不具备执法主体资格');
    expect(row).toContain('2026-01-01 ~ 2028-12-31');
    await pageShot(page, 'org-06-created-in-list');
  });
});
