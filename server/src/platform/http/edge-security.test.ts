import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { approvedPlan, requester } from '../../../test/plan-fixtures.ts';
import { contentSecurityPolicy, strictTransportSecurity } from './security-headers.ts';

// Issue 12 items 6 (cross-site request forgery beyond SameSite) and 8 (security headers).

describe('a write from another site is refused (CSRF)', () => {
  let t: TestContext;
  let unitHead: string;
  let planId: string;
  beforeAll(async () => {
    t = await createTestContext({ now: new Date('2026-08-20T02:00:00Z') });
    const http = requester(t);
    unitHead = await t.login('city.unithead');
    await approvedPlan(t, await t.login('city.reviewer'), 2026);
    const created = await http.post('/api/v1/monthly-plans', unitHead, { year: 2026, month: 9 });
    expect(created.statusCode, created.body).toBe(201);
    planId = (created.json() as { id: string }).id;
  }, 300_000);
  afterAll(() => t.close());

  const submit = (headers: Record<string, string>, payload?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/monthly-plans/${planId}/submit`,
      headers: { cookie: unitHead, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });

  const statusOfPlan = async () =>
    (
      (
        await t.app.inject({ url: `/api/v1/monthly-plans/${planId}`, headers: { cookie: unitHead } })
      ).json() as { status: string }
    ).status;

  it('refuses a form post from a foreign page that would submit a monthly plan', async () => {
    // what <form method="post" action="…/submit"> on another site sends with the user's cookie
    expectProblem(
      await submit(
        { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        '',
      ),
      403,
      'FOREIGN_ORIGIN',
    );
    expectProblem(
      await submit({ referer: 'https://evil.example/page', 'content-type': 'text/plain' }, '{}'),
      403,
      'FOREIGN_ORIGIN',
    );
    expectProblem(await submit({ 'sec-fetch-site': 'cross-site' }), 403, 'FOREIGN_ORIGIN');
    // a sandboxed frame or a local file says `Origin: null`
    expectProblem(await submit({ origin: 'null' }), 403, 'FOREIGN_ORIGIN');
    expectProblem(await submit({ origin: 'http://localhost.evil.example' }), 403, 'FOREIGN_ORIGIN');
    expect(await statusOfPlan()).toBe('draft');
  });

  it('refuses a form’s body even from the app’s own origin: writes take JSON', async () => {
    const own = { origin: 'http://localhost' };
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      expectProblem(await submit({ ...own, 'content-type': type }, ''), 415, 'BODY_MUST_BE_JSON');
    }
    expect(await statusOfPlan()).toBe('draft');
  });

  it('accepts the app’s own page (Origin or Referer) and a client that is no browser', async () => {
    const response = await submit({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await statusOfPlan()).toBe('submitted');
    // a read is never refused for its origin
    const read = await t.app.inject({
      url: `/api/v1/monthly-plans/${planId}`,
      headers: { cookie: unitHead, origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
    // same origin by Referer alone, and no browser header at all (curl, the tests' inject)
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: await t.login('city.inspector'), referer: 'http://localhost/plans' },
    });
    expect(logout.statusCode).toBe(204);
  });
});

describe('security headers', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ seed: true });
  }, 300_000);
  afterAll(() => t.close());

  it('sends the content security policy, frame, sniffing and referrer headers on every answer', async () => {
    for (const url of ['/api/v1/health', '/api/v1/no-such-route', '/api/v1/enterprises']) {
      const response = await t.app.inject({ url });
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('asks for HTTPS only when served over HTTPS (behind a trusted proxy)', async () => {
    const app = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      webDist: null,
      trustProxy: true,
    });
    try {
      const https = await app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe(strictTransportSecurity);
      const http = await app.inject({ url: '/api/v1/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('shows the API documentation only to a logged-in user in production', async () => {
    const app = await buildApp({
      ctx: t.ctx,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      webDist: null,
      docsNeedLogin: true,
    });
    try {
      const urls = [
        '/api/docs',
        '/api/docs/json',
        '/api/docs/static/swagger-initializer.js',
        '/api/openapi.json',
      ];
      for (const url of urls) {
        expectProblem(await app.inject({ url }), 401, 'UNAUTHENTICATED');
      }
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'city.inspector', password: 'Inspecta@2026' },
        remoteAddress: '10.9.9.9',
      });
      const cookie = `inspecta_session=${login.cookies.find((c) => c.name === 'inspecta_session')!.value}`;
      for (const url of urls.slice(1)) {
        const docs = await app.inject({ url, headers: { cookie } });
        expect(docs.statusCode, url).toBe(200);
        expect(docs.headers['content-security-policy']).toBe(contentSecurityPolicy);
      }
    } finally {
      await app.close();
    }
    // outside production (development, the tests) the documentation stays open
    expect((await t.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
  });
});
