import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
  await item(page, index).getByTestId('outcome-finding').click();
  const sheet = page.getByTestId('finding-sheet');
  await sheet.waitFor();
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
