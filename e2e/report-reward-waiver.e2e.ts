import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, jsonOf, pageShot } from './ui.ts';

// A notified reward the reporter does not collect is recorded as given up from the reward card
// (逾期未领取，视为放弃); and the 逾期 filter of the reports list. A report of its own.
const stamp = Date.now().toString(36).toUpperCase();

describe('reward waiver and the overdue filter (measure 27)', () => {
  let browser: Browser;
  let desk: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(() => browser?.close());

  it('records from the reward card that a notified reward was not collected', async () => {
    const anyone = await request.newContext({ baseURL: baseUrl() });
    const filed = await jsonOf<{ receiptCode: string }>(
      await anyone.post('/api/v1/public/reports', {
        data: {
          kind: 'major_hidden_danger',
          content: `某仓库消防喷淋系统长期关闭，仓内堆放大量纸箱（${stamp}）`,
          enterpriseDescription: `白沙路某仓储点 ${stamp}`,
          county: '440703',
          anonymous: true,
          employeeOfEnterprise: false,
        },
      }),
    );
    const desk_ = await apiAs('pengjiang.reports');
    const list = await jsonOf<{ items: { id: string; receiptCode: string }[] }>(
      await desk_.get('/api/v1/reports?pageSize=200&state=received'),
    );
    const id = list.items.find((r) => r.receiptCode === filed.receiptCode)!.id;
    const ok = async (response: Promise<{ status: () => number; text: () => Promise<string> }>) => {
      const res = await response;
      expect(res.status(), await res.text()).toBeLessThan(300);
    };
    await ok(desk_.post(`/api/v1/reports/${id}/handling`, { data: { step: 'accept', note: null } }));
    const inspector = await apiAs('pengjiang.inspector');
    await ok(
      inspector.post(`/api/v1/reports/${id}/handling`, {
        data: { step: 'verify', outcome: 'substantiated', findings: '现场查实喷淋关闭，已依法处罚' },
      }),
    );
    await ok(
      desk_.post(`/api/v1/reports/${id}/reward`, { data: { kind: 'major_hidden_danger', fineYuan: 50000 } }),
    );
    const head = await apiAs('pengjiang.head');
    await ok(head.post(`/api/v1/reports/${id}/reward/decision`, { data: { approved: true, note: null } }));
    await ok(desk_.post(`/api/v1/reports/${id}/reward/notice`));

    await logIn(desk, 'pengjiang.reports');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await expect.poll(() => desk.getByTestId('reward-state').textContent()).toBe('已通知领奖');
    await desk.getByTestId('reward-waive').click();
    // the collection period has just begun: the dialog warns, and records the reporter's own waiver
    await desk.getByTestId('reward-waive-early').waitFor();
    await desk.getByText('举报人表示放弃领取', { exact: true }).click();
    await pageShot(desk, 'reports-reward-waive-dialog');
    await desk.getByTestId('reward-waive-confirm').click();
    await expect.poll(() => desk.getByTestId('reward-state').textContent()).toBe('逾期未领取，视为放弃');
    expect(await desk.getByTestId('reward-waive').count()).toBe(0);
    await pageShot(desk, 'reports-reward-waived');
    const events = await jsonOf<{ items: { action: string; payload: { reason?: string } }[] }>(
      await (await apiAs('pengjiang.reviewer')).get(`/api/v1/audit/events?entityId=${id}`),
    );
    expect(
      events.items.filter((e) => e.action === 'report.reward.waived').map((e) => e.payload.reason),
    ).toEqual(['举报人表示放弃领取']);
  });

  it('opens the list filtered to the overdue reports, as the workbench links it', async () => {
    await desk.goto(`${baseUrl()}/reports?overdue=true`);
    await desk.getByTestId('report-table').waitFor();
    await expect
      .poll(() => desk.getByTestId('report-state-filter').textContent())
      .toContain('已逾期（核查或反馈）');
    const rows = desk.getByTestId('report-table').locator('tbody tr.ant-table-row');
    const marks = desk.getByTestId('report-table').getByTestId('report-overdue');
    expect(await marks.count()).toBe(await rows.count());
    await pageShot(desk, 'reports-list-overdue');
  });
});
