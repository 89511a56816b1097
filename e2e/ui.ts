import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext, type APIResponse, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
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

// Clicks `target` until `shown` is visible, as a user clicks again when nothing happened: on a loaded 2-core
// machine a click can land while a modal or sheet is still moving in, and is lost (CI once clicked a modal's OK
// button with an empty reason and never saw the message that asks for one).
export const clickUntil = async (target: Locator, shown: Locator | (() => boolean)) => {
  await expect
    .poll(
      async () => {
        if (typeof shown === 'function' ? shown() : await shown.isVisible()) return true;
        await target.click();
        return false;
      },
      { timeout: 45_000, interval: 3_000 },
    )
    .toBe(true);
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
// The option the keyboard is on: antd's select points its input's aria-activedescendant at a role=option
// element of its accessible listbox, labelled with the option's label.
const activeOption = (input: Locator): Promise<string | null> =>
  input.evaluate((element) => {
    const id = element.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option?.getAttribute('role') === 'option' ? option.getAttribute('aria-label') : null;
  });

// Chooses by keyboard, as a user with a keyboard does, so no click can land on a list still animating in
// (issue 11 item 13: a loaded 2-core machine): focus the select's input, type to search where the select
// allows it, go down with the arrow key until the listbox's active option is `label`, press Enter.
export const choose = async (
  page: Page,
  select: Locator,
  label: string,
  // true types the label; a string types that (a part of the label the select searches by)
  options: { search?: boolean | string } = {},
) => {
  const input = select.locator('input').first();
  const multiple = (await select.getAttribute('class'))?.includes('ant-select-multiple') ?? false;
  for (let attempt = 1; ; attempt++) {
    if (multiple && (await select.textContent())?.includes(label)) break;
    await input.focus();
    if (options.search) await input.fill(options.search === true ? label : options.search);
    // the first arrow opens the list; each next one moves down (the list wraps round at its end)
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('listbox').count(), POLL).toBeGreaterThan(0);
    for (let steps = 0; steps < 80 && (await activeOption(input)) !== label; steps++) {
      await page.keyboard.press('ArrowDown');
    }
    if ((await activeOption(input)) === label) {
      await page.keyboard.press('Enter');
      try {
        await expect.poll(() => select.textContent(), { timeout: 3_000, interval: 100 }).toContain(label);
        break;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    } else if (attempt === 4) {
      throw new Error(`选项“${label}”不在下拉列表中`);
    }
  }
  // a single select closes on choosing; a multiple one stays open for the next choice
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
// The server's clock (E2E_CLOCK, see global-setup.ts), never the machine's.
export const serverNow = (): Date => new Date(Date.now() + inject('clockOffsetMs'));

export const todayInBeijing = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(serverNow());

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

// Several scenarios plan inspections of the one demo enterprise that has an account (only an enterprise's own
// account registers the arrival): measure 8 asks to merge inspections of one enterprise in one period or say
// why not, so a new one is declared separate from the others still open.
export const declareSeparate = async (api: APIRequestContext, enterpriseId: string, id: string) => {
  const others = await jsonOf<{ items: { id: string; status: string }[] }>(
    await api.get(`/api/v1/inspections?enterpriseId=${enterpriseId}&pageSize=100`),
  );
  // an inspection still to be done has the status 'planned', whatever its stage (a concluded one is completed)
  const open = others.items.filter((row) => row.id !== id && row.status === 'planned');
  if (open.length === 0) return;
  await jsonOf(
    await api.post('/api/v1/inspections/merge/decline', {
      data: { inspectionIds: [id, ...open.map((row) => row.id)], reason: '演示场景分别检查，不合并' },
    }),
  );
};

// A monitoring source's request signature, as a real source computes it (HMAC-SHA256 over method, path,
// timestamp and the body's digest; see docs/operations.md).
export const signSourceRequest = (key: string, path: string, timestamp: string, body: string): string =>
  createHmac('sha256', key)
    .update(['POST', path, timestamp, createHash('sha256').update(body).digest('hex')].join('\n'))
    .digest('hex');

// A monitoring source pushes one alarm to the single-alarm endpoint, signed with its key at the server's time.
export const sendSignedAlarm = async (
  api: APIRequestContext,
  source: { id: string; signingKey: string },
  alarm: Record<string, unknown>,
): Promise<APIResponse> => {
  const path = '/api/v1/monitoring/ingest/alarms';
  const body = JSON.stringify(alarm);
  const timestamp = String(Math.floor(serverNow().getTime() / 1000));
  return api.post(path, {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-inspecta-source': source.id,
      'x-inspecta-timestamp': timestamp,
      'x-inspecta-signature': signSourceRequest(source.signingKey, path, timestamp, body),
    },
  });
};
