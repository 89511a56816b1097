import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormulaLine } from './annual-plan-formula.ts';
import type { AnnualPlan, ComputeAnnualPlanInput } from './annual-plan-types.ts';
import { computeAnnualPlan } from './compute-annual-plan.ts';
import { generalEnterprise, keyEnterprise, planInput } from './planning-test-fixtures.ts';

const planOf = (input: ComputeAnnualPlanInput): AnnualPlan => {
  const result = computeAnnualPlan(input);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
};

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

const randomInput = fc
  .record({
    officers: fc.nat(60),
    other: fc.nat(3000),
    non: fc.nat(3000),
    keys: fc.nat(80),
    generals: fc.nat(300),
    keyCap: fc.constantFrom<number | null>(null, 0, 1, 2),
    keyMinimum: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ officers, other, non, keys, generals, keyCap, keyMinimum }) =>
    planInput({
      officers: { count: officers },
      otherEnforcementWorkdays: [{ category: 'licensing', workdays: Math.min(other, officers * 248) }],
      nonEnforcementWorkdays: [
        {
          category: 'duty_shifts',
          workdays: Math.min(non, officers * 248 - Math.min(other, officers * 248)),
        },
      ],
      enterprises: [
        ...ids('k', keys).map((id) =>
          keyEnterprise(id, {
            territory: keys % 2 ? '440703' : '440781',
            grading: {
              class: 'key',
              enforcementLevel: 'city_organised',
              allowance: {
                minimum: { count: keyMinimum, perYears: 1 },
                minimumVerified: true,
                cap: keyCap,
                capVerified: false,
              },
            },
          }),
        ),
        ...ids('g', generals).map((id) => generalEnterprise(id)),
      ],
    }),
  );

describe('annual plan workdays (measure 1, 安监总政法〔2017〕150号)', () => {
  it('computes 宽城区 2025: 8 officers × 248 − 1,035 − 535 = 414 inspection workdays', () => {
    const plan = planOf(
      planInput({
        officers: { count: 8 },
        otherEnforcementWorkdays: [{ category: 'comprehensive_supervision', workdays: 1035 }],
        nonEnforcementWorkdays: [{ category: 'duty_shifts', workdays: 535 }],
      }),
    );
    expect(plan.totals).toMatchObject({
      statutoryWorkdays: 248,
      totalWorkdays: 1984,
      inspectionWorkdays: 414,
    });
    expect(plan.formula.text[0]).toBe('总法定工作日 1,984 = 法定工作日 248 × 持证执法人员数 8');
    expect(plan.formula.text[3]).toBe(
      '监督检查工作日 414 = 总法定工作日 1,984 − 其他执法工作日 1,035 − 非执法工作日 535',
    );
  });

  // FACTS.md §1's 2019 city plan printed 247 × 22 = 5,434; the 2019 holiday notice gives 250 workdays,
  // so the calendar, not a typed-in count, sets the first term.
  it('takes the statutory workdays from the holiday calendar, not from a typed-in count', () => {
    const plan = planOf(
      planInput({
        year: 2019,
        officers: { count: 22 },
        otherEnforcementWorkdays: [{ category: 'licensing', workdays: 2469 }],
        nonEnforcementWorkdays: [{ category: 'duty_shifts', workdays: 1994 }],
      }),
    );
    expect(plan.totals).toMatchObject({
      statutoryWorkdays: 250,
      totalWorkdays: 5500,
      inspectionWorkdays: 1037,
    });
  });

  it('counts only the officers on the roster who may inspect in the year (measure 10)', () => {
    const roster = [
      { officerId: 'a', mayInspect: true },
      { officerId: 'b', mayInspect: false },
      { officerId: 'c', mayInspect: true },
    ];
    const plan = planOf(
      planInput({ officers: { roster }, otherEnforcementWorkdays: [], nonEnforcementWorkdays: [] }),
    );
    expect(plan.totals.certifiedOfficers).toBe(2);
    expect(plan.totals.totalWorkdays).toBe(496);
  });

  it('lists every category of the catalogue in the formula, labelled in Chinese, 0 when not entered', () => {
    const plan = planOf(planInput());
    expect(plan.formula.text[1]).toContain('许可 600');
    expect(plan.formula.text[1]).toContain('综合监管 0');
    expect(plan.formula.text[2]).toContain('年休/探亲/婚丧假 800');
    expect(plan.formula.lines[1]?.rest).toHaveLength(9);
  });

  it('the formula numbers add up', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const plan = planOf(input);
        for (const line of plan.formula.lines) expect(evaluateFormulaLine(line)).toBe(line.result.value);
        const { totals } = plan;
        expect(totals.keyInspectionWorkdays + totals.generalInspectionWorkdays).toBe(
          totals.inspectionWorkdays,
        );
        expect(totals.workdayBalance).toBe(
          totals.inspectionWorkdays - totals.keyWorkdaysNeeded - totals.generalWorkdaysNeeded,
        );
      }),
    );
  });

  it('refuses deductions larger than the total workdays, naming both numbers', () => {
    const result = computeAnnualPlan(
      planInput({
        officers: { count: 1 },
        nonEnforcementWorkdays: [{ category: 'duty_shifts', workdays: 300 }],
      }),
    );
    expect(result).toMatchObject({ ok: false, code: 'PLAN_DEDUCTIONS_EXCEED_WORKDAYS', measure: 1 });
    expect(result.ok ? '' : result.message).toContain('248');
  });

  it('refuses a category the method does not list, and a category entered twice', () => {
    expect(
      computeAnnualPlan(planInput({ otherEnforcementWorkdays: [{ category: 'golf', workdays: 1 }] })),
    ).toMatchObject({ ok: false, code: 'PLAN_UNKNOWN_WORKDAY_CATEGORY' });
    const twice = [
      { category: 'licensing', workdays: 1 },
      { category: 'licensing', workdays: 2 },
    ];
    expect(computeAnnualPlan(planInput({ otherEnforcementWorkdays: twice }))).toMatchObject({
      ok: false,
      code: 'PLAN_DUPLICATE_WORKDAY_CATEGORY',
    });
  });

  it('refuses an enterprise listed twice', () => {
    const enterprises = [keyEnterprise('k1'), generalEnterprise('k1')];
    expect(computeAnnualPlan(planInput({ enterprises }))).toMatchObject({
      ok: false,
      code: 'PLAN_DUPLICATE_ENTERPRISE',
    });
  });

  it('computes a year whose statutory holidays are not yet published, weekends only, marked pending', () => {
    const plan = planOf(planInput({ year: 2027 }));
    expect(plan.totals.statutoryWorkdays).toBe(261);
    expect(plan.calendarPending).toBe(true);
    const pending = plan.warnings.find((warning) => warning.code === 'CALENDAR_PENDING');
    expect(pending?.message).toContain('待国务院公布');
    expect(planOf(planInput({ year: 2026 })).calendarPending).toBe(false);
  });

  it('warns that the plan rests on values a legal reviewer has not verified', () => {
    const plan = planOf(planInput());
    const unverified = plan.warnings.find((warning) => warning.code === 'UNVERIFIED_CATALOG_VALUES');
    expect(unverified?.catalogCodes).toContain('workdays_per_key_inspection');
    expect(unverified?.catalogCodes).toContain('double_random_ratio');
    expect(plan.ratio.verified).toBe(false);
  });
});

describe('key enterprises (measure 5: at least one full-coverage inspection a year)', () => {
  it('every key enterprise appears exactly once in the plan', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const plan = planOf(input);
        const keys = input.enterprises.filter((e) => e.grading.class === 'key').map((e) => e.enterpriseId);
        const listed = plan.keyInspections.map((entry) => entry.enterpriseId);
        expect([...listed].sort()).toEqual([...keys].sort());
        expect(new Set(listed).size).toBe(listed.length);
        for (const entry of plan.keyInspections) {
          expect(entry.months).toHaveLength(entry.inspections);
          expect(plan.generalPool.some((general) => general.enterpriseId === entry.enterpriseId)).toBe(false);
        }
      }),
    );
  });

  it('spreads key inspections over the scheduled months, a county together', () => {
    const enterprises = ids('k', 18).map((id, i) =>
      keyEnterprise(id, { territory: i < 9 ? '440703' : '440781' }),
    );
    const plan = planOf(planInput({ enterprises }));
    const perMonth = new Map<number, number>();
    for (const entry of plan.keyInspections)
      for (const month of entry.months) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    expect([...perMonth.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([...perMonth.values()].every((count) => count === 2)).toBe(true);
  });

  it('plans no more inspections than the cap allows, and says so', () => {
    const capped = keyEnterprise('k1', {
      grading: {
        class: 'key',
        enforcementLevel: 'city_organised',
        allowance: { minimum: { count: 3, perYears: 1 }, minimumVerified: true, cap: 2, capVerified: false },
      },
    });
    const plan = planOf(planInput({ enterprises: [capped] }));
    expect(plan.keyInspections[0]?.inspections).toBe(2);
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({ code: 'KEY_MINIMUM_EXCEEDS_CAP', enterpriseIds: ['k1'] }),
    );
  });
});

describe('shortfall (workdays that do not cover the minimums)', () => {
  it('shortfall is reported, never silent', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const plan = planOf(input);
        const needed = plan.totals.keyWorkdaysNeeded + plan.totals.generalWorkdaysNeeded;
        const short = needed - plan.totals.inspectionWorkdays;
        expect(plan.keyInspections).toHaveLength(plan.totals.keyEnterprises);
        if (short > 0) {
          expect(plan.shortfall?.workdays).toBe(short);
          expect(plan.warnings.map((warning) => warning.code)).toContain('WORKDAYS_SHORTFALL');
          expect(
            (plan.shortfall?.keyEnterprises ?? 0) + (plan.shortfall?.generalEnterprises ?? 0),
          ).toBeGreaterThan(0);
        } else {
          expect(plan.shortfall).toBeNull();
        }
      }),
    );
  });

  it('keeps every enterprise and counts those the workdays do not reach', () => {
    const enterprises = [
      ...ids('k', 10).map((id) => keyEnterprise(id)),
      ...ids('g', 30).map((id) => generalEnterprise(id)),
    ];
    const plan = planOf(
      planInput({
        officers: { count: 1 },
        otherEnforcementWorkdays: [],
        nonEnforcementWorkdays: [{ category: 'duty_shifts', workdays: 220 }],
        enterprises,
      }),
    );
    // 28 workdays: 7 key enterprises at 4 each; 3 key and all 30 general unfunded
    expect(plan.shortfall).toEqual({ workdays: 40 + 60 - 28, keyEnterprises: 3, generalEnterprises: 30 });
    expect(plan.keyInspections).toHaveLength(10);
    expect(plan.totals.generalPlanned).toBe(30);
    expect(plan.formula.text[7]).toContain('工作日缺口 −72');
  });
});
