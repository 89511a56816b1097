import { z } from 'zod';
import supervisionJson from '@inspecta/catalog/supervision.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// catalog/supervision.json (measures 18, 29): the complaint channels with their answer periods, the case-file
// review sheet (veto items, then points: the generic pattern of FACTS-4 §7.2, unverified) and the thresholds of
// the leniency/severity outliers. Every number here is a placeholder a legal reviewer edits.

const named = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) });

export const ZComplaintChannelSchema = named.extend({
  answer: z.object({ unit: z.enum(['workdays', 'days']), count: z.number().int().positive() }),
});
export type ComplaintChannel = z.infer<typeof ZComplaintChannelSchema>;

const ZReviewItemSchema = z.object({ code: ZCatalogCodeSchema, name: z.string().min(1) });
export const ZReviewSheetSchema = named
  .extend({
    passPoints: z.number().int().min(0),
    goodPoints: z.number().int().min(0),
    vetoItems: z.array(ZReviewItemSchema).min(1),
    pointItems: z
      .array(ZReviewItemSchema.extend({ group: z.string().min(1), points: z.number().int().positive() }))
      .min(1),
  })
  .refine(
    (sheet) => uniqueCodesCheck.check([...sheet.vetoItems, ...sheet.pointItems]),
    uniqueCodesCheck.message,
  )
  .refine((sheet) => sheet.passPoints <= sheet.goodPoints, '合格分不得高于优秀分');
export type ReviewSheet = z.infer<typeof ZReviewSheetSchema>;

export const ZOutlierThresholdsSchema = named.extend({
  standardDeviations: z.number().positive(),
  minInspections: z.number().int().min(1),
  minPeers: z.number().int().min(2),
});
export type OutlierThresholds = z.infer<typeof ZOutlierThresholdsSchema>;

export const ZSupervisionCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().min(1).optional(),
  complaintChannels: z
    .array(ZComplaintChannelSchema)
    .min(1)
    .refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  reviewSheet: ZReviewSheetSchema,
  outliers: ZOutlierThresholdsSchema,
});
export type SupervisionCatalog = z.infer<typeof ZSupervisionCatalogSchema>;

export const parseSupervisionCatalog = (data: unknown): SupervisionCatalog =>
  ZSupervisionCatalogSchema.parse(data);

export const supervisionCatalog: SupervisionCatalog = parseSupervisionCatalog(supervisionJson);

export const complaintChannel = (code: string, catalog = supervisionCatalog): ComplaintChannel | undefined =>
  catalog.complaintChannels.find((channel) => channel.code === code);
