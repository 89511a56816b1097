import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyPlanDueDates } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { remindMonthlyPlans } from '../../modules/plans/index.ts';

type Inbox = { items: { id: string; title: string; body: string; readAt: string | null }[]; unread: number };

describe('monthly plan reminders (measure 2)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());
  const inbox = async (cookie: string) =>
    (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie } })).json() as Inbox;

  it('reminds nobody before the reminder day', async () => {
    const due = monthlyPlanDueDates({ year: 2026, month: 12 });
    if (!due.ok) throw new Error(due.message);
    t.setNow(new Date(new Date(`${due.reminderOn}T09:00:00+08:00`).getTime() - 86_400_000));
    expect(await remindMonthlyPlans(t.ctx)).toEqual({ month: '2026-12', reminded: 0 });
  });

  it('reminds the unit heads and legal reviewers three workdays before the deadline, once', async () => {
    const due = monthlyPlanDueDates({ year: 2026, month: 12 });
    if (!due.ok) throw new Error(due.message);
    t.setNow(new Date(`${due.reminderOn}T09:00:00+08:00`));
    const first = await remindMonthlyPlans(t.ctx);
    expect(first.reminded).toBeGreaterThan(0);
    expect(await remindMonthlyPlans(t.ctx)).toEqual({ month: '2026-12', reminded: 0 });
    const unitHead = await t.login('pengjiang.unithead');
    const box = await inbox(unitHead);
    expect(box.unread).toBe(1);
    expect(box.items[0]!.title).toContain('2026-12');
    expect(box.items[0]!.body).toContain(due.deadline);
    expect((await inbox(await t.login('pengjiang.reviewer'))).unread).toBe(1);
    expect((await inbox(await t.login('pengjiang.inspector'))).unread).toBe(0);
  });

  it('marks a notification read for its owner only', async () => {
    const unitHead = await t.login('pengjiang.unithead');
    const [note] = (await inbox(unitHead)).items;
    const other = await t.login('city.unithead');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/notifications/${note!.id}/read`,
        headers: { cookie: other },
      }),
      404,
    );
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${note!.id}/read`,
      headers: { cookie: unitHead },
    });
    expect(read.statusCode).toBe(204);
    expect((await inbox(unitHead)).unread).toBe(0);
  });
});
