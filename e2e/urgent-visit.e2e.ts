import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL, certifiedTeam } from './onsite-steps.ts';
import { apiAs, choose, jsonOf, pageShot, screenShot, todayInBeijing } from './ui.ts';

// Issue 11 items 3 and 5: an inspection on an "other" channel (measure 5 "等渠道"), approved as a ground by the
// department head; an urgent visit started before the plan's approval (measure 11 "原则上"), shown as 事后补批
// until the department head approves it afterwards.

describe('an urgent visit on an "other" channel, approved afterwards', () => {
  let browser: Browser;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const inspector = await apiAs('pengjiang.inspector');
    // an enterprise of 蓬江区 with no inspection yet this year: no merge proposal stands in the way
    const enterprises = await jsonOf<{ items: { id: string }[] }>(
      await inspector.get('/api/v1/enterprises?territory=440703&pageSize=50&sort=creditCode'),
    );
    let enterpriseId = '';
    for (const enterprise of enterprises.items.slice(5)) {
      const listed = await jsonOf<{ total: number }>(
        await inspector.get(`/api/v1/inspections?enterpriseId=${enterprise.id}`),
      );
      if (listed.total === 0) {
        enterpriseId = enterprise.id;
        break;
      }
    }
    expect(enterpriseId).not.toBe('');
    const team = await certifiedTeam(inspector);
    const planned = await jsonOf<{ inspection: { id: string } }>(
      await inspector.post('/api/v1/inspections', {
        data: {
          enterpriseId,
          plannedOn: todayInBeijing(),
          kind: 'targeted',
          matters: ['work_safety_general'],
          trigger: 'other',
          triggerDescription: '人大代表转来的群众反映：夜间违规动火',
        },
      }),
    );
    id = planned.inspection.id;
    await jsonOf(await inspector.post(`/api/v1/inspections/${id}/onsite-plan`, { data: { officers: team } }));
    await inspector.dispose();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the department head approves the "other" channel as the ground of the inspection', async () => {
    await logIn(page, 'pengjiang.head');
    await page.goto(`${baseUrl()}/inspections/${id}`);
    const trigger = page.getByTestId('inspection-trigger');
    await expect.poll(() => trigger.textContent(), POLL).toContain('待部门负责人批准');
    expect(await trigger.textContent()).toContain('夜间违规动火');
    await page.getByTestId('inspection-trigger-approve').click();
    await expect.poll(() => page.getByTestId('inspection-trigger-approve').count(), POLL).toBe(0);
    expect(await trigger.textContent()).not.toContain('待部门负责人批准');
  });

  it('the officer starts an urgent visit with its reason, and the plan shows 事后补批', async () => {
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/inspections/${id}`);
    await page.getByTestId('onsite-urgent-start').click();
    await page.getByTestId('onsite-urgent-ground-report_verification').click();
    await page.getByTestId('onsite-urgent-reason').fill('群众举报企业正在违规动火作业，需立即到场核实');
    await screenShot(page, 'urgent-01-start');
    await page.getByTestId('onsite-urgent-confirm').click();
    const badge = page.getByTestId('onsite-plan-post-approval');
    await expect.poll(() => badge.getAttribute('data-state'), POLL).toBe('pending');
    expect(await badge.textContent()).toBe('事后补批');
    expect(await page.getByTestId('inspection-stage').getAttribute('data-stage')).toBe('notified');
    expect(await page.getByTestId('onsite-plan-urgent').textContent()).toContain('违规动火作业');
    // the drafter does not approve its own plan
    expect(await page.getByTestId('onsite-plan-approve').count()).toBe(0);
    await pageShot(page, 'urgent-02-pending');
  });

  it('the department head approves the plan afterwards', async () => {
    await logIn(page, 'pengjiang.head');
    await page.goto(`${baseUrl()}/inspections/${id}`);
    await page.getByTestId('onsite-plan-approve').click();
    await page.getByTestId('onsite-decision-comment').fill('情况紧急，同意先行检查。');
    await page.getByTestId('onsite-decision-confirm').click();
    const badge = page.getByTestId('onsite-plan-post-approval');
    await expect.poll(() => badge.getAttribute('data-state'), POLL).toBe('approved');
    expect(await badge.textContent()).toBe('已事后补批');
    await pageShot(page, 'urgent-03-approved');
  });

  // measure 11: a unit head approves plans only under a delegation the department head records (scope, term)
  it('the department head delegates the approval of targeted plans to a unit head, and revokes it', async () => {
    await page.goto(`${baseUrl()}/inspections`);
    const card = page.getByTestId('delegation-card');
    await card.getByTestId('delegation-add').click();
    const form = card.getByTestId('delegation-form');
    await choose(page, form.getByTestId('delegation-delegate'), '蓬江区执法大队 何建华');
    await form.getByTestId('delegation-scope').fill('本辖区投诉举报类重点执法检查');
    await form.getByTestId('delegation-submit').click();
    const row = card.getByTestId('delegation-row').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('本辖区投诉举报类重点执法检查');
    await pageShot(page, 'urgent-04-delegation');
    await row.getByTestId('delegation-revoke').click();
    await row.getByText('已收回').waitFor();
  });
});
