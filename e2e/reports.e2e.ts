import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, choose, jsonOf, pageShot, screenShot } from './ui.ts';

// Issue 17 items 1, 2 and 11 (measure 27): an anonymous report filed on a phone and followed by its receipt
// code and password; a named report whose reporter no response to the inspector carries, read by the
// 举报受理员 alone with the read in the audit trail; a reward computed from the catalogue and approved by
// someone other than its proposer. Reports of its own (a described workshop): no shared demo record changes.

// a 1×1 PNG, enough for the server's content check
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const stamp = Date.now().toString(36).toUpperCase();
const IDENTITY = {
  name: `冯晓燕${stamp.slice(-3)}`,
  phone: '13712345678',
  idNumber: '440703199001011234',
  contact: '白沙街道某小区',
};
const carries = (text: string) => Object.values(IDENTITY).some((part) => text.includes(part));

describe('reports and rewards (issue 17)', () => {
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  let reportId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
    desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });
  afterAll(() => browser?.close());

  it('files an anonymous report on a phone and follows it by receipt code and password', async () => {
    await phone.goto(`${baseUrl()}/public/reports`);
    const form = phone.getByTestId('report-form');
    await form.waitFor();
    await phone.getByTestId('report-place-by').getByText('名录中没有，手动描述').click();
    await phone.getByTestId('report-enterprise-description').fill(`杜阮镇无招牌五金加工作坊 ${stamp}`);
    await choose(phone, phone.getByTestId('report-county'), '蓬江区');
    await phone
      .getByTestId('report-content')
      .fill('作坊内堆放大量油漆稀释剂，电线私拉乱接，夜间有人住在二楼');
    await phone.getByTestId('report-location').fill('杜阮镇北芦村工业区 12 号');
    await phone
      .locator('input[type=file]')
      .setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG });
    await pageShot(phone, 'reports-public-form-phone');
    await phone.getByTestId('report-submit').click();
    const code = (await phone.getByTestId('report-receipt-code').textContent({ timeout: 30_000 }))!.trim();
    const password = (await phone.getByTestId('report-receipt-password').textContent())!.trim();
    expect(code).toMatch(/^JB[0-9A-Z]{10}$/);
    await screenShot(phone, 'reports-public-receipt-phone');

    await phone.getByTestId('report-follow-link').click();
    await phone.getByTestId('follow-password').fill(password);
    await phone.getByTestId('follow-submit').click();
    await expect.poll(() => phone.getByTestId('follow-state').textContent()).toBe('待受理');
    await screenShot(phone, 'reports-public-follow-phone');
    // a wrong password tells nothing
    await phone.getByTestId('follow-password').fill('WRONGPASS');
    await phone.getByTestId('follow-submit').click();
    await expect
      .poll(() => phone.getByTestId('follow-error').textContent())
      .toContain('受理编号或查询密码不正确');
  });

  it('keeps a named reporter out of every response to the inspector; the 举报受理员 reads it, audited', async () => {
    const anyone = await request.newContext({ baseURL: baseUrl() });
    const filed = await jsonOf<{ receiptCode: string; password: string }>(
      await anyone.post('/api/v1/public/reports', {
        data: {
          kind: 'major_hidden_danger',
          content: `江海区某化工仓库超量储存甲类危险化学品，消防设施停用（${stamp}）`,
          enterpriseDescription: `某化工仓储点 ${stamp}`,
          county: '440703',
          anonymous: false,
          employeeOfEnterprise: false,
          reporter: IDENTITY,
        },
      }),
    );
    // the inspector browses the list and the report: every API answer the page receives is checked
    const bodies: string[] = [];
    desk.on('response', async (response) => {
      if (!response.url().includes('/api/')) return;
      try {
        bodies.push(await response.text());
      } catch {
        // a redirect or an aborted request has no body
      }
    });
    await logIn(desk, 'pengjiang.inspector');
    await desk.goto(`${baseUrl()}/reports`);
    await desk.getByTestId('report-table').getByText(filed.receiptCode).click();
    await desk.getByTestId('report-detail').waitFor();
    await expect.poll(() => desk.getByTestId('report-content').textContent()).toContain(stamp);
    expect(await desk.getByTestId('identity-card').count()).toBe(0);
    await pageShot(desk, 'reports-detail-inspector');
    const inspector = await apiAs('pengjiang.inspector');
    const list = await inspector.get('/api/v1/reports?pageSize=200');
    bodies.push(await list.text());
    const id = (JSON.parse(bodies.at(-1)!) as { items: { id: string; receiptCode: string }[] }).items.find(
      (r) => r.receiptCode === filed.receiptCode,
    )!.id;
    bodies.push(await (await inspector.get(`/api/v1/reports/${id}`)).text());
    const refused = await inspector.post(`/api/v1/reports/${id}/identity`, { data: { reason: '核实' } });
    expect(refused.status()).toBe(403);
    bodies.push(await refused.text());
    expect(bodies.length).toBeGreaterThan(3);
    expect(bodies.filter(carries)).toEqual([]);
    desk.removeAllListeners('response');

    // the 举报受理员 accepts it and reads the identity, with a reason
    await logIn(desk, 'pengjiang.reports');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await desk.getByTestId('report-accept').click();
    await expect.poll(() => desk.getByTestId('report-state').textContent()).toBe('核查中');
    await desk.getByTestId('identity-reason').fill('回访举报人，核实仓库具体位置');
    await desk.getByTestId('identity-read').click();
    await expect.poll(() => desk.getByTestId('identity-shown').textContent()).toContain(IDENTITY.name);
    await pageShot(desk, 'reports-detail-identity-read');
    const reviewer = await apiAs('pengjiang.reviewer');
    const events = await jsonOf<{ items: { action: string; actorName: string }[] }>(
      await reviewer.get(`/api/v1/audit/events?entityId=${id}`),
    );
    expect(events.items.filter((e) => e.action === 'report.identity.viewed').map((e) => e.actorName)).toEqual(
      ['蓬江区举报受理员 何慧玲'],
    );
    expect(JSON.stringify(events)).not.toContain(IDENTITY.name);
    reportId = id;
  });

  it('computes a reward from the catalogue; the head approves what the 举报受理员 proposed', async () => {
    const id = reportId;
    const inspector = await apiAs('pengjiang.inspector');
    // verified true by the inspector; the reward computed, proposed, and approved by the head
    expect(
      (
        await inspector.post(`/api/v1/reports/${id}/handling`, {
          data: {
            step: 'verify',
            outcome: 'substantiated',
            findings: '现场查实超量储存，已依法处罚 20 万元',
          },
        })
      ).status(),
    ).toBe(200);
    await desk.reload();
    const reward = desk.getByTestId('reward-card');
    await reward.waitFor();
    await reward.locator('input#fineYuan').fill('200000');
    await expect.poll(() => desk.getByTestId('reward-preview').textContent()).toContain('30,000 元');
    await pageShot(desk, 'reports-reward-preview');
    await desk.getByTestId('reward-propose').click();
    await expect.poll(() => desk.getByTestId('reward-state').textContent()).toBe('待审批');
    expect(await desk.getByTestId('reward-approve').count()).toBe(0);

    await logIn(desk, 'pengjiang.head');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await desk.getByTestId('reward-approve').click();
    await expect.poll(() => desk.getByTestId('reward-state').textContent()).toBe('已批准，待通知领奖');
    await expect.poll(() => desk.getByTestId('reward-amount').textContent()).toContain('30,000');
    await pageShot(desk, 'reports-reward-approved');
    await logIn(desk, 'pengjiang.reports');
    await desk.goto(`${baseUrl()}/reports?state=accepted,verified`);
    await desk.getByTestId('report-table').waitFor();
    await pageShot(desk, 'reports-list');
  });

  it('opens a penalty case from a verified report: the case names the report, never the reporter', async () => {
    const inspector = await apiAs('pengjiang.inspector');
    const enterprises = await jsonOf<{ items: { id: string; name: string }[] }>(
      await inspector.get('/api/v1/enterprises?territory=440703&pageSize=1'),
    );
    const enterprise = enterprises.items[0]!;
    const anyone = await request.newContext({ baseURL: baseUrl() });
    const filed = await jsonOf<{ receiptCode: string }>(
      await anyone.post('/api/v1/public/reports', {
        data: {
          kind: 'illegal_production',
          content: `未取得安全生产许可，夜间组织生产（${stamp}）`,
          enterpriseId: enterprise.id,
          anonymous: false,
          employeeOfEnterprise: false,
          reporter: IDENTITY,
        },
      }),
    );
    const list = await jsonOf<{ items: { id: string; receiptCode: string }[] }>(
      await inspector.get('/api/v1/reports?pageSize=200'),
    );
    const id = list.items.find((r) => r.receiptCode === filed.receiptCode)!.id;
    const officer = await apiAs('pengjiang.reports');
    await jsonOf(
      await officer.post(`/api/v1/reports/${id}/handling`, { data: { step: 'accept', note: null } }),
    );
    await jsonOf(
      await inspector.post(`/api/v1/reports/${id}/handling`, {
        data: { step: 'verify', outcome: 'substantiated', findings: `现场查实夜间违法生产（${stamp}）` },
      }),
    );
    // the inspector may not open cases: no button
    await logIn(desk, 'pengjiang.inspector');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await desk.getByTestId('report-detail').waitFor();
    expect(await desk.getByTestId('report-open-case').count()).toBe(0);

    // the unit head opens the case; every answer his pages receive is checked for the reporter
    const bodies: string[] = [];
    desk.on('response', async (response) => {
      if (!response.url().includes('/api/')) return;
      try {
        bodies.push(await response.text());
      } catch {
        // a redirect or an aborted request has no body
      }
    });
    await logIn(desk, 'pengjiang.unithead');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await desk.getByTestId('report-open-case').click();
    // the answer to 立案 itself is awaited, so a slow machine waits for it and a refusal names its status
    const answer = desk.waitForResponse(
      (response) =>
        response.url().endsWith(`/reports/${id}/penalty-case`) && response.request().method() === 'POST',
      { timeout: 60_000 },
    );
    await desk.getByTestId('report-open-case-confirm').click();
    expect((await answer).status()).toBe(201);
    const link = desk.getByTestId('report-case-link');
    await link.waitFor({ timeout: 60_000 });
    await expect.poll(() => link.textContent(), { timeout: 30_000 }).toMatch(/^案件 \d{4}-\d{4}$/);
    expect(await desk.getByTestId('report-open-case').count()).toBe(0);
    await pageShot(desk, 'reports-case-opened');
    await link.click();
    await expect
      .poll(() => desk.getByTestId('case-source').textContent(), { timeout: 30_000 })
      .toBe(`举报 ${filed.receiptCode}`);
    await pageShot(desk, 'reports-case-page');
    desk.removeAllListeners('response');
    expect(bodies.length).toBeGreaterThan(2);
    expect(bodies.filter(carries)).toEqual([]);
    // once only
    const unithead = await apiAs('pengjiang.unithead');
    const again = await unithead.post(`/api/v1/reports/${id}/penalty-case`);
    expect(again.status()).toBe(422);
    expect(await again.text()).toContain('该举报已立案');
    // the reward the 举报受理员 proposes starts from the report's own kind
    await logIn(desk, 'pengjiang.reports');
    await desk.goto(`${baseUrl()}/reports/${id}`);
    await desk.getByTestId('reward-card').waitFor();
    await expect
      .poll(() => desk.getByTestId('reward-kind').innerText())
      .toContain('非法违法生产经营建设行为');
  });
});
