import { z } from 'zod';
import listsJson from '@inspecta/catalog/no-penalty-lists.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// measure 14: the no-penalty grounds (行政处罚法 第三十三条 and the measure's own) and lists. A placeholder item
// names no violation, so it never applies until a legal reviewer fills it in.

export const NO_PENALTY_CONDITIONS = [
  'minor',
  'no_harm',
  'slight_harm',
  'first_violation',
  'corrected_in_time',
  'no_fault',
  'major_hidden_danger',
  'found_by_enterprise_or_expert',
] as const;
export type NoPenaltyCondition = (typeof NO_PENALTY_CONDITIONS)[number];

export const ZNoPenaltyGroundSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  // must: 不予行政处罚; may: 可以不予行政处罚 (第三十三条第一款第二句, the first violation)
  kind: z.enum(['must', 'may']),
  conditions: z.array(z.enum(NO_PENALTY_CONDITIONS)).min(1),
});
export type NoPenaltyGround = z.infer<typeof ZNoPenaltyGroundSchema>;

export const ZNoPenaltyItemSchema = z.object({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  violationCodes: z.array(ZCatalogCodeSchema),
  ground: ZCatalogCodeSchema,
  conditions: z.array(z.enum(NO_PENALTY_CONDITIONS)).min(1),
  placeholder: z.boolean(),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type NoPenaltyItem = z.infer<typeof ZNoPenaltyItemSchema>;

export const ZNoPenaltyListSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  document: z.string().min(1),
  excludedSectors: z.array(ZCatalogCodeSchema),
  items: z.array(ZNoPenaltyItemSchema),
});
export type NoPenaltyList = z.infer<typeof ZNoPenaltyListSchema>;

export const ZNoPenaltyCatalogSchema = z
  .object({
    version: ZCatalogVersionSchema,
    effective: ZIsoDateSchema,
    note: z.string().optional(),
    grounds: z.array(ZNoPenaltyGroundSchema).min(1),
    lists: z.array(ZNoPenaltyListSchema),
  })
  .superRefine((catalog, context) => {
    const grounds = new Set(catalog.grounds.map((ground) => ground.code));
    for (const list of catalog.lists)
      for (const item of list.items)
        if (!grounds.has(item.ground))
          context.addIssue({
            code: 'custom',
            message: `未知的不予处罚依据：${item.ground}`,
            path: [list.code],
          });
  });
export type NoPenaltyCatalog = z.infer<typeof ZNoPenaltyCatalogSchema>;

export const parseNoPenaltyCatalog = (data: unknown): NoPenaltyCatalog => ZNoPenaltyCatalogSchema.parse(data);

export const noPenaltyCatalog: NoPenaltyCatalog = parseNoPenaltyCatalog(listsJson);
