import { describe, expect, it } from 'vitest';
import { checklistFeatures, checklistsFor } from './checklists-for.ts';

const codes = (options: Parameters<typeof checklistsFor>[0]) =>
  checklistsFor(options).map((checklist) => checklist.code);

describe('checklistsFor', () => {
  it('gives every inspection the common matters', () => {
    expect(codes({ matters: ['fireworks'], industry: 'fireworks_retail' })).toEqual(['common_duties']);
  });

  it('adds the 工贸 general items for a 工贸 enterprise under a 工贸 matter', () => {
    expect(codes({ matters: ['industry_trade'], industry: 'machinery' })).toEqual([
      'common_duties',
      'industry_trade_general',
    ]);
  });

  it('adds the dust and ammonia checklists only when the enterprise has dust workers or uses liquid ammonia', () => {
    const features = checklistFeatures({
      dustWorkers: 40,
      usesLiquidAmmonia: true,
      hasDeepWellCasting: false,
    });
    expect(features).toEqual(['dust_explosion', 'liquid_ammonia']);
    expect(
      codes({ matters: ['dust_explosion', 'liquid_ammonia'], industry: 'light_industry', features }),
    ).toEqual(['common_duties', 'industry_trade_general', 'dust_explosion', 'liquid_ammonia']);
    expect(codes({ matters: ['dust_explosion', 'liquid_ammonia'], industry: 'light_industry' })).toEqual([
      'common_duties',
      'industry_trade_general',
    ]);
  });

  it('adds the deep-well casting checklist for an aluminium caster under the metallurgy matter', () => {
    const features = checklistFeatures({
      dustWorkers: 0,
      usesLiquidAmmonia: false,
      hasDeepWellCasting: true,
    });
    expect(codes({ matters: ['metallurgy'], industry: 'aluminium_processing', features })).toEqual([
      'common_duties',
      'industry_trade_general',
      'deep_well_casting',
    ]);
  });

  it('gives the 危化 items to a hazardous-chemical enterprise and not to a 工贸 one', () => {
    expect(codes({ matters: ['hazardous_chemicals'], industry: 'hazardous_chemical_production' })).toEqual([
      'common_duties',
      'hazardous_chemicals',
    ]);
    expect(codes({ matters: ['hazardous_chemicals'], industry: 'textile' })).toEqual(['common_duties']);
  });

  it('leaves out industry-bound checklists when the industry is unknown', () => {
    expect(codes({ matters: ['industry_trade', 'hazardous_chemicals'] })).toEqual(['common_duties']);
  });

  it('gives the confined-space checklist only under the confined-space matter', () => {
    expect(codes({ matters: ['confined_space'], industry: 'textile' })).toEqual([
      'common_duties',
      'industry_trade_general',
      'confined_space',
    ]);
    expect(codes({ matters: ['industry_trade'], industry: 'textile' })).not.toContain('confined_space');
  });
});
