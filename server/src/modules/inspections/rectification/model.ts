import { RECTIFICATION_STATUSES } from '@inspecta/domain';
import { z } from 'zod';
import { ZDateSchema } from '../../../platform/http/dates.ts';
import { ZBooleanQuerySchema, ZPageQuerySchema } from '../../../platform/http/paging.ts';
import { ZInspectionDocumentSchema } from '../documents/model.ts';

export const ZIdParamsSchema = z.object({ id: z.string().max(64) });
export const ZOrderFileParamsSchema = z.object({ id: z.string().max(64), fileId: z.string().max(64) });

export const ZIssueOrderSchema = z.strictObject({
  findingIds: z
    .array(z.uuid({ message: '问题编号格式不正确' }))
    .min(1, { message: '请至少选择一个问题' })
    .max(200),
  requirements: z.string().trim().min(1, { message: '请填写整改要求' }).max(4000),
  deadline: z.union([
    z.strictObject({ workdays: z.number().int().min(1).max(250) }),
    z.strictObject({ date: ZDateSchema }),
  ]),
  reviewArrangement: z.string().trim().max(1000).optional(),
});

const ZAcknowledgementInputSchema = z.discriminatedUnion('signed', [
  z.strictObject({
    signed: z.literal(true),
    signerName: z.string().trim().min(1).max(100),
    signatureFileId: z.uuid(),
  }),
  z.strictObject({
    signed: z.literal(false),
    signerName: z.string().trim().max(100),
    refusalNote: z.string().trim().min(1, { message: '请记录拒绝签字的情况与见证人' }).max(1000),
  }),
]);

export const ZReviewOrderSchema = z
  .strictObject({
    passed: z.boolean(),
    comment: z.string().trim().max(4000).default(''),
    // the result per problem; when left out every problem takes the overall result
    results: z
      .array(
        z.strictObject({
          findingId: z.uuid(),
          passed: z.boolean(),
          note: z.string().trim().max(1000).optional(),
        }),
      )
      .optional(),
    // the enterprise head's signature on the review, or the refusal to sign (安全生产法 第六十八条)
    acknowledgement: ZAcknowledgementInputSchema.optional(),
  })
  .refine((body) => body.passed || body.comment.length > 0, {
    message: '复查未通过时请写明未整改到位的情况',
    path: ['comment'],
  })
  .refine((body) => !body.results || body.results.every((result) => result.passed) === body.passed, {
    message: '逐项复查结果与总体结论不一致：全部整改到位才能通过',
    path: ['results'],
  });

export const ZCloseWithoutSchema = z.strictObject({
  reason: z.string().trim().min(1, { message: '请写明未经整改关闭的理由' }).max(2000),
});

export const ZProofFieldsSchema = z.strictObject({
  // the client's id for the file: an upload replayed after a lost answer stores and records nothing twice
  id: z.uuid({ message: '文件编号格式不正确' }),
  note: z.string().trim().max(2000).default(''),
});

export const ZOrderListQuerySchema = ZPageQuerySchema.extend({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  overdue: ZBooleanQuerySchema.optional(),
  // 移交立案候选: escalated, or overdue and not yet escalated by the daily scan
  candidates: ZBooleanQuerySchema.optional(),
  inspectionId: z.uuid().optional(),
});

const ZFindingLineSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  description: z.string(),
  basis: z.string(),
  howToFix: z.string(),
  majorHiddenDanger: z.boolean(),
});

export const ZRectificationOrderSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  territory: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  findings: z.array(ZFindingLineSchema),
  requirements: z.string(),
  deadline: z.string(),
  deadlineWorkdays: z.number().int().nullable(),
  // issue 11 item 12: years counted weekends only, the deadline shown 待国务院公布 until recomputed
  deadlinePendingYears: z.array(z.number().int()),
  status: z.enum(RECTIFICATION_STATUSES),
  statusName: z.string(),
  overdue: z.boolean(),
  escalationCandidate: z.boolean(),
  proofs: z.array(
    z.object({
      fileIds: z.array(z.string()),
      note: z.string(),
      submittedAt: z.string(),
      submittedByName: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      passed: z.boolean(),
      comment: z.string(),
      reviewedAt: z.string(),
      reviewedByName: z.string(),
    }),
  ),
  escalation: z.object({ at: z.string(), reason: z.string() }).nullable(),
  closure: z.object({ at: z.string(), reason: z.string(), byName: z.string() }).nullable(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  documents: z.array(ZInspectionDocumentSchema),
});
export type TRectificationOrder = z.infer<typeof ZRectificationOrderSchema>;

export const ZConcludeResultSchema = z.object({ stage: z.string(), document: ZInspectionDocumentSchema });
export const ZCloseResultSchema = z.object({ stage: z.string(), closedAt: z.string() });
