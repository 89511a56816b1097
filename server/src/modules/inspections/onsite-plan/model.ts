import { z } from 'zod';

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
      z.object({ certificate: z.string(), officerId: z.string().nullable(), name: z.string() }),
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
  checks: z.array(ZCheckSchema),
});

export const ZNoticeResultSchema = z.object({
  unannounced: z.boolean(),
  reason: z.string().nullable().optional(),
  noticeSentAt: z.string().optional(),
  selfCheckList: z.boolean().optional(),
});
