import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, jsonOf, screenShot, sendSignedAlarm, serverNow } from './ui.ts';

// Issue 16 items 5, 8 and 11: a second alarm the remote check cannot settle becomes a targeted inspection on the
// trigger 平台动态监测, timed from the alarm, linked from the lead; and the visits-saved figures count it.

describe('a monitoring lead that becomes a targeted inspection', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(() => browser?.close());

  it('turns a gas alarm into a targeted inspection from the drawer, then counts it among the targeted visits', async () => {
    const admin = await apiAs('admin');
    const enterprise = await apiAs('enterprise.demo');
    const me = await jsonOf<{ user: { enterpriseId: string } }>(await enterprise.get('/api/v1/auth/me'));
    const source = await jsonOf<{ id: string; signingKey: string }>(
      await admin.post('/api/v1/monitoring/sources', {
        data: {
          kind: 'hazardous_chemicals',
          name: '危险化学品风险监测预警（转检查测试）',
          territory: '440703',
        },
      }),
    );
    expect(
      (
        await admin.post(`/api/v1/monitoring/sources/${source.id}/points`, {
          data: {
            code: 'GAS-TK-3',
            name: '3号储罐区可燃气体探测器',
            enterpriseId: me.user.enterpriseId,
            kind: 'gas',
            unit: '%LEL',
            thresholds: { high: 20, highHigh: 40 },
          },
        })
      ).status(),
    ).toBe(201);
    const sent = await sendSignedAlarm(admin, source, {
      externalId: `e2e-gas-${Date.now()}`,
      enterpriseCode: 'HM',
      pointCode: 'GAS-TK-3',
      at: serverNow().toISOString(),
      status: 'alarm',
      kind: 'gas',
      level: 'red',
      value: 46,
      threshold: 40,
      content: '可燃气体浓度超上上限',
    });
    expect(sent.status(), await sent.text()).toBe(200);

    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/monitoring`);
    const row = page
      .getByTestId('incident-table')
      .getByRole('row')
      .filter({ hasText: '可燃气体浓度超上上限' });
    await row.click();
    await page.getByTestId('incident-step-acknowledge').click();
    await expect.poll(() => page.getByTestId('incident-drawer-state').textContent()).toContain('远程核查中');
    await expect.poll(() => page.getByTestId('incident-to-acknowledge').textContent()).toMatch(/分钟|小时/);
    await page.getByTestId('incident-note').fill('浓度持续超上上限，视频可见储罐区有人作业，须到现场核查');
    await page.getByTestId('incident-open-inspection').click();
    await expect
      .poll(() => page.getByTestId('incident-drawer-state').textContent())
      .toContain('已转现场检查');
    await page.getByTestId('incident-inspection-link').waitFor();
    await screenShot(page, 'monitoring-targeted-inspection');

    await page.getByTestId('incident-inspection-link').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('inspection-trigger').first().textContent(), { timeout: 15_000 })
      .toContain('平台动态监测');
    await screenShot(page, 'monitoring-inspection-from-lead');

    await page.goto(`${baseUrl()}/monitoring/visits-saved`);
    const totals = page.getByTestId('visits-saved-totals');
    await totals.getByText('转现场检查').waitFor();
    await expect
      .poll(async () =>
        Number(
          await totals
            .locator('.ant-statistic')
            .filter({ hasText: '转现场检查' })
            .locator('.ant-statistic-content-value')
            .textContent(),
        ),
      )
      .toBeGreaterThanOrEqual(1);
    await page.getByTestId('visits-saved-table').getByText('蓬江区').first().waitFor();
    await screenShot(page, 'monitoring-visits-saved');
  });
});
