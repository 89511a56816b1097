import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CASE_DOCUMENT_TYPES,
  CASE_SOURCES,
  CREDIT_CLASSES,
  REPAIR_STATUSES,
  SUPPLY_SUSPENSION_STATUSES,
  WITHDRAWAL_GROUNDS,
  CASE_STATUSES,
  FINDERS,
  OBSERVATION_OUTCOMES,
  RELEASE_GROUNDS,
  SEIZURE_KINDS,
  SEIZURE_STATUSES,
  TIERS,
  type CaseDocumentType,
  type CreditClass,
  type RepairStatus,
  type SupplyKind,
  type SupplySuspensionStatus,
  type WithdrawalGround,
  type CaseSource,
  type CaseStatus,
  type Circumstance,
  type DiscretionProposal,
  type ObservationOutcome,
  type Finder,
  type ReleaseGround,
  type SeizureItem,
  type TestingPeriod,
  type SeizureKind,
  type SeizureStatus,
  type Tier,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { organisations } from '../organisations/schema.ts';
import { reports } from '../reports/schema.ts';

export const EVIDENCE_KINDS = ['photo', 'record', 'inquiry_record', 'document', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

// issue 15: a penalty case (案件), opened from a 移交立案审查 item or an overdue order, through its proposal, legal
// review, decision and service. The proposal is kept as the engine gave it, with the catalogue versions used.
export const penaltyCases = pgTable(
  'penalty_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    reference: text('reference').notNull(),
    source: text('source').$type<CaseSource>().notNull(),
    caseReferralId: uuid('case_referral_id'),
    rectificationOrderId: uuid('rectification_order_id'),
    inspectionId: uuid('inspection_id'),
    // issue 17 item 1: the report (举报) the case was opened from, and its receipt code; never the reporter
    reportId: uuid('report_id').references(() => reports.id),
    originReference: text('origin_reference'),
    enterpriseId: uuid('enterprise_id'),
    enterpriseName: text('enterprise_name').notNull(),
    summary: text('summary').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    violationCode: text('violation_code'),
    committedOn: date('committed_on', { mode: 'string' }),
    foundBy: text('found_by').$type<Finder>().notNull(),
    circumstances: jsonb('circumstances').$type<Circumstance[]>().notNull().default([]),
    majorHiddenDanger: boolean('major_hidden_danger').notNull().default(false),
    proposal: jsonb('proposal').$type<DiscretionProposal>(),
    proposalTier: text('proposal_tier').$type<Tier>(),
    proposalAmountFen: integer('proposal_amount_fen'),
    proposalDraftedBy: uuid('proposal_drafted_by'),
    proposalDraftedByName: text('proposal_drafted_by_name'),
    reviewedByName: text('reviewed_by_name'),
    reviewNote: text('review_note'),
    decisionTier: text('decision_tier').$type<Tier>(),
    decisionAmountFen: integer('decision_amount_fen'),
    departureReason: text('departure_reason'),
    legalGround: text('legal_ground'),
    decidedByName: text('decided_by_name'),
    criminalReferralSuspected: boolean('criminal_referral_suspected').notNull().default(false),
    criminalReferralNote: text('criminal_referral_note'),
    // two documents served in one event (两书同达, measure 22)
    creditRepairNoticeServed: boolean('credit_repair_notice_served').notNull().default(false),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    notifiedOn: date('notified_on', { mode: 'string' }),
    hearingOn: date('hearing_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    servedOn: date('served_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    // the ground a case with a fine closed on: paid in full, applied to the court, or a written legal ground
    closingGround: text('closing_ground'),
    // measure 14 (观察期): after a decision without penalty, the day an officer goes back and what was found
    observationFollowUpOn: date('observation_follow_up_on', { mode: 'string' }),
    observationOutcome: text('observation_outcome').$type<ObservationOutcome>(),
    observationNote: text('observation_note'),
    observationRecordedOn: date('observation_recorded_on', { mode: 'string' }),
    observationRecordedByName: text('observation_recorded_by_name'),
    openedByName: text('opened_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('penalty_cases_reference_idx').on(table.territory, table.reference),
    uniqueIndex('penalty_cases_case_referral_idx').on(table.caseReferralId),
    uniqueIndex('penalty_cases_rectification_order_idx').on(table.rectificationOrderId),
    uniqueIndex('penalty_cases_report_idx').on(table.reportId),
    index('penalty_cases_territory_status_idx').on(table.territory, table.status),
    index('penalty_cases_consistency_idx').on(table.violationCode, table.decisionTier, table.territory),
    oneOf('penalty_cases_status_check', table.status, CASE_STATUSES),
    oneOf('penalty_cases_source_check', table.source, CASE_SOURCES),
    oneOf('penalty_cases_found_by_check', table.foundBy, FINDERS),
    oneOf('penalty_cases_proposal_tier_check', table.proposalTier, TIERS),
    oneOf('penalty_cases_decision_tier_check', table.decisionTier, TIERS),
    oneOf('penalty_cases_observation_outcome_check', table.observationOutcome, OBSERVATION_OUTCOMES),
    index('penalty_cases_observation_idx').on(table.territory, table.observationFollowUpOn),
    // measure 15: an enterprise's decided penalties (安全生产法 第一百一十三条)
    index('penalty_cases_enterprise_decided_idx').on(table.enterpriseId, table.decidedOn),
  ],
);

export const penaltyCaseEvidence = pgTable(
  'penalty_case_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    description: text('description').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('penalty_case_evidence_case_idx').on(table.caseId),
    oneOf('penalty_case_evidence_kind_check', table.kind, EVIDENCE_KINDS),
  ],
);

// issue 15 item 7 (measure 16): 查封、扣押 in a case: drafted by an officer, approved by the head (行政强制法
// 第十八条), in force for 30 days from the day after it started, extended once on the head's approval (第二十五条),
// released with a ground of 第二十八条. `due_on` is the last day, extension included.
export const caseSeizures = pgTable(
  'case_seizures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<SeizureKind>().notNull(),
    items: jsonb('items').$type<SeizureItem[]>().notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<SeizureStatus>().notNull(),
    draftedBy: uuid('drafted_by').notNull(),
    draftedByName: text('drafted_by_name').notNull(),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    startedOn: date('started_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionRequestedDays: integer('extension_requested_days'),
    extensionReason: text('extension_reason'),
    extensionRequestedBy: uuid('extension_requested_by'),
    extensionRequestedByName: text('extension_requested_by_name'),
    extensionDecidedByName: text('extension_decided_by_name'),
    extensionDecisionNote: text('extension_decision_note'),
    releasedOn: date('released_on', { mode: 'string' }),
    releaseGround: text('release_ground').$type<ReleaseGround>(),
    releaseNote: text('release_note'),
    releasedByName: text('released_by_name'),
    // 第二十五条第三款: the examinations whose days the period does not include (`due_on` counts them)
    testingPeriods: jsonb('testing_periods').$type<TestingPeriod[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('case_seizures_case_idx').on(table.caseId),
    index('case_seizures_due_idx').on(table.territory, table.status, table.dueOn),
    oneOf('case_seizures_kind_check', table.kind, SEIZURE_KINDS),
    oneOf('case_seizures_status_check', table.status, SEIZURE_STATUSES),
    oneOf('case_seizures_release_ground_check', table.releaseGround, RELEASE_GROUNDS),
  ],
);

// issue 15 item 11: the numbered documents of a case, each frozen at issue (its snapshot renders the same docx
// every time). `subject_id` is the evidence entry (询问笔录) or the seizure the document is about.
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').$type<CaseDocumentType>().notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    subjectId: uuid('subject_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedByName: text('issued_by_name').notNull(),
  },
  (table) => [
    uniqueIndex('case_documents_number').on(table.organisationId, table.type, table.year, table.sequence),
    index('case_documents_case_idx').on(table.caseId),
    oneOf('case_documents_type_check', table.type, CASE_DOCUMENT_TYPES),
  ],
);

// issue 15 item 10 (measure 22): a penalty decision as the public sees it, written when the decision is served,
// with no personal data (the summary fields of the Guangdong 公示办法 第十三条); ended by repair or by its longest
// period.
export const penaltyPublications = pgTable(
  'penalty_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id'),
    documentNumber: text('document_number').notNull(),
    caseName: text('case_name').notNull(),
    partyType: text('party_type').notNull(),
    partyName: text('party_name').notNull(),
    facts: text('facts').notNull(),
    basis: text('basis').notNull(),
    decision: text('decision').notNull(),
    authority: text('authority').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    creditClass: text('credit_class').$type<CreditClass>().notNull(),
    minUntil: date('min_until', { mode: 'string' }),
    maxUntil: date('max_until', { mode: 'string' }).notNull(),
    repairedOn: date('repaired_on', { mode: 'string' }),
    // 行政处罚法 第四十八条第二款: withdrawn once the decision is varied, revoked, held unlawful or void
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalGround: text('withdrawal_ground').$type<WithdrawalGround>(),
    withdrawalGroundOn: date('withdrawal_ground_on', { mode: 'string' }),
    withdrawalDue: date('withdrawal_due', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    withdrawnByName: text('withdrawn_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('penalty_publications_case_idx').on(table.caseId),
    oneOf('penalty_publications_withdrawal_ground_check', table.withdrawalGround, WITHDRAWAL_GROUNDS),
    index('penalty_publications_public_idx').on(table.territory, table.publishedOn),
    index('penalty_publications_enterprise_idx').on(table.enterpriseId),
    oneOf('penalty_publications_credit_class_check', table.creditClass, CREDIT_CLASSES),
  ],
);

// The enterprise's application to end the publication, and the bureau's answer within the catalogue period.
export const creditRepairApplications = pgTable(
  'credit_repair_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => penaltyPublications.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    status: text('status').$type<RepairStatus>().notNull(),
    pledge: text('pledge').notNull(),
    fulfilment: text('fulfilment').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
    appliedByName: text('applied_by_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
  },
  (table) => [
    index('credit_repair_applications_publication_idx').on(table.publicationId),
    index('credit_repair_applications_case_idx').on(table.caseId),
    oneOf('credit_repair_applications_status_check', table.status, REPAIR_STATUSES),
  ],
);

// 安全生产法 第七十条 (issue 15 item 7): the power supply or the supply of civil explosives stopped to enforce a
// decision to stop for a major hidden danger, approved by the bureau's principal head, lifted once the enterprise
// complies.
export const caseSupplySuspensions = pgTable(
  'case_supply_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    kinds: jsonb('kinds').$type<SupplyKind[]>().notNull(),
    // the units told in writing (供电企业, 民用爆炸物品销售企业)
    suppliers: text('suppliers').notNull(),
    reason: text('reason').notNull(),
    enterpriseNotifiedAt: timestamp('enterprise_notified_at', { withTimezone: true, mode: 'date' }).notNull(),
    effectiveAt: timestamp('effective_at', { withTimezone: true, mode: 'date' }).notNull(),
    urgent: boolean('urgent').notNull().default(false),
    urgentReason: text('urgent_reason'),
    status: text('status').$type<SupplySuspensionStatus>().notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedByName: text('proposed_by_name').notNull(),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
    liftNote: text('lift_note'),
    liftedByName: text('lifted_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('case_supply_suspensions_case_idx').on(table.caseId),
    oneOf('case_supply_suspensions_status_check', table.status, SUPPLY_SUSPENSION_STATUSES),
  ],
);

// Issue 15 item 6 (measure 15, firmness). 安全生产法 第一百一十二条: the re-check that found an enterprise ordered to
// correct and fined still refusing, the daily continuous penalty computed from it (days from the day after the
// order, original amount a day), and the follow-up case opened once from it. 第一百一十三条: the head's record that
// the closure proposal went to the local government.
export const caseContinuousPenalties = pgTable('case_continuous_penalties', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .unique('case_continuous_penalties_case_idx')
    .references(() => penaltyCases.id),
  territory: text('territory').notNull(),
  orderedToCorrectOn: date('ordered_to_correct_on', { mode: 'string' }).notNull(),
  orderNote: text('order_note').notNull(),
  refusalFoundOn: date('refusal_found_on', { mode: 'string' }).notNull(),
  evidenceNote: text('evidence_note').notNull(),
  days: integer('days').notNull(),
  perDayFen: integer('per_day_fen').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  followUpCaseId: uuid('follow_up_case_id')
    .unique('case_continuous_penalties_follow_up_idx')
    .references(() => penaltyCases.id),
  followUpOpenedByName: text('follow_up_opened_by_name'),
  followUpOpenedAt: timestamp('follow_up_opened_at', { withTimezone: true, mode: 'date' }),
});

export const caseClosureProposals = pgTable(
  'case_closure_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id'),
    item: integer('item').notNull(),
    // items (二) to (四): the facts the head wrote and the records the platform checked
    facts: jsonb('facts').$type<Record<string, unknown>>(),
    penaltyCaseIds: jsonb('penalty_case_ids').$type<string[]>().notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    documentNote: text('document_note').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('case_closure_proposals_enterprise_idx').on(table.enterpriseId),
    uniqueIndex('case_closure_proposals_case_item_idx').on(table.caseId, table.item),
  ],
);
