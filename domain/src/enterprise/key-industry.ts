import { z } from 'zod';
import type { KeyIndustryCriterion, KeyIndustryRule } from '../catalog/key-industry-criteria.ts';

// What measure 4 looks at to name a key enterprise (重点企业) by industry. The guide list
// (重点企业指导名单) also weighs safety state, accident and violation records, credit grade and season;
// those belong to grading, this answers only "does a key-industry criterion apply".
export const ZKeyIndustryProfileSchema = z.object({
  industry: z.string().min(1),
  dustWorkers: z.number().int().nonnegative(),
  usesLiquidAmmonia: z.boolean(),
  hasDeepWellCasting: z.boolean(),
});

export type KeyIndustryProfile = z.infer<typeof ZKeyIndustryProfileSchema>;

export type KeyIndustryReason = {
  criterion: string;
  name: string;
  source: string;
  verified: boolean;
};

export const meetsKeyIndustryRule = (profile: KeyIndustryProfile, rule: KeyIndustryRule): boolean => {
  switch (rule.kind) {
    case 'industry':
      return rule.industries.includes(profile.industry);
    // measure 4: 粉尘涉爆(涉粉作业30人以上); 以上 includes the number itself
    case 'dust_workers_at_least':
      return profile.dustWorkers >= rule.value;
    case 'flag':
      return profile[rule.flag];
  }
};

// measure 4: every criterion the enterprise meets, with its source, in catalogue order.
export const keyIndustryReasons = (
  profile: KeyIndustryProfile,
  criteria: readonly KeyIndustryCriterion[],
): KeyIndustryReason[] =>
  criteria
    .filter((criterion) => meetsKeyIndustryRule(profile, criterion.rule))
    .map(({ code, name, source, verified }) => ({ criterion: code, name, source, verified }));

// measure 4: no reason, not a key enterprise.
export const isKeyEnterprise = (
  profile: KeyIndustryProfile,
  criteria: readonly KeyIndustryCriterion[],
): boolean => keyIndustryReasons(profile, criteria).length > 0;
