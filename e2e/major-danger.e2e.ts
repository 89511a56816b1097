import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { POLL, ok, photo, visitUnderway } from './onsite-steps.ts';
import { apiAs, screenShot, serverNow } from './ui.ts';

// Issue 11 items 8 and 9 (measures 14, 15): a major hidden danger found on a visit and fixed on the spot. Its
// emergency measure is a numbered 现场处理措施决定书; the inspection cannot close until the legal reviewer settles
// its 移交立案审查 on the 移交立案审查 page; then it closes.

describe('a major hidden danger goes to the legal reviewer before the inspection closes', () => {
  let browser: Browser;
  let id: string;
  let inspector: APIRequestContext;
  const description = '粉尘涉爆车间除尘器采用正压吹送且未设火花探测';

  beforeAll(async () => {
    browser = await launchBrowser();
    inspector = await apiAs('pengjiang.inspector');
    id = await visitUnderway(inspector, '12345-MAJOR-1');
  });
  afterAll(async () => {
    await inspector?.dispose();
    await browser?.close();
  });

  it('issues the measure as a numbered decision and refers the danger when the record is concluded', async () => {
    const form = await ok<{ form: { sections: { items: { code: string }[] }[] } }>(
      await inspector.get(`/api/v1/inspections/${id}/form`),
      'form',
    );
    const itemCode = form.form.sections[0]!.items[0]!.code;
    const proofId = randomUUID();
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/files`, {
        multipart: {
          id: proofId,
          kind: 'proof',
          file: { name: 'fix.jpg', mimeType: 'image/jpeg', buffer: photo },
        },
      }),
      'upload proof',
    );
    const findingId = randomUUID();
    const now = serverNow().toISOString();
    const synced = await ok<{ decision: { number: string } }>(
      await inspector.post(`/api/v1/inspections/${id}/sync`, {
        data: {
          entries: [],
          findings: [
            {
              id: findingId,
              itemCode,
              description,
              majorHiddenDanger: true,
              photoIds: [],
              bodyCameraRefs: [],
              recordedAt: now,
              fixedOnSpot: { proofIds: [proofId], note: '当场停用并改为负压除尘' },
            },
          ],
          emergencyMeasures: [{ findingId, kind: 'stop_use', note: '停止使用 1 号除尘器', decidedAt: now }],
        },
      }),
      'sync',
    );
    expect(synced.decision.number).toMatch(/^（蓬江）应急现决〔\d{4}〕\d+号$/);
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/acknowledgement`, {
        data: {
          signed: false,
          signerName: '黄志强',
          signerPosition: '生产副总经理',
          refusalNote: '拒绝签字，两名执法人员见证',
        },
      }),
      'acknowledgement',
    );
    await ok(await inspector.post(`/api/v1/inspections/${id}/conclude`, { data: {} }), 'conclude');
    const closing = await inspector.post(`/api/v1/inspections/${id}/close`, { data: {} });
    expect(closing.status()).toBe(422);
    expect(((await closing.json()) as { code: string }).code).toBe('CLOSE_CASE_REFERRAL_OPEN');
  });

  it('the legal reviewer opens a case on the 移交立案审查 page, and then the inspection closes', async () => {
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.reviewer');
    await page.goto(`${baseUrl()}/case-referrals`);
    const row = page.getByTestId('referral-table').locator('tbody tr', { hasText: description });
    await row.waitFor(POLL);
    expect(await row.getByTestId('referral-status').innerText()).toContain('待法制审核');
    await screenShot(page, 'referral-01-open');
    await row.getByTestId('referral-decide').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('referral-case-reference').fill('（蓬江）应急立〔2026〕8号');
    await screenShot(page, 'referral-02-decide');
    await dialog.getByTestId('referral-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    // settled items leave the open view; the full list shows the case
    await page.goto(`${baseUrl()}/case-referrals?view=all`);
    const settledRow = page.getByTestId('referral-table').locator('tbody tr', { hasText: description });
    await expect.poll(() => settledRow.getByTestId('referral-status').innerText(), POLL).toContain('已立案');
    expect(await settledRow.innerText()).toContain('（蓬江）应急立〔2026〕8号');
    await screenShot(page, 'referral-03-settled');
    await page.context().close();

    await ok(await inspector.post(`/api/v1/inspections/${id}/close`, { data: {} }), 'close');
  });

  // 安全生产法 第六十五条第一款第（三）项: the danger was fixed on the spot; the unit head records the review that lets
  // the equipment be used again, and the measure shows as lifted
  it('the unit head records the review that lifts the emergency measure', async () => {
    const page = await (
      await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await logIn(page, 'pengjiang.unithead');
    await page.goto(`${baseUrl()}/inspections/${id}`);
    const finding = page.getByTestId('resumption-finding').filter({ hasText: description });
    await expect.poll(() => finding.getAttribute('data-state'), POLL).toBe('in_force');
    await finding.getByTestId('resumption-open').click();
    await page.getByTestId('resumption-note').fill('现场复核：1 号除尘器已改为负压除尘，经审查同意恢复使用');
    await page.getByTestId('resumption-confirm').click();
    await expect.poll(() => finding.getAttribute('data-state'), POLL).toBe('resumed');
    expect(await finding.innerText()).toContain('审查同意恢复');
    await screenShot(page, 'resumption-01-lifted');
    await page.context().close();
  });
});
