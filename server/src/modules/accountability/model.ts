import { z } from 'zod';
import {
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_ORIGINS,
  ACCOUNTABILITY_STATUSES,
  CERTIFICATE_EFFECTS,
  CORRECTION_KINDS,
} from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';

// measure 30: what the drafter writes (the whole draft, on creation and on every change while it is a draft)
export const ZRecordInputSchema = z.strictObject({
  kind: z.enum(ACCOUNTABILITY_KINDS),
  facts: z
    .string()
    .trim()
    .min(4, '请写明违法或不当履职的事实（不少于 4 字）')
    .max(4000, '事实不超过 4000 字'),
  origin: z.enum(ACCOUNTABILITY_ORIGINS),
  originReference: z.string().trim().max(200, '来源编号不超过 200 字').default(''),
  inspectionId: z.uuid().nullable().default(null),
  penaltyCaseId: z.uuid().nullable().default(null),
  // the complaint about enforcement this record was opened from (measure 29)
  complaintId: z.uuid().nullable().default(null),
  correction: z
    .strictObject({
      kind: z.enum(CORRECTION_KINDS),
      detail: z.string().trim().max(1000, '纠正措施不超过 1000 字').default(''),
      deadline: ZDateSchema.nullable().default(null),
    })
    .nullable()
    .default(null),
  persons: z
    .array(
      z.strictObject({
        officerId: z.uuid(),
        sanction: z.string().trim().min(1).max(64),
        note: z.string().trim().max(500, '说明不超过 500 字').default(''),
      }),
    )
    .min(1, '请至少列明一名责任人员')
    .max(20, '一条记录最多列 20 名责任人员'),
  referral: z
    .strictObject({
      referredOn: ZDateSchema,
      note: z.string().trim().max(500, '说明不超过 500 字').default(''),
    })
    .nullable()
    .default(null),
});
export type TRecordInput = z.infer<typeof ZRecordInputSchema>;

export const ZApprovalSchema = z.strictObject({
  note: z.string().trim().max(1000, '审批意见不超过 1000 字').optional(),
});
export const ZReturnSchema = z.strictObject({
  note: z.string().trim().min(2, '请写明退回的理由').max(1000, '理由不超过 1000 字'),
});
export const ZCompletionSchema = z.strictObject({
  completedOn: ZDateSchema,
  note: z.string().trim().min(2, '请写明完成情况').max(1000, '完成情况不超过 1000 字'),
});

export const ZRecordViewSchema = z.object({
  id: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  kind: z.enum(ACCOUNTABILITY_KINDS),
  kindName: z.string(),
  facts: z.string(),
  origin: z.enum(ACCOUNTABILITY_ORIGINS),
  originName: z.string(),
  originReference: z.string(),
  inspection: z.object({ id: z.string(), enterpriseName: z.string(), plannedOn: z.string() }).nullable(),
  penaltyCase: z.object({ id: z.string(), reference: z.string(), enterpriseName: z.string() }).nullable(),
  complaint: z
    .object({
      id: z.string(),
      channelName: z.string(),
      channelReference: z.string().nullable(),
      summary: z.string(),
      receivedOn: z.string(),
    })
    .nullable(),
  correction: z
    .object({
      kind: z.enum(CORRECTION_KINDS),
      kindName: z.string(),
      detail: z.string(),
      deadline: z.string().nullable(),
      completedOn: z.string().nullable(),
      completionNote: z.string().nullable(),
    })
    .nullable(),
  referral: z.object({ referredOn: z.string(), note: z.string() }).nullable(),
  persons: z.array(
    z.object({
      id: z.string(),
      officerId: z.string(),
      officerName: z.string(),
      sanction: z.string(),
      sanctionName: z.string(),
      sanctionSource: z.string(),
      sanctionVerified: z.boolean(),
      note: z.string(),
      certificateEffect: z.enum(CERTIFICATE_EFFECTS).nullable(),
      appliedAt: z.string().nullable(),
    }),
  ),
  status: z.enum(ACCOUNTABILITY_STATUSES),
  statusName: z.string(),
  draftedByName: z.string(),
  submittedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
  returnedNote: z.string().nullable(),
  // unverified sanctions chosen: shown 待法制审核, never a refusal
  warnings: z.array(z.string()),
  mayEdit: z.boolean(),
  mayApprove: z.boolean(),
  whyNotApprove: z.string().nullable(),
  createdAt: z.string(),
});
export type TRecordView = z.infer<typeof ZRecordViewSchema>;

const ZEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  source: z.string(),
  effective: z.string(),
  verified: z.boolean(),
  note: z.string().optional(),
});
export const ZAccountabilityCatalogViewSchema = z.object({
  kinds: z.array(ZEntrySchema.extend({ description: z.string() })),
  corrections: z.array(
    ZEntrySchema.extend({
      description: z.string(),
      needsDeadline: z.boolean(),
      withdrawsPublication: z.string().nullable(),
    }),
  ),
  origins: z.array(z.object({ code: z.string(), name: z.string() })),
  sanctions: z.array(ZEntrySchema.extend({ certificateEffect: z.enum(CERTIFICATE_EFFECTS).nullable() })),
  referral: ZEntrySchema,
});
