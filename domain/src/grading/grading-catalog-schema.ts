import { z } from 'zod';
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';
import { ZIndustryGroupSchema } from '../catalog/industries.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import {
  ZAccidentLevelSchema,
  ZEnforcementClassSchema,
  ZEnforcementLevelSchema,
  ZMajorHazardSourceLevelSchema,
  ZRiskGradeSchema,
  ZStandardisationLevelSchema,
} from './grading-codes.ts';

// catalog/grading.json: every number of grading (measures 3, 4, 24) with its source, so a legal
// reviewer can change it without a code change. Cross-field rules live in grading-catalog.ts.

const points = z.number().finite();
// Factors that only ever add risk: never negative, so recording one more never lowers a grade.
const riskPoints = z.number().finite().nonnegative();
const months = z.number().int().positive().max(120);
const entry = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema });

export const ZAccidentLevelEntrySchema = entry.extend({
  code: ZAccidentLevelSchema,
  name: z.string().min(1),
});

// 上年度 = the previous calendar year; previous_year_to_date also counts the current year up to the date.
export const ZRecordPeriodSchema = z.enum(['previous_year', 'previous_year_to_date']);

export type RecordPeriod = z.infer<typeof ZRecordPeriodSchema>;

export const ZClassRuleSchema = z.discriminatedUnion('kind', [
  // measure 4: codes of catalog/key-industry-criteria.json
  z.object({ kind: z.literal('key_industry_criteria'), criteria: z.array(ZCatalogCodeSchema).min(1) }),
  // withSeason false: judge by the score before season factors, so the class does not change with the season
  z.object({ kind: z.literal('risk_grade_at_least'), grade: ZRiskGradeSchema, withSeason: z.boolean() }),
  z.object({ kind: z.literal('overdue_major_hidden_danger') }),
  z.object({ kind: z.literal('fatal_accident'), period: ZRecordPeriodSchema }),
  z.object({ kind: z.literal('joint_credit_punishment'), period: ZRecordPeriodSchema }),
  z.object({ kind: z.literal('designated_new_sector') }),
]);

export type ClassRule = z.infer<typeof ZClassRuleSchema>;

export const ZClassCriterionSchema = entry.extend({ name: z.string().min(1), rule: ZClassRuleSchema });

export type ClassCriterion = z.infer<typeof ZClassCriterionSchema>;

export const ZEnforcementClassEntrySchema = entry.extend({
  code: ZEnforcementClassSchema,
  name: z.string().min(1),
  // any one criterion met makes the class; the class with none is the default (一般)
  criteria: z.array(ZClassCriterionSchema),
});

export type EnforcementClassEntry = z.infer<typeof ZEnforcementClassEntrySchema>;

// The highest grade whose minScore the score reaches; the lowest grade (blue) has none.
export const ZRiskGradeEntrySchema = entry.extend({
  code: ZRiskGradeSchema,
  name: z.string().min(1),
  minScore: points.nullable(),
});

export type RiskGradeEntry = z.infer<typeof ZRiskGradeEntrySchema>;

export const ZIndustryBaseEntrySchema = entry.extend({
  // an industry's own row wins over its group's row
  match: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('industry'), industry: ZCatalogCodeSchema }),
    z.object({ kind: z.literal('group'), group: ZIndustryGroupSchema }),
  ]),
  points: riskPoints,
});

export type IndustryBaseEntry = z.infer<typeof ZIndustryBaseEntrySchema>;

// An accident scores under the narrowest window that holds it (12 months before 36), per level.
export const ZAccidentScoreEntrySchema = entry.extend({
  level: ZAccidentLevelSchema,
  withinMonths: months,
  points: riskPoints,
  pointsPerDeath: riskPoints,
});

export type AccidentScoreEntry = z.infer<typeof ZAccidentScoreEntrySchema>;

export const ZRecordScoreEntrySchema = entry.extend({
  withinMonths: months,
  pointsEach: riskPoints,
  maxPoints: riskPoints.optional(),
});

export type RecordScoreEntry = z.infer<typeof ZRecordScoreEntrySchema>;

// measures 3, 20 (动态管理, 动态监控): monitoring leads of the levels named, not dismissed as false alarms, within the
// window, each earning pointsEach up to maxPoints. An alarm is a lead, not a violation: it raises the risk the
// grade expresses, never a penalty record.
export const ZMonitoringLeadScoreEntrySchema = ZRecordScoreEntrySchema.extend({
  levels: z.array(z.enum(['red', 'orange', 'yellow', 'blue'])).min(1),
});

export type MonitoringLeadScoreEntry = z.infer<typeof ZMonitoringLeadScoreEntrySchema>;

// 安委〔2024〕7号 (issue 17 item 2): an enterprise of a key industry without an internal reporting-reward mechanism
// after the deadline (both from catalog/reports.json internalReporting). A weight for the score, never a refusal.
export const ZInternalReportingScoreEntrySchema = entry.extend({ points: riskPoints });

export type InternalReportingScoreEntry = z.infer<typeof ZInternalReportingScoreEntrySchema>;

export const ZCountScoreEntrySchema = entry.extend({
  pointsEach: riskPoints,
  maxPoints: riskPoints.optional(),
});

export type CountScoreEntry = z.infer<typeof ZCountScoreEntrySchema>;

export const ZJointCreditPunishmentScoreEntrySchema = entry.extend({
  withinMonths: months,
  points: riskPoints,
});

export type JointCreditPunishmentScoreEntry = z.infer<typeof ZJointCreditPunishmentScoreEntrySchema>;

export const ZMajorHazardSourceScoreEntrySchema = entry.extend({
  level: ZMajorHazardSourceLevelSchema,
  points: riskPoints,
});

export type MajorHazardSourceScoreEntry = z.infer<typeof ZMajorHazardSourceScoreEntrySchema>;

// measure 4: dust, liquid ammonia, deep-well casting score by the key-industry criterion they meet.
export const ZKeyIndustryFactorEntrySchema = entry.extend({
  criterion: ZCatalogCodeSchema,
  points: riskPoints,
});

export type KeyIndustryFactorEntry = z.infer<typeof ZKeyIndustryFactorEntrySchema>;

// The credit grade's code is what the enterprise's record names; points may lower risk.
export const ZSafetyCreditGradeEntrySchema = entry.extend({ name: z.string().min(1), points });

export type SafetyCreditGradeEntry = z.infer<typeof ZSafetyCreditGradeEntrySchema>;

// measure 24: the standardisation grade may lower risk.
export const ZStandardisationScoreEntrySchema = entry.extend({ grade: ZStandardisationLevelSchema, points });

export type StandardisationScoreEntry = z.infer<typeof ZStandardisationScoreEntrySchema>;

export const ZScoringSchema = z.object({
  industryBase: z.array(ZIndustryBaseEntrySchema).min(1),
  accidents: z.array(ZAccidentScoreEntrySchema),
  penalties: ZRecordScoreEntrySchema,
  violations: ZRecordScoreEntrySchema,
  overdueMajorHiddenDangers: ZCountScoreEntrySchema,
  jointCreditPunishment: ZJointCreditPunishmentScoreEntrySchema,
  hazardousProcesses: ZCountScoreEntrySchema,
  majorHazardSources: z.array(ZMajorHazardSourceScoreEntrySchema),
  keyIndustryFactors: z.array(ZKeyIndustryFactorEntrySchema),
  safetyCreditGrades: z.array(ZSafetyCreditGradeEntrySchema),
  standardisation: z.array(ZStandardisationScoreEntrySchema),
  // absent in catalogue versions before issue 16
  monitoringLeads: ZMonitoringLeadScoreEntrySchema.optional(),
  // absent in catalogue versions before issue 17
  internalReportingMissing: ZInternalReportingScoreEntrySchema.optional(),
});

export type Scoring = z.infer<typeof ZScoringSchema>;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// 'MM-DD', every year; 02-29 is allowed and simply never matches in a common year.
export const ZMonthDaySchema = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { error: '月日格式应为 MM-DD' })
  .refine(
    (value) => {
      const month = Number(value.slice(0, 2));
      const day = Number(value.slice(3));
      return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
    },
    { error: '月日不存在' },
  );

// annual: the same month-day range each year (from > to runs over the new year); dated: one stretch of days.
export const ZSeasonPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual'), from: ZMonthDaySchema, to: ZMonthDaySchema }),
  z
    .object({ kind: z.literal('dated'), from: ZIsoDateSchema, to: ZIsoDateSchema })
    .refine((period) => period.from <= period.to, { error: '时段起始日期不得晚于截止日期', path: ['to'] }),
]);

export type SeasonPeriod = z.infer<typeof ZSeasonPeriodSchema>;

// measure 4 (季节特征): additive points, or a multiplier on a positive score; exactly one of the two.
export const ZSeasonFactorSchema = entry
  .extend({
    name: z.string().min(1),
    periods: z.array(ZSeasonPeriodSchema).min(1),
    points: riskPoints.optional(),
    multiplier: z.number().finite().positive().optional(),
  })
  .refine((season) => (season.points === undefined) !== (season.multiplier === undefined), {
    error: '季节因素须且只能设置加分 (points) 或系数 (multiplier) 之一',
  });

export type SeasonFactor = z.infer<typeof ZSeasonFactorSchema>;

export const ZEnforcementLevelEntrySchema = entry.extend({
  code: ZEnforcementLevelSchema,
  name: z.string().min(1),
  forClass: ZEnforcementClassSchema,
});

export type EnforcementLevelEntry = z.infer<typeof ZEnforcementLevelEntrySchema>;

export const ZMinimumInspectionEntrySchema = entry.extend({
  class: ZEnforcementClassSchema,
  count: z.number().int().positive(),
  perYears: z.number().int().positive(),
});

export type MinimumInspectionEntry = z.infer<typeof ZMinimumInspectionEntrySchema>;

// null: no cap configured for that row.
export const ZInspectionCapEntrySchema = entry.extend({
  class: ZEnforcementClassSchema,
  standardisation: ZStandardisationLevelSchema,
  perYear: z.number().int().nonnegative().nullable(),
});

export type InspectionCapEntry = z.infer<typeof ZInspectionCapEntrySchema>;

export const ZInspectionAllowanceSchema = z.object({
  minimum: z.array(ZMinimumInspectionEntrySchema),
  caps: z.array(ZInspectionCapEntrySchema),
});

export const ZGradingCatalogShapeSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().min(1).optional(),
  accidentLevels: z.array(ZAccidentLevelEntrySchema),
  enforcementClasses: z.array(ZEnforcementClassEntrySchema),
  riskGrades: z.array(ZRiskGradeEntrySchema),
  scoring: ZScoringSchema,
  seasonFactors: z.array(ZSeasonFactorSchema).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  enforcementLevels: z.array(ZEnforcementLevelEntrySchema),
  inspectionAllowance: ZInspectionAllowanceSchema,
});
