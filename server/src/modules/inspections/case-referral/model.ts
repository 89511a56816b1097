import { z } from 'zod';
import { CASE_REFERRAL_STATUSES } from '@inspecta/domain';
import { ZPageQuerySchema } from '../../../platform/http/paging.ts';

export const ZCaseReferralIdParamsSchema = z.object({ id: z.string().max(64) });

export const ZCaseReferralListQuerySchema = ZPageQuerySchema.extend({
  status: z.enum(CASE_REFERRAL_STATUSES).optional(),
  inspectionId: z.uuid().optional(),
});

// measure 15: a case with its reference (the penalty capability builds cases later), or the reason none is due
// with the rule it rests on
export const ZCaseReferralDecisionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('case_opened'),
    caseReference: z.string().trim().min(1, '请填写立案编号或立案审批表文号').max(200),
  }),
  z.strictObject({
    outcome: z.literal('no_case'),
    reason: z.string().trim().min(1, '请写明不予立案的理由').max(2000, '理由不超过 2000 字'),
    basis: z.string().trim().min(1, '请引用所依据的规定（法律、法规、规章或规范性文件的条款）').max(500),
  }),
]);

export const ZCaseReferralSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  findingId: z.string(),
  territory: z.string(),
  enterpriseName: z.string(),
  description: z.string(),
  status: z.enum(CASE_REFERRAL_STATUSES),
  statusName: z.string(),
  openedAt: z.string(),
  caseReference: z.string().nullable(),
  reason: z.string().nullable(),
  basis: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type TCaseReferral = z.infer<typeof ZCaseReferralSchema>;

export const ZResumptionSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, '请写明审查意见（隐患如何排除、经何人审查）')
    .max(2000, '审查意见不超过 2000 字'),
});
