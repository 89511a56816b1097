import { WITNESS_ROLE_CODES } from '@inspecta/domain';
import { ZDrawRecordShapeSchema } from '@inspecta/domain';
import { z } from 'zod';
import { ZDateSchema } from '../../platform/http/dates.ts';

const name = z.string().trim().min(2, '至少两个字').max(60);

export const ZDrawCriteriaSchema = z.strictObject({
  territory: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码为六位数字')
    .optional(),
  industry: z.string().min(1).max(80).optional(),
  enforcementClass: z.string().min(1).max(40).optional(),
  riskGrade: z.string().min(1).max(40).optional(),
});

const ZCriteriaStratumSchema = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[^\t\n\r]+$/, '分层名称不能含制表符或换行'),
    criteria: ZDrawCriteriaSchema,
    k: z.number().int().min(1).optional(),
    percent: z.number().gt(0).max(100).optional(),
  })
  .refine((stratum) => (stratum.k === undefined) !== (stratum.percent === undefined), {
    message: '每层须给出抽取数量 k 或抽取比例 percent，二者取一',
  });

export const ZFreezeDrawSchema = z.strictObject({
  title: z.string().trim().min(2).max(120),
  inspectionDate: ZDateSchema,
  matters: z.array(z.string().min(1).max(80)).min(1, '至少一项检查事项').max(30),
  teamSize: z.number().int().min(2, '每组至少两名执法人员（第十二项）').max(10).default(2),
  maxAssignmentsPerInspector: z.number().int().min(1).max(100_000).optional(),
  source: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('annual_plan_batch'),
      annualPlanId: z.uuid('年度计划编号无效'),
      batchCode: z.string().min(1).max(40),
    }),
    z.strictObject({ kind: z.literal('criteria'), strata: z.array(ZCriteriaStratumSchema).min(1).max(50) }),
  ]),
  // measure 6: departments joining the inspections (organisations of kind 'department')
  partners: z.array(z.uuid()).max(6).default([]),
});

export const ZPerformDrawSchema = z.strictObject({
  publicEntropy: z.string().trim().min(4, '公开随机数至少四个字符').max(200),
  // a name alone is a witness whose role is not stated: published as 见证人, never by name (issue 11 item 11)
  witnesses: z
    .array(z.union([name, z.strictObject({ name, role: z.enum(WITNESS_ROLE_CODES) })]))
    .min(2, '至少两名见证人')
    .max(10),
});

export const ZCancellationRequestSchema = z.strictObject({
  reason: z.string().trim().min(4, '请写明取消理由（至少四个字）').max(500),
});
export const ZCancellationDecisionSchema = z.strictObject({
  approve: z.boolean(),
  comment: z.string().trim().max(500).default(''),
});

export const ZRecusalSchema = z.strictObject({
  enterprise: z.string().min(1).max(40),
  inspector: z.string().min(1).max(40),
  reason: z.string().trim().min(4, '请写明回避理由（至少四个字）').max(500),
});

export const ZConflictSchema = z.strictObject({
  officerId: z.uuid(),
  enterpriseId: z.uuid(),
  reason: z.string().trim().min(4, '请写明利害关系（至少四个字）').max(500),
});

const ZMemberSchema = z.object({ certificate: z.string(), name: z.string().nullable() });

export const ZDrawSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  territory: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  status: z.enum(['frozen', 'drawn', 'cancelled']),
  statusName: z.string(),
  inspectionDate: z.string(),
  matters: z.array(z.object({ code: z.string(), name: z.string() })),
  enterpriseCount: z.number().int(),
  sampleSize: z.number().int(),
  inspectorCount: z.number().int(),
  teamSize: z.number().int(),
  poolHash: z.string(),
  inspectorPoolHash: z.string(),
  frozenAt: z.string(),
  frozenByName: z.string(),
  drawnAt: z.string().nullable(),
  publicEntropy: z.string().nullable(),
  // the witnesses as published: officials with their role and name, others by role only
  witnesses: z.array(z.string()),
  seed: z.string().nullable(),
  // issue 12 item 9: the SHA-256 of the full record, published at the session (null before it, and for draws
  // made before the commitment existed); the full record is public once disclosed
  resultHash: z.string().nullable(),
  windowClosesOn: z.string(),
  partners: z.array(
    z.object({
      organisationName: z.string(),
      departmentType: z.string().nullable(),
      inspectorPoolHash: z.string(),
    }),
  ),
  cancellation: z
    .object({
      reason: z.string(),
      requestedAt: z.string(),
      requestedByName: z.string(),
      status: z.enum(['requested', 'approved', 'rejected']),
      decidedAt: z.string().nullable(),
      decidedByName: z.string().nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
  resultsPublishedAt: z.string().nullable(),
});

export const ZDrawDetailSchema = ZDrawSummarySchema.extend({
  strata: z.array(z.object({ key: z.string(), k: z.number().int(), candidates: z.number().int() })),
  atCap: z.array(z.object({ code: z.string(), count: z.number().int(), cap: z.number().int() })),
  exclusions: z.number().int(),
  maxAssignmentsPerInspector: z.number().int(),
  // the first page of the result; the whole result is in the record
  selected: z.array(
    z.object({
      stratum: z.string(),
      creditCode: z.string(),
      enterpriseName: z.string().nullable(),
      inspectors: z.array(ZMemberSchema),
      partners: z.array(z.object({ organisationName: z.string(), inspectors: z.array(ZMemberSchema) })),
      replacements: z.array(
        z.object({
          recused: z.string(),
          replacement: z.string(),
          reason: z.string(),
          recordedAt: z.string(),
        }),
      ),
      inspectionId: z.string().nullable(),
      inspectionStatus: z.string().nullable(),
      resultSummary: z.string().nullable(),
    }),
  ),
  selectedTotal: z.number().int(),
  // issue 12 item 9: whether the selection is shown (to the public: once the inspections are done or the
  // window closed)
  disclosed: z.boolean(),
});

export const ZDrawListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['frozen', 'drawn', 'cancelled']).optional(),
});

export const ZDetailQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(60).optional(),
});

// The record as served: the published inspecta-draw-v1 fields, and beside them (not part of what is
// verified) the partner departments' records and the recusal replacements.
export const ZServedRecordSchema = ZDrawRecordShapeSchema.extend({
  partners: z.array(z.object({ organisationName: z.string(), record: ZDrawRecordShapeSchema })).optional(),
  replacements: z
    .array(
      z.object({
        enterprise: z.string(),
        recused: z.string(),
        replacement: z.string(),
        reason: z.string(),
        recordedAt: z.string(),
      }),
    )
    .optional(),
});

export type TFreezeDraw = z.infer<typeof ZFreezeDrawSchema>;
