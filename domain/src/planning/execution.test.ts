import { describe, expect, it } from 'vitest';
import type { AnnualPlan } from './annual-plan-types.ts';
import { computeAnnualPlan } from './compute-annual-plan.ts';
import { planExecution } from './execution.ts';
import type { ActualInspection } from './execution.ts';
import { generalEnterprise, keyEnterprise, planInput } from './planning-test-fixtures.ts';

const annual = (): AnnualPlan => {
  const result = computeAnnualPlan(
    planInput({
      enterprises: [
        keyEnterprise('k1', { unit: '危化科', territory: '440703' }),
        keyEnterprise('k2', { unit: '工贸科', territory: '440781' }),
        ...['g1', 'g2', 'g3'].map((id) =>
          generalEnterprise(id, { unit: '执法一队', lastInspectedOn: '2021-01-01' }),
        ),
      ],
      keyInspectionMonths: [4, 8],
      batchMonths: [6],
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
};

const inspection = (changes: Partial<ActualInspection>): ActualInspection => ({
  inspectionId: 'i1',
  enterpriseId: 'k1',
  date: '2025-04-10',
  unit: '危化科',
  territory: '440703',
  kind: 'key',
  batchCode: null,
  workdays: 4,
  ...changes,
});

describe('plan against execution (measures 2 and 5)', () => {
  it('counts key coverage so far and lists the key enterprises not yet covered', () => {
    const report = planExecution({ plan: annual(), actual: [inspection({})], asOf: '2025-09-01' });
    expect(report.keyCoverage).toEqual({ total: 2, covered: 1, share: 0.5 });
    expect(report.uncoveredKeyEnterprises).toEqual([
      {
        enterpriseId: 'k2',
        name: '重点企业k2',
        territory: '440781',
        unit: '工贸科',
        plannedMonths: [8],
        behindSchedule: true,
      },
    ]);
    expect(report.coverageWarning).toBe(false);
  });

  it('warns from October while a key enterprise is still uncovered', () => {
    expect(
      planExecution({ plan: annual(), actual: [inspection({})], asOf: '2025-10-01' }).coverageWarning,
    ).toBe(true);
    const both = [
      inspection({}),
      inspection({ inspectionId: 'i2', enterpriseId: 'k2', territory: '440781' }),
    ];
    expect(planExecution({ plan: annual(), actual: both, asOf: '2025-12-01' }).coverageWarning).toBe(false);
  });

  it('counts batches done, workdays used, and rows by month, unit, county and kind', () => {
    const plan = annual();
    const code = plan.batches[0]?.code ?? '';
    const actual = [
      inspection({}),
      ...['g1', 'g2', 'g3'].map((id, i) =>
        inspection({
          inspectionId: `d${i}`,
          enterpriseId: id,
          kind: 'double_random',
          batchCode: code,
          date: '2025-06-12',
          unit: '执法一队',
          territory: '440705',
          workdays: 2,
        }),
      ),
      inspection({
        inspectionId: 't1',
        enterpriseId: 'x',
        kind: 'targeted',
        date: '2025-06-20',
        unit: '执法一队',
        territory: '440705',
        workdays: 2,
      }),
      inspection({ inspectionId: 'late', date: '2025-11-20' }),
    ];
    const report = planExecution({ plan, actual, asOf: '2025-06-30' });
    expect(report.batches).toEqual([{ code: '2025-06', month: 6, size: 3, done: 3, complete: true }]);
    expect(report.workdays).toEqual({ planned: 2 * 4 + 3 * 2, used: 4 + 6 + 2 });
    const june = report.byMonth.find((row) => row.key === '6');
    expect(june?.planned.doubleRandom).toBe(3);
    expect(june?.actual).toMatchObject({ doubleRandom: 3, targeted: 1, workdays: 8 });
    expect(report.byUnit.find((row) => row.key === '执法一队')?.planned.doubleRandom).toBe(3);
    expect(report.byTerritory.find((row) => row.key === '440781')?.planned.keyInspections).toBe(1);
    expect(
      report.byKind.map((row) => [row.key, row.planned.keyInspections + row.planned.doubleRandom]),
    ).toEqual([
      ['key', 2],
      ['double_random', 3],
      ['targeted', 0],
      ['other', 0],
    ]);
  });
});
