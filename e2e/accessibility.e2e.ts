import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, jsonOf } from './ui.ts';

// Issue 14 item 7: axe-core (injected into the page) on the pages officers, enterprises and the public use:
// no critical or serious violation, one h1 and a title of the page's own on each.

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { data?: { fgColor?: string; bgColor?: string } | null }[] }[];
};

const audit = async (page: Page) => {
  // A button that has just been enabled fades from its disabled grey over 0.2 s: axe must read the colours a
  // reader sees once the page is still, not a frame of the fade.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const violations = (result as { violations: Violation[] }).violations;
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => {
      const first = v.nodes[0];
      const colours = first?.any[0]?.data?.fgColor
        ? ` ${first.any[0].data.fgColor} on ${first.any[0].data.bgColor}`
        : '';
      return `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${first?.target.join(' ')}${colours})`;
    });
};

describe('accessibility: axe-core on the pages everyone uses (issue 14 item 7)', () => {
  let browser: Browser;
  let inspectionId = '';
  let drawId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    const inspector = await apiAs('pengjiang.inspector');
    inspectionId = (
      await jsonOf<{ items: { id: string }[] }>(await inspector.get('/api/v1/inspections?pageSize=1'))
    ).items[0]!.id;
    await inspector.dispose();
    const reviewer = await apiAs('pengjiang.reviewer');
    const draws = await jsonOf<{ items: { id: string }[] }>(await reviewer.get('/api/v1/public/draws'));
    await reviewer.dispose();
    drawId = draws.items[0]?.id ?? '';
  });
  afterAll(() => browser?.close());

  const pages: { name: string; path: () => string; user?: string; ready: string }[] = [
    { name: 'login', path: () => '/login', ready: '[data-testid="login-form"]' },
    { name: 'home', path: () => '/', user: 'pengjiang.inspector', ready: 'h1' },
    { name: 'enterprise list', path: () => '/enterprises', user: 'pengjiang.inspector', ready: 'table' },
    {
      name: 'inspection page',
      path: () => `/inspections/${inspectionId}`,
      user: 'pengjiang.inspector',
      ready: '[data-testid="inspection-stage"]',
    },
    {
      name: 'on-site page',
      path: () => `/inspections/${inspectionId}/onsite`,
      user: 'pengjiang.inspector',
      ready: 'h1',
    },
    { name: 'public draws', path: () => (drawId ? `/public/draws/${drawId}` : '/public/draws'), ready: 'h1' },
    { name: 'public check-in', path: () => '/public/checkin/not-a-valid-code', ready: 'h1' },
  ];

  it.each(pages.map((p) => [p.name, p] as const))(
    '%s: no critical or serious violation, one h1, a title of its own',
    async (_name, target) => {
      // axe is injected as a script: the page's CSP (script-src 'self') would refuse it
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      if (target.user) await logIn(page, target.user);
      await page.goto(`${baseUrl()}${target.path()}`);
      await page.locator(target.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      expect(await audit(page)).toEqual([]);
      expect(await page.locator('h1').count()).toBe(1);
      const title = await page.title();
      expect(title).not.toBe('涉企行政检查规范化平台');
      expect(title).toContain('涉企行政检查规范化平台');
      await context.close();
    },
  );
});
