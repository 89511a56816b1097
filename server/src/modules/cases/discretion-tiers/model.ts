import { z } from 'zod';
import { TIERS } from '@inspecta/domain';
import { ZDateSchema } from '../../../platform/http/dates.ts';

// issue 15 item 2: a violation's discretion tiers as they stand, their history, and the legal reviewer's edit.
export const ZViolationCodeParamsSchema = z.object({ code: z.string().max(64) });
export const ZTiersQuerySchema = z.object({
  // the day the tiers are shown for (a violation committed that day); today when absent
  on: ZDateSchema.optional(),
});

// the domain checks the range (0–100%) and the joins, and refuses by rule (422)
const ZPercentSchema = z.number().finite();
const ZBandSchema = z.strictObject({
  fromPercent: ZPercentSchema,
  toPercent: ZPercentSchema,
  pointPercent: ZPercentSchema,
});

export const ZTierEditInputSchema = z.strictObject({
  effective: ZDateSchema,
  reason: z.string().trim().min(1, '请写明修改理由').max(1000, '修改理由不超过 1000 字'),
  // the benchmark's document and item the tier comes from; required to mark it verified
  source: z.string().trim().max(500, '依据不超过 500 字').default(''),
  verified: z.boolean().default(false),
  tiers: z
    .array(
      z.strictObject({
        tier: z.enum(TIERS),
        conditions: z.string().trim().min(1, '请写明适用条件').max(1000, '适用条件不超过 1000 字'),
        // from/to/point percent of the statutory range for 从轻、一般、从重; null keeps the placeholder split
        band: ZBandSchema.nullable().default(null),
        // 减轻处罚: the suggested amount as a percent of the statutory minimum; null keeps the placeholder's
        mitigatedPercentOfMinimum: ZPercentSchema.nullable().default(null),
      }),
    )
    .min(1, '请至少修改一个裁量阶次')
    .max(TIERS.length),
});

const ZBandViewSchema = z.object({
  fromPercent: z.number(),
  toPercent: z.number(),
  pointPercent: z.number(),
});

const ZTierStateSchema = z.object({
  tier: z.enum(TIERS),
  tierName: z.string(),
  // null: the catalogue's placeholder (待法制审核)
  editId: z.uuid().nullable(),
  conditions: z.string(),
  band: ZBandViewSchema.nullable(),
  mitigatedPercentOfMinimum: z.number().nullable(),
  source: z.string(),
  verified: z.boolean(),
  effective: z.string(),
  editorName: z.string().nullable(),
});

const ZChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });

const ZHistoryEntrySchema = z.object({
  id: z.uuid(),
  tier: z.enum(TIERS),
  tierName: z.string(),
  band: ZBandViewSchema.nullable(),
  mitigatedPercentOfMinimum: z.number().nullable(),
  conditions: z.string(),
  source: z.string(),
  verified: z.boolean(),
  effective: z.string(),
  editorName: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  // against the tier as it stood before (the previous edit of the tier, or the placeholder)
  changes: z.array(ZChangeSchema),
});

export const ZViolationTiersSchema = z.object({
  violationCode: z.string(),
  violation: z.string(),
  provision: z.string(),
  // the city bureau whose tiers these are
  territory: z.string(),
  on: z.string(),
  mayEdit: z.boolean(),
  tiers: z.array(ZTierStateSchema),
  // the three bands in force per kind of statutory range the violation has (percent of the range)
  schemes: z.array(
    z.object({
      kind: z.enum(['range', 'up_to']),
      name: z.string(),
      lighter: ZBandViewSchema,
      ordinary: ZBandViewSchema,
      heavier: ZBandViewSchema,
      mitigatedPercentOfMinimum: z.number(),
    }),
  ),
  history: z.array(ZHistoryEntrySchema),
});
export type TViolationTiers = z.infer<typeof ZViolationTiersSchema>;
