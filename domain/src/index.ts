// What other packages may use from the domain, and nothing else.

export { isRefusal, ok, refuse } from './shared/result.ts';
export type { Ok, Refusal } from './shared/result.ts';
export { isAfter, isBefore, isWithinDateRange, ZIsoDateSchema } from './shared/iso-date.ts';
export type { IsoDate } from './shared/iso-date.ts';

export {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  makeCreditCode,
  validateCreditCode,
  ZCreditCodeSchema,
} from './enterprise/credit-code.ts';
export type { CreditCodeErrorCode, CreditCodeValidation } from './enterprise/credit-code.ts';
export {
  isKeyEnterprise,
  keyIndustryReasons,
  meetsKeyIndustryRule,
  ZKeyIndustryProfileSchema,
} from './enterprise/key-industry.ts';
export type { KeyIndustryProfile, KeyIndustryReason } from './enterprise/key-industry.ts';

export {
  isTerritoryCode,
  isWithinTerritory,
  territoryLevel,
  ZTerritoryCodeSchema,
} from './territory/territory-code.ts';
export type { TerritoryCode, TerritoryLevel } from './territory/territory-code.ts';
export { territories, territoryName } from './territory/territories.ts';
export type { Territory } from './territory/territories.ts';

export {
  ZEntrustmentSchema,
  ZOrganisationKindSchema,
  ZOrganisationSchema,
} from './organisation/organisation.ts';
export type { Entrustment, Organisation, OrganisationKind } from './organisation/organisation.ts';
export {
  mayBeInspectionSubject,
  ZMayBeInspectionSubjectInputSchema,
} from './organisation/may-be-inspection-subject.ts';
export type {
  InspectionSubjectRefusal,
  InspectionSubjectRefusalCode,
  MayBeInspectionSubjectInput,
} from './organisation/may-be-inspection-subject.ts';

export { ZCertificateSchema, ZOfficerSchema, ZQualificationSchema } from './people/officer.ts';
export type { Certificate, Officer, Qualification } from './people/officer.ts';
export { certificateStatusOn } from './people/certificate-status.ts';
export type { CertificateStatusOnDate } from './people/certificate-status.ts';
export { mayInspect, ZMayInspectInputSchema } from './people/may-inspect.ts';
export {
  acceptedIssuer,
  acceptedIssuerNames,
  certificateIssuerCatalog,
  parseCertificateIssuerCatalog,
} from './people/certificate-issuers.ts';
export type { CertificateIssuer, CertificateIssuerCatalog } from './people/certificate-issuers.ts';
export type { MayInspectInput, MayInspectRefusal, MayInspectRefusalCode } from './people/may-inspect.ts';

export { duplicateCodes, ZCatalogProvenanceSchema } from './catalog/catalog-entry.ts';
export { readerBasis } from './catalog/reader-basis.ts';
export type { CatalogProvenance } from './catalog/catalog-entry.ts';
export {
  industryByCode,
  industryCatalog,
  parseIndustryCatalog,
  ZIndustryCatalogSchema,
  ZIndustryGroupSchema,
  ZIndustrySchema,
} from './catalog/industries.ts';
export type { Industry, IndustryCatalog, IndustryGroup } from './catalog/industries.ts';
export {
  keyIndustryCriteriaCatalog,
  parseKeyIndustryCriteriaCatalog,
  unknownIndustryCodes,
  ZKeyIndustryCriteriaCatalogSchema,
  ZKeyIndustryCriterionSchema,
  ZKeyIndustryRuleSchema,
} from './catalog/key-industry-criteria.ts';
export type {
  KeyIndustryCriteriaCatalog,
  KeyIndustryCriterion,
  KeyIndustryRule,
} from './catalog/key-industry-criteria.ts';
export {
  inspectionMatterByCode,
  inspectionMatterName,
  inspectionMatterCatalog,
  parseInspectionMatterCatalog,
  ZInspectionMatterCatalogSchema,
  ZInspectionMatterSchema,
} from './catalog/inspection-matters.ts';
export type { InspectionMatter, InspectionMatterCatalog } from './catalog/inspection-matters.ts';

// Graded and classified enforcement (measures 3, 4, 24).
export {
  CHINESE_NUMERAL,
  RISK_GRADE_ORDER,
  riskGradeRank,
  STANDARDISATION_LEVELS,
  standardisationRank,
  ZAccidentLevelSchema,
  ZEnforcementClassSchema,
  ZEnforcementLevelSchema,
  ZMajorHazardSourceLevelSchema,
  ZRiskGradeSchema,
  ZStandardisationGradeSchema,
  ZStandardisationLevelSchema,
} from './grading/grading-codes.ts';
export type {
  AccidentLevel,
  EnforcementClass,
  EnforcementLevel,
  MajorHazardSourceLevel,
  RiskGrade,
  StandardisationGrade,
  StandardisationLevel,
} from './grading/grading-codes.ts';
export {
  factsWithNoRecords,
  isOverdueOn,
  safetyCreditGradeOn,
  standardisationOn,
  ZAccidentRecordSchema,
  ZEnterpriseFactsSchema,
  ZJointCreditPunishmentSchema,
  ZOverdueMajorHiddenDangerSchema,
  ZSafetyCreditGradeRecordSchema,
  ZSanctionRecordSchema,
  ZSpecialProcessesSchema,
  ZMonitoringLeadRecordSchema,
  ZInternalReportingMechanismSchema,
  ZStandardisationRecordSchema,
} from './grading/enterprise-facts.ts';
export type {
  AccidentRecord,
  EnterpriseFacts,
  JointCreditPunishment,
  OverdueMajorHiddenDanger,
  SafetyCreditGradeRecord,
  SanctionRecord,
  SpecialProcesses,
  StandardisationRecord,
  MonitoringLeadRecord,
} from './grading/enterprise-facts.ts';
export {
  defaultGradingReferences,
  gradingCatalog,
  gradingReferenceProblems,
  gradingRuleByCode,
  gradingRuleEntries,
  parseGradingCatalog,
  ZGradingCatalogSchema,
} from './grading/grading-catalog.ts';
export type { GradingCatalog, GradingReferences, GradingRuleEntry } from './grading/grading-catalog.ts';
export {
  ZClassCriterionSchema,
  ZRecordPeriodSchema,
  ZSeasonFactorSchema,
  ZSeasonPeriodSchema,
} from './grading/grading-catalog-schema.ts';
export type {
  AccidentScoreEntry,
  ClassCriterion,
  ClassRule,
  EnforcementClassEntry,
  EnforcementLevelEntry,
  InspectionCapEntry,
  MinimumInspectionEntry,
  RecordPeriod,
  RiskGradeEntry,
  Scoring,
  SeasonFactor,
  SeasonPeriod,
} from './grading/grading-catalog-schema.ts';
export { compileGradingCatalog } from './grading/compile-grading-catalog.ts';
export type { GradeFunction } from './grading/compile-grading-catalog.ts';
export { gradeEnterprise } from './grading/grade-enterprise.ts';
export type { GradeEnterpriseOptions } from './grading/grade-enterprise.ts';
export { gradeChanged } from './grading/grade-changed.ts';
export type { GradingChange, GradingChangeField, GradingFieldChange } from './grading/grade-changed.ts';
export { seasonAt } from './grading/season-at.ts';
export type {
  GradingFactor,
  GradingReason,
  GradingReasonEffect,
  GradingResult,
  InspectionAllowance,
} from './grading/grading-result.ts';

export { guideListDiff, guideListTransition } from './guide-list/guide-list.ts';
export type { GuideListAction, GuideListMember, GuideListStatus } from './guide-list/guide-list.ts';
export { GUIDE_LIST_STATUSES } from './guide-list/guide-list.ts';

// Statutory workdays (法定工作日) from the holiday calendar; deadlines count workdays.
export {
  calendarYears,
  isCalendarYearCovered,
  PENDING_CALENDAR_LABEL,
  pendingCalendarNote,
  seededCalendar,
  seededHolidayTables,
  statutoryCalendar,
} from './calendar/statutory-calendar.ts';
export type {
  CalendarError,
  CalendarErrorCode,
  CalendarResult,
  HolidayTable,
  HolidayTableSource,
  StatutoryCalendar,
} from './calendar/statutory-calendar.ts';
export { validateHolidayTable } from './calendar/holiday-table.ts';
export type { HolidayTableInput, HolidayTableRefusal } from './calendar/holiday-table.ts';
export {
  addWorkdays,
  isStatutoryWorkday,
  lastWorkdayOfMonth,
  monthlyPlanDeadline,
  workdaysBefore,
  workdaysBetween,
  workdaysInYear,
} from './calendar/workdays.ts';

// Annual and monthly plans, linking, workflow, the start guard and execution (measures 1, 2, 5).
export {
  parsePlanningCatalog,
  planningCatalog,
  planningCatalogEntries,
  NAMED_TARGETED_TRIGGERS,
  TARGETED_TRIGGERS,
  ZPlanningCatalogSchema,
  ZTargetedTriggerSchema,
} from './planning/planning-catalog.ts';
export { checkTrigger, triggerName } from './planning/targeted-trigger.ts';
export type { TriggerInput, TriggerRefusalCode } from './planning/targeted-trigger.ts';
export type {
  FormulaTermCode,
  PlanningCatalog,
  PlanningCatalogEntry,
  TargetedTrigger,
  WorkdayCategory,
} from './planning/planning-catalog.ts';
export {
  ZComputeAnnualPlanInputSchema,
  ZPlanningEnterpriseSchema,
  ZPlanningGradingSchema,
  ZPlanningOfficersSchema,
  ZWorkdayEntrySchema,
} from './planning/annual-plan-types.ts';
export type {
  AnnualPlan,
  AnnualPlanTotals,
  BatchStratum,
  ComputeAnnualPlanInput,
  DoubleRandomBatch,
  FormulaLine,
  FormulaTerm,
  GeneralPoolEntry,
  KeyInspectionEntry,
  PlanFormula,
  PlanningEnterprise,
  PlanShortfall,
  PlanWarning,
  PlanWarningCode,
  RotationTier,
  WorkdayEntry,
} from './planning/annual-plan-types.ts';
export { evaluateFormulaLine } from './planning/annual-plan-formula.ts';
export { computeAnnualPlan } from './planning/compute-annual-plan.ts';
export { annualPlanInputConcerns } from './planning/annual-plan-input-concerns.ts';
export type { AnnualPlanInput, AnnualPlanInputConcern } from './planning/annual-plan-input-concerns.ts';
export type { AnnualPlanRefusal, AnnualPlanRefusalCode } from './planning/compute-annual-plan.ts';
export { rotationTier } from './planning/plan-double-random-batches.ts';
export { keyInspectionsPerYear } from './planning/schedule-key-inspections.ts';
export { annualPlanItems, comparePlans, linkCountyPlan } from './planning/link-plans.ts';
export type {
  LinkedItem,
  LinkPlansRefusalCode,
  PlanCoverage,
  PlanItem,
  PlanItemKind,
  PlanLink,
  PlanOverlap,
} from './planning/link-plans.ts';
export {
  newPlanRecord,
  PLAN_STATUS_NAMES,
  ZPlanActionSchema,
  ZPlanKindSchema,
  ZPlanRecordSchema,
  ZPlanStatusSchema,
} from './planning/plan-record.ts';
export type { PlanAction, PlanActionType, PlanKind, PlanRecord, PlanStatus } from './planning/plan-record.ts';
export { mayEditPlan, PLAN_TRANSITIONS, transitionPlan } from './planning/plan-workflow.ts';
export type {
  PlanEventType,
  PlanWorkflowRefusal,
  PlanWorkflowRefusalCode,
} from './planning/plan-workflow.ts';
export { annualPlanMonth, monthlyPlanDueDates, monthlyPlanTimeliness } from './planning/monthly-plan.ts';
export type {
  MonthlyPlanDueDates,
  MonthlyPlanRefusal,
  MonthlyPlanRefusalCode,
  MonthlyPlanTimeliness,
  MonthlyPlanTimelinessStatus,
} from './planning/monthly-plan.ts';
export {
  mayStartInspection,
  ZMayStartInspectionInputSchema,
  ZMonthlyPlanItemsSchema,
} from './planning/may-start-inspection.ts';
export type {
  MayStartInspectionInput,
  MayStartInspectionOk,
  MayStartInspectionRefusal,
  MayStartInspectionRefusalCode,
  MonthlyPlanItems,
} from './planning/may-start-inspection.ts';
export { planExecution, ZActualInspectionSchema, ZInspectionKindSchema } from './planning/execution.ts';
export type {
  ActualInspection,
  ExecutionRow,
  InspectionKind,
  PlanExecution,
  UncoveredKeyEnterprise,
} from './planning/execution.ts';

// Double-random draws anyone can verify: inspecta-draw-v1 (measures 5, 6, 12; docs/draw-algorithm.md).
export { sha256Hex } from './sampling/sha256.ts';
export { rivestIndex, rivestSample, sampleWithoutReplacement } from './sampling/rivest-sampler.ts';
export { compareCodePoints, sortByCodePoint } from './sampling/code-point-order.ts';
export {
  DRAW_ALGORITHM,
  ZDrawExclusionSchema,
  ZDrawRecordSchema,
  ZDrawRecordShapeSchema,
  ZDrawSelectionSchema,
  ZDrawStratumSchema,
  ZPerformDrawInputSchema,
} from './sampling/draw-record.ts';
export type {
  DrawExclusion,
  DrawRecord,
  DrawSelection,
  DrawStratum,
  PerformDrawInput,
} from './sampling/draw-record.ts';
export { drawSeed, inspectorPoolHash, poolHash } from './sampling/draw-hashes.ts';
export type { TextHasher } from './sampling/draw-hashes.ts';
export { performDraw } from './sampling/perform-draw.ts';
export type { DrawRefusal, DrawRefusalCode } from './sampling/draw-refusals.ts';
export { verifyDraw } from './sampling/verify-draw.ts';
export {
  WITNESS_ROLES,
  WITNESS_ROLE_CODES,
  EXCLUSION_REASON_CODES,
  drawDisclosed,
  drawResultHash,
  drawWindowClosesOn,
  exclusionReasonCode,
  publishedExclusions,
  publishedWitness,
  resultHashText,
} from './sampling/draw-publication.ts';
export type {
  DrawPartnerRecord,
  ExclusionReasonCode,
  Witness,
  WitnessRole,
} from './sampling/draw-publication.ts';
export type { DrawDifference, DrawValue, DrawVerification } from './sampling/draw-difference.ts';
export { replaceRecusedInspector, ZDrawReplacementSchema } from './sampling/replace-recused-inspector.ts';
export type { DrawReplacement } from './sampling/replace-recused-inspector.ts';
export { firstUnsortedIndex } from './sampling/code-point-order.ts';

// How often an enterprise is inspected, merging, publication of results (measures 5, 8, 12, 24; issue 6 items 10–13).
export {
  governanceCatalog,
  governanceCatalogEntries,
  MERGE_PERIODS,
  parseGovernanceCatalog,
  ZGovernanceCatalogSchema,
  ZMergePeriodSchema,
} from './governance/governance-catalog.ts';
export type {
  GovernanceCatalog,
  GovernanceCatalogEntry,
  MergePeriod,
} from './governance/governance-catalog.ts';
export { BURDEN_LEVEL_NAMES, burdenLevel } from './governance/burden-level.ts';
export type { BurdenLevel } from './governance/burden-level.ts';
export {
  capBasis,
  mayPlanInspection,
  ZMayPlanInspectionInputSchema,
} from './governance/may-plan-inspection.ts';
export type {
  MayPlanInspectionInput,
  MayPlanInspectionOk,
  MayPlanInspectionRefusal,
  MayPlanInspectionRefusalCode,
} from './governance/may-plan-inspection.ts';
export { mergeProposals, periodKey } from './governance/merge-proposals.ts';
export type {
  MergeCandidate,
  MergeDecided,
  MergeDepartment,
  MergeProposal,
} from './governance/merge-proposals.ts';
export { publicationDeadline } from './governance/publication-deadline.ts';
export type { PublicationDeadline, PublicationDeadlineRefusal } from './governance/publication-deadline.ts';
export {
  INSPECTION_EVENTS,
  INSPECTION_STAGES,
  INSPECTION_STAGE_NAMES,
  TRANSITIONS,
  chineseNumeral,
  eventsFrom,
  isTerminal,
  transition,
} from './inspection/lifecycle.ts';
export type { InspectionEvent, InspectionStage, TransitionRefusal } from './inspection/lifecycle.ts';
export { isPlannedVisitOverdue, NEXT_STEP_NAMES, STAGES_BEFORE_VISIT } from './inspection/next-step.ts';
export {
  INSPECTION_STATUSES,
  INSPECTION_STATUS_OF,
  OPEN_STAGES,
  inspectionStatusOf,
  stagesWithStatus,
} from './inspection/status.ts';
export type { InspectionStatus } from './inspection/status.ts';
export { beginChecks, mayBeginInspection, mayCheckRemotely } from './inspection/may-begin-inspection.ts';
export {
  POST_APPROVAL_STATE_NAMES,
  postApprovalState,
  startUrgently,
  URGENT_GROUND_NAMES,
  URGENT_GROUNDS,
} from './inspection/urgent-visit.ts';
export type { PostApprovalState, UrgentGround, UrgentStart } from './inspection/urgent-visit.ts';
export { arrivalWindowOf, mayArriveOn } from './inspection/arrival-window.ts';
export { jointTeam, partnerDepartmentOf } from './inspection/joint-team.ts';
export type { JointTeamMember, PartnerTeam } from './inspection/joint-team.ts';
export type { ArrivalWindow } from './inspection/arrival-window.ts';
export type {
  BeginCheck,
  BeginStep,
  MayBeginInspectionInput,
  MayBeginRefusal,
  MayBeginRefusalCode,
} from './inspection/may-begin-inspection.ts';
export {
  RECTIFICATION_STATUSES,
  RECTIFICATION_STATUS_NAMES,
  isOverdue,
  orderSettled,
  rectificationDeadline,
  rectificationTransition,
} from './inspection/rectification.ts';
export type {
  RectificationEvent,
  RectificationRefusal,
  RectificationStatus,
} from './inspection/rectification.ts';
export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_INFO,
  CASE_DOCUMENT_TYPE_INFO,
  NUMBERED_DOCUMENT_TYPES,
  bureauAbbreviation,
  formatDocumentNumber,
} from './inspection/document-number.ts';
export type { DocumentType, NumberedDocumentType } from './inspection/document-number.ts';
// measures 14, 15 (issue 11 item 8): 移交立案审查 of major hidden dangers
export {
  CASE_REFERRAL_STATUSES,
  CASE_REFERRAL_STATUS_NAMES,
  FINDING_SOURCES,
  FINDING_SOURCE_NAMES,
  decideCaseReferral,
  exemptUnderMeasure14,
  needsCaseReferral,
} from './inspection/case-referral.ts';
export type {
  CaseReferralDecision,
  CaseReferralRefusalCode,
  CaseReferralStatus,
  FindingSource,
} from './inspection/case-referral.ts';
// Issue 11 items 10, 15: the documents' citations, remedy sentence and number pattern as catalogue data.
export {
  CITATION_CONFIDENCES,
  citationByCode,
  cite,
  documentCatalog,
  parseDocumentCatalog,
} from './documents/document-catalog.ts';
export type { BureauDocumentData, Citation, DocumentCatalog } from './documents/document-catalog.ts';
export { bureauDocumentData, remedyNotice } from './documents/remedy-notice.ts';
export type { RemedyNotice } from './documents/remedy-notice.ts';

// Checklists (一表通查, measure 8) and the guidance a finding carries (改哪里、如何改, measure 13; docs/checklists.md).
export {
  CHECKLIST_FEATURES,
  checklistByCode,
  checklistCatalog,
  checklistCatalogProblems,
  checklistItemByCode,
  defaultChecklistReferences,
  parseChecklistCatalog,
  ZChecklistAppliesToSchema,
  ZChecklistCatalogSchema,
  ZChecklistFeatureSchema,
  ZChecklistItemSchema,
  ZChecklistSchema,
} from './checklists/checklist-catalog.ts';
export type {
  Checklist,
  ChecklistAppliesTo,
  ChecklistCatalog,
  ChecklistFeature,
  ChecklistItem,
  ChecklistReferences,
} from './checklists/checklist-catalog.ts';
export { checklistFeatures, checklistsFor } from './checklists/checklists-for.ts';
export type { ChecklistEnterprise, ChecklistsForOptions } from './checklists/checklists-for.ts';
export { mergedForm, mergedFormItemByCode, mergedFormItems } from './checklists/merged-form.ts';
export type {
  ChecklistReference,
  FormItemBasis,
  MergedForm,
  MergedFormItem,
  MergedFormSection,
} from './checklists/merged-form.ts';
export { reproduceForm } from './checklists/reproduce-form.ts';
export type { ReproduceFormRefusal, ReproduceFormRefusalCode } from './checklists/reproduce-form.ts';
export { findingGuidance } from './checklists/finding-guidance.ts';
export type { FindingGuidance, FindingGuidanceOptions } from './checklists/finding-guidance.ts';
export { addDays } from './calendar/iso-day.ts';

// Penalty cases (issue 15; measures 14–18): the violation catalogue, the discretion tiers and no-penalty lists,
// the engine, the case lifecycle and the periods of the Administrative Penalty Law.
export {
  lawOf,
  parseViolationCatalog,
  PARTIES,
  PARTY_NAMES,
  PENALTY_STAGES,
  PENALTY_STAGE_NAMES,
  SANCTION_NAMES,
  SANCTIONS,
  statutoryRange,
  violationByCode,
  violationCatalog,
  ZViolationCatalogSchema,
} from './penalty/violation-catalog.ts';
export type {
  Fine,
  Law,
  Party,
  PenaltyRow,
  PenaltyStage,
  Sanction,
  Violation,
  ViolationCatalog,
} from './penalty/violation-catalog.ts';
export { applicableViolation, ARTICLE_37_BASIS } from './penalty/applicable-law.ts';
export type { ApplicableViolation } from './penalty/applicable-law.ts';
export {
  AGGRAVATING_CIRCUMSTANCES,
  ARTICLE_32_GROUNDS,
  CIRCUMSTANCE_NAMES,
  CIRCUMSTANCES,
  FINDERS,
  MITIGATING_CIRCUMSTANCES,
  ZCircumstanceSchema,
} from './penalty/circumstances.ts';
export type { Circumstance, Finder } from './penalty/circumstances.ts';
export {
  discretionCatalog,
  parseDiscretionCatalog,
  TIER_NAMES,
  TIERS,
  ZDiscretionCatalogSchema,
  ZTierSchema,
  ZViolationTierSchema,
} from './penalty/discretion-catalog.ts';
export type {
  Band,
  DiscretionCatalog,
  DiscretionScheme,
  Tier,
  ViolationTier,
} from './penalty/discretion-catalog.ts';
export { noPenaltyCatalog, parseNoPenaltyCatalog } from './penalty/no-penalty-lists.ts';
export {
  RELEASE_GROUNDS,
  RELEASE_GROUND_NAMES,
  SEIZURE_APPROVAL_LAW,
  SEIZURE_BASIS_LAW,
  OPEN_SEIZURE_STATUSES,
  SEIZURE_KINDS,
  SEIZURE_KIND_NAMES,
  SEIZURE_PERIOD_LAW,
  SEIZURE_RELEASE_LAW,
  SEIZURE_SCOPE_LAW,
  SEIZURE_STATUSES,
  SEIZURE_STATUS_NAMES,
  SEIZURE_TESTING_LAW,
  TESTING_KINDS,
  TESTING_KIND_NAMES,
  ZSeizureItemSchema,
  ZTestingPeriodSchema,
  mayApproveExtension,
  mayApproveSeizure,
  mayProposeSeizure,
  mayRecordTestingPeriod,
  mayRequestExtension,
  seizurePeriod,
  testingDays,
  seizureWarning,
} from './penalty/seizure.ts';
export type {
  ReleaseGround,
  SeizureItem,
  SeizureKind,
  SeizurePeriod,
  SeizureStatus,
  SeizureWarning,
  TestingKind,
  TestingPeriod,
} from './penalty/seizure.ts';
export type {
  NoPenaltyCatalog,
  NoPenaltyGround,
  NoPenaltyItem,
  NoPenaltyList,
} from './penalty/no-penalty-lists.ts';
export {
  BASIS_ARTICLE_32,
  BASIS_MEASURE_15,
  UNVERIFIED_EDIT_PREFIX,
  proposeDiscretion,
} from './penalty/propose-discretion.ts';
export type {
  DiscretionProposal,
  ProposalReason,
  ProposeDiscretionOptions,
  TierRule,
} from './penalty/propose-discretion.ts';
// issue 15 item 2: the legal reviewer's edits of the discretion tiers
export {
  BAND_TIERS,
  BASIS_MEASURE_17,
  BASIS_TIER_BANDS,
  PLACEHOLDER_TIER_CONDITIONS,
  overlayScheme,
  schemeKindsOf,
  tierEditsInForce,
  validateTierEdit,
} from './penalty/discretion-tier-edits.ts';
export type {
  BandTier,
  EffectiveBands,
  SchemeKind,
  TierBand,
  TierEdit,
  TierEditInput,
  TierEditRefusalCode,
} from './penalty/discretion-tier-edits.ts';
export {
  CASE_ACTIONS,
  CASE_SOURCE_NAMES,
  CASE_SOURCES,
  CASE_STATUS_NAMES,
  CASE_STATUSES,
  caseTransition,
} from './penalty/case-lifecycle.ts';
export type {
  CaseAction,
  CaseFacts,
  CaseRefusalCode,
  CaseSource,
  CaseStatus,
} from './penalty/case-lifecycle.ts';
export {
  caseProcedureCatalog,
  casePeriods,
  hearingRight,
  maySimplifyProcedure,
  mayRecordObservation,
  needsCollectiveDiscussion,
  OBSERVATION_BASIS,
  OBSERVATION_OUTCOME_NAMES,
  OBSERVATION_OUTCOMES,
  observationFollowUp,
  periodWarnings,
} from './penalty/case-procedure.ts';
export type {
  CasePeriod,
  CaseProcedureCatalog,
  ObservationOutcome,
  PeriodWarning,
} from './penalty/case-procedure.ts';
export { penaltyCatalogUnverified } from './penalty/unverified.ts';
export {
  CASE_DOCUMENT_NAMES,
  CASE_DOCUMENT_SUBJECTS,
  CASE_DOCUMENT_TYPES,
  CREDIT_CLASSES,
  LATE_PAYMENT_LAW,
  REPEATABLE_CASE_DOCUMENTS,
  addMonths,
  creditRepairTerms,
  latePaymentSurchargeFen,
  mayIssueCaseDocument,
} from './penalty/case-documents.ts';
export type {
  CaseDocumentFacts,
  CaseDocumentRefusalCode,
  CaseDocumentType,
  CreditClass,
  CreditRepairTerms,
} from './penalty/case-documents.ts';
export type { UnverifiedPenaltyEntry } from './penalty/unverified.ts';
// documents write amounts in capitals and figures
export { capitalYuan, figureYuan, moneyText } from './shared/money.ts';
// measure 22: publication of penalty decisions and credit repair
export {
  PUBLICATION_STATES,
  PUBLICATION_STATE_NAMES,
  REPAIR_STATUSES,
  REPAIR_STATUS_NAMES,
  WITHDRAWAL_GROUNDS,
  WITHDRAWAL_GROUND_NAMES,
  WITHDRAWAL_LAW,
  WITHDRAWAL_WORKDAYS,
  mayApplyForRepair,
  mayWithdrawPublication,
  publicationState,
  repairOpensOn,
} from './penalty/credit-repair.ts';
export type {
  PublicationState,
  RepairRefusalCode,
  RepairStatus,
  WithdrawalGround,
} from './penalty/credit-repair.ts';
// 安全生产法 第七十条: stopping power or explosives supply to enforce a decision to stop
export {
  OPEN_SUPPLY_SUSPENSION_STATUSES,
  SUPPLY_KINDS,
  SUPPLY_KIND_NAMES,
  SUPPLY_SUSPENSION_LAW,
  SUPPLY_SUSPENSION_NOTICE_LAW,
  SUPPLY_SUSPENSION_STATUSES,
  SUPPLY_SUSPENSION_STATUS_NAMES,
  mayApproveSupplySuspension,
  mayLiftSupplySuspension,
  mayProposeSupplySuspension,
} from './penalty/supply-suspension.ts';
export type {
  SupplyKind,
  SupplySuspensionProposal,
  SupplySuspensionRefusalCode,
  SupplySuspensionStatus,
} from './penalty/supply-suspension.ts';
// 令第11号: the serious-dishonesty list check on each decision
export {
  LISTING_RECOMMENDATIONS,
  LISTING_RECOMMENDATION_NAMES,
  LISTING_STATUSES,
  LISTING_STATUS_NAMES,
  isListed,
  listingPeriod,
  mayDecideListing,
  mayRecommendListing,
  mayRemoveListing,
  seriousDishonestyProposal,
} from './penalty/serious-dishonesty.ts';
export type {
  ListingPeriod,
  ListingRecommendation,
  ListingStatus,
  SeriousDishonestyProposal,
} from './penalty/serious-dishonesty.ts';
// issue 15 item 3 after service: the performance (履行) of a fine
export {
  ARRANGEMENT_KINDS,
  ARRANGEMENT_KIND_NAMES,
  ARRANGEMENT_LAW,
  ARRANGEMENT_STATUSES,
  ARRANGEMENT_STATUS_NAMES,
  COURT_APPLICATION_LAW,
  PAYMENT_LAW,
  REMINDER_LAW,
  SURCHARGE_LAW,
  finePerformance,
  mayApplyForArrangement,
  mayApplyToCourt,
  mayDecideArrangement,
  mayRecordPayment,
  mayRecordReminder,
  standardPaymentDue,
} from './penalty/fine-performance.ts';
export type {
  ArrangementKind,
  ArrangementStatus,
  FineArrangement,
  FinePayment,
  FinePerformance,
  FinePerformanceRefusalCode,
  Instalment,
} from './penalty/fine-performance.ts';
export { FINE_PERFORMANCE_BASIS } from './penalty/case-lifecycle.ts';
// measure 15 (firmness): 安全生产法 第一百一十二条 按日连续处罚 and 第一百一十三条 提请关闭
export { firmnessCatalog, ZFirmnessCatalogSchema } from './penalty/firmness-catalog.ts';
export type { ClosureWindow, FirmnessCatalog } from './penalty/firmness-catalog.ts';
export {
  CONTINUOUS_PENALTY_LAW,
  continuousPenalty,
  withContinuousPenalty,
} from './penalty/continuous-penalty.ts';
export type {
  ContinuousPenalty,
  ContinuousPenaltyFacts,
  ContinuousPenaltyRefusalCode,
} from './penalty/continuous-penalty.ts';
export {
  CLOSURE_LAW,
  closureProposal,
  mayRecordClosureProposal,
  windowEnd,
} from './penalty/closure-proposal.ts';
export type { ClosureProposal, ClosureRefusalCode, PenaltyOnRecord } from './penalty/closure-proposal.ts';
export {
  ACCIDENT_GRADES,
  ACCIDENT_GRADE_NAMES,
  CLOSURE_FACT_ITEMS,
  mayProposeClosureOnFacts,
} from './penalty/closure-on-facts.ts';
export type {
  AccidentGrade,
  ClosureFactItem,
  ClosureFacts,
  ClosureFactsRefusalCode,
  ClosureOnFacts,
  SuspensionCaseOnRecord,
} from './penalty/closure-on-facts.ts';

// measure 28, 29: the public portal's periods and redaction, open days
export {
  DISCLOSURE_PERIODS,
  disclosureCatalog,
  disclosurePeriod,
  parseDisclosureCatalog,
  ZDisclosureCatalogSchema,
} from './disclosure/disclosure-catalog.ts';
export type {
  DisclosureCatalog,
  DisclosurePeriod,
  DisclosurePeriodCode,
} from './disclosure/disclosure-catalog.ts';
export {
  REDACTED,
  isNaturalPersonParty,
  maskPersonName,
  redactPublicDecision,
  redactText,
} from './disclosure/redact.ts';
export type { PublicDecisionFields } from './disclosure/redact.ts';
export {
  ANNUAL_REPORT_STATES,
  ANNUAL_REPORT_STATE_NAMES,
  annualReportDueOn,
  annualReportState,
  isLate,
  publicationDue,
  reportYearOf,
} from './disclosure/periods.ts';
export type { AnnualReportState, PublicationDue } from './disclosure/periods.ts';
export {
  OPEN_DAY_KINDS,
  OPEN_DAY_KIND_NAMES,
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_CATEGORY_NAMES,
  isSuggestionPublic,
} from './disclosure/open-days.ts';
export type { OpenDayKind, ParticipantCategory } from './disclosure/open-days.ts';
// measures 18, 29: complaints about enforcement, case-file review, leniency and severity outliers
export * from './supervision/index.ts';
export {
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_KIND_NAMES,
  ACCOUNTABILITY_ORIGINS,
  ACCOUNTABILITY_ORIGIN_NAMES,
  CERTIFICATE_EFFECTS,
  CORRECTION_KINDS,
  CORRECTION_KIND_NAMES,
  ZAccountabilityCatalogSchema,
  accountabilityCatalog,
  correctionOf,
  parseAccountabilityCatalog,
  sanctionOf,
} from './accountability/accountability-catalog.ts';
export type {
  AccountabilityCatalog,
  AccountabilityKind,
  AccountabilityOrigin,
  AccountabilitySanction,
  CertificateEffect,
  CorrectionKind,
} from './accountability/accountability-catalog.ts';
export {
  ACCOUNTABILITY_STATUSES,
  ACCOUNTABILITY_STATUS_NAMES,
  certificateEffectsOf,
  checkAccountabilityDraft,
  mayApproveAccountability,
  mayCompleteCorrection,
} from './accountability/accountability-record.ts';
export type {
  AccountabilityDraft,
  AccountabilityRefusalCode,
  AccountabilityStatus,
} from './accountability/accountability-record.ts';
// Experts and the team (issue 17 items 6 and 7; measures 14, 23, 25, 26)
export {
  BASIS_MEASURE_23,
  BASIS_MEASURE_26,
  DISPATCH_ORIGIN_NAMES,
  DISPATCH_ORIGINS,
  DISPATCH_STATE_NAMES,
  DISPATCH_STATES,
  expertCatalog,
  expertFieldName,
  expertQualificationName,
  mayDispatchExpert,
  mayVote,
  noPenaltyMarkOf,
  RATING_MAX,
  RATING_MIN,
  SELECTION_KINDS,
  selectionKindName,
  selectionResult,
  TEAM_QUALIFICATION_KINDS,
  teamQualificationName,
  trainingHoursByOfficer,
  validOn,
  ZExpertCatalogSchema,
} from './experts/experts.ts';
export type {
  DispatchOrigin,
  DispatchState,
  ExpertCatalog,
  ExpertHazard,
  SelectionKind,
  TeamQualificationKind,
} from './experts/experts.ts';
