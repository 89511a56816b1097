import { z } from 'zod';
import {
  inspectionMatterByCode,
  inspectionMatterCatalog,
  INSPECTION_STAGES,
  INSPECTION_STATUSES,
  MERGE_PERIODS,
  stagesWithStatus,
  ZTargetedTriggerSchema,
} from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { ZBooleanQuerySchema, ZPageQuerySchema } from '../../platform/http/paging.ts';

// Request and response shapes of the inspection routes (measures 5, 6, 8, 12, 24; issue 6 items 10–13).

export const INSPECTION_KINDS = ['key', 'double_random', 'targeted', 'other'] as const;
export { INSPECTION_STATUSES };
// what counts against the enterprise's allowance: not cancelled, not merged into another visit
export const COUNTED_STATUSES = ['planned', 'completed'] as const;
export const COUNTED_STAGES = stagesWithStatus(...COUNTED_STATUSES);
export const BURDEN_LEVELS = ['none', 'normal', 'yellow', 'red'] as const;

export const ZInspectionKindSchema = z.enum(INSPECTION_KINDS, {
  message: '检查方式应为 key、double_random、targeted 或 other',
});
export const ZInspectionStatusSchema = z.enum(INSPECTION_STATUSES, {
  message: '状态应为 planned、merged、completed 或 cancelled',
});
export const ZBurdenLevelSchema = z.enum(BURDEN_LEVELS);
const ZYearSchema = z.coerce
  .number()
  .int()
  .min(2020, '年份应在 2020 至 2100 之间')
  .max(2100, '年份应在 2020 至 2100 之间');
const ZTerritoryQuerySchema = z.string().regex(/^\d{6}$/, '属地应为六位行政区划代码');
const ZIdSchema = z.uuid({ message: '应为记录编号 (UUID)' });

const ZMattersSchema = z
  .array(
    z
      .string()
      .max(64)
      .refine((code) => inspectionMatterByCode(inspectionMatterCatalog, code) !== undefined, {
        message: '不是检查事项目录中的代码',
      }),
    {
      message: '检查事项应为目录代码的列表',
    },
  )
  .min(1, '至少列一项检查事项')
  .max(20, '检查事项不超过 20 项')
  .refine((codes) => new Set(codes).size === codes.length, { message: '检查事项不得重复' });

export const ZPlanInspectionSchema = z
  .strictObject({
    enterpriseId: ZIdSchema,
    plannedOn: ZDateSchema,
    kind: ZInspectionKindSchema,
    matters: ZMattersSchema,
    // measure 5: the targeted trigger that exempts it from the frequency cap, with its reference
    trigger: ZTargetedTriggerSchema.optional(),
    triggerReference: z.string().trim().min(1, '来源编号不能为空').max(200).optional(),
    // issue 11 item 4: why it goes beyond a cap that is still unverified (shown to the legal reviewer)
    overCapReason: z
      .string()
      .trim()
      .min(1, '超过上限的理由不能为空')
      .max(500, '理由不超过 500 字')
      .optional(),
    // measure 5 "等渠道": what the "other" channel was (approved by the bureau head before the visit)
    triggerDescription: z.string().trim().min(4, '请写明具体渠道（至少四个字）').max(500).optional(),
    // measure 6: departments (organisations of kind 'department') joining the inspection
    partners: z.array(ZIdSchema).max(10, '联合检查部门不超过 10 个').optional(),
  })
  .refine((body) => body.kind !== 'targeted' || body.trigger !== undefined, {
    message: '重点执法检查须选择来源（专项行动、突发事件、投诉举报、转办交办、平台动态监测等渠道）',
    path: ['trigger'],
  })
  .refine((body) => body.triggerReference === undefined || body.trigger !== undefined, {
    message: '填写来源编号时须同时选择来源类别',
    path: ['trigger'],
  })
  .refine((body) => new Set(body.partners ?? []).size === (body.partners ?? []).length, {
    message: '联合检查部门不得重复',
    path: ['partners'],
  });

const ZInspectionIdsSchema = z
  .array(ZIdSchema)
  .min(2, '至少选择两次检查')
  .max(20, '一次最多合并 20 次检查')
  .refine((ids) => new Set(ids).size === ids.length, { message: '检查不得重复' });

export const ZMergeSchema = z
  .strictObject({ inspectionIds: ZInspectionIdsSchema, intoId: ZIdSchema.optional() })
  .refine((body) => body.intoId === undefined || body.inspectionIds.includes(body.intoId), {
    message: '保留的检查须是所选检查之一',
    path: ['intoId'],
  });

export const ZDeclineMergeSchema = z.strictObject({
  inspectionIds: ZInspectionIdsSchema,
  reason: z.string().trim().min(2, '请写明不合并的理由（至少 2 个字）').max(500, '理由不超过 500 字'),
});

export const ZListQuerySchema = ZPageQuerySchema.extend({
  enterpriseId: ZIdSchema.optional(),
  year: ZYearSchema.optional(),
  status: ZInspectionStatusSchema.optional(),
  kind: ZInspectionKindSchema.optional(),
  drawId: ZIdSchema.optional(),
  // issue 13 item 3: every lifecycle stage (comma-separated), a planned date range, planned dates passed
  // before the visit, an enterprise's name or credit code, an officer of the team
  stage: z
    .string()
    .max(400)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(INSPECTION_STAGES, { message: '检查环节不正确' })).max(INSPECTION_STAGES.length))
    .optional(),
  plannedFrom: ZDateSchema.optional(),
  plannedTo: ZDateSchema.optional(),
  overdue: ZBooleanQuerySchema.optional(),
  q: z.string().trim().max(100).optional(),
  officer: z.string().trim().max(50).optional(),
  // issue 13 item 1: inspections whose latest on-site plan was returned to the user who drafted it (the workbench)
  returnedToMe: ZBooleanQuerySchema.optional(),
});

export const ZBurdenQuerySchema = ZPageQuerySchema.omit({ sort: true }).extend({
  year: ZYearSchema.optional(),
  territory: ZTerritoryQuerySchema.optional(),
  level: z.enum(['normal', 'yellow', 'red'], { message: '提示级别应为 normal、yellow 或 red' }).optional(),
});

export const ZYearQuerySchema = z.object({ year: ZYearSchema.optional() });

export const ZProposalQuerySchema = ZPageQuerySchema.omit({ sort: true }).extend({
  period: z.enum(MERGE_PERIODS, { message: '时期应为 month、quarter 或 year' }).optional(),
});

export const ZIdParamsSchema = z.object({ id: z.string().max(64) });

const ZDepartmentSchema = z.object({ organisationId: z.string().nullable(), organisationName: z.string() });

export const ZInspectionSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  territoryName: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string(),
  departmentType: z.string().nullable(),
  kind: ZInspectionKindSchema,
  plannedOn: z.string(),
  year: z.number().int(),
  matters: z.array(z.string()),
  // derived from the stage, the one lifecycle column (domain/src/inspection/status.ts)
  status: ZInspectionStatusSchema,
  stage: z.enum(INSPECTION_STAGES),
  stageName: z.string(),
  trigger: z.string().nullable(),
  triggerReference: z.string().nullable(),
  triggerDescription: z.string().nullable(),
  // an "other" trigger: who approved it and when (null until the bureau head approves)
  triggerApprovedByName: z.string().nullable(),
  triggerApprovedAt: z.string().nullable(),
  capAtPlanning: z.number().int().nullable(),
  overCap: z.boolean(),
  // the written reason for going beyond an unverified cap; null otherwise
  overCapReason: z.string().nullable(),
  drawId: z.string().nullable(),
  partners: z.array(ZDepartmentSchema.extend({ departmentType: z.string().nullable() })),
  team: z.array(
    z.object({
      certificate: z.string(),
      officerId: z.string().nullable(),
      name: z.string(),
      organisationName: z.string(),
    }),
  ),
  mergedIntoId: z.string().nullable(),
  completedOn: z.string().nullable(),
  resultSummary: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
});

// The enterprise's inspections this year against its allowance; capVerified false is shown as 待法制审核.
export const ZBurdenSchema = z.object({
  enterpriseId: z.uuid(),
  year: z.number().int(),
  count: z.number().int(),
  level: ZBurdenLevelSchema,
  cap: z.number().int().nullable(),
  capVerified: z.boolean(),
  capSource: z.string().nullable(),
  overCap: z.boolean(),
  wouldExceedCap: z.boolean(),
});

export const ZInspectionRowSchema = ZInspectionSchema.extend({
  burden: z.object({ count: z.number().int(), level: ZBurdenLevelSchema }),
  // issue 13 item 3: what is to be done next, and a planned date passed before the visit
  nextStep: z.string().nullable().optional(),
  overdue: z.boolean().optional(),
});

export const ZPlannedInspectionSchema = z.object({
  inspection: ZInspectionSchema,
  burden: ZBurdenSchema,
  period: z.string(),
  // measure 8: other inspections of the enterprise already planned in the same period, by any department
  samePeriod: z.array(ZInspectionSchema),
  mergeProposed: z.boolean(),
});

const ZCountSchema = z.object({ count: z.number().int() });

export const ZBurdenRowSchema = ZBurdenSchema.extend({
  enterpriseName: z.string(),
  creditCode: z.string(),
  territory: z.string(),
  territoryName: z.string(),
  byDepartment: z.array(ZCountSchema.extend({ organisationName: z.string() })),
  byKind: z.array(ZCountSchema.extend({ kind: z.string() })),
});

export const ZEnterpriseBurdenSchema = ZBurdenSchema.extend({
  enterpriseName: z.string(),
  // an enterprise user sees only completed inspections: planned ones (a draw's above all) are not announced
  completedOnly: z.boolean(),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      organisationName: z.string(),
      departmentType: z.string().nullable(),
      partners: z.array(z.string()),
      kind: ZInspectionKindSchema,
      plannedOn: z.string(),
      status: ZInspectionStatusSchema,
      completedOn: z.string().nullable(),
      matters: z.array(z.string()),
      counted: z.boolean(),
    }),
  ),
});

export const ZMergeProposalSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  territory: z.string(),
  period: z.string(),
  inspectionIds: z.array(z.uuid()),
  matters: z.array(z.string()),
  departments: z.array(ZDepartmentSchema),
  suggestedIntoId: z.uuid(),
  firstPlannedOn: z.string(),
  lastPlannedOn: z.string(),
  inspections: z.array(ZInspectionSchema),
});

export const ZMergeDecisionSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  period: z.string(),
  inspectionIds: z.array(z.uuid()),
  decision: z.enum(['merged', 'declined']),
  reason: z.string().nullable(),
  intoId: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string(),
});

export const ZMergedSchema = z.object({ inspection: ZInspectionSchema, decision: ZMergeDecisionSchema });
