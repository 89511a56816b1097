import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL } from './onsite-steps.ts';
import { apiAs, jsonOf, pageShot, todayInBeijing } from './ui.ts';

// Issue 17 items 4, 5 and 11 (measures 28, 29): on a phone, the public portal shows a penalty decision with the
// natural person's name masked and his numbers removed, and a draw verified in the browser; an open day with an
// observed inspection, which the social supervisor reads (read-only) on its first screen and comments on; the
// bureau answers and the answer goes public; the open data downloads as .xlsx and CSV and parses.

const daysFrom = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const phone = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };

describe('the public portal on a phone, and an open day', () => {
  let browser: Browser;
  let visitor: Page;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    visitor = await (await browser.newContext({ ...phone, acceptDownloads: true })).newPage();
    page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
  });
  afterAll(() => browser?.close());

  it('shows a decision with the person’s data redacted, and verifies a draw, on a phone', async () => {
    await visitor.goto(`${baseUrl()}/public`);
    await visitor.getByTestId('portal-home').waitFor();
    await visitor.getByTestId('portal-open-data').waitFor(POLL);
    await pageShot(visitor, 'portal-01-home-phone');

    await visitor.getByTestId('portal-menu-penalty-decisions').click();
    await visitor.waitForURL(/\/public\/penalty-decisions$/);
    const card = visitor.locator('[data-testid=public-penalty-decision]', {
      hasText: '江蓬应急罚〔2026〕901号',
    });
    await card.waitFor(POLL);
    const text = await card.innerText();
    expect(text).toContain('张**');
    expect(text).toContain('个体工商户');
    expect(text).toMatch(/应于 \d{4}-\d{2}-\d{2} 前公示/);
    expect(await visitor.content()).not.toMatch(/张伟明|13800138000|440703198001011234/);
    await card.scrollIntoViewIfNeeded();
    await pageShot(visitor, 'portal-02-penalty-redacted-phone');

    // a draw whose record is public: frozen, drawn and cancelled by its bureau (its inspections cancelled)
    const reviewer = await apiAs('city.reviewer');
    const draw = await jsonOf<{ id: string }>(
      await reviewer.post('/api/v1/draws', {
        data: {
          title: '新会区双随机抽查（门户验证）',
          inspectionDate: daysFrom(todayInBeijing(), 20),
          matters: ['work_safety_general'],
          teamSize: 2,
          source: {
            kind: 'criteria',
            strata: [
              { key: '新会一般企业', criteria: { territory: '440705', enforcementClass: 'general' }, k: 1 },
            ],
          },
        },
      }),
    );
    await jsonOf(
      await reviewer.post(`/api/v1/draws/${draw.id}/perform`, {
        data: {
          publicEntropy: '2026-12-01 体彩排列5 开奖号码 1 2 3 4 5',
          witnesses: ['见证人甲', '见证人乙'],
        },
      }),
    );
    await jsonOf(
      await reviewer.post(`/api/v1/draws/${draw.id}/cancellation`, {
        data: { reason: '门户验证场景：本批次取消' },
      }),
    );
    const head = await apiAs('city.head');
    await jsonOf(
      await head.post(`/api/v1/draws/${draw.id}/cancellation/decision`, {
        data: { approve: true, comment: '' },
      }),
    );
    await visitor.goto(`${baseUrl()}/public/draws/${draw.id}`);
    await visitor.getByTestId('draw-verify').click();
    const result = visitor.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-consistent'), POLL).toBe('true');
    expect(await visitor.getByTestId('verify-result-verdict').innerText()).toBe('一致');
    // the recomputed record uses the phone's width: each value has the card's width, not a sliver beside
    // its label
    const cell = visitor.locator('.ant-descriptions-item-content', {
      has: visitor.getByTestId('verify-selections'),
    });
    expect((await cell.boundingBox())!.width).toBeGreaterThan(200);
    await result.scrollIntoViewIfNeeded();
    await pageShot(visitor, 'portal-03-draw-verified-phone');

    // the portal's own sections, each on the phone
    for (const [path, name] of [
      ['inspection-results', 'portal-04-inspection-results'],
      ['benchmarks', 'portal-05-benchmarks'],
      ['annual-reports', 'portal-06-annual-reports'],
      ['credit-repairs', 'portal-07-credit-repairs'],
    ] as const) {
      await visitor.goto(`${baseUrl()}/public/${path}`);
      await visitor.getByRole('heading').first().waitFor();
      await visitor.waitForLoadState('networkidle');
      if (path === 'annual-reports') await visitor.getByTestId('public-annual-report').first().waitFor(POLL);
      await pageShot(visitor, name);
    }
  });

  it('an open day: the supervisor reads its inspection read-only and comments; the answer goes public', async () => {
    const reviewer = await apiAs('pengjiang.reviewer');
    const results = await jsonOf<{ items: { id: string; enterpriseName: string }[] }>(
      await reviewer.get('/api/v1/public/inspection-results?territory=440703'),
    );
    const observed = results.items[0]!;
    const title = `执法开放日（端到端 ${Date.now()}）`;
    const day = await jsonOf<{ id: string }>(
      await reviewer.post('/api/v1/open-days', {
        data: {
          kind: 'open_day',
          title,
          heldOn: todayInBeijing(),
          place: '蓬江区棠下镇',
          summary: '观摩一次现场检查。',
        },
      }),
    );
    await jsonOf(
      await reviewer.post(`/api/v1/open-days/${day.id}/participants`, {
        data: {
          category: 'social_supervisor',
          name: '吴丽娟',
          affiliation: '社会监督员',
          username: 'supervisor.demo',
        },
      }),
    );
    await jsonOf(
      await reviewer.post(`/api/v1/open-days/${day.id}/participants`, {
        data: { category: 'worker_representative', name: '区建华', affiliation: '职工代表' },
      }),
    );
    await jsonOf(await reviewer.post(`/api/v1/open-days/${day.id}/inspections/${observed.id}`));

    // the supervisor's first screen: its events and the inspection, nothing to edit
    await logIn(page, 'supervisor.demo');
    const observation = page.locator('[data-testid=observation]', { hasText: title });
    await observation.waitFor(POLL);
    expect(await observation.getByTestId('observed-inspection').innerText()).toContain(
      observed.enterpriseName,
    );
    expect(await page.getByText('功能正在建设中').count()).toBe(0);
    expect(await page.getByText('添加参加人员').count()).toBe(0);
    expect(await page.getByTestId('workbench').count()).toBe(0);
    // the inspection list stays closed to it
    await page.goto(`${baseUrl()}/inspections`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('inspection-row').count()).toBe(0);
    await page.goto(`${baseUrl()}/`);
    await observation.waitFor(POLL);
    await observation
      .getByTestId('observation-suggestion-input')
      .fill('建议检查前向企业出示执法证件并说明检查依据。');
    await observation.getByTestId('observation-suggestion-submit').click();
    await observation.getByTestId('observation-suggestion').first().waitFor(POLL);
    await pageShot(page, 'portal-08-supervisor-first-screen');

    // the bureau answers it on its open-day page
    await logIn(page, 'pengjiang.reviewer');
    await page.goto(`${baseUrl()}/open-days`);
    const event = page.locator('[data-testid=open-day]', { hasText: title });
    await event.waitFor(POLL);
    await event
      .getByTestId('open-day-answer-input')
      .fill('已采纳：检查人员进入企业时出示执法证件，并告知检查依据和事项。');
    await event.getByTestId('open-day-answer').click();
    await event.getByText('已公开').waitFor(POLL);
    await event.scrollIntoViewIfNeeded();
    await pageShot(page, 'portal-09-open-days-staff');

    // on the portal: the event, the participation by category, the suggestion with its answer, no names
    await visitor.goto(`${baseUrl()}/public/open-days`);
    const published = visitor.locator('[data-testid=public-open-day]', { hasText: title });
    await published.waitFor(POLL);
    const shown = await published.innerText();
    expect(shown).toContain('社会监督员 1 人');
    expect(shown).toContain('已采纳：检查人员进入企业时出示执法证件');
    expect(shown).not.toMatch(/吴丽娟|区建华/);
    await published.scrollIntoViewIfNeeded();
    await pageShot(visitor, 'portal-10-open-day-public-phone');

    // the annual reports page of the bureau
    await page.goto(`${baseUrl()}/annual-reports`);
    await page.getByTestId('annual-report').first().waitFor(POLL);
    await pageShot(page, 'portal-11-annual-reports-staff');
  });

  it('downloads the open data as .xlsx and CSV, and both parse', async () => {
    await visitor.goto(`${baseUrl()}/public`);
    await visitor.getByTestId('open-data-penalty-decisions-xlsx').waitFor(POLL);
    const [xlsx] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByTestId('open-data-penalty-decisions-xlsx').click(),
    ]);
    const xlsxPath = '/tmp/portal-penalty-decisions.xlsx';
    await xlsx.saveAs(xlsxPath);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['行政处罚决定书文号', '当事人类型', '处罚依据', '处罚机关']),
    );
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String).join('|')));
    const row = rows.find((line) => line.includes('江蓬应急罚〔2026〕901号'))!;
    expect(row).toContain('张**');
    expect(rows.join('\n')).not.toMatch(/张伟明|13800138000/);

    const [csv] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByTestId('open-data-penalty-decisions-csv').click(),
    ]);
    const csvPath = '/tmp/portal-penalty-decisions.csv';
    await csv.saveAs(csvPath);
    const bytes = fs.readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]!.split(',')).toContain('行政处罚决定书文号');
    expect(lines.some((line) => line.includes('江蓬应急罚〔2026〕901号') && line.includes('张**'))).toBe(
      true,
    );
    expect(lines.length).toBe(rows.length);
  });
});
