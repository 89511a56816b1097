import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { importColumns } from './xlsx.ts';
import { verifyAuditChain } from '../../platform/audit/service.ts';
import { cellUnder, expectListLayout, expectNoReviewerNotes, loadWorkbook } from '../../../test/xlsx.ts';

const workbook = async (rows: (string | number)[][]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow(importColumns.map((c) => c.header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const row = (code: string, name: string, overrides: Partial<Record<string, string | number>> = {}) => {
  const values: Record<string, string | number> = {
    creditCode: code,
    name,
    address: '江门市蓬江区导入路8号',
    territory: '蓬江区',
    industry: '机械',
    scale: '小型',
    workforce: 20,
    dustWorkers: 0,
    usesLiquidAmmonia: '否',
    hasDeepWellCasting: '否',
    legalRepresentative: '陈伟',
    contactPhone: '0750-2222222',
    ...overrides,
  };
  return importColumns.map((c) => values[c.field] ?? '');
};

const multipart = (file: Buffer, filename = 'enterprises.xlsx') => {
  const boundary = '----inspecta-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

describe('enterprise import and export (.xlsx)', () => {
  let t: TestContext;
  let cookie: string;
  const codeA = makeCreditCode('91440703MA4NA0001');
  const codeB = makeCreditCode('91440703MA4NA0002');
  beforeAll(async () => {
    t = await createTestContext();
    cookie = await t.login('pengjiang.inspector');
  });
  afterAll(() => t.close());

  const upload = async (file: Buffer) => {
    const body = multipart(file);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises/import',
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
  };
  const search = async (q: string) =>
    (
      await t.app.inject({ url: `/api/v1/enterprises?q=${encodeURIComponent(q)}`, headers: { cookie } })
    ).json() as {
      total: number;
      items: { name: string; workforce: number }[];
    };

  it('reports every bad row in Chinese and imports nothing when one row is invalid', async () => {
    const bad = codeB.slice(0, 17) + (codeB[17] === '1' ? '2' : '1');
    const response = await upload(
      await workbook([
        row(codeA, '江门市导入甲五金有限公司'),
        row(bad, '江门市导入乙五金有限公司', { workforce: '很多' }),
      ]),
    );
    const body = expectProblem(response, 422, 'IMPORT_INVALID_ROWS');
    const errors = body.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [3, '从业人数'],
    ]);
    expect(errors[0]!.message).toContain('校验位');
    expect((await search('导入甲五金')).total).toBe(0);
  });

  it('imports valid rows, and a re-import of the same code updates rather than duplicates', async () => {
    const first = await upload(
      await workbook([row(codeA, '江门市导入甲五金有限公司'), row(codeB, '江门市导入乙五金有限公司')]),
    );
    expect(first.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await upload(
      await workbook([
        row(codeA, '江门市导入甲五金有限公司', { workforce: 99 }),
        row(codeB, '江门市导入乙五金有限公司'),
      ]),
    );
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const found = await search('导入甲五金');
    expect(found.total).toBe(1);
    expect(found.items[0]!.workforce).toBe(99);
  });

  it('audits and grades every imported enterprise, in one chain that verifies, as one registration does', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    const codes = [1, 2, 3].map((n) => makeCreditCode(`91440703MA4NB000${n}`));
    const response = await upload(
      await workbook([
        row(codes[0]!, '江门市批量甲五金有限公司', { address: '江门市蓬江区批量路1号' }),
        row(codes[1]!, '江门市批量乙家具有限公司', { industry: '轻工', address: '江门市蓬江区批量路2号' }),
        row(codes[2]!, '江门市批量丙五金有限公司', {
          workforce: 120,
          dustWorkers: 15,
          usesLiquidAmmonia: '是',
          address: '江门市蓬江区批量路3号',
        }),
      ]),
    );
    expect(response.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    // per enterprise: the import and its first grading (measure 3)
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: true, count: before.count + 6 });
    const found = (await search('批量')) as unknown as {
      items: { id: string; name: string; isKey: boolean }[];
    };
    expect(found.items).toHaveLength(3);
    for (const item of found.items) {
      const grade = await t.app.inject({ url: `/api/v1/enterprises/${item.id}/grade`, headers: { cookie } });
      expect(grade.statusCode).toBe(200);
      // measure 4: the key status is the grade's class, and the import's own record already says it (the row is
      // inserted with the status the grading gives it, not inserted general and rewritten)
      const { grade: graded } = grade.json() as { grade: { class: string } };
      expect(item.isKey).toBe(graded.class === 'key');
      const [imported] = (
        (await t.ctx.db.execute(
          sql`select payload from audit_events where action = 'enterprise.imported' and entity_id = ${item.id}`,
        )) as unknown as { rows: { payload: { after: { isKey: boolean; keyReasons: unknown[] } } }[] }
      ).rows;
      expect(imported!.payload.after.isKey).toBe(item.isKey);
    }
    expect(found.items.find((item) => item.name === '江门市批量丙五金有限公司')!.isKey).toBe(true);
    // a single registration after the batch joins the same chain
    const single = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie },
      payload: {
        creditCode: makeCreditCode('91440703MA4NB0009'),
        name: '江门市批量之后五金有限公司',
        address: '江门市蓬江区批量路9号',
        territory: '440703',
        industry: 'machinery',
        scale: 'small',
        workforce: 10,
        dustWorkers: 0,
        usesLiquidAmmonia: false,
        hasDeepWellCasting: false,
        legalRepresentative: '陈伟',
        contactPhone: '0750-2222222',
      },
    });
    expect(single.statusCode).toBe(201);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ intact: true, count: before.count + 8 });
  });

  it('refuses rows outside the importer’s territory', async () => {
    const response = await upload(
      await workbook([
        row(makeCreditCode('91440705MA4NA0003'), '江门市新会越权有限公司', { territory: '新会区' }),
      ]),
    );
    const body = expectProblem(response, 422, 'IMPORT_INVALID_ROWS');
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: '属地' })]);
  });

  it('flags the same code twice in one file', async () => {
    const code = makeCreditCode('91440703MA4NA0004');
    const body = expectProblem(await upload(await workbook([row(code, '甲'), row(code, '乙')])), 422);
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, message: '与第 2 行重复' })]);
  });

  it('refuses a file that is not a workbook, and an upload over the size limit', async () => {
    const body = expectProblem(await upload(Buffer.from('not a spreadsheet')), 422, 'IMPORT_INVALID_ROWS');
    expect(JSON.stringify(body.errors)).toContain('.xlsx');
    expectProblem(await upload(Buffer.alloc(11 * 1024 * 1024, 1)), 413, 'FILE_TOO_LARGE');
  });

  it('exports the registry in the user’s scope as a workbook that imports back', async () => {
    const response = await t.app.inject({
      url: '/api/v1/enterprises/export.xlsx?q=' + encodeURIComponent('导入'),
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = await loadWorkbook(response.rawPayload);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(sheet.actualRowCount).toBe(3);
    // issue 14 item 4: filtered and printable, the counts as numbers
    expectListLayout(sheet);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    // the filter covers every row streamed out, not the header alone
    expect(sheet.autoFilter).toBe('A1:N3');
    expect(cellUnder(sheet, '从业人数', 2).value).toBeTypeOf('number');
    expect(cellUnder(sheet, '涉粉作业人数', 2).value).toBeTypeOf('number');
    expectNoReviewerNotes(book);
    const roundTrip = await upload(response.rawPayload);
    expect(roundTrip.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('serves an import template with the expected headers, its counts as numbers and its codes as text', async () => {
    const response = await t.app.inject({
      url: '/api/v1/enterprises/import-template.xlsx',
      headers: { cookie },
    });
    const book = await loadWorkbook(response.rawPayload);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(importColumns.map((c) => c.header));
    expectListLayout(sheet);
    expect(cellUnder(sheet, '从业人数', 2).value).toBe(45);
    expect(cellUnder(sheet, '涉粉作业人数', 2).value).toBe(0);
    // a code or a telephone typed as digits stays text, as the import reads it
    expect(cellUnder(sheet, '统一社会信用代码', 2).numFmt).toBe('@');
    expect(cellUnder(sheet, '联系电话', 2).numFmt).toBe('@');
    expectNoReviewerNotes(book);
  });

  it('reads a count typed as a number or as text', async () => {
    const codes = [5, 6].map((n) => makeCreditCode(`91440703MA4NA000${n}`));
    const response = await upload(
      await workbook([
        row(codes[0]!, '江门市数字人数五金有限公司', { workforce: 31, dustWorkers: 3 }),
        row(codes[1]!, '江门市文字人数五金有限公司', { workforce: '32', dustWorkers: '4' }),
      ]),
    );
    expect(response.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await search('数字人数')).items[0]!.workforce).toBe(31);
    expect((await search('文字人数')).items[0]!.workforce).toBe(32);
  });
});

describe('the import template', () => {
  it('imports as it is downloaded', async () => {
    const t = await createTestContext();
    try {
      const cookie = await t.login('pengjiang.inspector');
      const template = await t.app.inject({
        url: '/api/v1/enterprises/import-template.xlsx',
        headers: { cookie },
      });
      const body = multipart(template.rawPayload);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
      expect(response.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    } finally {
      await t.close();
    }
  });
});
