import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '@inspecta/domain';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { verifyAuditChain } from '../../platform/audit/service.ts';

type Enterprise = {
  id: string;
  name: string;
  creditCode: string;
  isKey: boolean;
  keyReasons: { code: string }[];
  territory: string;
  workforce: number;
};
type Page = { items: Enterprise[]; total: number; page: number; pageSize: number };

const valid = (overrides: Record<string, unknown> = {}) => ({
  creditCode: makeCreditCode('91440703MA4TEXT01'),
  name: '江门市测试五金有限公司',
  address: '江门市蓬江区测试路1号',
  territory: '440703',
  industry: 'machinery',
  scale: 'small',
  workforce: 50,
  ...overrides,
});

describe('enterprise registry', () => {
  let t: TestContext;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestContext();
    cookie = await t.login('pengjiang.inspector');
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  it('creates an enterprise and records it in the audit trail', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie },
      payload: valid(),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '江门市测试五金有限公司',
      territoryName: '蓬江区',
      industryName: '机械',
      isKey: false,
    });
    const after = await verifyAuditChain(t.ctx.db);
    // the registration and the enterprise's first grading (measure 3), both in the same transaction
    expect(after).toMatchObject({ intact: true, count: before.count + 2 });
  });

  it('refuses a credit code whose check digit is wrong, in Chinese, on the field', async () => {
    const code = makeCreditCode('91440703MA4TEXT02');
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const body = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { cookie },
        payload: valid({ creditCode: wrong }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['body', 'creditCode'], message: expect.stringContaining('校验位') }),
    ]);
  });

  it('refuses a second enterprise with the same credit code', async () => {
    const payload = valid({ creditCode: makeCreditCode('91440703MA4TEXT03') });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: { cookie }, payload }))
        .statusCode,
    ).toBe(201);
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: { cookie }, payload }),
      409,
      'ENTERPRISE_EXISTS',
    );
  });

  it('marks an enterprise key when an edit meets a measure-4 criterion, and unmarks it', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { cookie },
        payload: valid({ creditCode: makeCreditCode('91440703MA4TEXT04') }),
      })
    ).json() as Enterprise;
    const dusty = (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/enterprises/${created.id}`,
        headers: { cookie },
        payload: { dustWorkers: 30 },
      })
    ).json() as Enterprise;
    expect(dusty.isKey).toBe(true);
    expect(dusty.keyReasons.map((r) => r.code)).toEqual(['dust_explosion']);
    const calm = (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/enterprises/${created.id}`,
        headers: { cookie },
        payload: { dustWorkers: 29 },
      })
    ).json() as Enterprise;
    expect(calm.isKey).toBe(false);
  });

  it('refuses more dust workers than workers', async () => {
    const body = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { cookie },
        payload: valid({ creditCode: makeCreditCode('91440703MA4TEXT05'), dustWorkers: 60 }),
      }),
      400,
    );
    expect(JSON.stringify(body.errors)).toContain('dustWorkers');
  });

  it('finds enterprises by a fragment of name, address or credit code', async () => {
    const byName = (await get(`/api/v1/enterprises?q=${encodeURIComponent('测试五金')}`)).json() as Page;
    expect(byName.items.map((e) => e.name)).toContain('江门市测试五金有限公司');
    const byAddress = (await get(`/api/v1/enterprises?q=${encodeURIComponent('测试路1号')}`)).json() as Page;
    expect(byAddress.total).toBeGreaterThan(0);
    const code = byName.items[0]!.creditCode;
    const byCode = (await get(`/api/v1/enterprises?q=${code.slice(4, 12).toLowerCase()}`)).json() as Page;
    expect(byCode.items.map((e) => e.creditCode)).toContain(code);
    const literal = (await get(`/api/v1/enterprises?q=${encodeURIComponent('%')}`)).json() as Page;
    expect(literal.total).toBe(0);
  });

  it('finds a two-character brand, and a longer fragment only where its characters stand together', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie },
      payload: valid({ creditCode: makeCreditCode('91440703MA4TEXT09'), name: '江门市华美美华灯饰有限公司' }),
    });
    expect(created.statusCode).toBe(201);
    const names = async (q: string) =>
      ((await get(`/api/v1/enterprises?q=${encodeURIComponent(q)}&pageSize=200`)).json() as Page).items.map(
        (e) => e.name,
      );
    // issue 18 item 1: two characters, the search users make most
    expect(await names('华美')).toContain('江门市华美美华灯饰有限公司');
    expect(await names('美华灯')).toContain('江门市华美美华灯饰有限公司');
    // 华美 and 美华 are both in the name, 华美华 is not: the pairs find the row, LIKE refuses it
    expect(await names('华美华')).not.toContain('江门市华美美华灯饰有限公司');
    // one character has no pair, and is still found
    expect(await names('饰')).toContain('江门市华美美华灯饰有限公司');
  });

  it('asks the index of character pairs for a two-character fragment', async () => {
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await tx.execute(
        sql`explain select id from enterprises where inspecta_bigrams(search_text) @> inspecta_bigrams(lower(${'华美'}))`,
      )) as unknown as { rows: Record<string, string>[] };
    });
    expect(plan.rows.map((row) => Object.values(row)[0]).join('\n')).toContain(
      'enterprises_search_bigrams_idx',
    );
    const pairs = (await t.ctx.db.execute(
      sql`select inspecta_bigrams(lower(${'华美AB'})) as pairs`,
    )) as unknown as {
      rows: { pairs: string[] }[];
    };
    expect([...pairs.rows[0]!.pairs].sort()).toEqual(['ab', '美a', '华美'].sort());
  });

  it('pages a search in name order whichever plan finds the page (dense and rare matches)', async () => {
    for (const q of ['有限公司', '家具', '测试五金']) {
      const all = (await get(`/api/v1/enterprises?q=${encodeURIComponent(q)}&pageSize=200`)).json() as Page;
      const names = all.items.map((e) => e.name);
      expect(names).toEqual([...names].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
      for (const page of [1, 2]) {
        const part = (
          await get(`/api/v1/enterprises?q=${encodeURIComponent(q)}&pageSize=3&page=${page}`)
        ).json() as Page;
        expect(part.items.map((e) => e.id)).toEqual(
          all.items.slice((page - 1) * 3, page * 3).map((e) => e.id),
        );
      }
    }
  });

  it('pages, sorts and filters on the server', async () => {
    const first = (await get('/api/v1/enterprises?pageSize=10&sort=-workforce')).json() as Page;
    expect(first.items).toHaveLength(10);
    const workforces = first.items.map((e) => e.workforce);
    expect(workforces).toEqual([...workforces].sort((a, b) => b - a));
    const second = (await get('/api/v1/enterprises?pageSize=10&page=2&sort=-workforce')).json() as Page;
    expect(second.items[0]!.workforce).toBeLessThanOrEqual(workforces[9]!);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(20);
    const keyOnly = (await get('/api/v1/enterprises?isKey=true&pageSize=200')).json() as Page;
    expect(keyOnly.items.length).toBeGreaterThan(0);
    expect(keyOnly.items.every((e) => e.isKey)).toBe(true);
    const machinery = (await get('/api/v1/enterprises?industry=machinery&pageSize=200')).json() as Page;
    expect(
      machinery.items.every((e) => (e as unknown as { industry: string }).industry === 'machinery'),
    ).toBe(true);
  });

  it('rejects an unknown sort field and an oversized page', async () => {
    expectProblem(await get('/api/v1/enterprises?sort=password'), 400, 'INVALID_SORT');
    expectProblem(await get('/api/v1/enterprises?pageSize=500'), 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for an id that is not a UUID', async () => {
    expectProblem(await get('/api/v1/enterprises/not-an-id'), 404, 'NOT_FOUND');
  });

  it('has an enterprise in every key industry of measure 4 in the demo data', async () => {
    const city = await t.login('city.inspector');
    const keyPage = (
      await t.app.inject({ url: '/api/v1/enterprises?isKey=true&pageSize=200', headers: { cookie: city } })
    ).json() as Page;
    const criteria = new Set(keyPage.items.flatMap((e) => e.keyReasons.map((r) => r.code)));
    expect([...criteria]).toEqual(
      expect.arrayContaining([
        'aluminium_deep_well_casting',
        'dust_explosion',
        'fireworks_wholesale',
        'hazardous_chemical_production',
        'liquid_ammonia_refrigeration',
        'non_coal_mine',
        'steel',
      ]),
    );
  });
});
