import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { loginPolicy } from './service.ts';
import { demoPassword } from '../../demo/accounts.ts';

const login = (t: TestContext, username: string, password: string, ip = '192.0.2.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login, session and lock-out', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('logs in with an httpOnly, SameSite=Strict session cookie and answers who is logged in', async () => {
    const response = await login(t, 'pengjiang.inspector', 'Inspecta@2026');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'inspecta_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      user: {
        username: 'pengjiang.inspector',
        role: 'inspector',
        territory: '440703',
        territoryName: '蓬江区',
      },
    });
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = expectProblem(await login(t, 'city.head', 'nope', '192.0.2.2'), 401, 'INVALID_CREDENTIALS');
    const unknown = expectProblem(await login(t, 'nobody', 'nope', '192.0.2.2'), 401, 'INVALID_CREDENTIALS');
    expect(wrong.title).toBe(unknown.title);
  });

  it('answers 401 to a request without a session, and to a forged cookie', async () => {
    expectProblem(await t.app.inject({ url: '/api/v1/enterprises' }), 401, 'UNAUTHENTICATED');
    const forged = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: 'inspecta_session=abc.def' },
    });
    expectProblem(forged, 401, 'UNAUTHENTICATED');
  });

  it('locks an account after repeated failures, even against the right password, until the lock expires', async () => {
    for (let i = 0; i < loginPolicy.maxFailuresBeforeLock; i += 1) {
      expectProblem(await login(t, 'xinhui.inspector', 'wrong', `198.51.100.${i}`), 401);
    }
    const locked = expectProblem(
      await login(t, 'xinhui.inspector', 'Inspecta@2026', '198.51.100.99'),
      423,
      'ACCOUNT_LOCKED',
    );
    expect(locked.title).toContain('锁定');
    t.setNow(new Date(t.ctx.clock.now().getTime() + (loginPolicy.lockMinutes + 1) * 60_000));
    expect((await login(t, 'xinhui.inspector', 'Inspecta@2026', '198.51.100.98')).statusCode).toBe(200);
  });

  it('limits the rate of login attempts from one address', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < loginPolicy.attemptsPerIpPerWindow; i += 1) await login(t, `ghost${i}`, 'x', ip);
    expectProblem(await login(t, 'city.head', 'Inspecta@2026', ip), 429, 'LOGIN_RATE_LIMITED');
    expect((await login(t, 'city.head', 'Inspecta@2026', '203.0.113.8')).statusCode).toBe(200);
  }, 180_000);

  it('does not let a client escape the limit by forging X-Forwarded-For', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < loginPolicy.attemptsPerIpPerWindow; i += 1) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `ghost${i}`, password: 'x' },
        remoteAddress: ip,
        headers: { 'x-forwarded-for': `198.18.0.${i}` },
      });
    }
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'city.head', password: 'Inspecta@2026' },
      remoteAddress: ip,
      headers: { 'x-forwarded-for': '198.18.1.1' },
    });
    expectProblem(forged, 429, 'LOGIN_RATE_LIMITED');
  }, 180_000);

  it('ends the session on logout', async () => {
    const cookie = await t.login('city.reviewer');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expectProblem(await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } }), 401);
  });

  it('gives the session cookie a lifetime, not a date on the server’s clock (issue 11 item 13)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'city.inspector', password: demoPassword },
      remoteAddress: '10.9.9.9',
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toContain(`Max-Age=${loginPolicy.sessionHours * 3600}`);
    expect(setCookie).not.toContain('Expires=');
  });

  it('expires a session after its lifetime', async () => {
    const cookie = await t.login('city.inspector');
    t.setNow(new Date(t.ctx.clock.now().getTime() + (loginPolicy.sessionHours + 1) * 3_600_000));
    expectProblem(await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } }), 401);
  });
});
