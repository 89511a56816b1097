import { z } from 'zod';
import discretionJson from '@inspecta/catalog/discretion.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// issue 15 item 2: the discretion tiers (裁量阶次) as data. Every scheme shipped is a placeholder built from the
// statutory range (verified: false); a legal reviewer's per-violation rows, when entered, win over the scheme.

export const TIERS = ['no_penalty', 'mitigated', 'lighter', 'ordinary', 'heavier'] as const;
export type Tier = (typeof TIERS)[number];
export const ZTierSchema = z.enum(TIERS);
export const TIER_NAMES: Record<Tier, string> = {
  no_penalty: '不予处罚',
  mitigated: '减轻处罚',
  lighter: '从轻处罚',
  ordinary: '一般',
  heavier: '从重处罚',
};

const ZPercentSchema = z.number().min(0).max(100);
export const ZBandSchema = z
  .object({
    tier: z.enum(['lighter', 'ordinary', 'heavier']),
    fromPercent: ZPercentSchema,
    toPercent: ZPercentSchema,
    pointPercent: ZPercentSchema,
  })
  .refine(
    (band) => band.fromPercent <= band.pointPercent && band.pointPercent <= band.toPercent,
    '建议值须在该档范围内',
  );
export type Band = z.infer<typeof ZBandSchema>;

export const ZDiscretionSchemeSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  appliesTo: z.enum(['range', 'up_to']),
  bands: z.array(ZBandSchema).length(3),
  mitigatedPercentOfMinimum: ZPercentSchema,
});
export type DiscretionScheme = z.infer<typeof ZDiscretionSchemeSchema>;

// A legal reviewer's row for one violation and tier (fen), overriding the scheme.
export const ZViolationTierSchema = ZCatalogProvenanceSchema.extend({
  violationCode: ZCatalogCodeSchema,
  tier: z.enum(['lighter', 'ordinary', 'heavier']),
  conditions: z.string().min(1),
  fromFen: z.number().int().nonnegative(),
  toFen: z.number().int().nonnegative(),
}).refine((row) => row.fromFen <= row.toFen, '下限不得高于上限');
export type ViolationTier = z.infer<typeof ZViolationTierSchema>;

export const ZDiscretionCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().optional(),
  tiers: z.array(z.object({ code: ZTierSchema, name: z.string().min(1) })),
  schemes: z.array(ZDiscretionSchemeSchema).min(1),
  violations: z.array(ZViolationTierSchema),
});
export type DiscretionCatalog = z.infer<typeof ZDiscretionCatalogSchema>;

export const parseDiscretionCatalog = (data: unknown): DiscretionCatalog =>
  ZDiscretionCatalogSchema.parse(data);

export const discretionCatalog: DiscretionCatalog = parseDiscretionCatalog(discretionJson);
