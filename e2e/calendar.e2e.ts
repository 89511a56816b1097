import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { pageShot, todayInBeijing } from './ui.ts';

// issue 11 item 12: next year's holidays are not in the built-in calendar; a city legal reviewer enters them
// from the State Council's notice, and the page stops showing the year as pending.
describe('the holiday calendar year by year', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(() => browser?.close());

  it('a city legal reviewer enters next year’s holidays from the State Council’s notice', async () => {
    const next = Number(todayInBeijing().slice(0, 4)) + 1;
    await logIn(page, 'city.reviewer');
    await page.goto(`${baseUrl()}/calendar/holidays`);
    const pending = page.getByTestId('calendar-pending');
    await pending.waitFor();
    expect(await pending.innerText()).toContain(`${next} 年节假日安排待国务院公布`);
    await pageShot(page, 'calendar-01-pending');

    const entry = page.getByTestId('calendar-entry');
    await entry.getByTestId('calendar-year').fill(String(next));
    await entry.getByTestId('calendar-notice').fill(`国办发明电〔${next - 1}〕12号`);
    await entry.getByTestId('calendar-holidays').fill(`${next}-01-01\n${next}-02-06~${next}-02-11`);
    // a make-up workday on a weekday is refused with the reason
    await entry.getByTestId('calendar-make-up').fill(`${next}-02-12`);
    await entry.getByTestId('calendar-submit').click();
    await page.getByTestId('calendar-error').filter({ hasText: '周六或周日' }).waitFor();
    // the nearest Saturday on or after 13 February of that year
    const saturday = new Date(Date.UTC(next, 1, 13));
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7));
    await entry.getByTestId('calendar-make-up').fill(saturday.toISOString().slice(0, 10));
    await entry.getByTestId('calendar-submit').click();

    await pending.waitFor({ state: 'detached' });
    const row = page
      .getByTestId('calendar-table')
      .locator('tr', { hasText: `国办发明电〔${next - 1}〕12号` });
    await row.waitFor();
    expect(await row.innerText()).toContain(String(next));
    expect(await row.innerText()).toContain('法制审核人员依国务院办公厅通知录入');
    await pageShot(page, 'calendar-02-entered');
  });
});
