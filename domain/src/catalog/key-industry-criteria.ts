import { z } from 'zod';
import criteriaJson from '@inspecta/catalog/key-industry-criteria.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from './catalog-entry.ts';
import type { IndustryCatalog } from './industries.ts';

// measure 4: a criterion is data, so a legal reviewer can change the list without a code change.
export const ZKeyIndustryRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('industry'), industries: z.array(ZCatalogCodeSchema).min(1) }),
  z.object({ kind: z.literal('dust_workers_at_least'), value: z.number().int().positive() }),
  z.object({ kind: z.literal('flag'), flag: z.enum(['usesLiquidAmmonia', 'hasDeepWellCasting']) }),
]);

export type KeyIndustryRule = z.infer<typeof ZKeyIndustryRuleSchema>;

export const ZKeyIndustryCriterionSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  rule: ZKeyIndustryRuleSchema,
});

export type KeyIndustryCriterion = z.infer<typeof ZKeyIndustryCriterionSchema>;

export const ZKeyIndustryCriteriaCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  entries: z.array(ZKeyIndustryCriterionSchema).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
});

export type KeyIndustryCriteriaCatalog = z.infer<typeof ZKeyIndustryCriteriaCatalogSchema>;

export const parseKeyIndustryCriteriaCatalog = (data: unknown): KeyIndustryCriteriaCatalog =>
  ZKeyIndustryCriteriaCatalogSchema.parse(data);

// catalog/key-industry-criteria.json, checked when the module loads.
export const keyIndustryCriteriaCatalog: KeyIndustryCriteriaCatalog =
  parseKeyIndustryCriteriaCatalog(criteriaJson);

// For the catalogue editor: industry codes that criteria name but the industry catalogue lacks.
export const unknownIndustryCodes = (
  criteria: readonly KeyIndustryCriterion[],
  industries: IndustryCatalog,
): string[] => {
  const known = new Set(industries.entries.map((entry) => entry.code));
  return criteria
    .flatMap((criterion) => (criterion.rule.kind === 'industry' ? criterion.rule.industries : []))
    .filter((code) => !known.has(code));
};
