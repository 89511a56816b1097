import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualPlan, PlanningEnterprise } from './annual-plan-types.ts';
import { computeAnnualPlan } from './compute-annual-plan.ts';
import { planDoubleRandomBatches, rotationTier } from './plan-double-random-batches.ts';
import { planningCatalog } from './planning-catalog.ts';
import type { PlanningCatalog } from './planning-catalog.ts';
import { generalEnterprise, planInput } from './planning-test-fixtures.ts';

// A seeded generator for the simulated draws (the real draw is issue 6's); never Math.random.
const mulberry32 = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const drawn = (plan: AnnualPlan, random: () => number): Map<string, number> => {
  const result = new Map<string, number>();
  for (const batch of plan.batches) {
    for (const stratum of batch.strata) {
      const pool = [...stratum.enterpriseIds];
      for (let taken = 0; taken < stratum.k; taken += 1) {
        const [id] = pool.splice(Math.floor(random() * pool.length), 1);
        if (id !== undefined) result.set(id, batch.month);
      }
    }
  }
  return result;
};

const catalogWithRatio = (numerator: number, denominator: number): PlanningCatalog => ({
  ...planningCatalog,
  doubleRandom: { ...planningCatalog.doubleRandom, numerator, denominator },
});

const FIRST_YEAR = 2012;

const simulatedPool = fc.array(
  fc.record({
    last: fc.constantFrom<number | null>(null, 1, 2, 3, 6),
    listed: fc.constantFrom<number | null>(null, 1, 10),
    joins: fc.nat(4),
  }),
  { minLength: 1, maxLength: 40 },
);

describe('double-random batches and rotation (measure 5, 粤应急规〔2021〕4号)', () => {
  it('every general enterprise is covered at least once in any three consecutive simulated years', () => {
    fc.assert(
      fc.property(
        simulatedPool,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 3, max: 9 }),
        fc.integer(),
        (pool, denominator, numeratorSeed, years, seed) => {
          const catalog = catalogWithRatio(numeratorSeed % (denominator + 1), denominator);
          const random = mulberry32(seed);
          const state = pool.map((spec, index) => ({
            joinYear: FIRST_YEAR + (spec.last === null && spec.listed === 1 ? spec.joins : 0),
            enterprise: generalEnterprise(`g${String(index).padStart(3, '0')}`, {
              lastInspectedOn: spec.last === null ? null : `${FIRST_YEAR - spec.last}-06-30`,
              listedOn: spec.listed === null ? null : `${FIRST_YEAR - spec.listed}-03-01`,
            }),
            inspected: new Set<number>(),
          }));
          for (const item of state)
            if (item.joinYear > FIRST_YEAR) item.enterprise.listedOn = `${item.joinYear}-05-01`;

          const lastYear = FIRST_YEAR + years - 1;
          for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
            const present = state.filter((item) => item.joinYear <= year);
            const result = computeAnnualPlan(
              planInput({ year, enterprises: present.map((item) => item.enterprise) }),
              { catalog },
            );
            if (!result.ok) throw new Error(result.message);
            const quota = Math.ceil((present.length * catalog.doubleRandom.numerator) / denominator);
            expect(result.plan.totals.generalPlanned).toBeGreaterThanOrEqual(Math.min(quota, present.length));
            for (const [id, month] of drawn(result.plan, random)) {
              const item = state.find((candidate) => candidate.enterprise.enterpriseId === id);
              item?.inspected.add(year);
              if (item) item.enterprise.lastInspectedOn = `${year}-${String(month).padStart(2, '0')}-15`;
            }
          }
          for (const item of state) {
            for (let start = item.joinYear; start + 2 <= lastYear; start += 1) {
              const covered = [start, start + 1, start + 2].some((year) => item.inspected.has(year));
              expect(covered, `${item.enterprise.enterpriseId} in ${start}–${start + 2}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts no enterprise in two batches of a year, and every batch in a scheduled month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(3), (size, lastSeed) => {
        const enterprises = Array.from({ length: size }, (_, i) =>
          generalEnterprise(`g${i}`, { lastInspectedOn: lastSeed === 0 ? null : `${2025 - lastSeed}-01-10` }),
        );
        const { batches, planned } = planDoubleRandomBatches({
          year: 2025,
          enterprises,
          ratio: { numerator: 1, denominator: 10 },
          months: [3, 6, 9],
          workdaysPerInspection: 2,
        });
        const all = batches.flatMap((batch) => batch.strata.flatMap((stratum) => stratum.enterpriseIds));
        expect(new Set(all).size).toBe(all.length);
        expect(batches.reduce((total, batch) => total + batch.size, 0)).toBe(planned);
        for (const batch of batches) {
          expect([3, 6, 9]).toContain(batch.month);
          for (const stratum of batch.strata)
            expect(stratum.k).toBeLessThanOrEqual(stratum.enterpriseIds.length);
        }
      }),
    );
  });

  it('plans every enterprise due in its three-year period, even above the ratio', () => {
    const enterprises = [
      ...Array.from({ length: 6 }, (_, i) => generalEnterprise(`due${i}`, { lastInspectedOn: '2022-05-01' })),
      ...Array.from({ length: 4 }, (_, i) =>
        generalEnterprise(`recent${i}`, { lastInspectedOn: '2024-05-01' }),
      ),
    ];
    const plan = planDoubleRandomBatches({
      year: 2025,
      enterprises,
      ratio: { numerator: 1, denominator: 10 },
      months: [3, 6, 9],
      workdaysPerInspection: 2,
    });
    expect(plan.planned).toBe(6);
    const due = plan.batches.flatMap((batch) =>
      batch.strata.filter((stratum) => stratum.key === 'rotation_due'),
    );
    expect(due.flatMap((stratum) => stratum.enterpriseIds).sort()).toEqual(
      enterprises
        .slice(0, 6)
        .map((e) => e.enterpriseId)
        .sort(),
    );
    for (const stratum of due) expect(stratum.k).toBe(stratum.enterpriseIds.length);
  });

  it('lets the ratio decide when few are due, drawing the not recently inspected first', () => {
    const enterprises: PlanningEnterprise[] = [
      ...Array.from({ length: 3 }, (_, i) => generalEnterprise(`new${i}`, { listedOn: '2024-03-01' })),
      ...Array.from({ length: 27 }, (_, i) =>
        generalEnterprise(`open${i}`, { lastInspectedOn: '2024-05-01' }),
      ),
    ];
    const plan = planDoubleRandomBatches({
      year: 2025,
      enterprises,
      ratio: { numerator: 1, denominator: 3 },
      months: [3, 6, 9],
      workdaysPerInspection: 2,
    });
    expect(plan.planned).toBe(10);
    const k = (tier: string) =>
      plan.batches
        .flatMap((b) => b.strata)
        .filter((s) => s.key === tier)
        .reduce((t, s) => t + s.k, 0);
    expect(k('not_recently_inspected')).toBe(3);
    expect(k('open')).toBe(7);
  });

  it('reads the rotation period from the grading allowance, and a recent listing as not yet due', () => {
    const base = generalEnterprise('g1');
    expect(rotationTier({ ...base, lastInspectedOn: '2023-12-31' }, 2025)).toBe('open');
    expect(rotationTier({ ...base, lastInspectedOn: '2022-12-31' }, 2025)).toBe('rotation_due');
    expect(rotationTier({ ...base, listedOn: '2023-01-01' }, 2025)).toBe('rotation_due');
    expect(rotationTier({ ...base, listedOn: '2024-01-01' }, 2025)).toBe('not_recently_inspected');
  });

  it('lists the batches in the catalogue months with the configured ratio and their share', () => {
    const enterprises = Array.from({ length: 30 }, (_, i) =>
      generalEnterprise(`g${i}`, { lastInspectedOn: '2024-01-01' }),
    );
    const result = computeAnnualPlan(planInput({ enterprises }));
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.batches.map((batch) => [batch.code, batch.month, batch.size, batch.share])).toEqual([
      ['2025-03', 3, 4, 4 / 30],
      ['2025-06', 6, 3, 3 / 30],
      ['2025-09', 9, 3, 3 / 30],
    ]);
    for (const batch of result.plan.batches) expect(batch.ratio).toEqual({ numerator: 1, denominator: 3 });
  });

  it('keeps an enterprise whose cap is 0 out of the draw, and warns', () => {
    const capZero = generalEnterprise('g0', {
      grading: {
        class: 'general',
        enforcementLevel: 'county',
        allowance: { minimum: { count: 1, perYears: 3 }, minimumVerified: false, cap: 0, capVerified: false },
      },
    });
    const result = computeAnnualPlan(planInput({ enterprises: [capZero, generalEnterprise('g1')] }));
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.generalPool.map((entry) => entry.enterpriseId)).toEqual(['g1']);
    expect(result.plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'GENERAL_CAP_ZERO', enterpriseIds: ['g0'] }),
    );
  });
});
