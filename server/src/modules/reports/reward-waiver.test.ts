import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';

// An uncollected reward is recorded as given up (逾期未领取，视为放弃), after the notice only, audited.
describe('waiving a report reward', () => {
  let t: TestContext;
  const cookies: Record<string, string> = {};
  let id: string;
  const post = (user: string, url: string, payload?: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}${url}`,
      headers: { cookie: cookies[user]! },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestContext({ seed: true, now: new Date('2026-12-03T01:00:00Z') });
    for (const user of ['pengjiang.reports', 'pengjiang.head']) cookies[user] = await t.login(user);
    const rows = (await t.ctx.db.execute(
      sql`select id from reports where territory = '440703' and state = 'received' order by received_at limit 1`,
    )) as unknown as { rows: { id: string }[] };
    id = rows.rows[0]!.id;
    await t.ctx.db.execute(
      sql`update reports set state = 'verified', outcome = 'substantiated', findings = '现场查实', accepted_on = '2026-11-02', verified_on = '2026-11-20' where id = ${id}`,
    );
  }, 300_000);
  afterAll(() => t.close());

  it('records the waiver of a notified reward, refuses it before the notice, audits it', async () => {
    const proposed = await post('pengjiang.reports', '/reward', {
      kind: 'major_hidden_danger',
      fineYuan: 100000,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(
      (await post('pengjiang.head', '/reward/decision', { approved: true, note: null })).statusCode,
    ).toBe(204);
    const early = await post('pengjiang.reports', '/reward/waiver', { reason: '举报人表示放弃领取' });
    expectProblem(early, 409, 'REWARD_STEP_NOT_ALLOWED');
    expect((await post('pengjiang.reports', '/reward/notice')).statusCode).toBe(200);
    expectProblem(await post('pengjiang.reports', '/reward/waiver', { reason: ' ' }), 400);

    const waived = await post('pengjiang.reports', '/reward/waiver', { reason: '逾期未领取' });
    expect(waived.statusCode, waived.body).toBe(204);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${id}`,
      headers: { cookie: cookies['pengjiang.reports']! },
    });
    expect(detail.json()).toMatchObject({ reward: { state: 'waived', stateName: '逾期未领取，视为放弃' } });
    const events = (await t.ctx.db.execute(
      sql`select payload from audit_events where entity_id = ${id} and action = 'report.reward.waived'`,
    )) as unknown as { rows: { payload: { reason: string; collectPeriodOver: boolean } }[] };
    expect(events.rows.map((row) => row.payload)).toEqual([
      expect.objectContaining({ reason: '逾期未领取', collectPeriodOver: false }),
    ]);
    // a waived reward is not paid afterwards
    const paid = await post('pengjiang.reports', '/reward/payment', { paidOn: '2026-12-03', method: '现金' });
    expectProblem(paid, 409, 'REWARD_STEP_NOT_ALLOWED');
  }, 120_000);
});
