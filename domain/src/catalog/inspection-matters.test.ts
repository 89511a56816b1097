import { describe, expect, it } from 'vitest';
import { inspectionMatterByCode, inspectionMatterCatalog } from './inspection-matters.ts';

describe('inspection matter catalogue', () => {
  it('covers the inspection matters an entrustment may list', () => {
    expect(inspectionMatterCatalog.entries.map((entry) => entry.code)).toEqual([
      'work_safety_general',
      'hazardous_chemicals',
      'non_coal_mine',
      'fireworks',
      'industry_trade',
      'dust_explosion',
      'liquid_ammonia',
      'metallurgy',
      'confined_space',
    ]);
    expect(inspectionMatterByCode(inspectionMatterCatalog, 'confined_space')?.name).toBe('有限空间');
  });
});
