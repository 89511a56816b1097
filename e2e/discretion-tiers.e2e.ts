import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { screenShot } from './ui.ts';

const POLL = { timeout: 15_000, interval: 100 };

// Issue 15 item 2: the city's legal reviewer edits a violation's 从重 tier on the catalogue page (安全生产法
// 第九十四条第一款), marks it verified with its source, and the change history shows who changed what and why.
describe('discretion tiers: the legal reviewer edits a tier and the history keeps it (issue 15 item 2)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits the 从重 band of a violation, verified with its source, and shows the change in the history', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/penalty-catalog`);
    const violations = page.getByTestId('catalog-violations');
    await expect.poll(() => violations.innerText(), POLL).toContain('第九十四条第一款');
    const row = violations.locator('tr', { hasText: '第九十四条第一款' }).first();
    await row.locator('.ant-table-row-expand-icon').click();
    const panel = page.getByTestId('tiers-wsl_94_1');
    await expect.poll(() => panel.innerText(), POLL).toContain('尚无修改');
    expect(await panel.innerText()).toContain('待法制审核');

    await panel.getByTestId('tier-edit-heavier').click();
    const form = page.getByTestId('tier-edit-form');
    // antd's InputNumber puts the test id on its input or on its wrapper, by version
    const numberInput = (id: string) =>
      form.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
    await form.getByText('罚款幅度沿用按法定幅度拆分的暂定分档').click();
    await numberInput('tier-from').fill('50');
    await numberInput('tier-point').fill('70');
    await form
      .getByTestId('tier-source')
      .fill('江门市应急管理安全生产行政处罚自由裁量适用规则(暂行)（测试条目）');
    await form.getByTestId('tier-verified').click();
    await form.getByTestId('tier-reason').fill('按本市适用规则调整从重档');
    await page.getByRole('button', { name: '保存修改' }).click();

    const history = page.getByTestId('tier-history-wsl_94_1');
    await expect
      .poll(async () => (await history.count()) > 0 && history.innerText(), POLL)
      .toContain('按本市适用规则调整从重档');
    const text = await history.innerText();
    expect(text).toContain('从重处罚');
    expect(text).toContain('罚款幅度');
    expect(text).toContain('50%–100%（建议值 70%）');
    expect(text).toContain('已核实');
    // the neighbouring 一般 band's join follows, recorded with the edit; 从轻 does not move and is left as it was
    expect(text).toContain('一般');
    expect(text).not.toContain('从轻处罚');
    await expect.poll(() => panel.innerText(), POLL).toContain('梁敏 修改');
    await screenShot(page, 'tiers-01-edited');
    await page.close();
  });
});
