import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { photo, POLL, settled } from './onsite-steps.ts';
import { choose, pageShot, screenShot, typeRange } from './ui.ts';

// Issue 16 items 6, 7 and 11 (measure 21): a unit head plans a drone patrol by drawing its area and route on the
// offline map of Jiangmen; the pilot uploads a finding with its photo; the photo shows on the territory's map
// and in the lead the finding raised.

describe('a drone patrol finding', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(() => browser?.close());

  it('is planned on the map, reported with a photo, and shown on the map and in its lead', async () => {
    await logIn(page, 'pengjiang.unithead');
    await page.goto(`${baseUrl()}/monitoring/patrols/new`);
    const map = page.getByTestId('plan-map');
    await map.locator('.territory-label').first().waitFor();
    await page.getByTestId('mission-title').fill('杜阮工业集中区空中巡查');
    await choose(page, page.getByTestId('mission-pilot'), '蓬江区执法人员 张伟', { search: '张伟' });
    await typeRange(page.locator('.ant-picker-range'), '00:00', '23:55', page.getByTestId('mission-title'));
    // the area: three clicks around the map's middle; then the route across it
    const box = (await map.boundingBox())!;
    const at = (dx: number, dy: number) => ({ x: box.width / 2 + dx, y: box.height / 2 + dy });
    for (const point of [at(-60, -40), at(60, -40), at(60, 40), at(-60, 40)])
      await map.click({ position: point });
    await page.getByText('绘制航线').click();
    for (const point of [at(-70, 0), at(70, 0)]) await map.click({ position: point });
    await expect.poll(() => page.getByText('已划定区域顶点 4 个，航点 2 个').count(), POLL).toBe(1);
    await settled(page);
    await screenShot(page, 'drone-plan');
    await page.getByTestId('mission-submit').click();
    await page.waitForURL(/\/monitoring\/patrols\/[0-9a-f-]{36}$/);
    const missionUrl = page.url();

    // the pilot, on the mission's page: a click where he saw it, the enterprise nearest, a note and the photo
    await logIn(page, 'pengjiang.inspector');
    await page.goto(missionUrl);
    const missionMap = page.getByTestId('mission-map');
    await missionMap.locator('.territory-label').first().waitFor();
    const missionBox = (await missionMap.boundingBox())!;
    await missionMap.click({ position: { x: missionBox.width / 2, y: missionBox.height / 2 } });
    await expect.poll(() => page.getByTestId('finding-latitude').inputValue(), POLL).not.toBe('');
    const enterprise = page.getByTestId('finding-enterprise');
    await expect.poll(() => enterprise.locator('input').isEnabled(), POLL).toBe(true);
    await enterprise.locator('input').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('listbox').count(), POLL).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.getByTestId('finding-note').fill('厂房屋面有人员高处作业，未见安全带和防护栏杆');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'uav-0412.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('finding-submit').click();
    const row = page.getByTestId('finding-table').getByRole('row').filter({ hasText: '未见安全带' });
    await row.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => row.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), POLL)
      .toBeGreaterThan(0);
    await expect.poll(() => row.getByText('待处置').count(), POLL).toBe(1);
    await settled(page);
    await pageShot(page, 'drone-mission');
    await page.goto(`${baseUrl()}/monitoring/patrols`);
    await page.getByRole('row').filter({ hasText: '杜阮工业集中区空中巡查' }).waitFor();
    await screenShot(page, 'drone-missions');

    // the territory's map: the finding's marker opens its photo, and its lead
    await page.goto(`${baseUrl()}/monitoring/map`);
    const territory = page.getByTestId('territory-map');
    await territory.locator('.drone-finding-icon').first().waitFor();
    await expect.poll(() => territory.locator('path.map-incident').count(), POLL).toBeGreaterThan(0);
    await territory.locator('.drone-finding-icon').last().click();
    const popup = page.getByTestId('map-finding-popup');
    await popup.waitFor();
    await expect
      .poll(() => popup.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth), POLL)
      .toBeGreaterThan(0);
    expect(await popup.textContent()).toContain('未见安全带');
    await screenShot(page, 'territory-map');

    await popup.getByTestId('map-finding-lead').click();
    const findings = page.getByTestId('incident-drone-findings');
    await findings.waitFor();
    await expect
      .poll(
        () =>
          findings
            .locator('img')
            .first()
            .evaluate((img) => (img as HTMLImageElement).naturalWidth),
        POLL,
      )
      .toBeGreaterThan(0);
    expect(await page.locator('.ant-drawer').textContent()).toContain('高处施工等危险作业');
    await screenShot(page, 'drone-incident');
  });
});
