import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { rewriteStoredResult } from '../../../test/grades.ts';
import { cellUnder, expectListLayout, expectNoReviewerNotes, loadWorkbook } from '../../../test/xlsx.ts';

type Entry = {
  id: string;
  enterpriseId: string;
  name: string;
  creditCode: string;
  removed: boolean;
  reason: string | null;
  origin: string;
};
type Detail = {
  id: string;
  status: string;
  entryCount: number;
  entries: Entry[];
  diff: { added: unknown[]; removed: { creditCode: string }[]; previousListId: string | null };
};

describe('key-enterprise guide list (measure 4)', () => {
  let t: TestContext;
  let reviewer: string;
  let list2026: Detail;
  beforeAll(async () => {
    t = await createTestContext();
    reviewer = await t.login('city.reviewer');
  });
  afterAll(() => t.close());
  const post = (url: string, payload?: Record<string, unknown>, cookie = reviewer) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
  const detail = async (id: string) =>
    (
      await t.app.inject({ url: `/api/v1/guide-lists/${id}`, headers: { cookie: reviewer } })
    ).json() as Detail;

  it('generates the year’s list from the rules: every key enterprise of the city', async () => {
    const created = await post('/api/v1/guide-lists', { year: 2026 });
    expect(created.statusCode).toBe(201);
    list2026 = await detail((created.json() as { id: string }).id);
    expect(list2026.status).toBe('draft');
    const keys = (
      await t.app.inject({
        url: '/api/v1/enterprises?isKey=true&pageSize=200',
        headers: { cookie: reviewer },
      })
    ).json() as { total: number };
    expect(list2026.entryCount).toBe(keys.total);
    expectProblem(await post('/api/v1/guide-lists', { year: 2026 }), 409, 'GUIDE_LIST_EXISTS');
  });

  it('lists an enterprise that meets only unverified criteria as a proposal, added only with a reason (issue 11 item 4)', async () => {
    const general = (
      await t.app.inject({ url: '/api/v1/enterprises?isKey=false&pageSize=1', headers: { cookie: reviewer } })
    ).json() as { items: { id: string }[] };
    const enterpriseId = general.items[0]!.id;
    const { sql } = await import('drizzle-orm');
    const text =
      '建议列入重点企业指导名单（该标准待法制审核，不自动列为重点）：上年度（2025 年）发生亡人事故';
    await rewriteStoredResult(
      t.ctx,
      enterpriseId,
      (result) =>
        sql`jsonb_set(jsonb_set(${result}, '{keyProposals}', '["fatal_accident_previous_year"]'::jsonb), '{reasons}', (${result}->'reasons') || ${JSON.stringify([{ effect: 'class', factor: 'accident', rule: 'fatal_accident_previous_year', text, source: 's', verified: false }])}::jsonb)`,
    );
    const regenerated = await post(`/api/v1/guide-lists/${list2026.id}/regenerate`);
    expect(regenerated.statusCode, regenerated.body).toBeLessThan(300);
    const after = await detail(list2026.id);
    const proposal = after.entries.find((e) => e.enterpriseId === enterpriseId)!;
    expect(proposal).toMatchObject({ origin: 'proposed', removed: true });
    expect((proposal as Entry & { ruleReasons: string[] }).ruleReasons).toContain(text);
    // not on the list by itself: the count is the key enterprises only
    expect(after.entryCount).toBe(list2026.entryCount);
    list2026 = after;
  });

  it('lets only a legal reviewer generate it', async () => {
    expectProblem(
      await post('/api/v1/guide-lists', { year: 2027 }, await t.login('pengjiang.inspector')),
      403,
    );
  });

  it('removes an enterprise only with a written reason, and keeps it visible as removed', async () => {
    const entry = list2026.entries.find((e) => !e.removed)!;
    expectProblem(
      await post(`/api/v1/guide-lists/${list2026.id}/entries/${entry.id}/removal`, { reason: ' ' }),
      400,
    );
    const response = await post(`/api/v1/guide-lists/${list2026.id}/entries/${entry.id}/removal`, {
      reason: '企业已注销',
    });
    const after = response.json() as Detail;
    expect(after.entries.find((e) => e.id === entry.id)).toMatchObject({
      removed: true,
      reason: '企业已注销',
    });
    expect(after.entryCount).toBe(list2026.entryCount - 1);
  });

  it('adds an enterprise by hand with a reason', async () => {
    const general = (
      await t.app.inject({ url: '/api/v1/enterprises?isKey=false&pageSize=1', headers: { cookie: reviewer } })
    ).json() as { items: { id: string }[] };
    const response = await post(`/api/v1/guide-lists/${list2026.id}/entries`, {
      enterpriseId: general.items[0]!.id,
      reason: '群众举报较多，纳入重点',
    });
    expect(
      (response.json() as Detail).entries.find((e) => e.enterpriseId === general.items[0]!.id),
    ).toMatchObject({ origin: 'manual', removed: false });
  });

  it('is approved, then published, and then refuses further edits citing measure 4', async () => {
    const approved = (
      await post(`/api/v1/guide-lists/${list2026.id}/approve`, { comment: '同意' })
    ).json() as Detail;
    expect(approved.status).toBe('approved');
    const edit = await post(`/api/v1/guide-lists/${list2026.id}/entries/${list2026.entries[1]!.id}/removal`, {
      reason: '晚了',
    });
    const refusal = expectProblem(edit, 422, 'GUIDE_LIST_WRONG_STATE');
    expect(refusal.measure).toBe(4);
    const published = (await post(`/api/v1/guide-lists/${list2026.id}/publish`)).json() as Detail;
    expect(published.status).toBe('published');
  });

  it('shows the published list to the public with name, code, county, class and level only', async () => {
    const index = (await t.app.inject({ url: '/api/v1/public/guide-lists' })).json() as {
      items: { year: number }[];
    };
    expect(index.items.map((i) => i.year)).toEqual([2026]);
    const list = (await t.app.inject({ url: '/api/v1/public/guide-lists/2026' })).json() as {
      entries: Record<string, unknown>[];
    };
    expect(list.entries.length).toBe(list2026.entryCount);
    expect(Object.keys(list.entries[0]!).sort()).toEqual([
      'class',
      'creditCode',
      'enforcementLevel',
      'name',
      'territoryName',
    ]);
    expect(list.entries.some((e) => e.creditCode === list2026.entries[0]!.creditCode)).toBe(false);
    expectProblem(await t.app.inject({ url: '/api/v1/public/guide-lists/2025' }), 404);
  });

  it('shows the difference to last year’s published list', async () => {
    const next = (await post('/api/v1/guide-lists', { year: 2027 })).json() as { id: string };
    const diff = (await detail(next.id)).diff;
    expect(diff.previousListId).toBe(list2026.id);
    expect(diff.removed.length).toBeGreaterThanOrEqual(1);
    expect(diff.added.map((a) => (a as { creditCode: string }).creditCode)).toContain(
      list2026.entries[0]!.creditCode,
    );
  });

  it('exports the list as a workbook', async () => {
    const response = await t.app.inject({
      url: `/api/v1/guide-lists/${list2026.id}/export.xlsx`,
      headers: { cookie: reviewer },
    });
    const book = await loadWorkbook(response.rawPayload);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('企业名称');
    expect(sheet.actualRowCount).toBe(list2026.entryCount + 1);
    // issue 14 item 4: a list to filter and to print, numbered, under the list's title
    expectListLayout(sheet);
    expect(sheet.headerFooter.oddHeader).toContain('2026年重点企业指导名单');
    expect(cellUnder(sheet, '序号', 2).value).toBe(1);
    expect(cellUnder(sheet, '序号', list2026.entryCount + 1).value).toBe(list2026.entryCount);
    expectNoReviewerNotes(book);
  });
});
