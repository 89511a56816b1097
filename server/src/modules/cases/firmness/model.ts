import { z } from 'zod';
import { ACCIDENT_GRADES } from '@inspecta/domain';
import { ZDateSchema } from '../../../platform/http/dates.ts';

// Issue 15 item 6 (measure 15): what an officer records after a re-check (安全生产法 第一百一十二条), what the head
// records once the closure proposal is sent (第一百一十三条), and what the case page shows of both.

export const ZCorrectionRefusalSchema = z.strictObject({
  // the day the order to correct (责令改正) was made, and the document it was made in
  orderedToCorrectOn: ZDateSchema,
  orderNote: z.string().trim().min(2, '请写明责令改正的文书及编号').max(500, '不超过 500 字'),
  // the day the re-check established the refusal (or verified the correction): the last day counted
  refusalFoundOn: ZDateSchema,
  evidenceNote: z
    .string()
    .trim()
    .min(4, '请写明复查发现拒不改正的事实和证据')
    .max(2000, '说明不超过 2000 字'),
});

export const ZClosureProposalSentSchema = z.strictObject({
  sentOn: ZDateSchema,
  documentNote: z.string().trim().min(2, '请写明提请关闭的文书文号或者报送情况').max(1000, '不超过 1000 字'),
});

// 第一百一十三条第一款第（二）至（四）项: the head records the proposal with the facts the item names. A 停产停业整顿
// decision is referenced by its case where the platform holds it (its day then comes from the case), and is always
// named by its document number.
const fact = (message: string) => z.string().trim().min(4, message).max(2000, '说明不超过 2000 字');
const ZSuspensionReferenceSchema = z.strictObject({
  caseId: z.uuid('请选择本平台中的停产停业整顿案件').optional(),
  documentNumber: z.string().trim().min(2, '请写明停产停业整顿决定的文书编号').max(200),
  decidedOn: ZDateSchema,
});
const sent = {
  sentOn: ZDateSchema,
  documentNote: z.string().trim().min(2, '请写明提请关闭的文书文号或者报送情况').max(1000, '不超过 1000 字'),
};
export const ZClosureOnFactsSchema = z.discriminatedUnion('item', [
  z.strictObject({
    item: z.literal(2),
    ...sent,
    suspension: ZSuspensionReferenceSchema,
    reinspectedOn: ZDateSchema,
    finding: fact('请写明整顿后检查认定仍不具备的安全生产条件及其依据'),
  }),
  z.strictObject({
    item: z.literal(3),
    ...sent,
    accidentOn: ZDateSchema,
    accidentGrade: z.enum(ACCIDENT_GRADES),
    accident: fact('请写明事故的经过与伤亡、损失情况'),
    conditionsLacking: fact('请写明不具备的安全生产条件及其依据'),
  }),
  z.strictObject({
    item: z.literal(4),
    ...sent,
    suspension: ZSuspensionReferenceSchema,
    refusalFoundOn: ZDateSchema,
    refusal: fact('请写明拒不执行停产停业整顿决定的事实和证据'),
  }),
]);

const ZRuleSchema = z.object({
  name: z.string(),
  rule: z.string(),
  source: z.string(),
  verified: z.boolean(),
});

export const ZFirmnessSchema = z.object({
  continuousPenalty: z.object({
    basis: z.string(),
    countingEnd: ZRuleSchema,
    // whether a refusal may be recorded on this case now, and if not why (in Chinese)
    eligible: z.boolean(),
    ineligibleReason: z.string().nullable(),
    // the suggested order day: the decision's
    orderDefault: z.string().nullable(),
    record: z
      .object({
        orderedToCorrectOn: z.string(),
        orderNote: z.string(),
        refusalFoundOn: z.string(),
        evidenceNote: z.string(),
        fromOn: z.string(),
        days: z.number().int(),
        perDayFen: z.number().int(),
        amountFen: z.number().int(),
        recordedByName: z.string(),
        recordedAt: z.string(),
        followUpCase: z.object({ id: z.string(), reference: z.string() }).nullable(),
      })
      .nullable(),
  }),
  // this case is the follow-up of another: the original and what was computed there
  originCase: z
    .object({
      id: z.string(),
      reference: z.string(),
      days: z.number().int(),
      perDayFen: z.number().int(),
      amountFen: z.number().int(),
    })
    .nullable(),
  closure: z.object({
    basis: z.string(),
    proposal: z
      .object({
        item: z.number().int(),
        provision: z.string(),
        text: z.string(),
        window: z.object({ count: z.number().int(), words: z.string(), from: z.string(), to: z.string() }),
        cases: z.array(z.object({ id: z.string(), reference: z.string(), decidedOn: z.string() })),
        reading: z.string(),
        source: z.string(),
        verified: z.boolean(),
      })
      .nullable(),
    sent: z
      .object({
        sentOn: z.string(),
        documentNote: z.string(),
        recordedByName: z.string(),
        recordedAt: z.string(),
      })
      .nullable(),
    // items (二) to (四): the four items in the law's words, and the proposals recorded on this case
    items: z.array(z.object({ item: z.number().int(), provision: z.string(), text: z.string() })),
    onFacts: z.array(
      z.object({
        item: z.number().int(),
        provision: z.string(),
        text: z.string(),
        summary: z.string(),
        suspensionCase: z.object({ id: z.string(), reference: z.string() }).nullable(),
        sentOn: z.string(),
        documentNote: z.string(),
        recordedByName: z.string(),
        recordedAt: z.string(),
      }),
    ),
  }),
});
export type TFirmness = z.infer<typeof ZFirmnessSchema>;

// the bureau's list of enterprises that met 第一百一十三条第一款第（一）项
export const ZClosureListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZClosureListItemSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  item: z.number().int(),
  provision: z.string(),
  // the item in the law's words
  text: z.string(),
  // item (一): the penalties counted; items (二) to (四): the facts the head recorded
  window: z
    .object({ count: z.number().int(), words: z.string(), from: z.string(), to: z.string() })
    .nullable(),
  summary: z.string().nullable(),
  // the decision that met the rule, where the proposal is recorded
  case: z.object({ id: z.string(), reference: z.string() }),
  cases: z.array(z.object({ id: z.string(), reference: z.string() })),
  // the latest proposal recorded as sent for one of the enterprise's cases
  sentOn: z.string().nullable(),
});
export type TClosureListItem = z.infer<typeof ZClosureListItemSchema>;
