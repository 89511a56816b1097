import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { insertInspectionWithFindings, type FixtureInspection } from '../../../test/inspection-fixtures.ts';
import { expectProblem } from '../../../test/problem.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { notifications } from '../../platform/notifications/schema.ts';

// issue 11 item 12: next year's calendar. On 3 December 2026 the 2027 holidays are not in the seed: an order of
// 30 workdays and the 2027 annual plan are computed weekends only, marked 待国务院公布, and recomputed (with
// their owners told) once a city legal reviewer enters the State Council's notice.

type Order = { id: string; deadline: string; deadlinePendingYears: number[]; documents: { id: string }[] };

const table2027 = {
  notice: '国办发明电〔2026〕12号',
  holidays: [
    '2027-01-01',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
  ],
  makeUpWorkdays: ['2027-02-13', '2027-02-14'],
};

describe('holiday tables per year and provisional deadlines (issue 11 item 12)', () => {
  let t: TestContext;
  let inspector: string;
  let cityReviewer: string;
  let fixture: FixtureInspection;
  let order: Order;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const notificationsOf = async (username: string, kind: string) => {
    const [user] = await t.ctx.db.select().from(users).where(eq(users.username, username));
    return t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user!.id), eq(notifications.kind, kind as 'deadline_recomputed')));
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2026-12-03T02:00:00Z') });
    inspector = await t.login('pengjiang.inspector');
    cityReviewer = await t.login('city.reviewer');
    fixture = await insertInspectionWithFindings(t.ctx, { findings: 1, signed: true });
  });
  afterAll(() => t.close());

  it('issues an order of 30 workdays in December, counted weekends only into 2027 and marked pending', async () => {
    const response = await call(
      'POST',
      `/inspections/${fixture.inspectionId}/rectification-orders`,
      inspector,
      {
        findingIds: fixture.findingIds,
        requirements: '逐项整改',
        deadline: { workdays: 30 },
      },
    );
    expect(response.statusCode, response.body).toBe(201);
    order = response.json() as Order;
    // 20 workdays left in December 2026, then 1 January 2027 and nine more weekdays
    expect(order.deadline).toBe('2027-01-14');
    expect(order.deadlinePendingYears).toEqual([2027]);
    const docx = await call('GET', `/documents/${order.documents[0]!.id}.docx`, inspector);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('2027年节假日安排待国务院公布');
  });

  it('computes the 2027 annual plan weekends only and says so', async () => {
    const response = await call('POST', '/annual-plans/compute', cityReviewer, { year: 2027, workdays: {} });
    expect(response.statusCode, response.body).toBe(201);
    const plan = response.json() as {
      calendarPending: boolean;
      totals: { statutoryWorkdays: number };
      warnings: { code: string; message: string }[];
    };
    expect(plan.calendarPending).toBe(true);
    expect(plan.totals.statutoryWorkdays).toBe(261);
    expect(plan.warnings.find((w) => w.code === 'CALENDAR_PENDING')?.message).toContain('待国务院公布');
  });

  it('lists the years with their source, and 2027 as pending', async () => {
    const response = await call('GET', '/calendar/holiday-tables', inspector);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      items: { year: number; source: string }[];
      pendingYears: number[];
      mayEnter: boolean;
    };
    expect(body.pendingYears).toEqual([2027]);
    expect(body.items[0]).toMatchObject({ year: 2026, source: 'chinese_days' });
    expect(body.mayEnter).toBe(false);
  });

  it('lets only a city legal reviewer enter a year, and refuses a make-up workday on a weekday', async () => {
    expectProblem(await call('PUT', '/calendar/holiday-tables/2027', inspector, table2027), 403, 'FORBIDDEN');
    const county = await t.login('pengjiang.reviewer');
    expectProblem(await call('PUT', '/calendar/holiday-tables/2027', county, table2027), 403, 'FORBIDDEN');
    const refused = expectProblem(
      await call('PUT', '/calendar/holiday-tables/2027', cityReviewer, {
        ...table2027,
        makeUpWorkdays: ['2027-02-12'],
      }),
      422,
      'CALENDAR_TABLE_INVALID',
    );
    expect(refused.detail).toContain('周六或周日');
    expectProblem(
      await call('PUT', '/calendar/holiday-tables/2027', cityReviewer, { ...table2027, notice: 'a\u0000b' }),
      400,
    );
    expectProblem(
      await call('PUT', '/calendar/holiday-tables/2027', cityReviewer, { ...table2027, notice: 'a\ud800b' }),
      400,
    );
  });

  it('recomputes the pending deadline when the 2027 table is entered, and tells the issuer and the enterprise', async () => {
    const response = await call('PUT', '/calendar/holiday-tables/2027', cityReviewer, table2027);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      table: { year: 2027, source: 'legal_reviewer', notice: '国办发明电〔2026〕12号' },
      recomputedOrders: 1,
      toldAnnualPlans: 1,
    });
    const after = (await call('GET', `/rectification-orders/${order.id}`, inspector)).json() as Order;
    // 1 January 2027 is now a holiday: the thirtieth workday moves to the 15th
    expect(after.deadline).toBe('2027-01-15');
    expect(after.deadlinePendingYears).toEqual([]);
    const told = await notificationsOf('pengjiang.inspector', 'deadline_recomputed');
    expect(told.map((n) => n.body).join()).toContain('由 2027-01-14 重新计算为 2027-01-15');
    expect(await notificationsOf('enterprise.demo', 'deadline_recomputed')).toHaveLength(1);
    expect(await notificationsOf('city.reviewer', 'annual_plan_calendar')).toHaveLength(1);
    const events = await t.ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'calendar.holiday_table.entered'));
    expect(events).toHaveLength(1);

    // the years list now names the notice, and nothing is pending
    const list = (await call('GET', '/calendar/holiday-tables', cityReviewer)).json() as {
      items: { year: number; notice: string | null }[];
      pendingYears: number[];
      mayEnter: boolean;
    };
    expect(list.items[0]).toMatchObject({ year: 2027, notice: '国办发明电〔2026〕12号' });
    expect(list.pendingYears).toEqual([]);
    expect(list.mayEnter).toBe(true);
  });
});

// issue 11 item 13: on 4 January 2027 both 2027 and 2028 wait for the State Council's notice; entering 2028 first
// leaves 2027 pending (the list counted only the years after the last one entered, and hid 2027).
describe('pending years at the turn of the year', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2027-01-04T02:00:00Z') });
  });
  afterAll(() => t.close());

  it('keeps the current year pending when next year is entered first', async () => {
    const reviewer = await t.login('city.reviewer');
    const pending = async () =>
      (
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/calendar/holiday-tables',
            headers: { cookie: reviewer },
          })
        ).json() as { pendingYears: number[] }
      ).pendingYears;
    expect(await pending()).toEqual([2027, 2028]);
    const entered = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/holiday-tables/2028',
      headers: { cookie: reviewer },
      payload: { notice: '国办发明电〔2027〕12号', holidays: ['2028-01-01'], makeUpWorkdays: [] },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(await pending()).toEqual([2027]);
  });
});
