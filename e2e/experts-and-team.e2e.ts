import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { PHONE, POLL, ok, visitUnderway } from './onsite-steps.ts';
import { apiAs, choose, jsonOf, pageShot, screenShot, todayInBeijing } from './ui.ts';

// Issue 17 items 6, 7 and 11 (measures 14, 23, 25, 26): the enterprise asks for an expert, a conflicted expert is
// refused, the unit head dispatches another, the expert records the visit on a phone and confirms the major
// hidden danger fixed in time (marked for measure 14), and the enterprise rates the visit; a training course's
// attendance counts in the officer's hours; a selection takes one vote per voter and announces its result.

type Dispatch = { id: string; enterpriseId: string; state: string; request: string };
type Expert = { id: string; name: string; hasAccount: boolean };

describe('experts and the team', () => {
  let browser: Browser;
  let page: Page;
  let phone: Page;
  let enterprise: APIRequestContext;
  let unitHead: APIRequestContext;
  let cityHead: APIRequestContext;
  const request = `请专家指导除尘系统与泄爆设施（${Date.now()}）`;
  let dispatchId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    phone = await browser.newPage(PHONE);
    enterprise = await apiAs('enterprise.demo');
    unitHead = await apiAs('pengjiang.unithead');
    cityHead = await apiAs('city.head');
  });
  afterAll(async () => {
    for (const api of [enterprise, unitHead, cityHead]) await api?.dispose();
    await browser?.close();
  });

  it('takes the enterprise’s request from its portal', async () => {
    await logIn(page, 'enterprise.demo');
    await page.goto(`${baseUrl()}/my-enterprise/expert-help`);
    await page.getByTestId('help-request').fill(request);
    await page.getByTestId('submit-help-request').click();
    await page.getByTestId('dispatch-table').getByText('待派遣').first().waitFor();
    await pageShot(page, 'experts-01-enterprise-request');
    const mine = await jsonOf<{ items: Dispatch[] }>(await enterprise.get('/api/v1/expert-dispatches'));
    dispatchId = mine.items.find((d) => d.request === request)!.id;
  });

  it('refuses an expert with a recorded conflict, and dispatches another', async () => {
    const { items } = await jsonOf<{ items: Expert[] }>(await unitHead.get('/api/v1/experts'));
    const luo = items.find((e) => e.name === '罗晓峰')!;
    const { user } = await jsonOf<{ user: { enterpriseId: string } }>(
      await enterprise.get('/api/v1/auth/me'),
    );
    const conflict = await unitHead.post(`/api/v1/experts/${luo.id}/conflicts`, {
      data: { enterpriseId: user.enterpriseId, reason: '曾任该企业安全顾问' },
    });
    // a rerun against the same server finds it recorded already
    expect([201, 409]).toContain(conflict.status());
    const refused = await unitHead.post(`/api/v1/expert-dispatches/${dispatchId}/dispatch`, {
      data: { expertId: luo.id },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { code: string }).code).toBe('EXPERT_CONFLICT_OF_INTEREST');

    await logIn(page, 'pengjiang.unithead');
    await page.goto(`${baseUrl()}/expert-dispatches`);
    const row = page.locator('tr', { has: page.getByTestId(`dispatch-${dispatchId}`) });
    await row.getByTestId('open-dispatch').click();
    const dialog = page.getByRole('dialog');
    await choose(
      page,
      dialog.getByTestId('dispatch-expert'),
      '罗晓峰（冶金（钢铁、铝加工深井铸造）、电气安全）（存在利益冲突，不能派遣）',
      { search: '罗晓峰' },
    );
    await dialog.getByTestId('confirm-dispatch').click();
    await dialog.getByText('利益冲突（回避），不能派往该企业').waitFor();
    await screenShot(page, 'experts-02-conflict-refused');
    await choose(page, dialog.getByTestId('dispatch-expert'), '邓俊（粉尘涉爆、危险化学品）', {
      search: '邓俊',
    });
    await dialog.getByTestId('confirm-dispatch').click();
    await row.getByText('已派遣，待服务').waitFor();
    await pageShot(page, 'experts-03-dispatched');
  });

  it('lets the expert record the visit on a phone, and marks the major danger fixed in time', async () => {
    await logIn(phone, 'expert.demo');
    await phone.getByTestId('expert-workbench').waitFor();
    await screenShot(phone, 'experts-04-expert-workbench-phone');
    await phone.goto(`${baseUrl()}/expert-dispatches/${dispatchId}`);
    const form = phone.getByTestId('visit-form');
    await form.getByTestId('visit-note').fill('查看除尘器、泄爆口和粉尘清扫记录');
    await form.getByTestId('visit-advice').fill('泄爆口朝向安全区域，建立每班清扫制度');
    await form.getByTestId('add-hazard').click();
    await form.getByTestId('hazard-description').fill('除尘系统未按规定设置锁气卸灰装置');
    await form.getByTestId('hazard-major').click();
    await screenShot(phone, 'experts-05-visit-form-phone');
    const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    const today = todayInBeijing();
    const due = form.getByTestId('hazard-due');
    const input = (await due.evaluate((el) => el.tagName === 'INPUT')) ? due : due.locator('input');
    await input.click();
    await input.fill(today);
    // Enter takes the typed day and, inside the form, submits it as the save button does
    await input.press('Enter');
    await phone.getByTestId('visit-record').waitFor();
    await phone.getByTestId('confirm-fixed').click();
    await phone.getByTestId('no-penalty-mark').waitFor();
    await expect
      .poll(() => phone.getByTestId('no-penalty-mark').innerText(), POLL)
      .toContain('专家指导服务发现的重大事故隐患并及时进行整改的');
    await pageShot(phone, 'experts-06-visit-recorded-phone');
  });

  it('lets the enterprise rate the visit', async () => {
    await logIn(page, 'enterprise.demo');
    await page.goto(`${baseUrl()}/expert-dispatches/${dispatchId}`);
    const form = page.getByTestId('rating-form');
    await form.locator('.ant-rate-star').nth(3).click();
    await form.getByTestId('rating-comment').fill('专家讲得清楚');
    await form.getByTestId('submit-rating').click();
    await page.getByTestId('rating-card').waitFor();
    await pageShot(page, 'experts-07-rated');
    const rated = await jsonOf<{ state: string; rating: number }>(
      await enterprise.get(`/api/v1/expert-dispatches/${dispatchId}`),
    );
    expect(rated).toMatchObject({ state: 'rated', rating: 4 });
  });

  it('shows the expert database', async () => {
    await logIn(page, 'city.unithead');
    await page.goto(`${baseUrl()}/experts`);
    await page.getByText('邓俊').first().waitFor();
    await pageShot(page, 'experts-08-database');
  });

  it('counts a training attendance in the officer’s hours', async () => {
    const cityUnitHead = await apiAs('city.unithead');
    try {
      const title = `安全生产执法案卷制作培训（${Date.now()}）`;
      await jsonOf(
        await cityUnitHead.post('/api/v1/team/training', {
          data: { title, heldOn: todayInBeijing(), hours: 2.5 },
        }),
      );
      const { items: officers } = await jsonOf<{ items: { id: string; name: string }[] }>(
        await cityUnitHead.get('/api/v1/team/officers'),
      );
      const officer = officers[officers.length - 1]!;
      const year = Number(todayInBeijing().slice(0, 4));
      const hoursOf = async () =>
        (
          await jsonOf<{ hoursByOfficer: { officerId: string; hours: number }[] }>(
            await cityUnitHead.get(`/api/v1/team/training?year=${year}`),
          )
        ).hoursByOfficer.find((o) => o.officerId === officer.id)?.hours ?? 0;
      const before = await hoursOf();
      await page.goto(`${baseUrl()}/team`);
      await page.getByTestId('team-statistics').waitFor();
      await pageShot(page, 'team-01-statistics');
      await page.getByRole('tab', { name: '培训' }).click();
      await page.getByTestId(`attend-${title}`).click();
      const dialog = page.getByRole('dialog');
      await choose(page, dialog.getByTestId('attendance-officer'), officer.name, { search: true });
      await dialog.getByTestId('confirm-attendance').click();
      await expect.poll(hoursOf, POLL).toBe(before + 2.5);
      await pageShot(page, 'team-02-training');
    } finally {
      await cityUnitHead.dispose();
    }
  });

  it('runs a selection: one vote per voter, none for oneself, and its result', async () => {
    const title = `执法能手评选（${Date.now()}）`;
    const selection = await jsonOf<{ id: string }>(
      await cityHead.post('/api/v1/team/selections', {
        data: { kind: 'enforcement_expert', title, year: 2026, places: 1 },
      }),
    );
    const { staff } = await jsonOf<{ staff: { id: string; displayName: string }[] }>(
      await cityHead.get('/api/v1/team/selections/candidates'),
    );
    const inspector = staff.find((s) => s.displayName.includes('黄嘉欣'))!;
    const head = staff.find((s) => s.displayName.includes('李志明'))!;
    await jsonOf(
      await cityHead.post(`/api/v1/team/selections/${selection.id}/nominations`, {
        data: { nomineeUserId: inspector.id, reason: '检查规范、文书质量高' },
      }),
    );
    const nominated = await jsonOf<{ nominations: { id: string; nomineeName: string }[] }>(
      await cityHead.post(`/api/v1/team/selections/${selection.id}/nominations`, {
        data: { nomineeUserId: head.id, reason: '带队办结重大案件' },
      }),
    );
    const forInspector = nominated.nominations.find((n) => n.nomineeName.includes('黄嘉欣'))!;
    // the nominee cannot vote for itself
    const cityInspector = await apiAs('city.inspector');
    try {
      const self = await cityInspector.post(`/api/v1/team/selections/${selection.id}/votes`, {
        data: { nominationId: forInspector.id },
      });
      expect(self.status()).toBe(422);
    } finally {
      await cityInspector.dispose();
    }
    await logIn(page, 'city.inspector');
    await page.goto(`${baseUrl()}/team`);
    await page.getByRole('tab', { name: '评选' }).click();
    const card = page.getByTestId(`selection-${title}`);
    const own = card.getByTestId('nomination').filter({ hasText: '黄嘉欣' });
    await own.waitFor();
    expect(await own.getByTestId('vote').count()).toBe(0);
    await card.getByTestId('nomination').filter({ hasText: '李志明' }).getByTestId('vote').click();
    await card.getByText('我的投票').waitFor();
    expect(await card.getByTestId('vote').count()).toBe(0);
    await logIn(page, 'city.head');
    await page.goto(`${baseUrl()}/team`);
    await page.getByRole('tab', { name: '评选' }).click();
    const headCard = page.getByTestId(`selection-${title}`);
    await headCard.getByTestId('close-selection').click();
    await headCard.getByTestId('winner').waitFor();
    expect(
      await headCard.getByTestId('nomination').filter({ hasText: '李志明' }).getByTestId('winner').count(),
    ).toBe(1);
    await pageShot(page, 'team-03-selection-result');
  });

  it('dispatches an expert on a finding from the inspection page, each refusal said, the dispatch shown on the finding', async () => {
    const inspector = await apiAs('pengjiang.inspector');
    const findingId = randomUUID();
    const description = `专家帮扶场景：粉尘涉爆区域未按规定清扫积尘（${Date.now()}）`;
    let visit = '';
    try {
      visit = await visitUnderway(inspector, `12345-EXP-${randomUUID().slice(0, 8)}`);
      const form = await ok<{ form: { sections: { items: { code: string }[] }[] } }>(
        await inspector.get(`/api/v1/inspections/${visit}/form`),
        'form',
      );
      await ok(
        await inspector.post(`/api/v1/inspections/${visit}/sync`, {
          data: {
            entries: [],
            findings: [
              {
                id: findingId,
                itemCode: form.form.sections[0]!.items[0]!.code,
                description,
                majorHiddenDanger: false,
                photoIds: [],
                bodyCameraRefs: [],
                recordedAt: new Date().toISOString(),
              },
            ],
            emergencyMeasures: [],
          },
        }),
        'sync',
      );
    } finally {
      await inspector.dispose();
    }
    const { items } = await jsonOf<{ items: (Expert & { fields: { name: string }[]; active: boolean })[] }>(
      await unitHead.get('/api/v1/experts'),
    );
    const deng = items.find((e) => e.hasAccount)!;

    await logIn(page, 'pengjiang.unithead');
    await page.goto(`${baseUrl()}/inspections/${visit}`);
    const card = page.getByTestId('finding-help-card');
    await card.getByTestId(`finding-help-${findingId}`).waitFor();
    expect(await card.getByTestId(`finding-help-${findingId}`).innerText()).toContain('尚未派遣专家');
    await card.getByTestId(`dispatch-on-finding-${findingId}`).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByTestId('finding-dispatch-finding').innerText(), POLL)
      .toContain(description);
    // the experts the rule refuses are listed with its reason, in Chinese
    await expect
      .poll(() => dialog.getByTestId('finding-dispatch-refusals').innerText(), POLL)
      .toContain('不能');
    await choose(
      page,
      dialog.getByTestId('finding-dispatch-expert'),
      `${deng.name}（${deng.fields.map((f) => f.name).join('、')}）`,
    );
    await screenShot(page, 'experts-04-dispatch-on-finding');
    await page.getByTestId('confirm-finding-dispatch').click();
    await expect
      .poll(() => card.getByTestId(`finding-help-${findingId}`).innerText(), POLL)
      .toContain(`已派 ${deng.name}`);
    await pageShot(page, 'experts-05-finding-dispatched');
    const dispatched = await jsonOf<{ items: { findingId: string | null; expertId: string | null }[] }>(
      await unitHead.get(`/api/v1/expert-dispatches?inspectionId=${visit}`),
    );
    expect(dispatched.items.find((d) => d.findingId === findingId)?.expertId).toBe(deng.id);
    // an inspector sees the dispatch on the finding but has no button to dispatch
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/inspections/${visit}`);
    await page.getByTestId(`finding-help-${findingId}`).getByTestId('finding-dispatch').waitFor();
    expect(await page.getByTestId(`dispatch-on-finding-${findingId}`).count()).toBe(0);
  });
});
