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
export type { MayInspectInput, MayInspectRefusal, MayInspectRefusalCode } from './people/may-inspect.ts';

export { duplicateCodes, ZCatalogProvenanceSchema } from './catalog/catalog-entry.ts';
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
