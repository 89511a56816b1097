import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { checkZip, readZipDirectory } from '../../platform/documents/zip-guard.ts';
import { ImportGate, importGate, importLimits, precheckWorkbook } from './import-file.ts';
import { importColumns, maxImportRows } from './xlsx.ts';

// issue 12 item 4: spreadsheets that cannot sink the server.

const workbook = async (rows: number): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow(importColumns.map((c) => c.header));
  for (let i = 0; i < rows; i += 1) sheet.addRow([`代码${i}`]);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const sheetPath = 'xl/worksheets/sheet1.xml';

// Rewrites the first worksheet's XML inside a workbook.
const withSheet = async (file: Buffer, rewrite: (xml: string) => string): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file(sheetPath)!.async('string');
  zip.file(sheetPath, rewrite(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

// A sheet of `megabytes` of spaces inside <sheetData>: XML a parser would have to inflate and read whole.
const bomb = (megabytes: number) => async (file: Buffer) =>
  withSheet(file, (xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(megabytes * 1024 * 1024)}`));

// Makes the zip's directory and local headers understate the first worksheet's inflated size.
const understate = (file: Buffer, claimed: number): Buffer => {
  const out = Buffer.from(file);
  const entry = readZipDirectory(out)!.find((e) => e.name === sheetPath)!;
  out.writeUInt32LE(claimed, entry.localHeaderOffset + 22);
  for (let at = 0; at < out.length - 4; at += 1) {
    if (out.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === sheetPath)
      out.writeUInt32LE(claimed, at + 24);
  }
  return out;
};

const multipart = (file: Buffer) => {
  const boundary = '----inspecta-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enterprises.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

describe('the zip directory check', () => {
  it('reads what a workbook claims and passes an ordinary one', async () => {
    const file = await workbook(3);
    const entries = readZipDirectory(file)!;
    expect(entries.map((e) => e.name)).toContain(sheetPath);
    expect(checkZip(file, importLimits)).toMatchObject({ ok: true });
    expect(() => precheckWorkbook(file)).not.toThrow();
  });

  it('refuses a zip bomb from its directory alone, before anything is inflated', async () => {
    const file = await bomb(20)(await workbook(1));
    expect(file.length).toBeLessThan(1024 * 1024);
    expect(checkZip(file, importLimits)).toMatchObject({ ok: false, reason: 'ratio', entry: sheetPath });
    expect(() => precheckWorkbook(file)).toThrow(
      expect.objectContaining({ body: expect.objectContaining({ code: 'IMPORT_TOO_LARGE' }) }),
    );
  });

  it('refuses a workbook whose sheet declares more rows than an import takes', async () => {
    const file = await workbook(maxImportRows + 1);
    expect(() => precheckWorkbook(file)).toThrow(
      expect.objectContaining({
        body: expect.objectContaining({ code: 'IMPORT_TOO_MANY_ROWS', status: 413 }),
      }),
    );
  });

  it('tells a zip from something else', () => {
    expect(checkZip(Buffer.from('not a spreadsheet'), importLimits)).toEqual({
      ok: false,
      reason: 'not-zip',
    });
  });
});

describe('the import gate', () => {
  it('lets two imports run, queues four, refuses the next, and lets the queue in as imports end', async () => {
    const gate = new ImportGate(2, 4);
    const first = await gate.enter();
    const second = await gate.enter();
    const queued = Array.from({ length: 4 }, () => gate.enter());
    expect(gate.load).toEqual({ active: 2, queued: 4 });
    await expect(gate.enter()).rejects.toMatchObject({ body: { code: 'IMPORT_BUSY', status: 429 } });
    first();
    first(); // a second release of the same slot changes nothing
    const third = await queued[0]!;
    expect(gate.load).toEqual({ active: 2, queued: 3 });
    second();
    third();
    for (const waiting of queued.slice(1)) (await waiting)();
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });
});

describe('importing a hostile workbook over HTTP', () => {
  let t: TestContext;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestContext();
    cookie = await t.login('pengjiang.inspector');
  });
  afterAll(() => t.close());

  const upload = (file: Buffer) => {
    const body = multipart(file);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises/import',
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
  };

  it('refuses a zip bomb with 413 problem+json', async () => {
    const body = expectProblem(await upload(await bomb(20)(await workbook(1))), 413, 'IMPORT_TOO_LARGE');
    expect(body.title).toContain('解压后');
  });

  it('refuses a bomb whose directory understates its size, while inflating and before reading the sheet', async () => {
    const file = understate(await bomb(30)(await workbook(1)), 64 * 1024);
    expect(checkZip(file, importLimits)).toMatchObject({ ok: true });
    expectProblem(await upload(file), 413, 'IMPORT_TOO_LARGE');
  });

  it('refuses a workbook over the row limit, declared or not', async () => {
    const declared = await workbook(maxImportRows + 1);
    const body = expectProblem(await upload(declared), 413, 'IMPORT_TOO_MANY_ROWS');
    expect(body.title).toContain(String(maxImportRows));
    // without its <dimension>, the reader counts and stops at the first row over the limit
    const undeclared = await withSheet(declared, (xml) => xml.replace(/<dimension [^>]*\/>/, ''));
    expect(undeclared.toString('latin1')).not.toContain('<dimension');
    expectProblem(await upload(undeclared), 413, 'IMPORT_TOO_MANY_ROWS');
  });

  it('refuses an import while the running and queued imports are at their limit', async () => {
    const held = [await importGate.enter(), await importGate.enter()];
    const queued = Array.from({ length: importGate.waiting }, () => importGate.enter());
    try {
      const body = expectProblem(await upload(await workbook(1)), 429, 'IMPORT_BUSY');
      expect(body.title).toContain('请稍后再试');
    } finally {
      for (const release of held) release();
      for (const waiting of queued) (await waiting)();
    }
    expect(importGate.load).toEqual({ active: 0, queued: 0 });
  });
});
