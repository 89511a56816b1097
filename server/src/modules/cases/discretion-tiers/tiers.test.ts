import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.ts';
import { expectProblem } from '../../../../test/problem.ts';
import { apiCaller, insertCaseReferral } from '../../../../test/case-fixtures.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { discretionTierEdits } from './schema.ts';

// issue 15 item 2 (measure 17): the city's legal reviewer edits a violation's discretion tiers; every edit is kept,
// the latest in force on the day the violation was committed is the one a proposal uses.

type Tiers = {
  territory: string;
  mayEdit: boolean;
  tiers: {
    tier: string;
    editId: string | null;
    conditions: string;
    band: { fromPercent: number; toPercent: number; pointPercent: number } | null;
    verified: boolean;
  }[];
  schemes: { kind: string; heavier: { fromPercent: number; pointPercent: number } }[];
  history: {
    tier: string;
    reason: string;
    source: string;
    verified: boolean;
    editorName: string;
    changes: { field: string; before: string; after: string }[];
  }[];
};

type Proposal = {
  tier: string;
  amountFen: number | null;
  unverified: string[];
  tierRule: { editId: string | null; verified: boolean; source: string } | null;
};

// wsl_102_1 (安全生产法 第一百零二条): a fine up to 50,000 yuan for the entity; 50,000–100,000 for the persons
const split = (heavier: { from: number; point: number }, conditions = '存在重大事故隐患且无从轻情节') => [
  {
    tier: 'lighter',
    conditions: '初次违法且及时改正',
    band: { fromPercent: 0, toPercent: 20, pointPercent: 10 },
  },
  {
    tier: 'ordinary',
    conditions: '无从轻从重情节',
    band: { fromPercent: 20, toPercent: heavier.from, pointPercent: (20 + heavier.from) / 2 },
  },
  {
    tier: 'heavier',
    conditions,
    band: { fromPercent: heavier.from, toPercent: 100, pointPercent: heavier.point },
  },
];

describe('discretion tier edits (issue 15 item 2)', () => {
  let t: TestContext;
  let cityReviewer: string;
  let districtReviewer: string;
  let inspector: string;
  const api = (method: 'GET' | 'POST' | 'PUT', path: string, cookie: string | null, payload?: unknown) =>
    apiCaller(t)(method, path, cookie, payload);
  const edit = (cookie: string, payload: unknown, code = 'wsl_102_1') =>
    api('POST', `/penalty-catalog/violations/${code}/tier-edits`, cookie, payload);
  const tiersOn = async (on: string, code = 'wsl_102_1') =>
    (await api('GET', `/penalty-catalog/violations/${code}/tiers?on=${on}`, inspector)).json() as Tiers;

  // a case of a major hidden danger found by the inspection, committed on the day given: 从重
  const proposalFor = async (committedOn: string): Promise<Proposal> => {
    const item = await insertCaseReferral(t);
    const opened = (
      await api('POST', '/penalty-cases', districtReviewer, {
        source: 'case_referral',
        caseReferralId: item.id,
      })
    ).json() as { id: string };
    const facts = await api('PUT', `/penalty-cases/${opened.id}/facts`, inspector, {
      violationCode: 'wsl_102_1',
      committedOn,
      circumstances: ['major_hidden_danger'],
      foundBy: 'inspection',
    });
    expect(facts.statusCode, facts.body).toBe(200);
    const proposed = await api('POST', `/penalty-cases/${opened.id}/proposal`, inspector);
    expect(proposed.statusCode, proposed.body).toBe(200);
    return (proposed.json() as { proposal: Proposal }).proposal;
  };

  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    cityReviewer = await t.login('city.reviewer');
    districtReviewer = await t.login('pengjiang.reviewer');
    inspector = await t.login('pengjiang.inspector');
  });
  afterAll(() => t.close());

  it('shows every officer the placeholder tiers, marked unverified, and lets only the city’s reviewer edit', async () => {
    const shown = await tiersOn('2026-11-01');
    expect(shown.territory).toBe('440700');
    expect(shown.mayEdit).toBe(false);
    expect(shown.tiers.map((tier) => tier.tier)).toEqual([
      'no_penalty',
      'mitigated',
      'lighter',
      'ordinary',
      'heavier',
    ]);
    expect(shown.tiers.every((tier) => tier.editId === null && !tier.verified)).toBe(true);
    expect(shown.history).toEqual([]);
    const body = { effective: '2026-01-01', reason: '按本市适用规则', tiers: split({ from: 50, point: 70 }) };
    expectProblem(await edit(inspector, body), 403, 'FORBIDDEN');
    // a district's reviewer reads the city's tiers but does not change them
    expectProblem(await edit(districtReviewer, body), 403, 'FORBIDDEN');
    expect(
      ((await api('GET', '/penalty-catalog/violations/wsl_102_1/tiers', cityReviewer)).json() as Tiers)
        .mayEdit,
    ).toBe(true);
    expectProblem(await edit(cityReviewer, body, 'no_such_violation'), 404);
  });

  it('refuses a band outside the range, bands that leave a gap, and a verified mark without a source', async () => {
    const out = await edit(cityReviewer, {
      effective: '2026-01-01',
      reason: '试改',
      tiers: [
        {
          tier: 'heavier',
          conditions: '拒不改正',
          band: { fromPercent: 60, toPercent: 120, pointPercent: 80 },
        },
      ],
    });
    expect(expectProblem(out, 422, 'DISCRETION_BAND_OUT_OF_RANGE').measure).toBe(17);
    // 从重 from 50% while 一般 still ends at the placeholder's 60%
    const gap = await edit(cityReviewer, {
      effective: '2026-01-01',
      reason: '试改',
      tiers: [split({ from: 50, point: 70 })[2]],
    });
    const refusal = expectProblem(gap, 422, 'DISCRETION_BANDS_NOT_CONTIGUOUS');
    expect(refusal.basis).toContain('国办发〔2022〕27号');
    expectProblem(
      await edit(cityReviewer, {
        effective: '2026-01-01',
        reason: '试改',
        verified: true,
        tiers: split({ from: 50, point: 70 }),
      }),
      422,
      'DISCRETION_VERIFIED_NEEDS_SOURCE',
    );
    expectProblem(await edit(cityReviewer, { effective: '2026-01-01', tiers: [] }), 400);
    const rows = await t.ctx.db.select().from(discretionTierEdits);
    expect(rows).toEqual([]);
  });

  it('keeps every edit: the later one wins from its effective date, the earlier still applies before it', async () => {
    const first = await edit(cityReviewer, {
      effective: '2026-01-01',
      reason: '按本市适用规则调整从重档',
      source: '',
      tiers: split({ from: 50, point: 70 }),
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await edit(cityReviewer, {
      effective: '2026-09-01',
      reason: '适用规则修订',
      source: '江门市应急管理安全生产行政处罚自由裁量适用规则(暂行) 第二十条（测试）',
      verified: true,
      tiers: [split({ from: 50, point: 90 }, '存在重大事故隐患（修订）')[2]],
    });
    expect(second.statusCode, second.body).toBe(201);
    const rows = await t.ctx.db
      .select()
      .from(discretionTierEdits)
      .where(
        and(eq(discretionTierEdits.violationCode, 'wsl_102_1'), eq(discretionTierEdits.tier, 'heavier')),
      );
    expect(rows).toHaveLength(2);

    const before = await tiersOn('2025-12-31');
    expect(before.tiers.find((tier) => tier.tier === 'heavier')?.editId).toBeNull();
    const spring = await tiersOn('2026-03-01');
    const springHeavier = spring.tiers.find((tier) => tier.tier === 'heavier')!;
    expect(springHeavier).toMatchObject({ verified: false, band: { fromPercent: 50, pointPercent: 70 } });
    const autumn = await tiersOn('2026-10-01');
    expect(autumn.tiers.find((tier) => tier.tier === 'heavier')).toMatchObject({
      conditions: '存在重大事故隐患（修订）',
      verified: true,
      band: { fromPercent: 50, pointPercent: 90 },
    });
    expect(autumn.schemes.map((scheme) => scheme.heavier.pointPercent)).toEqual([90, 90]);
    // the history, newest first, with what changed
    expect(autumn.history.map((entry) => entry.tier)).toEqual(['heavier', 'lighter', 'ordinary', 'heavier']);
    expect(autumn.history[0]).toMatchObject({ reason: '适用规则修订', verified: true });
    expect(autumn.history[0]!.changes.map((change) => change.field)).toEqual([
      '适用条件',
      '罚款幅度',
      '依据',
      '核实',
    ]);
    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'discretion_tier.edit.recorded'));
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.territory === '440700' && event.entityId === 'wsl_102_1')).toBe(
      true,
    );
  });

  it('proposes from the tiers in force on the day the violation was committed, saying whether they are verified', async () => {
    // before any edit: the placeholder (从重 60–100%, 80%), 待法制审核
    const old = await proposalFor('2025-06-01');
    expect(old).toMatchObject({ tier: 'heavier', amountFen: 4_000_000 });
    expect(old.tierRule?.editId).toBeNull();
    expect(old.unverified.join('')).toContain('待法制审核');
    // the first edit (从重 50–100%, 70%), not verified: still 待法制审核
    const spring = await proposalFor('2026-03-01');
    expect(spring).toMatchObject({ tier: 'heavier', amountFen: 3_500_000 });
    expect(spring.tierRule).toMatchObject({ verified: false });
    expect(spring.tierRule?.editId).toEqual(expect.any(String));
    expect(spring.unverified.join('')).toContain('待法制审核');
    // the verified edit (90%): no 待法制审核 mark
    const autumn = await proposalFor('2026-10-01');
    expect(autumn).toMatchObject({ tier: 'heavier', amountFen: 4_500_000, unverified: [] });
    expect(autumn.tierRule).toMatchObject({ verified: true });
    expect(autumn.tierRule?.source).toContain('适用规则');
  });
});
