import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { apiAs, clickUntil, declareSeparate, jsonOf, serverNow, todayInBeijing } from './ui.ts';

// What an officer does on the phone record page (web/src/features/onsite), shared by the scenarios.

export const POLL = { timeout: 20_000, interval: 150 };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  locale: 'zh-CN',
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
export const photo = fs.readFileSync(
  path.resolve(import.meta.dirname, '../server/test/fixtures/site-photo.jpg'),
);

export const item = (page: Page, index: number) => page.getByTestId('onsite-item').nth(index);
// Taps 找到问题 on an item until its finding sheet is open (twice in CI a single tap left no sheet within 30 s).
export const openFinding = (page: Page, index: number) =>
  clickUntil(
    item(page, index).getByTestId('outcome-finding'),
    page.getByTestId('finding-sheet').getByTestId('finding-description'),
  );
export const pendingOf = (page: Page) => page.getByTestId('sync-status').getAttribute('data-pending');
export const attach = (page: Page, testId: string, name: string) =>
  page.getByTestId(testId).setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });

// the toast after a save fades out before a picture is taken
export const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, {
    timeout: 10_000,
    polling: 200,
  });

// A finding on the item at `index`, with a photo; fixed on the spot with a proof photo when `fixNote` is given.
export const recordFinding = async (page: Page, index: number, description: string, fixNote?: string) => {
  await openFinding(page, index);
  const sheet = page.getByTestId('finding-sheet');
  await sheet.getByTestId('finding-description').fill(description);
  await attach(page, 'finding-photos', `IMG_${index}.jpg`);
  await sheet.getByTestId('finding-photos-thumb').first().waitFor();
  if (fixNote) {
    await sheet.getByTestId('finding-fixed').click();
    await attach(page, 'finding-proofs', `IMG_${index}_fixed.jpg`);
    await sheet.getByTestId('finding-fix-note').fill(fixNote);
  }
  await sheet.getByTestId('finding-save').click();
  await sheet.waitFor({ state: 'hidden' });
};

// The enterprise head signs on the signature pad.
export const sign = async (page: Page, signer: string) => {
  const ack = page.getByTestId('acknowledgement');
  await ack.scrollIntoViewIfNeeded();
  await ack.getByTestId('ack-signer').fill(signer);
  const box = (await ack.getByTestId('signature-pad').boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 120);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, -70],
    [110, -20],
    [160, -90],
    [230, -30],
    [300, -80],
  ] as const) {
    await page.mouse.move(box.x + dx, box.y + 120 + dy, { steps: 6 });
  }
  await page.mouse.up();
  await ack.getByTestId('ack-save').click();
  await expect.poll(() => ack.getByTestId('ack-recorded').getAttribute('data-signed'), POLL).toBe('true');
};

type Officer = { certificates: { number: string; statusToday: string }[]; mayInspectToday: { ok: boolean } };

export const ok = async <T>(
  response: Awaited<ReturnType<APIRequestContext['get']>>,
  what: string,
): Promise<T> => {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return jsonOf<T>(response);
};

// Two certificates of 蓬江区's officers who may inspect today (the server's clock), for an on-site plan's team.
export const certifiedTeam = async (inspector: APIRequestContext): Promise<string[]> => {
  const officers = await ok<{ items: Officer[] }>(
    await inspector.get('/api/v1/officers?territory=440703&pageSize=50&onRoster=true'),
    'officers',
  );
  return officers.items
    .filter((officer) => officer.mayInspectToday.ok)
    .flatMap((officer) => officer.certificates.filter((c) => c.statusToday === 'valid').map((c) => c.number))
    .slice(0, 2);
};

// A targeted inspection of the demo enterprise (the one enterprise with an account: only its own account
// registers the arrival), planned for today by the server's clock on a complaint (so no cap applies), declared
// separate from every other open inspection, its on-site plan drafted and submitted to the department head.
export const planSubmitted = async (
  inspector: APIRequestContext,
  triggerReference: string,
): Promise<{ id: string; enterpriseId: string }> => {
  const enterprise = await apiAs('enterprise.demo');
  try {
    const { user: me } = await ok<{ user: { enterpriseId: string } }>(
      await enterprise.get('/api/v1/auth/me'),
      'me',
    );
    const planned = await ok<{ inspection: { id: string } }>(
      await inspector.post('/api/v1/inspections', {
        data: {
          enterpriseId: me.enterpriseId,
          plannedOn: todayInBeijing(),
          kind: 'targeted',
          matters: ['work_safety_general'],
          trigger: 'complaint_or_report',
          triggerReference,
        },
      }),
      'plan inspection',
    );
    const id = planned.inspection.id;
    await declareSeparate(inspector, me.enterpriseId, id);
    await ok(
      await inspector.post(`/api/v1/inspections/${id}/onsite-plan`, {
        data: { officers: await certifiedTeam(inspector), scheduledAt: serverNow().toISOString() },
      }),
      'draft plan',
    );
    await ok(await inspector.post(`/api/v1/inspections/${id}/onsite-plan/submit`, { data: {} }), 'submit');
    return { id, enterpriseId: me.enterpriseId };
  } finally {
    await enterprise.dispose();
  }
};

// planSubmitted, then the plan approved by the department head, the enterprise notified and the team arrived.
// Returns the inspection's id.
export const visitUnderway = async (
  inspector: APIRequestContext,
  triggerReference: string,
): Promise<string> => {
  const head = await apiAs('pengjiang.head');
  const enterprise = await apiAs('enterprise.demo');
  try {
    const { id } = await planSubmitted(inspector, triggerReference);
    await ok(
      await head.post(`/api/v1/inspections/${id}/onsite-plan/decision`, {
        data: { approve: true, comment: '同意' },
      }),
      'approve plan',
    );
    await ok(await inspector.post(`/api/v1/inspections/${id}/notify`, { data: {} }), 'notify');
    const { token } = await ok<{ token: string }>(
      await inspector.get(`/api/v1/inspections/${id}/checkin-code`),
      'check-in code',
    );
    await ok(
      await enterprise.post(`/api/v1/public/checkin/${token}/arrive`, {
        data: { location: { latitude: 22.58, longitude: 113.08, accuracy: 15 } },
      }),
      'arrive',
    );
    return id;
  } finally {
    await Promise.all([head.dispose(), enterprise.dispose()]);
  }
};
