import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';

type Workbench = { items: { key: string; count: number; link: string }[] };
type ReportPage = { items: { id: string; overdue: string | null }[]; total: number };

// The workbench's 逾期举报 opens the overdue reports only, not every report in progress.
describe('the workbench link to overdue reports', () => {
  let t: TestContext;
  let cookie: string;
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
    cookie = await t.login('pengjiang.reports');
  }, 300_000);
  afterAll(() => t.close());

  it('links to /reports?overdue=true, which lists only the reports past their deadline', async () => {
    // the demo's two reports waiting in 蓬江区: one accepted long ago (its 60 days are over), one today
    const waiting = (
      (await t.ctx.db.execute(
        sql`select id from reports where territory = '440703' and state = 'received' order by received_at limit 2`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((row) => row.id);
    expect(waiting).toHaveLength(2);
    const [late, fresh] = waiting as [string, string];
    await t.ctx.db.execute(
      sql`update reports set state = 'accepted', accepted_on = '2026-09-01' where id = ${late}`,
    );
    await t.ctx.db.execute(
      sql`update reports set state = 'accepted', accepted_on = '2026-12-02' where id = ${fresh}`,
    );

    const overdue = await get<ReportPage>('/reports?overdue=true&pageSize=200');
    expect(overdue.items.map((item) => item.id)).toContain(late);
    expect(overdue.items.map((item) => item.id)).not.toContain(fresh);
    expect(overdue.items.every((item) => item.overdue !== null)).toBe(true);
    expect(overdue.total).toBe(overdue.items.length);
    // the reports in progress include the one still in time
    const inProgress = await get<ReportPage>('/reports?state=accepted,verified&pageSize=200');
    expect(inProgress.items.map((item) => item.id)).toEqual(expect.arrayContaining([late, fresh]));

    const mark = (await get<Workbench>('/workbench')).items.find((item) => item.key === 'reports_overdue');
    expect(mark).toMatchObject({ link: '/reports?overdue=true', count: overdue.total });
    // with the filter and without any overdue one, the list is empty
    await t.ctx.db.execute(sql`update reports set accepted_on = '2026-12-02' where id = ${late}`);
    const none = await get<ReportPage>('/reports?overdue=true&state=accepted');
    expect(none.items.filter((item) => item.id === late || item.id === fresh)).toEqual([]);
  }, 120_000);
});
