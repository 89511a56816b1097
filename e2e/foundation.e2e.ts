import ExcelJS from 'exceljs';
import { makeCreditCode } from '@inspecta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn, screenshot } from './browser.ts';
import { apiSession } from './api.ts';

type Enterprise = { id: string; name: string; creditCode: string };

describe('foundation: a county inspector in the registry', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(() => browser?.close());

  it('logs in, searches an enterprise and opens it', async () => {
    await page.goto(`${baseUrl()}/login`);
    // the sign-in page is its own chunk, loaded after the shell
    await page.getByTestId('login-form').waitFor();
    await screenshot(page, '01-login');
    await logIn(page, 'pengjiang.inspector');
    await page.goto(`${baseUrl()}/enterprises`);
    await page.getByTestId('enterprise-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, '02-enterprise-list');
    const search = page.getByTestId('enterprise-search');
    await search.locator('input').first().fill('华美五金');
    await search.locator('input').first().press('Enter');
    const row = page
      .getByTestId('enterprise-table')
      .locator('tbody tr.ant-table-row', { hasText: '江门市蓬江区华美五金制品有限公司' });
    await row.waitFor();
    await screenshot(page, '03-enterprise-search');
    await row.getByRole('link').first().click();
    await page.getByTestId('enterprise-descriptions').waitFor();
    expect(await page.getByTestId('enterprise-name').textContent()).toContain('华美五金制品');
    await page.getByTestId('grade-class').waitFor();
    expect(await page.getByTestId('grade-reasons').textContent()).toContain('粉尘涉爆');
    await screenshot(page, '04-enterprise-detail');
  });

  it('shows the not-found page for another county’s enterprise', async () => {
    const city = await apiSession('city.inspector');
    const xinhui = await city.get<{ items: Enterprise[] }>('/api/v1/enterprises?territory=440705&pageSize=1');
    await page.goto(`${baseUrl()}/enterprises/${xinhui.items[0]!.id}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.content()).not.toContain(xinhui.items[0]!.name);
    await screenshot(page, '05-other-county-not-found');
  });

  it('imports a workbook with one bad row and sees that row’s error, with nothing imported', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('企业');
    sheet.addRow([
      '统一社会信用代码',
      '企业名称',
      '地址',
      '属地',
      '行业',
      '规模',
      '从业人数',
      '涉粉作业人数',
      '液氨制冷',
      '深井铸造',
      '法定代表人',
      '联系电话',
    ]);
    sheet.addRow([
      makeCreditCode('91440703MA4NE2E01'),
      '江门市端到端甲有限公司',
      '江门市蓬江区测试路2号',
      '蓬江区',
      '机械',
      '小型',
      12,
      0,
      '否',
      '否',
      '陈伟',
      '0750-1234567',
    ]);
    sheet.addRow([
      '91440703MA4NE2E02X',
      '江门市端到端乙有限公司',
      '江门市蓬江区测试路3号',
      '蓬江区',
      '机械',
      '小型',
      12,
      0,
      '否',
      '否',
      '陈伟',
      '0750-1234567',
    ]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    await page.goto(`${baseUrl()}/enterprises/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: '企业导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('3');
    expect(text).toContain('统一社会信用代码');
    await screenshot(page, '06-import-row-error');
    const pengjiang = await apiSession('pengjiang.inspector');
    const found = await pengjiang.get<{ total: number }>(
      `/api/v1/enterprises?q=${encodeURIComponent('端到端')}`,
    );
    expect(found.total).toBe(0);
  });
});
