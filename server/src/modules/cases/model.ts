import { z } from 'zod';
import {
  CASE_DOCUMENT_TYPES,
  CASE_STATUSES,
  CIRCUMSTANCES,
  FINDERS,
  OBSERVATION_OUTCOMES,
  RELEASE_GROUNDS,
  SEIZURE_KINDS,
  SEIZURE_STATUSES,
  SUPPLY_KINDS,
  SUPPLY_SUSPENSION_STATUSES,
  TIERS,
  TESTING_KINDS,
  ZSeizureItemSchema,
  ZTestingPeriodSchema,
} from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { ZPageQuerySchema } from '../../platform/http/paging.ts';
import { EVIDENCE_KINDS } from './schema.ts';
import { ZListingViewSchema, ZPublicationViewSchema } from './credit/model.ts';
import { ZFinePerformanceViewSchema } from './performance/model.ts';
import { ZFirmnessSchema } from './firmness/model.ts';

// a day within the years the platform accepts (year 0000 is refused at the edge, not by the database)
const ZIsoDay = ZDateSchema;

export const ZCaseIdParamsSchema = z.object({ id: z.string().max(64) });

export const ZCaseListQuerySchema = ZPageQuerySchema.extend({
  status: z.enum(CASE_STATUSES).optional(),
  inspectionId: z.uuid().optional(),
  // measure 14: open observation periods whose follow-up falls on or before this day
  observationDueBy: ZIsoDay.optional(),
  // measure 16: cases with a 查封、扣押 in force whose last day falls on or before this day
  seizureDueBy: ZIsoDay.optional(),
});

// 立案: from a 移交立案审查 item (the legal reviewer) or an order whose deadline passed (逾期未整改)
export const ZOpenCaseSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('case_referral'), caseReferralId: z.uuid() }),
  z.strictObject({ source: z.literal('overdue_order'), rectificationOrderId: z.uuid() }),
]);

export const ZCaseFactsSchema = z.strictObject({
  violationCode: z.string().trim().min(1).max(64),
  committedOn: ZIsoDay,
  circumstances: z.array(z.enum(CIRCUMSTANCES)).max(CIRCUMSTANCES.length),
  foundBy: z.enum(FINDERS),
  criminalReferralSuspected: z.boolean().default(false),
});

export const ZEvidenceInputSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  description: z.string().trim().min(1, '请描述证据内容').max(2000, '证据说明不超过 2000 字'),
});

const note = z.string().trim().max(2000, '说明不超过 2000 字');

// One transition of the case (domain: caseTransition), with what it records.
export const ZCaseActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit_for_review') }),
  z.strictObject({ action: z.literal('approve_review'), note: note.optional() }),
  z.strictObject({ action: z.literal('return_for_investigation'), note: note.min(1, '请写明退回理由') }),
  z.strictObject({ action: z.literal('record_discussion'), note: note.min(1, '请记录集体讨论的结论') }),
  z.strictObject({ action: z.literal('notify'), notifiedOn: ZIsoDay }),
  z.strictObject({ action: z.literal('request_hearing'), hearingOn: ZIsoDay }),
  z.strictObject({
    action: z.literal('decide'),
    tier: z.enum(TIERS),
    amountFen: z.number().int().nonnegative().max(2_000_000_000).nullable(),
    departureReason: note.optional(),
    legalGround: note.optional(),
  }),
  z.strictObject({
    action: z.literal('serve'),
    servedOn: ZIsoDay,
    // 两书同达 (measure 22): the credit-repair notice goes with every penalty decision
    withCreditRepairNotice: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('close'),
    criminalReferralNote: note.optional(),
    // a fine neither paid nor applied to the court: the other legal ground the case closes on (e.g. 决定已被撤销)
    closingGround: note.optional(),
  }),
]);

const ZReasonSchema = z.object({ code: z.string(), text: z.string(), basis: z.string() });

export const ZProposalSchema = z.object({
  tier: z.enum(TIERS),
  tierName: z.string(),
  fineProvided: z.boolean(),
  statutoryRangeFen: z.object({ minFen: z.number(), maxFen: z.number() }).nullable(),
  bandFen: z.object({ fromFen: z.number(), toFen: z.number() }).nullable(),
  amountFen: z.number().nullable(),
  reasons: z.array(ZReasonSchema),
  noPenaltyForbiddenBy: z.array(ZReasonSchema),
  noPenalty: z
    .object({
      ground: z.string(),
      kind: z.enum(['must', 'may']),
      basis: z.string(),
      listItem: z
        .object({
          list: z.string(),
          document: z.string(),
          code: z.string(),
          name: z.string(),
          verified: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
  unverified: z.array(z.string()),
  catalogVersions: z.object({ discretion: z.string(), noPenalty: z.string() }),
  // issue 15 item 2: the tier rule the proposal used (a legal reviewer's edit, or the placeholder: editId null)
  tierRule: z
    .object({
      tier: z.enum(TIERS),
      editId: z.string().nullable(),
      scheme: z.string().nullable(),
      effective: z.string(),
      conditions: z.string(),
      source: z.string(),
      verified: z.boolean(),
    })
    .nullish(),
});

export const ZConsistencySchema = z.object({
  scope: z.enum(['territory', 'city']),
  count: z.number().int(),
  minFen: z.number().nullable(),
  p25Fen: z.number().nullable(),
  medianFen: z.number().nullable(),
  p75Fen: z.number().nullable(),
  maxFen: z.number().nullable(),
  // the proposal's amount lies outside the middle half of similar decisions (measure 18)
  outlier: z.boolean(),
});

export const ZCaseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  territory: z.string(),
  source: z.string(),
  sourceName: z.string(),
  enterpriseName: z.string(),
  summary: z.string(),
  status: z.enum(CASE_STATUSES),
  statusName: z.string(),
  violationCode: z.string().nullable(),
  proposalTier: z.enum(TIERS).nullable(),
  openedOn: z.string(),
  inspectionId: z.string().nullable(),
  caseReferralId: z.string().nullable(),
  // issue 17 item 1: the report the case was opened from and its receipt code (举报 JB…); never the reporter
  reportId: z.string().nullable(),
  originReference: z.string().nullable(),
  observationFollowUpOn: z.string().nullable(),
});

// 安全生产法 第七十条: the officer records each condition as a fact; the head approves
export const ZSupplySuspensionParamsSchema = z.object({
  id: z.string().max(64),
  suspensionId: z.string().max(64),
});
export const ZSupplySuspensionInputSchema = z.strictObject({
  kinds: z
    .array(z.enum(SUPPLY_KINDS))
    .min(1, '请选择停止供电或者停止供应民用爆炸物品')
    .max(SUPPLY_KINDS.length),
  suppliers: z.string().trim().min(2, '请写明书面通知的有关单位').max(500),
  reason: z.string().trim().min(4, '请写明拒不执行的事实和现实危险').max(2000, '理由不超过 2000 字'),
  refusedToComply: z.boolean(),
  imminentDanger: z.boolean(),
  safetyEnsured: z.boolean(),
  enterpriseNotifiedAt: z.iso.datetime({ offset: true, error: '通知企业的时间格式不正确' }),
  effectiveAt: z.iso.datetime({ offset: true, error: '措施开始的时间格式不正确' }),
  urgent: z.boolean().default(false),
  urgentReason: z.string().trim().max(2000).optional(),
});
export const ZSupplySuspensionDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000, '说明不超过 2000 字').optional(),
});
export const ZSupplySuspensionLiftSchema = z.strictObject({
  note: z.string().trim().min(2, '请写明企业履行决定、消除隐患的情况').max(2000, '说明不超过 2000 字'),
});
export const ZSupplySuspensionSchema = z.object({
  id: z.string(),
  kinds: z.array(z.enum(SUPPLY_KINDS)),
  kindNames: z.array(z.string()),
  suppliers: z.string(),
  reason: z.string(),
  enterpriseNotifiedAt: z.string(),
  effectiveAt: z.string(),
  urgent: z.boolean(),
  urgentReason: z.string().nullable(),
  status: z.enum(SUPPLY_SUSPENSION_STATUSES),
  statusName: z.string(),
  proposedByName: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftNote: z.string().nullable(),
  liftedByName: z.string().nullable(),
});

export const ZCaseDetailSchema = ZCaseSummarySchema.extend({
  violation: z
    .object({
      code: z.string(),
      violation: z.string(),
      provision: z.string(),
      source: z.string(),
      penaltyText: z.string(),
    })
    .nullable(),
  committedOn: z.string().nullable(),
  foundBy: z.enum(FINDERS),
  circumstances: z.array(z.enum(CIRCUMSTANCES)),
  majorHiddenDanger: z.boolean(),
  criminalReferralSuspected: z.boolean(),
  criminalReferralNote: z.string().nullable(),
  proposal: ZProposalSchema.nullable(),
  proposalDraftedByName: z.string().nullable(),
  // measure 14: major hidden dangers an expert found at this enterprise while helping, fixed by the day set; the
  // ground applies when the case's facts record the danger as found by the expert (foundBy expert_guidance)
  expertGuidanceMarks: z.array(
    z.object({
      dispatchId: z.uuid(),
      expertName: z.string(),
      description: z.string(),
      visitedOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      fixedOn: z.string().nullable(),
      basis: z.string(),
      verified: z.boolean(),
    }),
  ),
  reviewedByName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  decision: z
    .object({
      tier: z.enum(TIERS),
      tierName: z.string(),
      amountFen: z.number().nullable(),
      departureReason: z.string().nullable(),
      legalGround: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decidedOn: z.string().nullable(),
      departsFromProposal: z.boolean(),
    })
    .nullable(),
  creditRepairNoticeServed: z.boolean(),
  // measure 14 (观察期): after a decision without penalty
  observation: z
    .object({
      followUpOn: z.string(),
      days: z.number().int(),
      basis: z.string(),
      outcome: z.enum(OBSERVATION_OUTCOMES).nullable(),
      outcomeName: z.string().nullable(),
      note: z.string().nullable(),
      recordedOn: z.string().nullable(),
      recordedByName: z.string().nullable(),
      due: z.boolean(),
    })
    .nullable(),
  dates: z.object({
    openedOn: z.string(),
    notifiedOn: z.string().nullable(),
    hearingOn: z.string().nullable(),
    decidedOn: z.string().nullable(),
    servedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
  }),
  periods: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      from: z.string(),
      due: z.string(),
      unit: z.enum(['days', 'workdays']),
      source: z.string(),
      verified: z.boolean(),
      pendingYears: z.array(z.number()),
      warning: z.enum(['due_soon', 'overdue']).nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(EVIDENCE_KINDS),
      description: z.string(),
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  consistency: z.array(ZConsistencySchema),
  // item 7 (measure 16): 查封、扣押, with the law each step rests on
  seizures: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SEIZURE_KINDS),
      kindName: z.string(),
      items: z.array(ZSeizureItemSchema),
      reason: z.string(),
      status: z.enum(SEIZURE_STATUSES),
      statusName: z.string(),
      draftedByName: z.string(),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
      startedOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      limitDays: z.number().int(),
      extensionDays: z.number().int(),
      extensionMaxDays: z.number().int(),
      extension: z
        .object({
          days: z.number().int(),
          reason: z.string(),
          requestedByName: z.string(),
          decidedByName: z.string().nullable(),
          decisionNote: z.string().nullable(),
        })
        .nullable(),
      release: z
        .object({
          on: z.string(),
          ground: z.enum(RELEASE_GROUNDS),
          groundName: z.string(),
          note: z.string(),
          byName: z.string(),
        })
        .nullable(),
      // 行政强制法 第二十五条第三款: examinations whose days the period does not include
      testingPeriods: z.array(ZTestingPeriodSchema.extend({ kindName: z.string(), days: z.number().int() })),
      testingDays: z.number().int(),
      warning: z.enum(['due_soon', 'overdue']).nullable(),
      periodSource: z.string(),
      periodVerified: z.boolean(),
    }),
  ),
  seizureBasis: z.object({
    law: z.string(),
    scope: z.string(),
    approval: z.string(),
    period: z.string(),
    testing: z.string(),
  }),
  // measure 22: the decision as published once served, and the enterprise's applications for credit repair
  publication: ZPublicationViewSchema.nullable(),
  // 安全生产法 第七十条: supply stopped to enforce a decision to stop, and the decisions it may enforce
  supplySuspensions: z.array(ZSupplySuspensionSchema),
  stopDecisions: z.array(
    z.object({ description: z.string(), kindName: z.string(), decisionNumber: z.string().nullable() }),
  ),
  supplySuspensionBasis: z.object({ law: z.string(), notice: z.string() }),
  // 令第11号: a listing case the violation matches, proposed to the bureau with its basis (never listed by itself)
  seriousDishonesty: z
    .object({
      criterion: z.string(),
      code: z.string(),
      note: z.string().nullable(),
      scope: z.string(),
      source: z.string(),
      verified: z.boolean(),
    })
    .nullable(),
  // the bureau's answer to it: recommended, decided, removed
  seriousDishonestyListing: ZListingViewSchema.nullable(),
  hearingRight: z.boolean(),
  needsCollectiveDiscussion: z.boolean(),
  // 履行 (issue 15 item 3 after service): a served fine's figures, records and due dates; null without a fine
  performance: ZFinePerformanceViewSchema.nullable(),
  closingGround: z.string().nullable(),
  // measure 15: 按日连续处罚 (安全生产法 第一百一十二条) and 提请关闭 (第一百一十三条)
  firmness: ZFirmnessSchema,
});
// what the officer found when he went back (measure 14)
export const ZObservationOutcomeSchema = z.strictObject({
  outcome: z.enum(OBSERVATION_OUTCOMES),
  note: z.string().trim().min(1, '请写明回访发现的情况').max(2000, '说明不超过 2000 字'),
});

export const ZSeizureParamsSchema = z.object({ id: z.string().max(64), seizureId: z.string().max(64) });

// 查封、扣押 drafted by an officer (行政强制法 第二十三条: only what the violation concerns, each item saying how)
export const ZSeizureInputSchema = z.strictObject({
  kind: z.enum(SEIZURE_KINDS),
  items: z.array(ZSeizureItemSchema).min(1, '请列明查封、扣押的场所、设施或者财物').max(50, '一次最多 50 项'),
  reason: z.string().trim().min(1, '请写明查封、扣押的理由').max(2000, '理由不超过 2000 字'),
});

// the head's answer to a seizure or to its extension
export const ZSeizureDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000, '意见不超过 2000 字').default(''),
});

export const ZSeizureExtensionSchema = z.strictObject({
  days: z.number().int().min(1, '延长至少 1 日').max(366),
  reason: z.string().trim().min(1, '请写明情况复杂、需要延长的理由').max(2000, '理由不超过 2000 字'),
});

// 行政强制法 第二十五条第三款: an examination of the seized things, its period stated and the party told in writing
export const ZTestingPeriodInputSchema = z.strictObject({
  kind: z.enum(TESTING_KINDS),
  startsOn: ZIsoDay,
  endsOn: ZIsoDay,
  notifiedOn: ZIsoDay,
  note: z.string().trim().max(500, '说明不超过 500 字').default(''),
});

export const ZSeizureReleaseSchema = z.strictObject({
  ground: z.enum(RELEASE_GROUNDS),
  note: z.string().trim().min(1, '请写明解除的情况（财物退还等）').max(2000, '说明不超过 2000 字'),
});

export type TCaseDetail = z.infer<typeof ZCaseDetailSchema>;
export type TCaseSummary = z.infer<typeof ZCaseSummarySchema>;
export type TConsistency = z.infer<typeof ZConsistencySchema>;

// issue 15 item 11: the case's numbered documents
export const ZCaseDocumentInputSchema = z.strictObject({
  type: z.enum(CASE_DOCUMENT_TYPES),
  // the 询问笔录 evidence entry or the seizure the document is about
  subjectId: z.uuid().optional(),
  // 陈述申辩笔录 only: who stated, what they said, and the bureau's answer (复核意见)
  statement: z
    .strictObject({
      statedBy: z.string().trim().min(1, '请填写陈述申辩人').max(100),
      text: z.string().trim().min(1, '请记录陈述、申辩的内容').max(5000, '陈述、申辩内容不超过 5000 字'),
      reply: z.string().trim().min(1, '请填写复核意见').max(5000, '复核意见不超过 5000 字'),
    })
    .optional(),
});

export const ZCaseDocumentParamsSchema = z.object({ id: z.string().max(64) });

export const ZCaseDocumentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  type: z.enum(CASE_DOCUMENT_TYPES),
  // what the reader sees: 行政处罚决定书, or 不予行政处罚决定书 / 扣押决定书 where that is what it is
  title: z.string(),
  number: z.string(),
  subjectId: z.string().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string(),
});

// a document the case may have now, with what it is about; `issuedId` when the single copy already exists
export const ZCaseDocumentOptionSchema = z.object({
  type: z.enum(CASE_DOCUMENT_TYPES),
  typeName: z.string(),
  subjectId: z.string().nullable(),
  subjectLabel: z.string().nullable(),
  repeatable: z.boolean(),
  issuedId: z.string().nullable(),
});

export const ZCaseDocumentsSchema = z.object({
  items: z.array(ZCaseDocumentSchema),
  available: z.array(ZCaseDocumentOptionSchema),
  // the number codes are the platform's until the legal reviewer confirms them
  numberCodesVerified: z.boolean(),
});
