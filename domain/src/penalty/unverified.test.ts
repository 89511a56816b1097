import { describe, expect, it } from 'vitest';
import { penaltyCatalogUnverified } from './unverified.ts';

describe('unverified penalty catalogue entries', () => {
  it('lists every placeholder tier, list item and procedural threshold for the legal reviewer', () => {
    const codes = penaltyCatalogUnverified().map((entry) => entry.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'range_split_placeholder',
        'maximum_only_placeholder',
        'national_1',
        'national_7',
        'guangdong_11',
        'defence_due',
        'hearing_large_fine',
        'collective_discussion',
        'credit_repair_notice',
        'continuous_penalty_counting_end',
        'closure_repeated_penalties',
      ]),
    );
    expect(codes).not.toContain('wsl_97_1_5');
  });
});
