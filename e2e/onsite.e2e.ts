import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { baseUrl, launchBrowser, logIn } from './browser.ts';
import { apiAs, screenShot } from './ui.ts';
import {
  PHONE,
  POLL,
  attach,
  item,
  ok,
  openFinding,
  pendingOf,
  settled,
  visitUnderway,
} from './onsite-steps.ts';

// Issue 5 items 6, 7 and 10 on a phone (390×844): the officer answers the checklist, records findings with
// photos (one fixed on the spot, one major hidden danger with the 第六十五条 measure), the enterprise head
// signs; then, without network, the record waits on the phone, survives a reload, and syncs once.

type Form = {
  inspection: { stage: string; acknowledgement: { signed: boolean; signerName: string } | null };
  form: { sections: { items: { code: string }[] }[] };
  entries: { id: string; itemCode: string; outcome: string }[];
  findings: {
    status: string;
    majorHiddenDanger: boolean;
    photoIds: string[];
    fixProofIds: string[];
    emergencyMeasures: { kind: string }[];
    howToFix: string;
  }[];
  files: { id: string; kind: string }[];
};
// An inspection of the demo enterprise (蓬江区) taken through the public steps to 已亮码入企: planned (a complaint, so
// no cap applies), on-site plan approved by the department head, notice sent, the enterprise scans the code.
const checkedInInspection = async (offset: number): Promise<string> => {
  const inspector = await apiAs('pengjiang.inspector');
  try {
    return await visitUnderway(inspector, `12345-E2E-${offset}`);
  } finally {
    await inspector.dispose();
  }
};

const serverForm = async (id: string): Promise<Form> => {
  const inspector = await apiAs('pengjiang.inspector');
  try {
    return await ok<Form>(await inspector.get(`/api/v1/inspections/${id}/form`), 'form');
  } finally {
    await inspector.dispose();
  }
};

const openRecord = async (context: BrowserContext, id: string) => {
  const page = await context.newPage();
  await logIn(page, 'pengjiang.inspector');
  await page.goto(`${baseUrl()}/inspections/${id}/onsite`);
  await page.getByTestId('onsite-page').waitFor();
  return page;
};

describe('the on-site record on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('answers items, records two findings with photos (one fixed on the spot, one major with evacuation) and takes the signature', async () => {
    const id = await checkedInInspection(0);
    const context = await browser.newContext({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: 22.5791, longitude: 113.0815, accuracy: 8 },
    });
    const page = await openRecord(context, id);
    await expect.poll(() => page.getByTestId('onsite-team').innerText(), POLL).toContain('执法证');
    await screenShot(page, 'onsite-01-checklist');

    await item(page, 0).getByTestId('outcome-conforming').click();
    await item(page, 2).getByTestId('outcome-not_applicable').click();
    await expect.poll(() => item(page, 0).getAttribute('data-outcome'), POLL).toBe('conforming');

    // a finding fixed on the spot, with the catalogue's guidance read out to the enterprise head
    await openFinding(page, 1);
    const sheet = page.getByTestId('finding-sheet');
    expect(await sheet.getByTestId('finding-how-to-fix').innerText()).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(await sheet.getByTestId('finding-basis').innerText()).toContain('依据');
    await screenShot(page, 'onsite-02-finding-guidance');
    await sheet.getByTestId('finding-description').fill('安全生产责任制未张贴公示，部分岗位职责空缺');
    await attach(page, 'finding-photos', 'IMG_2031.jpg');
    await sheet.getByTestId('finding-photos-thumb').first().waitFor();
    await sheet.getByTestId('finding-body-camera').fill('DSJ-0931 10:31');
    await sheet.getByTestId('finding-fixed').click();
    await attach(page, 'finding-proofs', 'IMG_2032.jpg');
    await sheet.getByTestId('finding-fix-note').fill('企业当场补齐岗位职责并张贴公示');
    await expect.poll(() => sheet.getByTestId('finding-location').innerText(), POLL).toContain('22.579');
    await screenShot(page, 'onsite-03-finding-fixed-on-spot');
    await sheet.getByTestId('finding-save').click();
    await sheet.waitFor({ state: 'hidden' });

    // a major hidden danger with the 第六十五条 measure
    await openFinding(page, 3);
    await sheet.getByTestId('finding-description').fill('配电房堆放易燃杂物，灭火器过期');
    await attach(page, 'finding-photos', 'IMG_2040.jpg');
    await sheet.getByTestId('finding-major').click();
    await sheet.getByTestId('measure-evacuation').click();
    // issue 11 item 9: the third measure of 第六十五条第一款第（三）项
    await sheet.getByTestId('measure-stop_use').click();
    await sheet.getByTestId('measure-note').fill('撤出配电房周边作业人员 4 人，清理后复工');
    await sheet.getByTestId('finding-measures').scrollIntoViewIfNeeded();
    await screenShot(page, 'onsite-04-major-hidden-danger');
    await sheet.getByTestId('finding-save').click();
    await sheet.waitFor({ state: 'hidden' });

    await expect.poll(() => pendingOf(page), POLL).toBe('0');
    await expect.poll(() => page.getByTestId('sync-status').innerText(), POLL).toContain('已全部同步');
    await expect.poll(() => page.getByTestId('finding').count(), POLL).toBe(2);
    await expect.poll(() => page.getByTestId('unsynced').count(), POLL).toBe(0);
    await settled(page);
    await screenShot(page, 'onsite-05-synced');

    // the enterprise head signs on the phone
    const ack = page.getByTestId('acknowledgement');
    await ack.scrollIntoViewIfNeeded();
    await ack.getByTestId('ack-signer').fill('李国华');
    await ack.getByTestId('ack-position').fill('安全生产管理部经理');
    const pad = ack.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (const [dx, dy] of [
      [60, -70],
      [110, -20],
      [160, -90],
      [230, -30],
      [300, -80],
    ] as const)
      await page.mouse.move(box.x + dx, box.y + 120 + dy, { steps: 6 });
    await page.mouse.up();
    await screenShot(page, 'onsite-06-signature');
    await ack.getByTestId('ack-save').click();
    await expect.poll(() => ack.getByTestId('ack-recorded').getAttribute('data-signed'), POLL).toBe('true');
    await expect.poll(() => pendingOf(page), POLL).toBe('0');
    await settled(page);
    await screenShot(page, 'onsite-07-signed');

    const form = await serverForm(id);
    expect(form.inspection.stage).toBe('findings_recorded');
    expect(form.inspection.acknowledgement).toMatchObject({
      signed: true,
      signerName: '李国华',
      signerPosition: '安全生产管理部经理',
    });
    expect(form.entries.map((entry) => entry.outcome).sort()).toEqual([
      'conforming',
      'finding',
      'finding',
      'not_applicable',
    ]);
    expect(form.findings.map((finding) => finding.status).sort()).toEqual(['fixed_on_spot', 'open']);
    const major = form.findings.find((finding) => finding.majorHiddenDanger)!;
    expect(major.emergencyMeasures.map((measure) => measure.kind)).toEqual(['evacuation', 'stop_use']);
    expect(
      form.findings.every((finding) => finding.howToFix.length > 0 && finding.photoIds.length === 1),
    ).toBe(true);
    expect(form.files.map((file) => file.kind).sort()).toEqual(['photo', 'photo', 'proof', 'signature']);
    await context.close();
  });

  it('keeps what is recorded without network, through a reload, and syncs it once when back online', async () => {
    const id = await checkedInInspection(1);
    const context = await browser.newContext(PHONE);
    const page = await openRecord(context, id);
    // the service worker has the app and every asset this page loaded, for a reload without network
    await page.waitForFunction(
      async () => {
        if (!navigator.serviceWorker.controller) return false;
        const cache = await caches.open('inspecta-shell-v1');
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.includes('/assets/'));
        const kept = await Promise.all(assets.map((asset) => cache.match(asset)));
        return kept.every(Boolean);
      },
      undefined,
      { timeout: 20_000, polling: 250 },
    );

    await context.setOffline(true);
    await item(page, 0).getByTestId('outcome-conforming').click();
    await item(page, 1).getByTestId('outcome-not_applicable').click();
    const sheet = page.getByTestId('finding-sheet');
    await openFinding(page, 2);
    await sheet.getByTestId('finding-description').fill('应急预案未组织演练，无演练记录');
    await attach(page, 'finding-photos', 'IMG_3001.jpg');
    await sheet.getByTestId('finding-photos-thumb').first().waitFor();
    await sheet.getByTestId('finding-save').click();
    await sheet.waitFor({ state: 'hidden' });
    // three entries, one finding, one photo
    await expect.poll(() => pendingOf(page), POLL).toBe('5');
    expect(await page.getByTestId('sync-status').innerText()).toContain('待同步 5 项');
    expect(await page.getByTestId('unsynced').count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId('onsite-offline').waitFor();
    await settled(page);
    await screenShot(page, 'onsite-08-offline-pending');

    // the phone reloads the page with no network: the app comes from the service worker, the record from IndexedDB
    await page.reload();
    await page.getByTestId('onsite-page').waitFor();
    await expect.poll(() => pendingOf(page), POLL).toBe('5');
    await expect.poll(() => item(page, 2).getAttribute('data-outcome'), POLL).toBe('finding');
    await screenShot(page, 'onsite-09-offline-reloaded');
    expect((await serverForm(id)).entries).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => pendingOf(page), POLL).toBe('0');
    await expect.poll(() => page.getByTestId('sync-status').innerText(), POLL).toContain('已全部同步');
    await screenShot(page, 'onsite-10-back-online');

    const form = await serverForm(id);
    expect(form.entries).toHaveLength(3);
    expect(new Set(form.entries.map((entry) => entry.id)).size).toBe(3);
    expect(form.findings).toHaveLength(1);
    expect(form.files).toHaveLength(1);
    expect(form.findings[0]!.photoIds).toEqual([form.files[0]!.id]);
    await context.close();
  });
});
