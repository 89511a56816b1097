import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { industryCatalog } from '../catalog/industries.ts';
import { keyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import { isKeyEnterprise, keyIndustryReasons } from './key-industry.ts';
import type { KeyIndustryProfile } from './key-industry.ts';

const criteria = keyIndustryCriteriaCatalog.entries;

// measure 4 names these industries outright; the other three criteria are dust, ammonia and deep-well casting.
const keyIndustries = ['non_coal_mine', 'hazardous_chemical_production', 'fireworks_wholesale', 'steel'];
const otherIndustries = industryCatalog.entries
  .map((entry) => entry.code)
  .filter((code) => !keyIndustries.includes(code));

const plain: KeyIndustryProfile = {
  industry: 'machinery',
  dustWorkers: 0,
  usesLiquidAmmonia: false,
  hasDeepWellCasting: false,
};

describe('key enterprises by industry (measure 4)', () => {
  it('names a non-coal mine a key enterprise and says why, with the measure as source', () => {
    expect(keyIndustryReasons({ ...plain, industry: 'non_coal_mine' }, criteria)).toEqual([
      {
        criterion: 'non_coal_mine',
        name: '非煤矿山',
        source: '《江门市应急管理系统严格规范涉企行政检查若干措施》(2025) 第四项',
        verified: true,
      },
    ]);
  });

  it('names hazardous-chemical production a key industry, but not hazardous-chemical trading', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'hazardous_chemical_production' }, criteria)).toBe(true);
    expect(isKeyEnterprise({ ...plain, industry: 'hazardous_chemical_operation' }, criteria)).toBe(false);
  });

  it('names fireworks wholesale a key industry, but not fireworks retail', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'fireworks_wholesale' }, criteria)).toBe(true);
    expect(isKeyEnterprise({ ...plain, industry: 'fireworks_retail' }, criteria)).toBe(false);
  });

  it('names steel a key industry, but not metallurgy in general', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'steel' }, criteria)).toBe(true);
    expect(isKeyEnterprise({ ...plain, industry: 'metallurgy' }, criteria)).toBe(false);
  });

  it('names aluminium processing key only where it casts in deep wells', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'aluminium_processing' }, criteria)).toBe(false);
    expect(
      keyIndustryReasons({ ...plain, industry: 'aluminium_processing', hasDeepWellCasting: true }, criteria),
    ).toEqual([
      expect.objectContaining({ criterion: 'aluminium_deep_well_casting', name: '铝加工(深井铸造)' }),
    ]);
  });

  it('counts 30 dust workers as key and 29 as not', () => {
    expect(
      keyIndustryReasons({ ...plain, dustWorkers: 30 }, criteria).map((reason) => reason.criterion),
    ).toEqual(['dust_explosion']);
    expect(isKeyEnterprise({ ...plain, dustWorkers: 29 }, criteria)).toBe(false);
  });

  it('names a cold store using liquid ammonia a key enterprise in any industry', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'commerce_trade', usesLiquidAmmonia: true }, criteria)).toBe(
      true,
    );
  });

  it('lists every reason that applies, in catalogue order', () => {
    const reasons = keyIndustryReasons(
      { industry: 'steel', dustWorkers: 45, usesLiquidAmmonia: true, hasDeepWellCasting: false },
      criteria,
    );
    expect(reasons.map((reason) => reason.criterion)).toEqual([
      'steel',
      'dust_explosion',
      'liquid_ammonia_refrigeration',
    ]);
  });

  it('finds no reason, and so no key enterprise, under an empty list of criteria', () => {
    expect(isKeyEnterprise({ ...plain, industry: 'non_coal_mine', dustWorkers: 100 }, [])).toBe(false);
  });

  it('treats any enterprise in a key industry or with at least 30 dust workers as key', () => {
    const industry = fc.constantFrom(...industryCatalog.entries.map((entry) => entry.code));
    fc.assert(
      fc.property(
        industry,
        fc.nat(500),
        fc.boolean(),
        fc.boolean(),
        (code, dustWorkers, ammonia, casting) => {
          fc.pre(keyIndustries.includes(code) || dustWorkers >= 30);
          const profile = {
            industry: code,
            dustWorkers,
            usesLiquidAmmonia: ammonia,
            hasDeepWellCasting: casting,
          };
          expect(isKeyEnterprise(profile, criteria)).toBe(true);
        },
      ),
    );
  });

  it('treats an enterprise outside the key industries, with under 30 dust workers and no other criterion, as not key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...otherIndustries),
        fc.integer({ min: 0, max: 29 }),
        (code, dustWorkers) => {
          const profile = {
            industry: code,
            dustWorkers,
            usesLiquidAmmonia: false,
            hasDeepWellCasting: false,
          };
          expect(keyIndustryReasons(profile, criteria)).toEqual([]);
          expect(isKeyEnterprise(profile, criteria)).toBe(false);
        },
      ),
    );
  });
});
