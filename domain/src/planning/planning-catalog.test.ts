import { describe, expect, it } from 'vitest';
import { parsePlanningCatalog, planningCatalog, planningCatalogEntries } from './planning-catalog.ts';
import type { PlanningCatalog } from './planning-catalog.ts';

const PLACEHOLDER = '待法制审核 (placeholder): ';

const copy = (): PlanningCatalog => structuredClone(planningCatalog);

describe('planning catalogue (measures 1, 2, 5)', () => {
  it('lists the ten other-enforcement and the non-enforcement categories of the method as practised', () => {
    expect(planningCatalog.otherEnforcementCategories.map((entry) => entry.name)).toEqual([
      '综合监管',
      '许可',
      '事故调查',
      '投诉举报',
      '联合执法',
      '登记备案',
      '中介机构检查',
      '宣传培训',
      '复议应诉',
      '上级交办',
    ]);
    expect(planningCatalog.nonEnforcementCategories.map((entry) => entry.name)).toEqual([
      '值班',
      '学习培训会议',
      '指导下级',
      '党群活动',
      '病事假',
      '年休/探亲/婚丧假',
      '其他',
    ]);
  });

  it('marks every unverified entry as a placeholder for the legal reviewer', () => {
    for (const entry of planningCatalogEntries(planningCatalog)) {
      expect(entry.source.length, entry.code).toBeGreaterThan(0);
      if (!entry.verified) expect(entry.source.startsWith(PLACEHOLDER), entry.code).toBe(true);
      if (entry.source.startsWith(PLACEHOLDER)) expect(entry.verified, entry.code).toBe(false);
    }
  });

  it('keeps the per-inspection workdays, the ratio and the split unverified, as no national figure was found', () => {
    for (const row of planningCatalog.inspectionWorkdays) expect(row.verified).toBe(false);
    expect(planningCatalog.doubleRandom.verified).toBe(false);
    expect(planningCatalog.formula.find((term) => term.code === 'key_inspection_workdays')?.verified).toBe(
      false,
    );
  });

  it('rejects a ratio above one and a missing formula term', () => {
    const ratio = copy();
    ratio.doubleRandom.numerator = 4;
    expect(() => parsePlanningCatalog(ratio)).toThrow('抽查比例不得大于 1');
    const formula = copy();
    formula.formula = formula.formula.slice(1);
    expect(() => parsePlanningCatalog(formula)).toThrow('计算式各项须且只能各列一次');
  });
});
