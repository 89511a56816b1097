import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { monthlyPlanDueDates } from '@inspecta/domain';
import { launchBrowser, logIn, screenshot } from './browser.ts';
import { todayInBeijing } from './ui.ts';

// The server reminds at start-up and every morning; whether a reminder is due depends on the server's day
// (E2E_CLOCK), so the expectation is computed from the same calendar rule.
const shanghaiToday = todayInBeijing;

describe('in-app reminders', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(() => browser?.close());

  it('shows a county unit head the reminder for next month’s plan when it is due, under the bell', async () => {
    const today = shanghaiToday();
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const due = monthlyPlanDueDates(next);
    await logIn(page, 'pengjiang.unithead');
    await page.getByTestId('notification-bell').click();
    const list = page.getByTestId('notification-list');
    await list.waitFor();
    // Other reminders (the demo story's overdue orders, for one) may be under the same bell: the test reads the
    // plan reminder's own words, not whether the list is empty.
    const planReminder = `${next.year} 年 ${next.month} 月工作计划`;
    if (due.ok && today >= due.reminderOn) {
      await list.getByTestId('notification-item').filter({ hasText: planReminder }).first().waitFor();
      expect(await list.textContent()).toContain(due.deadline);
    } else {
      expect(await list.textContent()).not.toContain(planReminder);
    }
    await screenshot(page, 'notifications-01-bell');
  });
});
