import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectorPoolHash, poolHash, verifyDraw, type DrawRecord } from '@inspecta/domain';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { approvedPlan, requester } from '../../../test/plan-fixtures.ts';
import { enterprises } from '../enterprises/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { officers } from '../officers/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { nodeSha256 } from './hasher.ts';
import { draws } from './schema.ts';

type Summary = {
  id: string;
  status: string;
  poolHash: string;
  inspectorPoolHash: string;
  sampleSize: number;
  enterpriseCount: number;
  seed: string | null;
  cancellation: { status: string } | null;
};

let t: TestContext;
let reviewer: string;
let inspector: string;
let head: string;

const freezeBody = (overrides: Record<string, unknown> = {}) => ({
  title: '2026年12月双随机抽查（测试）',
  inspectionDate: '2026-12-10',
  matters: ['work_safety_general'],
  source: {
    kind: 'criteria',
    strata: [
      { key: '蓬江区', criteria: { territory: '440703' }, k: 3 },
      { key: '新会区', criteria: { territory: '440705' }, percent: 10 },
    ],
  },
  ...overrides,
});

const freeze = async (overrides: Record<string, unknown> = {}) => {
  const res = await requester(t).post('/api/v1/draws', reviewer, freezeBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Summary;
};

const perform = (id: string, cookie = reviewer) =>
  requester(t).post(`/api/v1/draws/${id}/perform`, cookie, {
    publicEntropy: '3 1 4 1 5 9 2 6',
    witnesses: ['陈见证', '林见证'],
  });

// the record as the territory's staff read it at any time after the session
const recordOf = async (id: string) => {
  const res = await t.app.inject({ url: `/api/v1/draws/${id}/record`, headers: { cookie: reviewer } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DrawRecord;
};

beforeAll(async () => {
  t = await createTestContext({ seed: true, now: new Date('2026-11-26T02:00:00Z') });
  reviewer = await t.login('city.reviewer');
  inspector = await t.login('city.inspector');
  head = await t.login('city.head');
});
afterAll(() => t.close());

describe('freezing the pools (items 1–3)', () => {
  it('publishes the hashes at once, with no result and no record yet', async () => {
    const draw = await freeze();
    expect(draw.status).toBe('frozen');
    expect(draw.poolHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.seed).toBeNull();
    const listed = (await t.app.inject({ url: '/api/v1/public/draws' })).json() as { items: Summary[] };
    expect(listed.items.find((item) => item.id === draw.id)?.poolHash).toBe(draw.poolHash);
    expectProblem(await t.app.inject({ url: `/api/v1/draws/${draw.id}/record` }), 409, 'DRAW_NOT_DRAWN');
  });

  it('lets only the legal reviewer freeze a batch', async () => {
    expectProblem(await requester(t).post('/api/v1/draws', inspector, freezeBody()), 403);
  });

  it('refuses a team of one (measure 12) and a sample larger than its stratum', async () => {
    expectProblem(await requester(t).post('/api/v1/draws', reviewer, freezeBody({ teamSize: 1 })), 400);
    const tooMany = freezeBody({
      source: {
        kind: 'criteria',
        strata: [{ key: '蓬江区', criteria: { territory: '440703' }, k: 100_000 }],
      },
    });
    const res = await requester(t).post('/api/v1/draws', reviewer, tooMany);
    expectProblem(res, 422, 'DRAW_SAMPLE_TOO_LARGE');
  });

  it('refuses overlapping strata', async () => {
    const overlapping = freezeBody({
      source: {
        kind: 'criteria',
        strata: [
          { key: 'a', criteria: { territory: '440703' }, k: 1 },
          { key: 'b', criteria: {}, k: 1 },
        ],
      },
    });
    expectProblem(
      await requester(t).post('/api/v1/draws', reviewer, overlapping),
      422,
      'DRAW_STRATA_OVERLAP',
    );
  });
});

describe('the draw session (items 4–8)', () => {
  it('draws once, serves a record anyone can verify, and plans the inspections', async () => {
    const draw = await freeze();
    expectProblem(
      await requester(t).post(`/api/v1/draws/${draw.id}/perform`, reviewer, {
        publicEntropy: '12345',
        witnesses: ['陈见证'],
      }),
      400,
    );
    const res = await perform(draw.id);
    expect(res.statusCode, res.body).toBe(200);
    const drawn = res.json() as Summary;
    expect(drawn.status).toBe('drawn');

    const record = await recordOf(draw.id);
    expect(record.poolHash).toBe(draw.poolHash);
    expect(verifyDraw(record)).toMatchObject({ consistent: true });
    expect(record.selected).toHaveLength(draw.sampleSize);
    for (const entry of record.selected) expect(entry.inspectors).toHaveLength(2);

    const planned = await t.ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id));
    expect(planned).toHaveLength(draw.sampleSize);
    expect(
      planned.every(
        (row) => row.kind === 'double_random' && row.stage === 'planned' && row.team.length === 2,
      ),
    ).toBe(true);

    // item 9: no redraw
    expectProblem(await perform(draw.id), 409, 'DRAW_ALREADY_DRAWN');
  });

  // issue 12 item 9: the public page does not announce the visits; what binds the draw is public at once
  it('publishes at the session only what binds the draw, and the full record once the window closes', async () => {
    const draw = await freeze();
    const res = await requester(t).post(`/api/v1/draws/${draw.id}/perform`, reviewer, {
      publicEntropy: '2 7 1 8 2 8',
      witnesses: [
        { name: '梁敏', role: 'supervision' },
        { name: '吴丽娟', role: 'social_supervisor' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const publicDetail = async () => {
      const detail = await t.app.inject({ url: `/api/v1/public/draws/${draw.id}` });
      expect(detail.statusCode, detail.body).toBe(200);
      return detail;
    };
    const before = await publicDetail();
    const early = before.json() as {
      selected: unknown[];
      selectedTotal: number;
      disclosed: boolean;
      witnesses: string[];
      resultHash: string | null;
      poolHash: string;
      seed: string | null;
      windowClosesOn: string;
    };
    expect(early).toMatchObject({
      disclosed: false,
      selected: [],
      selectedTotal: 0,
      windowClosesOn: '2026-12-31',
    });
    expect(early.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(early.seed).toMatch(/^[0-9a-f]{64}$/);
    // issue 11 item 11: the official by role and name, the citizen by role only
    expect(early.witnesses).toEqual(['执法监督机构人员 梁敏', '社会监督员']);
    expect(before.body).not.toContain('吴丽娟');
    const planned = await t.ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id));
    for (const row of planned) expect(before.body).not.toContain(row.creditCode);
    expectProblem(await t.app.inject({ url: `/api/v1/draws/${draw.id}/record` }), 409, 'DRAW_RECORD_NOT_YET');
    // the territory's staff read it at once
    expect(verifyDraw(await recordOf(draw.id))).toEqual({ consistent: true });

    // the window closes: the full record is public and matches the hash published at the session
    t.setNow(new Date('2027-01-01T02:00:00Z'));
    try {
      const after = (await publicDetail()).json() as {
        disclosed: boolean;
        selected: { enterpriseName: string | null; inspectors: { name: string | null }[] }[];
      };
      expect(after.disclosed).toBe(true);
      expect(after.selected.length).toBe(draw.sampleSize);
      expect(
        after.selected.every((entry) => entry.enterpriseName && entry.inspectors.every((m) => m.name)),
      ).toBe(true);
      const served = await t.app.inject({ url: `/api/v1/draws/${draw.id}/record` });
      expect(served.statusCode, served.body).toBe(200);
      const record = served.json() as DrawRecord;
      expect(record.resultHash).toBe(early.resultHash);
      expect(verifyDraw(record)).toEqual({ consistent: true });
      expect(served.body).not.toContain('吴丽娟');
      // a record changed after the session, even where the selection does not depend on it, is caught
      const altered = { ...record, witnesses: ['执法监督机构人员 梁敏', '社会监督员 吴丽娟'] };
      const verdict = verifyDraw(altered);
      expect(verdict.consistent).toBe(false);
      if (!verdict.consistent) expect(verdict.differences.map((d) => d.field)).toEqual(['resultHash']);
    } finally {
      t.setNow(new Date('2026-11-26T02:00:00Z'));
    }
  });

  it('publishes the full record before the window closes once every inspection of the draw is done', async () => {
    const draw = await freeze();
    await perform(draw.id);
    expectProblem(await t.app.inject({ url: `/api/v1/draws/${draw.id}/record` }), 409, 'DRAW_RECORD_NOT_YET');
    await t.ctx.db.update(inspections).set({ stage: 'closed' }).where(eq(inspections.drawId, draw.id));
    const served = await t.app.inject({ url: `/api/v1/draws/${draw.id}/record` });
    expect(served.statusCode, served.body).toBe(200);
    expect(verifyDraw(served.json() as DrawRecord)).toEqual({ consistent: true });
  });

  it('keeps verifying a draw made before the result hash, its witnesses shown by role', async () => {
    const draw = await freeze();
    await perform(draw.id);
    // as stored before: names as entered, no hash, no roles
    const [row] = await t.ctx.db.select({ result: draws.result }).from(draws).where(eq(draws.id, draw.id));
    const { resultHash: _hash, witnessDetails: _details, ...old } = row!.result!;
    await t.ctx.db
      .update(draws)
      .set({ result: { ...old, witnesses: ['陈见证', '林见证'] } })
      .where(eq(draws.id, draw.id));
    const record = await recordOf(draw.id);
    expect(record.resultHash).toBeUndefined();
    expect(record.witnesses).toEqual(['见证人', '见证人']);
    expect(verifyDraw(record)).toEqual({ consistent: true });
  });

  it('leaves out of the pool an officer with a declared conflict for that enterprise', async () => {
    const [enterprise] = await t.ctx.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.territory, '440703'))
      .limit(1);
    const [officer] = await t.ctx.db
      .select()
      .from(officers)
      .where(and(eq(officers.territory, '440700'), eq(officers.onRoster, true)))
      .limit(1);
    const declared = await requester(t).post('/api/v1/conflicts', reviewer, {
      officerId: officer!.id,
      enterpriseId: enterprise!.id,
      reason: '执法人员配偶在该企业任职',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const draw = await freeze();
    await perform(draw.id);
    const record = await recordOf(draw.id);
    const exclusion = record.exclusions.find(
      (e) => e.enterprise === enterprise!.creditCode && e.reason === '申报回避',
    );
    // issue 11 item 11: the record carries the reason's code, the declared text stays internal
    expect(exclusion).toBeDefined();
    expect(JSON.stringify(record)).not.toContain('配偶');
    expect(record.exclusions.every((e) => ['申报回避', '上次检查人员'].includes(e.reason))).toBe(true);
    const chosen = record.selected.find((entry) => entry.enterprise === enterprise!.creditCode);
    if (chosen) expect(chosen.inspectors).not.toContain(exclusion!.inspector);
  });

  it('joins a partner department drawn from its own roster (measure 6)', async () => {
    const [fire] = await t.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.departmentType, 'fire_rescue'));
    const draw = await freeze({ partners: [fire!.id] });
    expect((await perform(draw.id)).statusCode).toBe(200);
    const served = (
      await t.app.inject({ url: `/api/v1/draws/${draw.id}/record`, headers: { cookie: reviewer } })
    ).json() as {
      selected: { enterprise: string }[];
      partners: { organisationName: string; record: DrawRecord }[];
    };
    expect(served.partners).toHaveLength(1);
    const joint = served.partners[0]!.record;
    expect(verifyDraw(joint).consistent).toBe(true);
    expect(joint.selected.map((e) => e.enterprise).sort()).toEqual(
      served.selected.map((e) => e.enterprise).sort(),
    );
    const planned = await t.ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id));
    expect(
      planned.every(
        (row) => row.partners[0]?.team.length === 2 && row.partners[0].organisationName === fire!.name,
      ),
    ).toBe(true);
    // the bureau's own pool holds no partner officer
    const own = (await recordOf(draw.id)).inspectors;
    expect(joint.inspectors.filter((c) => own.includes(c))).toEqual([]);
  });

  it('refuses a partner that is not another department', async () => {
    const [bureau] = await t.ctx.db
      .select()
      .from(organisations)
      .where(and(eq(organisations.territory, '440700'), eq(organisations.kind, 'bureau')));
    const res = await requester(t).post('/api/v1/draws', reviewer, freezeBody({ partners: [bureau!.id] }));
    expectProblem(res, 422, 'DRAW_PARTNER_NOT_DEPARTMENT');
  });
});

describe('the stored pools', () => {
  it('keeps each stratum as one text, and plans each inspection with the enterprise as registered', async () => {
    const draw = await freeze();
    const [row] = await t.ctx.db.select({ pools: draws.pools }).from(draws).where(eq(draws.id, draw.id));
    for (const stratum of row!.pools.strata)
      expect(stratum).toMatchObject({ lines: expect.any(String), size: expect.any(Number) });
    expect((await perform(draw.id)).statusCode).toBe(200);
    const record = await recordOf(draw.id);
    expect(record.strata.map((stratum) => stratum.codes.length)).toEqual(
      row!.pools.strata.map((stratum) => ('lines' in stratum ? stratum.size : 0)),
    );
    const planned = await t.ctx.db
      .select({
        code: inspections.creditCode,
        name: inspections.enterpriseName,
        territory: inspections.territory,
        id: inspections.enterpriseId,
        registered: enterprises,
      })
      .from(inspections)
      .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
      .where(eq(inspections.drawId, draw.id));
    expect(planned.map((p) => p.code).sort()).toEqual(
      record.selected.map((entry) => entry.enterprise).sort(),
    );
    for (const p of planned)
      expect([p.code, p.name, p.territory]).toEqual([
        p.registered.creditCode,
        p.registered.name,
        p.registered.territory,
      ]);
  });

  it("hashes with Node's SHA-256 exactly as the domain's own does", () => {
    const strata = [
      {
        key: '蓬江区',
        codes: Array.from({ length: 5000 }, (_, index) => `91440703${String(index).padStart(10, '0')}`),
        k: 1,
      },
      { key: 'ü 𝌆', codes: ['甲', 'Ω'], k: 1 },
    ];
    expect(poolHash(strata, nodeSha256)).toBe(poolHash(strata));
    expect(inspectorPoolHash(['A', '证 1', '𝌆'], nodeSha256)).toBe(inspectorPoolHash(['A', '证 1', '𝌆']));
  });

  it('refuses to draw from pools changed after their hash was published', async () => {
    const draw = await freeze();
    const [row] = await t.ctx.db.select({ pools: draws.pools }).from(draws).where(eq(draws.id, draw.id));
    const [first, ...rest] = row!.pools.strata;
    if (!first || !('lines' in first)) throw new Error('stored as text expected');
    // one code dropped, the count left as it was
    const changed = { ...first, lines: first.lines.split('\n').slice(1).join('\n') };
    await t.ctx.db
      .update(draws)
      .set({ pools: { ...row!.pools, strata: [changed, ...rest] } })
      .where(eq(draws.id, draw.id));
    expectProblem(await perform(draw.id), 422, 'DRAW_POOL_CHANGED');
  });

  it('still draws from pools stored as JSON arrays before', async () => {
    const draw = await freeze();
    const [row] = await t.ctx.db.select({ pools: draws.pools }).from(draws).where(eq(draws.id, draw.id));
    const strata = row!.pools.strata.map((stratum) =>
      'lines' in stratum ? { key: stratum.key, codes: stratum.lines.split('\n'), k: stratum.k } : stratum,
    );
    await t.ctx.db
      .update(draws)
      .set({ pools: { ...row!.pools, strata } })
      .where(eq(draws.id, draw.id));
    expect((await perform(draw.id)).statusCode).toBe(200);
    const record = await recordOf(draw.id);
    expect(record.strata).toEqual(strata);
    expect(verifyDraw(record)).toMatchObject({ consistent: true });
  });
});

describe('cancellation and recusal (item 9)', () => {
  it('needs the bureau head to approve a cancellation, which stays public', async () => {
    const draw = await freeze();
    await perform(draw.id);
    const { post } = requester(t);
    expectProblem(await post(`/api/v1/draws/${draw.id}/cancellation`, reviewer, { reason: '短' }), 400);
    expect(
      (
        await post(`/api/v1/draws/${draw.id}/cancellation`, reviewer, {
          reason: '检查日遇台风红色预警，全部顺延',
        })
      ).statusCode,
    ).toBe(200);
    expectProblem(
      await post(`/api/v1/draws/${draw.id}/cancellation/decision`, reviewer, { approve: true }),
      403,
    );
    const decided = await post(`/api/v1/draws/${draw.id}/cancellation/decision`, head, {
      approve: true,
      comment: '同意',
    });
    expect(decided.json()).toMatchObject({ status: 'cancelled', cancellation: { status: 'approved' } });
    const planned = await t.ctx.db.select().from(inspections).where(eq(inspections.drawId, draw.id));
    expect(planned.every((row) => row.stage === 'cancelled')).toBe(true);
    const listed = (await t.app.inject({ url: '/api/v1/public/draws?status=cancelled' })).json() as {
      items: Summary[];
    };
    expect(listed.items.find((item) => item.id === draw.id)?.cancellation?.status).toBe('approved');
    // the record of a cancelled draw stays public and verifiable
    expect(verifyDraw(await recordOf(draw.id)).consistent).toBe(true);
  });

  it('replaces a recused officer by continuing the sampler, beside the original', async () => {
    const draw = await freeze();
    await perform(draw.id);
    const record = await recordOf(draw.id);
    const first = record.selected[0]!;
    const res = await requester(t).post(`/api/v1/draws/${draw.id}/recusals`, reviewer, {
      enterprise: first.enterprise,
      inspector: first.inspectors[0],
      reason: '与企业负责人系近亲属',
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json() as { replacement: string; recused: string };
    expect(entry.recused).toBe(first.inspectors[0]);
    expect(first.inspectors).not.toContain(entry.replacement);
    const [inspection] = await t.ctx.db
      .select()
      .from(inspections)
      .where(and(eq(inspections.drawId, draw.id), eq(inspections.creditCode, first.enterprise)));
    expect(inspection!.team.map((m) => m.certificate)).toContain(entry.replacement);
    const served = (
      await t.app.inject({ url: `/api/v1/draws/${draw.id}/record`, headers: { cookie: reviewer } })
    ).json() as {
      replacements: { reason: string }[];
    };
    expect(served.replacements).toHaveLength(1);
    // issue 11 item 11: the recusal's reason as a code
    expect(served.replacements[0]!.reason).toBe('申报回避');
    expect(verifyDraw(await recordOf(draw.id)).consistent).toBe(true);
  });
});

describe('from the annual plan', () => {
  it('draws a batch of the approved plan once, and refuses to freeze it twice', async () => {
    t.setNow(new Date('2026-01-25T02:00:00Z'));
    const county = await t.login('pengjiang.reviewer');
    const plan = await approvedPlan(t, county, 2026);
    t.setNow(new Date('2026-11-26T02:00:00Z'));
    const county2 = await t.login('pengjiang.reviewer');
    expect(plan.status, JSON.stringify(plan).slice(0, 300)).toBe('approved');
    const detail = plan as unknown as {
      batches: { code: string; month: number; strata: { k: number; candidates: number }[] }[];
    };
    const batch = detail.batches[0];
    expect(batch).toBeDefined();
    const body = freezeBody({
      inspectionDate: `2026-${String(batch!.month).padStart(2, '0')}-15`,
      source: { kind: 'annual_plan_batch', annualPlanId: plan.id, batchCode: batch!.code },
    });
    const first = await requester(t).post('/api/v1/draws', county2, body);
    expect(first.statusCode, first.body).toBe(201);
    const frozen = first.json() as Summary;
    // enterprises already at their annual cap leave the pool, and are listed beside it
    const detail2 = (await requester(t).get(`/api/v1/draws/${frozen.id}`, county2)).json() as {
      atCap: unknown[];
    };
    expect(frozen.sampleSize + detail2.atCap.length).toBe(batch!.strata.reduce((n, s) => n + s.k, 0));
    expectProblem(await requester(t).post('/api/v1/draws', county2, body), 409, 'DRAW_BATCH_ALREADY_DRAWN');
  });
});
