import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { approvedPlan, requester } from '../../../test/plan-fixtures.ts';
import { enterprises } from '../enterprises/schema.ts';
import { certificates, officers } from '../officers/schema.ts';
import { users } from '../../platform/auth/schema.ts';

type Workbench = {
  today: string;
  items: { key: string; count: number; link: string; rows: { inspectionId: string | null }[] }[];
  unreadNotifications: number;
};
type Inbox = { items: { kind: string; title: string; link: string | null }[]; unread: number };

let t: TestContext;
const http = () => requester(t);
const workbench = async (cookie: string) => {
  const res = await http().get('/api/v1/workbench', cookie);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as Workbench;
};
const countOf = (bench: Workbench, key: string) => bench.items.find((item) => item.key === key)?.count;
const inbox = async (cookie: string) => (await http().get('/api/v1/notifications', cookie)).json() as Inbox;
const turns = async (cookie: string) => (await inbox(cookie)).items.filter((item) => item.kind === 'turn');

beforeAll(async () => {
  t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
});
afterAll(() => t.close());

describe('the workbench and the bell at each turn (issue 13 items 1, 2)', () => {
  it('walks an on-site plan from draft to approval, each next person told in the bell and the workbench', async () => {
    const inspector = await t.login('pengjiang.inspector');
    const head = await t.login('pengjiang.head');
    const company = await t.login('enterprise.demo');
    const [account] = await t.ctx.db.select().from(users).where(eq(users.username, 'enterprise.demo'));
    const [enterprise] = await t.ctx.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.id, account!.enterpriseId!));
    const team = (
      await t.ctx.db
        .select({ number: certificates.number, validTo: certificates.validTo, status: certificates.status })
        .from(certificates)
        .innerJoin(officers, eq(officers.id, certificates.officerId))
        .where(and(eq(officers.territory, '440703'), eq(officers.onRoster, true)))
        .orderBy(certificates.number)
    )
      .filter((row) => row.status === 'valid' && row.validTo >= '2027-12-31')
      .map((row) => row.number)
      .slice(0, 2);
    const before = { head: await workbench(head), inspector: await workbench(inspector) };
    const headBell = (await turns(head)).length;

    const planned = await http().post('/api/v1/inspections', inspector, {
      enterpriseId: enterprise!.id,
      plannedOn: '2026-12-10',
      kind: 'targeted',
      matters: ['work_safety_general'],
      trigger: 'complaint_or_report',
      triggerReference: '12345-2026-workbench',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const id = (planned.json() as { inspection: { id: string } }).inspection.id;
    // measure 8: the other open inspections of this enterprise are declared separate
    const others = (
      (await (
        await http().get(`/api/v1/inspections?enterpriseId=${enterprise!.id}&pageSize=100`, inspector)
      ).json()) as {
        items: { id: string; stage: string }[];
      }
    ).items.filter(
      (row) =>
        row.id !== id &&
        !['completed', 'closed', 'closed_without_visit', 'cancelled', 'merged'].includes(row.stage),
    );
    if (others.length > 0) {
      const declined = await http().post('/api/v1/inspections/merge/decline', inspector, {
        inspectionIds: [id, ...others.map((row) => row.id)],
        reason: '分别检查，不合并',
      });
      expect(declined.statusCode, declined.body).toBe(201);
    }
    const drafted = await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
      officers: team,
      scheduledAt: '2026-12-10T09:30:00+08:00',
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);

    // the head is told, and the workbench counts the plan waiting for the decision
    const toHead = await turns(head);
    expect(toHead.length).toBe(headBell + 1);
    expect(toHead[0]).toMatchObject({ link: `/inspections/${id}` });
    expect(toHead[0]!.title).toContain(enterprise!.name);
    const headBench = await workbench(head);
    expect(countOf(headBench, 'plans_to_decide')).toBe(countOf(before.head, 'plans_to_decide')! + 1);
    expect(headBench.unreadNotifications).toBe(before.head.unreadNotifications + 1);
    // the drafter is not told of their own act, and has nothing to decide
    expect(await turns(inspector)).toHaveLength(0);
    expect(countOf(await workbench(inspector), 'plans_to_decide')).toBeUndefined();

    // returned: the drafter is told and sees it among the plans returned
    const returned = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
      approve: false,
      comment: '请补充检查路线',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const back = await turns(inspector);
    expect(back).toHaveLength(1);
    expect(back[0]!.title).toContain('退回');
    const returnedBench = await workbench(inspector);
    expect(countOf(returnedBench, 'plans_returned')).toBe(countOf(before.inspector, 'plans_returned')! + 1);
    expect(
      returnedBench.items.find((item) => item.key === 'plans_returned')!.rows.map((row) => row.inspectionId),
    ).toContain(id);

    // drafted again, submitted, approved: the head is told again, then the drafter
    await http().post(`/api/v1/inspections/${id}/onsite-plan`, inspector, {
      officers: team,
      scheduledAt: '2026-12-10T10:00:00+08:00',
    });
    expect(
      (await http().post(`/api/v1/inspections/${id}/onsite-plan/submit`, inspector, {})).statusCode,
    ).toBe(200);
    expect(await turns(head)).toHaveLength(headBell + 2);
    const approved = await http().post(`/api/v1/inspections/${id}/onsite-plan/decision`, head, {
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const told = await turns(inspector);
    expect(told).toHaveLength(2);
    expect(told.some((item) => item.title.includes('已批准'))).toBe(true);
    const approvedBench = await workbench(inspector);
    expect(countOf(approvedBench, 'plans_returned')).toBe(countOf(before.inspector, 'plans_returned'));
    expect(countOf(approvedBench, 'inspections_to_notify')).toBe(
      countOf(before.inspector, 'inspections_to_notify')! + 1,
    );
    expect(countOf(await workbench(head), 'plans_to_decide')).toBe(countOf(before.head, 'plans_to_decide'));

    // notified: the enterprise is told, and counts the notice on its own workbench
    const companyBefore = await workbench(company);
    expect((await http().post(`/api/v1/inspections/${id}/notify`, inspector, {})).statusCode).toBe(200);
    const notice = await turns(company);
    expect(notice.some((item) => item.title.includes('2026-12-10'))).toBe(true);
    expect(countOf(await workbench(company), 'enterprise_notices')).toBe(
      countOf(companyBefore, 'enterprise_notices')! + 1,
    );
  }, 180_000);

  it('counts what the lists it links to hold', async () => {
    const head = await t.login('pengjiang.head');
    const bench = await workbench(head);
    for (const item of bench.items.filter((entry) => entry.link.startsWith('/inspections?'))) {
      const query = item.link.slice('/inspections?'.length);
      const list = await http().get(`/api/v1/inspections?${query}`, head);
      expect(list.statusCode, list.body).toBe(200);
      const total = (list.json() as { total: number }).total;
      if (item.key === 'plans_to_decide') expect(total).toBeGreaterThanOrEqual(item.count);
      else expect(total, item.key).toBe(item.count);
    }
    const orders = bench.items.find((item) => item.key === 'orders_overdue')!;
    const overdue = await http().get('/api/v1/rectification-orders?overdue=true', head);
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect((overdue.json() as { total: number }).total).toBe(orders.count);
  });

  it('puts next month’s plan on the unit head’s workbench until submitted, then on the reviewer’s until filed (measure 2)', async () => {
    const reviewer = await t.login('city.reviewer');
    const unitHead = await t.login('city.unithead');
    const before = {
      unitHead: countOf(await workbench(unitHead), 'monthly_plans_to_submit'),
      reviewer: countOf(await workbench(reviewer), 'monthly_plans_to_file'),
    };
    await approvedPlan(t, reviewer, 2026);
    const created = await http().post('/api/v1/monthly-plans', unitHead, { year: 2026, month: 12 });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    expect(countOf(await workbench(unitHead), 'monthly_plans_to_submit')).toBe((before.unitHead ?? 0) + 1);
    // a county's unit head does not see the city's plan; an inspector has no such item
    expect(countOf(await workbench(await t.login('pengjiang.unithead')), 'monthly_plans_to_submit')).toBe(0);
    expect(
      countOf(await workbench(await t.login('city.inspector')), 'monthly_plans_to_submit'),
    ).toBeUndefined();
    expect((await http().post(`/api/v1/monthly-plans/${id}/submit`, unitHead)).statusCode).toBe(200);
    expect(countOf(await workbench(unitHead), 'monthly_plans_to_submit')).toBe(before.unitHead ?? 0);
    expect(countOf(await workbench(reviewer), 'monthly_plans_to_file')).toBe((before.reviewer ?? 0) + 1);
    expect((await http().post(`/api/v1/monthly-plans/${id}/file`, reviewer)).statusCode).toBe(200);
    expect(countOf(await workbench(reviewer), 'monthly_plans_to_file')).toBe(before.reviewer ?? 0);
  });

  it('gives the expert and the enterprise only their own kinds of work', async () => {
    const expert = await workbench(await t.login('expert.demo'));
    expect(expert.items).toEqual([]);
    const company = await workbench(await t.login('enterprise.demo'));
    expect(company.items.map((item) => item.key).sort()).toEqual([
      'enterprise_notices',
      'enterprise_open_orders',
      'enterprise_proofs_asked',
      'enterprise_ratings_to_give',
    ]);
  });

  it('filters the inspection list by stage, date range, overdue and name or credit code', async () => {
    const head = await t.login('pengjiang.head');
    const all = (await (await http().get('/api/v1/inspections?pageSize=200', head)).json()) as {
      items: { id: string; stage: string; plannedOn: string; enterpriseName: string; creditCode: string }[];
      total: number;
    };
    const sample = all.items[0]!;
    const byStage = (await (
      await http().get(`/api/v1/inspections?stage=${sample.stage}&pageSize=200`, head)
    ).json()) as { items: { stage: string }[] };
    expect(byStage.items.length).toBeGreaterThan(0);
    expect(byStage.items.every((row) => row.stage === sample.stage)).toBe(true);
    const byCode = (await (await http().get(`/api/v1/inspections?q=${sample.creditCode}`, head)).json()) as {
      items: { creditCode: string }[];
    };
    expect(byCode.items.every((row) => row.creditCode === sample.creditCode)).toBe(true);
    expect(byCode.items.length).toBeGreaterThan(0);
    const ranged = (await (
      await http().get(
        `/api/v1/inspections?plannedFrom=${sample.plannedOn}&plannedTo=${sample.plannedOn}`,
        head,
      )
    ).json()) as { items: { plannedOn: string }[] };
    expect(ranged.items.every((row) => row.plannedOn === sample.plannedOn)).toBe(true);
    const overdue = (await (
      await http().get('/api/v1/inspections?overdue=true&pageSize=200', head)
    ).json()) as {
      items: { plannedOn: string; stage: string }[];
    };
    expect(overdue.items.every((row) => row.plannedOn < '2026-12-03')).toBe(true);
    expect((await http().get('/api/v1/inspections?stage=nonsense', head)).statusCode).toBe(400);
    // the workbook holds what the list holds under the same filters
    const list = (await (
      await http().get(`/api/v1/inspections?stage=${sample.stage}&pageSize=200`, head)
    ).json()) as { total: number; items: { enterpriseName: string }[] };
    const file = await http().get(`/api/v1/inspections/export.xlsx?stage=${sample.stage}`, head);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('企业名称');
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(list.items[0]!.enterpriseName);
  });

  it('names every audit action in Chinese and finds events by who acted (issue 13 item 4)', async () => {
    const reviewer = await t.login('pengjiang.reviewer');
    const actions = (await (await http().get('/api/v1/audit/actions', reviewer)).json()) as {
      name: string;
      label: string;
    }[];
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.every((action) => /[\u4e00-\u9fff]/.test(action.label))).toBe(true);
    const submitted = actions.find((action) => action.name === 'inspection.plan.submitted')!;
    const events = (await (
      await http().get(
        `/api/v1/audit/events?action=${submitted.name}&actorName=${encodeURIComponent('张伟')}`,
        reviewer,
      )
    ).json()) as { items: { actorName: string; actionLabel: string }[]; total: number };
    expect(events.total).toBeGreaterThan(0);
    expect(events.items.every((event) => event.actorName.includes('张伟'))).toBe(true);
    expect(events.items.every((event) => event.actionLabel === submitted.label)).toBe(true);
    expect((await http().get('/api/v1/audit/actions', await t.login('pengjiang.inspector'))).statusCode).toBe(
      403,
    );
  });
});
