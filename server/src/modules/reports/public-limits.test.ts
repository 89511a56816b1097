import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { minuteScans } from '../../schedule.ts';
import { reportSubmissionPolicy } from './service.ts';

// The public report desk's limits: submissions per address per hour, and the rows the limits keep are
// forgotten by the minute scan once no window looks at them.
describe('the public report desk limits', () => {
  let t: TestContext;
  const start = new Date('2026-03-10T02:00:00Z');
  const submit = (remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress,
      payload: {
        kind: 'hidden_danger',
        content: '仓库消防通道被货物堵塞，灭火器过期未换',
        enterpriseDescription: '白沙路某五金仓库',
        county: '440703',
        anonymous: true,
        employeeOfEnterprise: false,
      },
    });
  const lookupRows = async () =>
    (
      (await t.ctx.db.execute(sql`select at from report_lookups order by at`)) as unknown as {
        rows: { at: Date | string }[];
      }
    ).rows.map((row) => new Date(row.at).toISOString());

  beforeAll(async () => {
    t = await createTestContext({ seed: false, now: start });
  }, 300_000);
  afterAll(() => t.close());

  it('accepts a number of reports per address per hour, then answers 429 in Chinese', async () => {
    expect(reportSubmissionPolicy).toEqual({ perAddress: 10, windowMinutes: 60 });
    for (let i = 0; i < reportSubmissionPolicy.perAddress; i += 1) {
      const res = await submit('203.0.113.7');
      expect(res.statusCode, res.body).toBe(201);
    }
    const limited = expectProblem(await submit('203.0.113.7'), 429, 'REPORT_SUBMISSION_RATE_LIMITED');
    expect(limited.title).toBe('本网络地址提交举报过于频繁，请 60 分钟后再试');
    // another address is not held back
    expect((await submit('203.0.113.8')).statusCode).toBe(201);
    // nothing was filed by the refused request
    const filed = (await t.ctx.db.execute(
      sql`select count(*)::int as n from reports where enterprise_description = '白沙路某五金仓库'`,
    )) as unknown as { rows: { n: number }[] };
    expect(filed.rows[0]!.n).toBe(reportSubmissionPolicy.perAddress + 1);
    // an hour after, the address may report again
    t.setNow(new Date(start.getTime() + 61 * 60_000));
    expect((await submit('203.0.113.7')).statusCode).toBe(201);
  }, 120_000);

  it('deletes the rate-limit rows older than the longest window in the minute scan', async () => {
    const now = new Date('2026-03-10T05:00:00Z');
    t.setNow(now);
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await t.ctx.db.execute(sql`delete from report_lookups`);
    for (const [hash, at, succeeded] of [
      ['old-lookup', minutesAgo(61), false],
      ['old-submission', minutesAgo(90), true],
      ['recent-submission', minutesAgo(59), true],
      ['recent-lookup', minutesAgo(1), false],
    ] as const)
      await t.ctx.db.execute(
        sql`insert into report_lookups (client_hash, at, succeeded) values (${hash}, ${at.toISOString()}, ${succeeded})`,
      );
    const log = { info: () => {}, error: (details: unknown) => expect.fail(JSON.stringify(details)) };
    await minuteScans(t.ctx, log);
    expect(await lookupRows()).toEqual([minutesAgo(59).toISOString(), minutesAgo(1).toISOString()]);
  }, 120_000);
});
