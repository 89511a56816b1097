import { z } from 'zod';
import { ARRANGEMENT_KINDS, ARRANGEMENT_STATUSES } from '@inspecta/domain';
import { ZDateSchema } from '../../../platform/http/dates.ts';

// issue 15 item 3 after service: what an officer records about the performance of a fine, and what the case shows.

const fen = z.number().int().positive('金额须大于 0').max(2_000_000_000);
const note = z.string().trim().max(2000, '说明不超过 2000 字');

export const ZArrangementParamsSchema = z.object({
  id: z.string().max(64),
  arrangementId: z.string().max(64),
});

export const ZFinePaymentInputSchema = z.strictObject({
  paidOn: ZDateSchema,
  amountFen: fen,
  reference: z.string().trim().min(1, '请填写缴款凭证号或者银行流水号').max(200),
});

export const ZFineArrangementInputSchema = z.strictObject({
  kind: z.enum(ARRANGEMENT_KINDS),
  appliedOn: ZDateSchema,
  reason: z.string().trim().min(1, '请写明当事人的经济困难情况').max(2000, '说明不超过 2000 字'),
  deferredUntil: ZDateSchema.optional(),
  instalments: z
    .array(z.strictObject({ dueOn: ZDateSchema, amountFen: fen }))
    .max(36, '最多 36 期')
    .optional(),
});

export const ZFineArrangementDecisionSchema = z.strictObject({ approve: z.boolean(), note: note.optional() });

// the 罚款催缴通知书 served: by default the latest issued one not yet recorded as served
export const ZFineReminderInputSchema = z.strictObject({
  servedOn: ZDateSchema,
  documentId: z.uuid('请选择已制作的罚款催缴通知书').optional(),
  note: note.optional(),
});

export const ZCourtApplicationInputSchema = z.strictObject({
  appliedOn: ZDateSchema,
  court: z.string().trim().min(2, '请填写受理申请的人民法院').max(200),
  note: note.optional(),
});

const warning = z.object({
  code: z.string(),
  name: z.string(),
  due: z.string(),
  state: z.enum(['due_soon', 'overdue']),
});

export const ZFinePerformanceViewSchema = z.object({
  fineFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
  paidInFullOn: z.string().nullable(),
  standardDueOn: z.string(),
  dueOn: z.string().nullable(),
  finalDueOn: z.string(),
  overdue: z.boolean(),
  surchargeDays: z.number().int(),
  surchargeFen: z.number().int(),
  overdueFen: z.number().int(),
  schedule: z.array(
    z.object({ dueOn: z.string(), amountFen: z.number().int(), coveredFen: z.number().int() }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      paidOn: z.string(),
      amountFen: z.number().int(),
      reference: z.string(),
      recordedByName: z.string(),
    }),
  ),
  arrangements: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ARRANGEMENT_KINDS),
      kindName: z.string(),
      appliedOn: z.string(),
      reason: z.string(),
      deferredUntil: z.string().nullable(),
      instalments: z.array(z.object({ dueOn: z.string(), amountFen: z.number().int() })),
      status: z.enum(ARRANGEMENT_STATUSES),
      statusName: z.string(),
      recordedByName: z.string(),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  // the latest 催告 served, and every one (行政强制法 第五十四条; a later one once the amount overdue changed)
  reminder: z
    .object({ servedOn: z.string(), note: z.string().nullable(), recordedByName: z.string() })
    .nullable(),
  reminders: z.array(
    z.object({
      id: z.string(),
      servedOn: z.string(),
      documentNumber: z.string().nullable(),
      overdueFen: z.number().int().nullable(),
      outstandingFen: z.number().int().nullable(),
      note: z.string().nullable(),
      recordedByName: z.string(),
    }),
  ),
  courtApplication: z
    .object({
      appliedOn: z.string(),
      court: z.string(),
      note: z.string().nullable(),
      warnings: z.array(z.string()),
      recordedByName: z.string(),
    })
    .nullable(),
  courtMayApplyFrom: z.string().nullable(),
  courtWindow: z.object({
    from: z.string(),
    until: z.string(),
    challengeEndsOn: z.string(),
    challengeVerified: z.boolean(),
  }),
  // may the case close on the fine's account now, and on which ground
  closable: z.boolean(),
  closingGround: z.string().nullable(),
  warnings: z.array(warning),
  basis: z.object({
    payment: z.string(),
    arrangement: z.string(),
    surcharge: z.string(),
    reminder: z.string(),
    court: z.string(),
  }),
  // for the legal reviewer: the challenge periods the court window rests on (placeholders)
  challengePeriods: z.array(z.object({ name: z.string(), source: z.string(), verified: z.boolean() })),
});
export type TFinePerformanceView = z.infer<typeof ZFinePerformanceViewSchema>;
