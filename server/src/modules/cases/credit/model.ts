import { z } from 'zod';
import {
  CREDIT_CLASSES,
  LISTING_RECOMMENDATIONS,
  LISTING_STATUSES,
  PUBLICATION_STATES,
  REPAIR_STATUSES,
  WITHDRAWAL_GROUNDS,
} from '@inspecta/domain';
import { ZDateSchema } from '../../../platform/http/dates.ts';

// issue 15 item 10 (measure 22): what the public, the enterprise and the bureau read of a published decision.

export const ZPublicPenaltyQuerySchema = z.object({
  territory: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码为 6 位数字')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZPublicDecisionSchema = z.object({
  id: z.string(),
  documentNumber: z.string(),
  caseName: z.string(),
  partyType: z.string(),
  partyName: z.string(),
  facts: z.string(),
  basis: z.string(),
  decision: z.string(),
  authority: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  publicUntil: z.string(),
  // 公示办法 第二十一条: published within 7 workdays of the decision
  publishDue: z.string().nullable(),
  publishedLate: z.boolean(),
});

export const ZRepairApplicationSchema = z.object({
  id: z.string(),
  status: z.enum(REPAIR_STATUSES),
  statusName: z.string(),
  pledge: z.string(),
  fulfilment: z.string(),
  appliedAt: z.string(),
  appliedByName: z.string(),
  dueOn: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const ZPublicationViewSchema = ZPublicDecisionSchema.extend({
  caseId: z.string(),
  state: z.enum(PUBLICATION_STATES),
  stateName: z.string(),
  creditClass: z.enum(CREDIT_CLASSES),
  creditClassName: z.string(),
  minUntil: z.string().nullable(),
  repairOpensOn: z.string(),
  repairedOn: z.string().nullable(),
  mayApply: z.boolean(),
  whyNot: z.string().nullable(),
  applications: z.array(ZRepairApplicationSchema),
  withdrawal: z
    .object({
      id: z.string(),
      documentNumber: z.string(),
      authority: z.string(),
      withdrawnOn: z.string(),
      groundName: z.string(),
      reason: z.string(),
      groundOn: z.string().nullable(),
      due: z.string().nullable(),
      late: z.boolean(),
      byName: z.string().nullable(),
    })
    .nullable(),
});

export const ZPublicWithdrawalSchema = z.object({
  id: z.string(),
  documentNumber: z.string(),
  authority: z.string(),
  withdrawnOn: z.string(),
  groundName: z.string(),
  reason: z.string(),
  // 第四十八条第二款 / 公示办法 第二十四条: the ground's day, the 3 workdays after it, and whether it was late
  groundOn: z.string().nullable(),
  due: z.string().nullable(),
  late: z.boolean(),
});

// 行政处罚法 第四十八条第二款: what happened to the decision, when, and the reason the public reads
export const ZWithdrawalInputSchema = z.strictObject({
  ground: z.enum(WITHDRAWAL_GROUNDS),
  groundOn: ZDateSchema,
  reason: z.string().trim().min(4, '请写明撤回的理由（将向社会公开）').max(1000, '理由不超过 1000 字'),
});

export const ZRepairApplicationInputSchema = z.strictObject({
  pledge: z.string().trim().min(10, '请填写信用承诺（不少于 10 字）').max(2000, '信用承诺不超过 2000 字'),
  fulfilment: z
    .string()
    .trim()
    .min(4, '请说明纠正失信行为、履行处罚决定的情况')
    .max(2000, '履行情况不超过 2000 字'),
});

export const ZRepairDecisionSchema = z
  .strictObject({
    approve: z.boolean(),
    note: z.string().trim().max(2000, '说明不超过 2000 字').optional(),
  })
  .refine((body) => body.approve || Boolean(body.note), {
    message: '不予修复的，请写明理由',
    path: ['note'],
  });

export const ZIdParamsSchema = z.object({ id: z.string().max(64) });

// 令第11号: the bureau's answer to a proposed listing, as the case shows it
export const ZListingViewSchema = z.object({
  id: z.string(),
  criterion: z.string(),
  recommendation: z.enum(LISTING_RECOMMENDATIONS),
  recommendationName: z.string(),
  reason: z.string(),
  status: z.enum(LISTING_STATUSES),
  statusName: z.string(),
  recommendedByName: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  listedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  earlyRemovalFrom: z.string().nullable(),
  removedOn: z.string().nullable(),
  removalReason: z.string().nullable(),
  removedByName: z.string().nullable(),
  periodSource: z.string(),
  periodVerified: z.boolean(),
});

// the officer's or legal reviewer's recommendation, with the judgement 第三条 asks for
export const ZListingRecommendationSchema = z.strictObject({
  recommendation: z.enum(LISTING_RECOMMENDATIONS),
  reason: z
    .string()
    .trim()
    .min(4, '请写明是否属于“性质恶劣、情节严重”及其理由')
    .max(2000, '理由不超过 2000 字'),
});

export const ZListingDecisionSchema = z.strictObject({
  list: z.boolean(),
  note: z.string().trim().max(2000, '意见不超过 2000 字').default(''),
});

export const ZListingRemovalSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(4, '请写明移出的理由（如期满、提前移出申请经审核）')
    .max(2000, '理由不超过 2000 字'),
});

// on the public page: who is listed, for what, by whom and until when (enterprises, never persons)
export const ZPublicListingSchema = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string().nullable(),
  criterion: z.string(),
  authority: z.string(),
  listedOn: z.string(),
  endsOn: z.string(),
});
