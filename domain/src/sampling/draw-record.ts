import { z } from 'zod';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import { firstUnsortedIndex } from './code-point-order.ts';

// measure 5: a double-random draw is one JSON document, frozen once made, holding everything needed to
// recompute it (docs/draw-algorithm.md, items 1–7). Field order follows the published algorithm.

export const DRAW_ALGORITHM = 'inspecta-draw-v1';

const text = z.string().min(1);
const count = z.number().int().min(0);

export const ZDrawStratumSchema = z.object({ key: text, codes: z.array(text), k: count });
export const ZDrawExclusionSchema = z.object({ enterprise: text, inspector: text, reason: text });
export const ZDrawSelectionSchema = z.object({ stratum: text, enterprise: text, inspectors: z.array(text) });

// A partner department's teams, as the published record carries them (measure 6).
export const ZDrawPartnerRecordSchema = z.object({
  organisationName: z.string(),
  record: z.object({ inspectorPoolHash: z.string(), selected: z.array(ZDrawSelectionSchema) }),
});

// The shape alone: what `verifyDraw` accepts, so that a broken rule is reported as a difference. A record
// published with `resultHash` (issue 12 item 9) is checked against it; records of draws made before carry none.
export const ZDrawRecordShapeSchema = z.object({
  algorithm: z.string(),
  strata: z.array(ZDrawStratumSchema),
  inspectors: z.array(text),
  exclusions: z.array(ZDrawExclusionSchema),
  teamSize: z.number().int(),
  maxAssignmentsPerInspector: z.number().int(),
  inspectionDate: ZIsoDateSchema,
  publicEntropy: z.string(),
  witnesses: z.array(text),
  poolHash: z.string(),
  inspectorPoolHash: z.string(),
  seed: z.string(),
  selected: z.array(ZDrawSelectionSchema),
  partners: z.array(ZDrawPartnerRecordSchema).optional(),
  resultHash: z.string().optional(),
});

// The shape and the rules every valid record keeps (the hashes and selections are checked by verifyDraw).
export const ZDrawRecordSchema = ZDrawRecordShapeSchema.extend({
  algorithm: z.literal(DRAW_ALGORITHM),
  teamSize: z.number().int().min(2, '每组至少两名执法人员（第十二项）'),
  maxAssignmentsPerInspector: z.number().int().min(1),
  publicEntropy: text,
})
  .refine((record) => record.strata.every((stratum) => stratum.k <= stratum.codes.length), {
    message: '抽取数量不得超过该层企业数',
    path: ['strata'],
  })
  .refine((record) => record.strata.every((stratum) => firstUnsortedIndex(stratum.codes) < 0), {
    message: '各层企业代码须按 Unicode 码点升序排列且不重复',
    path: ['strata'],
  })
  .refine((record) => firstUnsortedIndex(record.inspectors) < 0, {
    message: '执法证号须按 Unicode 码点升序排列且不重复',
    path: ['inspectors'],
  });

export type DrawStratum = z.infer<typeof ZDrawStratumSchema>;
export type DrawExclusion = z.infer<typeof ZDrawExclusionSchema>;
export type DrawSelection = z.infer<typeof ZDrawSelectionSchema>;
export type DrawRecord = z.infer<typeof ZDrawRecordShapeSchema>;

// What a draw session supplies; the hashes, seed and selection are computed. The published pool hashes
// (item 3), when given, must match the pools, so a pool cannot change between publication and draw.
export const ZPerformDrawInputSchema = ZDrawRecordShapeSchema.pick({
  strata: true,
  inspectors: true,
  exclusions: true,
  teamSize: true,
  maxAssignmentsPerInspector: true,
  inspectionDate: true,
  publicEntropy: true,
  witnesses: true,
}).extend({
  publishedPoolHash: z.string().optional(),
  publishedInspectorPoolHash: z.string().optional(),
});
export type PerformDrawInput = z.infer<typeof ZPerformDrawInputSchema>;
