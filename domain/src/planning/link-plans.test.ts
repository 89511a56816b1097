import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualPlan } from './annual-plan-types.ts';
import { computeAnnualPlan } from './compute-annual-plan.ts';
import { annualPlanItems, comparePlans, linkCountyPlan } from './link-plans.ts';
import type { PlanCoverage, PlanItem, PlanItemKind } from './link-plans.ts';
import { generalEnterprise, keyEnterprise, planInput } from './planning-test-fixtures.ts';

const item = (enterpriseId: string, matter: string, kind: PlanItemKind, territory = '440703'): PlanItem => ({
  enterpriseId,
  territory,
  matter,
  kind,
  month: kind === 'double_random_pool' ? null : 5,
});

const plan = (planId: string, territory: string, items: PlanItem[], year = 2026): PlanCoverage => ({
  planId,
  territory,
  year,
  items,
});

const linked = (options: Parameters<typeof linkCountyPlan>[0]) => {
  const result = linkCountyPlan(options);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('linking a county plan to the city plan (衔接, measure 1)', () => {
  it('county plan never repeats a city-covered enterprise for the same matter', () => {
    const kinds = fc.constantFrom<PlanItemKind>(
      'key_inspection',
      'double_random_listed',
      'double_random_drawn',
      'double_random_pool',
    );
    const items = fc.array(
      fc.record({ id: fc.integer({ min: 1, max: 15 }), matter: fc.constantFrom('a', 'b', 'c'), kind: kinds }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(items, items, (cityItems, countyItems) => {
        const city = plan(
          'city',
          '440700',
          cityItems.map((i) => item(`e${i.id}`, i.matter, i.kind)),
        );
        const county = plan(
          'county',
          '440703',
          countyItems.map((i) => item(`e${i.id}`, i.matter, i.kind)),
        );
        const result = linked({ cityPlan: city, countyPlan: county });
        for (const kept of result.items) {
          const repeated = city.items.some(
            (c) =>
              c.enterpriseId === kept.enterpriseId &&
              c.matter === kept.matter &&
              c.kind !== 'double_random_pool',
          );
          expect(repeated).toBe(false);
        }
        expect(result.items.length + result.excluded.length).toBe(county.items.length);
        for (const { item: excluded, coveredBy } of result.excluded) {
          expect(coveredBy.planId).toBe('city');
          expect(coveredBy.kind).not.toBe('double_random_pool');
          expect(excluded.kind).toBeDefined();
        }
      }),
    );
  });

  it('shows which city item covers an excluded enterprise, and keeps other matters', () => {
    const city = plan('city-2026', '440700', [item('e1', 'hazardous_chemicals', 'key_inspection')]);
    const county = plan('pengjiang-2026', '440703', [
      item('e1', 'hazardous_chemicals', 'double_random_listed'),
      item('e1', 'confined_space', 'double_random_listed'),
    ]);
    const result = linked({ cityPlan: city, countyPlan: county });
    expect(result.items.map((i) => i.matter)).toEqual(['confined_space']);
    expect(result.excluded[0]?.coveredBy).toEqual({
      planId: 'city-2026',
      territory: '440700',
      kind: 'key_inspection',
      month: 5,
    });
  });

  it('does not exclude what the city only may draw', () => {
    const city = plan('city', '440700', [item('e1', 'a', 'double_random_pool')]);
    const county = plan('county', '440703', [item('e1', 'a', 'double_random_listed')]);
    expect(linked({ cityPlan: city, countyPlan: county }).items).toHaveLength(1);
  });

  it('refuses to link plans of different years or to a plan that is not one level up', () => {
    const county = plan('county', '440703', []);
    expect(linkCountyPlan({ cityPlan: plan('city', '440700', [], 2025), countyPlan: county })).toMatchObject({
      ok: false,
      code: 'PLAN_LINK_YEAR_MISMATCH',
      measure: 1,
    });
    expect(linkCountyPlan({ cityPlan: plan('other', '440600', []), countyPlan: county })).toMatchObject({
      ok: false,
      code: 'PLAN_LINK_NOT_UPPER_LEVEL',
    });
    expect(linkCountyPlan({ cityPlan: plan('x', 'bad', []), countyPlan: county }).ok).toBe(false);
  });
});

describe('the city view of county plans', () => {
  it('finds enterprises in no plan, and the same enterprise and matter in two plans', () => {
    const city = plan('city', '440700', [item('k1', 'a', 'key_inspection')]);
    const pengjiang = plan('pengjiang', '440703', [
      item('g1', 'a', 'double_random_pool'),
      item('k1', 'a', 'double_random_listed'),
    ]);
    const jianghai = plan('jianghai', '440704', [
      item('g1', 'a', 'double_random_listed', '440704'),
      item('g2', 'a', 'double_random_pool', '440704'),
    ]);
    const result = comparePlans({
      cityPlan: city,
      countyPlans: [pengjiang, jianghai],
      enterprises: ['k1', 'g1', 'g2', 'g3'].map((enterpriseId) => ({ enterpriseId, territory: '440703' })),
    });
    expect(result.gaps.map((gap) => gap.enterpriseId)).toEqual(['g3']);
    expect(result.overlaps.map((o) => [o.enterpriseId, o.plans.map((p) => p.planId)])).toEqual([
      ['k1', ['city', 'pengjiang']],
      ['g1', ['pengjiang', 'jianghai']],
    ]);
    expect(result.outOfTerritory).toEqual([]);
  });

  it('flags a county plan item outside the county', () => {
    const result = comparePlans({
      cityPlan: null,
      countyPlans: [plan('pengjiang', '440703', [item('g9', 'a', 'double_random_listed', '440781')])],
      enterprises: [],
    });
    expect(result.outOfTerritory).toHaveLength(1);
  });

  it('turns a computed annual plan into items, key visits and listed draws as covering', () => {
    const result = computeAnnualPlan(
      planInput({
        enterprises: [
          keyEnterprise('k1', { matters: ['hazardous_chemicals', 'work_safety_general'] }),
          generalEnterprise('g1', { lastInspectedOn: '2020-01-01' }),
          generalEnterprise('g2', { lastInspectedOn: '2024-01-01' }),
        ],
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const annual: AnnualPlan = result.plan;
    const items = annualPlanItems(annual);
    expect(items.filter((i) => i.enterpriseId === 'k1').map((i) => i.kind)).toEqual([
      'key_inspection',
      'key_inspection',
    ]);
    expect(items.find((i) => i.enterpriseId === 'g1')?.kind).toBe('double_random_listed');
    expect(items.find((i) => i.enterpriseId === 'g2')?.kind).toBe('double_random_pool');
  });
});
