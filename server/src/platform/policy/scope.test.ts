import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';

type Page = { items: { id: string; territory: string; name: string }[]; total: number };

describe('territory scope (属地管理)', () => {
  let t: TestContext;
  let pengjiang: string;
  let xinhui: string;
  let city: string;
  let xinhuiEnterprise: { id: string; territory: string };
  beforeAll(async () => {
    t = await createTestContext();
    [pengjiang, xinhui, city] = await Promise.all([
      t.login('pengjiang.inspector'),
      t.login('xinhui.inspector'),
      t.login('city.inspector'),
    ]);
    const list = await t.app.inject({
      url: '/api/v1/enterprises?territory=440705&pageSize=1',
      headers: { cookie: city },
    });
    xinhuiEnterprise = (list.json() as Page).items[0]!;
  });
  afterAll(() => t.close());

  it('shows a county user only its own county', async () => {
    const page = (
      await t.app.inject({ url: '/api/v1/enterprises?pageSize=200', headers: { cookie: pengjiang } })
    ).json() as Page;
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e) => e.territory === '440703')).toBe(true);
  });

  it('answers 404 for another county’s enterprise, so its existence does not leak', async () => {
    expectProblem(
      await t.app.inject({
        url: `/api/v1/enterprises/${xinhuiEnterprise.id}`,
        headers: { cookie: pengjiang },
      }),
      404,
      'NOT_FOUND',
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${xinhuiEnterprise.id}`,
      headers: { cookie: pengjiang },
      payload: { name: '被篡改' },
    });
    expectProblem(patch, 404, 'NOT_FOUND');
    expect(
      (await t.app.inject({ url: `/api/v1/enterprises/${xinhuiEnterprise.id}`, headers: { cookie: xinhui } }))
        .statusCode,
    ).toBe(200);
  });

  it('filtering by another county returns nothing rather than its records', async () => {
    const page = (
      await t.app.inject({ url: '/api/v1/enterprises?territory=440705', headers: { cookie: pengjiang } })
    ).json() as Page;
    expect(page.total).toBe(0);
  });

  it('lets the city see every county', async () => {
    const pages = await Promise.all(
      [1, 2].map(
        async (n) =>
          (
            await t.app.inject({
              url: `/api/v1/enterprises?pageSize=200&page=${n}`,
              headers: { cookie: city },
            })
          ).json() as Page,
      ),
    );
    expect(new Set(pages.flatMap((page) => page.items.map((e) => e.territory))).size).toBe(7);
    expect(pages[0]!.total).toBe(300);
  });

  it('shows an enterprise user its own enterprise and nothing else', async () => {
    const own = await t.login('enterprise.demo');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: own } })).json() as {
      user: { enterpriseId: string };
    };
    const page = (
      await t.app.inject({ url: '/api/v1/enterprises', headers: { cookie: own } })
    ).json() as Page;
    expect(page.items.map((e) => e.id)).toEqual([me.user.enterpriseId]);
    expectProblem(
      await t.app.inject({ url: `/api/v1/enterprises/${xinhuiEnterprise.id}`, headers: { cookie: own } }),
      404,
    );
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/enterprises/${me.user.enterpriseId}`,
      headers: { cookie: own },
      payload: { name: 'x' },
    });
    expectProblem(edit, 403, 'FORBIDDEN');
  });

  it('does not let a county user create an enterprise in another county', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie: pengjiang },
      payload: {
        creditCode: '91440705MA4UK9990',
        name: '越权企业',
        address: '新会区',
        territory: '440705',
        industry: 'machinery',
        scale: 'small',
        workforce: 10,
      },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('shows a county user only its own officers and organisations', async () => {
    const officers = (
      await t.app.inject({ url: '/api/v1/officers?pageSize=200', headers: { cookie: pengjiang } })
    ).json() as Page;
    expect(officers.items.length).toBeGreaterThan(0);
    expect(officers.items.every((o) => o.territory === '440703')).toBe(true);
    const orgs = (
      await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: pengjiang } })
    ).json() as Page;
    expect(orgs.items.every((o) => o.territory === '440703')).toBe(true);
  });

  it('gives expert and social-supervisor accounts no access to the registry', async () => {
    const expert = await t.login('expert.demo');
    expectProblem(await t.app.inject({ url: '/api/v1/enterprises', headers: { cookie: expert } }), 403);
  });
});
