import { z } from 'zod';
import firmnessJson from '@inspecta/catalog/firmness.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// Issue 15 item 6 (measure 15): 安全生产法 第一百一十二条 (按日连续处罚) and 第一百一十三条 (提请关闭) as catalogue
// data (catalog/firmness.json): the law's words, and the counting rules the law does not spell out, unverified.

const ZWindowSchema = z.union([
  z.strictObject({
    count: z.number().int().positive(),
    days: z.number().int().positive(),
    words: z.string(),
  }),
  z.strictObject({
    count: z.number().int().positive(),
    years: z.number().int().positive(),
    words: z.string(),
  }),
]);
export type ClosureWindow = z.infer<typeof ZWindowSchema>;

export const ZFirmnessCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().optional(),
  continuousPenalty: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string().min(1),
    provision: z.string().min(1),
    text: z.string().min(1),
    violationCode: ZCatalogCodeSchema,
    countingEnd: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string().min(1),
      rule: z.string().min(1),
    }),
  }),
  closure: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string().min(1),
    provision: z.string().min(1),
    text: z.string().min(1),
    items: z
      .array(z.object({ item: z.number().int().min(1).max(4), provision: z.string(), text: z.string() }))
      .length(4),
    repeatedPenalties: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string().min(1),
      item: z.literal(1),
      windows: z.array(ZWindowSchema).min(1),
      reading: z.string().min(1),
    }),
  }),
});
export type FirmnessCatalog = z.infer<typeof ZFirmnessCatalogSchema>;

export const firmnessCatalog: FirmnessCatalog = ZFirmnessCatalogSchema.parse(firmnessJson);
