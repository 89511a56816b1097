import { URGENT_GROUNDS, ZInspectionKindSchema } from '@inspecta/domain';
import { z } from 'zod';
import { ZDateSchema } from '../../../platform/http/dates.ts';

export const ZDraftPlanSchema = z.strictObject({
  scheduledAt: z.iso
    .datetime({ offset: true, message: '检查时间格式应为 ISO 8601，如 2026-12-10T09:00:00+08:00' })
    .optional(),
  site: z.string().trim().min(2).max(200).optional(),
  matters: z.array(z.string().min(1).max(80)).min(1).max(20).optional(),
  officers: z.array(z.string().trim().min(1).max(40)).min(1).max(10).optional(),
  checklists: z
    .array(z.strictObject({ code: z.string().min(1).max(80), version: z.string().min(1).max(40) }))
    .max(20)
    .optional(),
  mode: z.enum(['on_site', 'remote', 'written']).optional(),
  visitReason: z.string().trim().min(4, '到场理由至少四个字').max(500).optional(),
  unannounced: z.boolean().optional(),
  unannouncedReason: z.string().trim().max(500).optional(),
  subjectOrganisationId: z.uuid().optional(),
});

export const ZDecidePlanSchema = z.strictObject({
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});

export const ZNotifySchema = z.strictObject({ selfCheckList: z.boolean().optional() }).nullish();

const ZCheckSchema = z.object({
  measure: z.number().int(),
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
  basis: z.string(),
});

export const ZOnsitePlanSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected']),
  content: z.object({
    scheduledAt: z.string(),
    site: z.string(),
    matters: z.array(z.string()),
    matterNames: z.array(z.string()),
    officers: z.array(
      z.object({
        certificate: z.string(),
        officerId: z.string().nullable(),
        name: z.string(),
        // measure 6: the department the officer comes from (null on plans drafted before it was recorded)
        organisationName: z.string().nullable(),
      }),
    ),
    checklists: z.array(z.object({ code: z.string(), version: z.string() })),
    mode: z.enum(['on_site', 'remote', 'written']),
    visitReason: z.string().nullable(),
    unannounced: z.boolean(),
    unannouncedReason: z.string().nullable(),
    subjectOrganisationId: z.string(),
    subjectName: z.string(),
  }),
  draftedAt: z.string(),
  draftedByName: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
  // measure 11 "原则上": an urgent visit started before approval, and where its 事后补批 stands
  urgent: z
    .object({
      ground: z.enum(URGENT_GROUNDS),
      reason: z.string(),
      startedAt: z.string(),
      startedByName: z.string(),
      approvalDueBy: z.string(),
    })
    .nullable(),
  postApproval: z.enum(['not_urgent', 'pending', 'overdue', 'approved', 'rejected']),
});

export const ZUrgentStartSchema = z.strictObject({
  ground: z.enum(URGENT_GROUNDS),
  reason: z.string().trim().min(4, '请写明紧急情况（至少四个字）').max(500),
});

export const ZDelegationInputSchema = z
  .strictObject({
    delegateId: z.uuid(),
    kinds: z.array(ZInspectionKindSchema).min(1).max(4),
    scopeNote: z.string().trim().min(2, '请写明委托范围').max(500),
    validFrom: ZDateSchema,
    validTo: ZDateSchema,
  })
  .refine((body) => body.validTo >= body.validFrom, {
    message: '委托期限的结束日期不得早于开始日期',
    path: ['validTo'],
  })
  .refine((body) => new Set(body.kinds).size === body.kinds.length, {
    message: '检查类别不得重复',
    path: ['kinds'],
  });

export const ZDelegationSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  delegateId: z.uuid(),
  delegateName: z.string(),
  kinds: z.array(ZInspectionKindSchema),
  scopeNote: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  grantedByName: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});

const ZMemberSchema = z.object({
  certificate: z.string(),
  officerId: z.string().nullable(),
  name: z.string(),
  organisationName: z.string(),
});

export const ZOnsiteOverviewSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  kind: z.string(),
  plannedOn: z.string(),
  stage: z.string(),
  stageName: z.string(),
  nextEvents: z.array(z.string()),
  matters: z.array(z.object({ code: z.string(), name: z.string() })),
  team: z.array(ZMemberSchema),
  partners: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      departmentType: z.string().nullable(),
      team: z.array(ZMemberSchema),
    }),
  ),
  drawId: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  plan: ZOnsitePlanSchema.nullable(),
  mayDecidePlan: z.boolean(),
  checks: z.array(ZCheckSchema),
});

export const ZNoticeResultSchema = z.object({
  unannounced: z.boolean(),
  reason: z.string().nullable().optional(),
  noticeSentAt: z.string().optional(),
  selfCheckList: z.boolean().optional(),
});
