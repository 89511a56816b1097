import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { demoPassword } from '../../demo/accounts.ts';
import { listAuditEvents } from '../audit/repository.ts';
import { findUserByUsername } from './repository.ts';
import { loginPolicy } from './service.ts';

// Issue 12 item 1: the login limits hold when an attacker sends its guesses in parallel. On PostgreSQL
// (TEST_DATABASE_URL) the requests really run at once over the pool's connections.

const login = (t: TestContext, username: string, password: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

const codeOf = (response: { statusCode: number; body: string }) =>
  response.statusCode === 200 ? 'OK' : (JSON.parse(response.body) as { code: string }).code;

const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>(
    (counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }),
    {},
  );

describe('login limits under parallel guessing', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  }, 300_000);
  afterAll(() => t.close());

  const lockEvents = async (username: string) => {
    const user = (await findUserByUsername(t.ctx.db, username))!;
    const { rows } = await listAuditEvents(t.ctx.db, {
      scope: undefined,
      entityId: user.id,
      page: 1,
      pageSize: 100,
    });
    return rows.filter((event) => event.action === 'user.account.locked');
  };

  it('300 parallel logins from one address, the last with the right password: 20 are answered, the rest refused, and the account ends locked', async () => {
    const ip = '198.51.100.200';
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        login(t, 'pengjiang.unithead', i === 299 ? demoPassword : `guess-${i}`, ip),
      ),
    );
    const codes = responses.map(codeOf);
    const counts = tally(codes);
    // the 21st attempt from the address is refused, however the requests interleaved
    expect(counts.LOGIN_RATE_LIMITED).toBe(300 - loginPolicy.attemptsPerIpPerWindow);
    // 20 attempts were answered; whatever their order, at least 15 of them were wrong after any success,
    // so the account is locked at the end, and exactly once per run of five failures
    const user = (await findUserByUsername(t.ctx.db, 'pengjiang.unithead'))!;
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(t.ctx.clock.now().getTime());
    expect(counts.OK ?? 0).toBeLessThanOrEqual(1);
    if (!counts.OK) {
      expect(counts.INVALID_CREDENTIALS).toBe(loginPolicy.maxFailuresBeforeLock);
      expect(counts.ACCOUNT_LOCKED).toBe(
        loginPolicy.attemptsPerIpPerWindow - loginPolicy.maxFailuresBeforeLock,
      );
      expect(await lockEvents('pengjiang.unithead')).toHaveLength(1);
    }
    // and the right password, from another address, meets the lock
    expectProblem(
      await login(t, 'pengjiang.unithead', demoPassword, '198.51.100.201'),
      423,
      'ACCOUNT_LOCKED',
    );
  }, 300_000);

  it('30 parallel wrong passwords from 30 addresses: exactly the first five are counted, the account is locked once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(t, 'pengjiang.reviewer', `guess-${i}`, `203.0.113.${i + 1}`),
      ),
    );
    const counts = tally(responses.map(codeOf));
    expect(counts).toEqual({
      INVALID_CREDENTIALS: loginPolicy.maxFailuresBeforeLock,
      ACCOUNT_LOCKED: 30 - loginPolicy.maxFailuresBeforeLock,
    });
    const events = await lockEvents('pengjiang.reviewer');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ failures: loginPolicy.maxFailuresBeforeLock });
  }, 300_000);

  it('answers a name without an account exactly as an existing one, failure after failure', async () => {
    const sequence = async (username: string, ipBase: string) => {
      const answers: { status: number; code: string; title: string }[] = [];
      for (let i = 0; i < loginPolicy.maxFailuresBeforeLock + 2; i += 1) {
        const response = await login(t, username, 'wrong', `${ipBase}.${i}`);
        const body = response.json() as { code: string; title: string };
        answers.push({ status: response.statusCode, code: body.code, title: body.title });
      }
      return answers;
    };
    const existing = await sequence('city.unithead', '192.0.2');
    const unknown = await sequence('nobody.at.all', '192.0.3');
    expect(unknown).toEqual(existing);
    expect(existing.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 423, 423]);
  }, 300_000);

  it('lets an administrator unlock the account, audits it, and tells the owner at the next login', async () => {
    const admin = await t.login('admin');
    const locked = (await findUserByUsername(t.ctx.db, 'pengjiang.reviewer'))!;
    const inspector = await t.login('city.inspector');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${locked.id}/unlock`,
        headers: { cookie: inspector },
      }),
      404,
    );
    // the administrator finds it in the list of locked accounts, with when it was locked; an officer may not list
    const lockedNames = async () =>
      (
        (await t.app.inject({ url: '/api/v1/users/locked', headers: { cookie: admin } })).json() as {
          items: { username: string; lockedAt: string | null; lockedUntil: string }[];
        }
      ).items;
    const listed = (await lockedNames()).find((item) => item.username === 'pengjiang.reviewer');
    expect(listed).toMatchObject({ lockedAt: t.ctx.clock.now().toISOString() });
    expectProblem(await t.app.inject({ url: '/api/v1/users/locked', headers: { cookie: inspector } }), 403);
    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${locked.id}/unlock`,
      headers: { cookie: admin },
    });
    expect(unlocked.statusCode).toBe(204);
    expect((await lockedNames()).map((item) => item.username)).not.toContain('pengjiang.reviewer');
    const { rows: events } = await listAuditEvents(t.ctx.db, {
      scope: undefined,
      entityId: locked.id,
      page: 1,
      pageSize: 100,
    });
    expect(events.map((event) => event.action)).toContain('user.account.unlocked');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${locked.id}/unlock`,
        headers: { cookie: admin },
      }),
      409,
      'ACCOUNT_NOT_LOCKED',
    );

    const owner = await login(t, 'pengjiang.reviewer', demoPassword, '192.0.4.1');
    expect(owner.statusCode).toBe(200);
    expect(owner.json()).toMatchObject({ lastLockedAt: t.ctx.clock.now().toISOString() });
    const cookie = `inspecta_session=${owner.cookies.find((c) => c.name === 'inspecta_session')!.value}`;
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ lastLockedAt: t.ctx.clock.now().toISOString() });
  }, 120_000);

  it('refuses an unlock by an administrator of another territory as not found', async () => {
    // the city administrator's scope covers the whole city; an account outside it does not exist for them
    const admin = await t.login('admin');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000/unlock',
        headers: { cookie: admin },
      }),
      404,
    );
  });
});
