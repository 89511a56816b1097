import fs from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext, type APIResponse, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, screenshotDir } from './browser.ts';

// Shared steps for the scenarios: pickers as a user works them, screenshots, and an API client for setup.

const POLL = { timeout: 15_000, interval: 100 };

// Waits until no popup of this kind is on screen (they fade out after a choice).
const noneOpen = (page: Page, popup: string) =>
  expect.poll(() => page.locator(`${popup}:visible`).count(), POLL).toBe(0);

// The whole page: the viewport grows to the page's height for the picture, so the side menu and
// sticky header stand as on a tall screen (a full-page capture leaves them at one screen's height).
export const pageShot = async (page: Page, name: string): Promise<void> => {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (!viewport || height <= viewport.height) return screenShot(page, name);
  await page.setViewportSize({ width: viewport.width, height });
  try {
    // the side menu follows the new height with a short transition
    await page.waitForFunction(() => {
      const side = document.querySelector('.ant-layout-sider');
      return !side || Math.abs(side.getBoundingClientRect().height - window.innerHeight) < 1;
    });
    await screenShot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
};

// What is on screen: an open drawer or modal covers the viewport, not the whole page.
export const screenShot = async (page: Page, name: string): Promise<void> => {
  // let opening modals and drawers finish their motion (spinners run forever and do not count)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
};

// Chooses an option of an antd Select by its exact label, typing it first when the select searches.
// Options carry their label as title; typing also brings an option of a long list into view.
export const choose = async (
  page: Page,
  select: Locator,
  label: string,
  options: { search?: boolean } = {},
) => {
  // On a loaded machine the first click can land while a modal is still animating in, or the option's
  // click while the dropdown is: then the choice is tried again, as a user would, until it shows.
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && (await select.textContent())?.includes(label)) break;
    if (!(await option.isVisible())) await select.click();
    if (options.search) await select.locator('input').fill(label);
    // the list is virtual: an option far from the chosen one is not rendered until the list moves to it,
    // as it does for a user going down with the arrow key
    for (let steps = 0; steps < 40 && (await option.count()) === 0; steps++) {
      await page.keyboard.press('ArrowDown');
    }
    try {
      await option.click({ timeout: 5_000 });
      await expect.poll(() => select.textContent(), { timeout: 3_000, interval: 100 }).toContain(label);
      break;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  // a single select closes on choosing; a multiple one stays open for the next choice
  const multiple = (await select.getAttribute('class'))?.includes('ant-select-multiple') ?? false;
  if (!multiple) await noneOpen(page, '.ant-select-dropdown');
};

// The antd Select of a form field (a Form.Item gives the field's input its name as id).
export const fieldSelect = (form: Locator, fieldId: string): Locator =>
  form.locator('.ant-select', { has: form.page().locator(`#${fieldId}`) });

// Types a date into an antd DatePicker, as a user with a keyboard does. A DatePicker hands its
// data-testid to its input; a picker found otherwise holds the input.
export const typeDate = async (picker: Locator, date: string) => {
  const input = (await picker.evaluate((element) => element.tagName === 'INPUT'))
    ? picker
    : picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await noneOpen(input.page(), '.ant-picker-dropdown');
  await expect.poll(() => input.inputValue(), POLL).toBe(date);
};

// Types both ends of an antd RangePicker, then clicks `away` to close its calendar.
export const typeRange = async (picker: Locator, from: string, to: string, away: Locator) => {
  const start = picker.locator('input').nth(0);
  const end = picker.locator('input').nth(1);
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  await end.fill(to);
  await end.press('Enter');
  await away.click();
  await noneOpen(picker.page(), '.ant-picker-dropdown');
  await expect.poll(async () => [await start.inputValue(), await end.inputValue()], POLL).toEqual([from, to]);
};

// Waits until every row of a table shows `text` (a filter has been applied and its answer drawn).
export const waitForEveryRow = async (rows: Locator, text: string) => {
  await rows.first().waitFor();
  await expect.poll(() => rows.filter({ hasNotText: text }).count(), POLL).toBe(0);
};

// Today in Beijing, the day the server judges "today" by.
export const todayInBeijing = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

// An API client signed in as a demo user, for setup a scenario needs. Each call is one login: the
// server allows 20 login attempts per IP in 5 minutes, and the whole suite logs in from 127.0.0.1.
export const apiAs = async (username: string, password = 'Inspecta@2026'): Promise<APIRequestContext> => {
  const context = await request.newContext({ baseURL: baseUrl() });
  const login = await context.post('/api/v1/auth/login', { data: { username, password } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  return context;
};

export const jsonOf = async <T>(response: APIResponse): Promise<T> => {
  if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
};
