import { z } from 'zod';
import { ZKeyIndustryProfileSchema, type KeyIndustryProfile } from '../enterprise/key-industry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import {
  ZAccidentLevelSchema,
  ZMajorHazardSourceLevelSchema,
  ZStandardisationGradeSchema,
} from './grading-codes.ts';

// measure 4: what drives an enterprise's class and grade (行业特点、企业安全状态、事故和违法记录、安全诚信等级).
// Records are dated, so the server keeps the history and the grade can be recomputed for any date;
// records dated after the grading date are ignored.

const periodError = { error: '起始日期不得晚于截止日期' };

// measure 24: 安全生产标准化 grade; it counts only while validUntil has not passed.
export const ZStandardisationRecordSchema = z
  .object({
    grade: ZStandardisationGradeSchema,
    validFrom: ZIsoDateSchema.optional(),
    validUntil: ZIsoDateSchema,
  })
  .refine((record) => record.validFrom === undefined || record.validFrom <= record.validUntil, {
    ...periodError,
    path: ['validUntil'],
  });

export type StandardisationRecord = z.infer<typeof ZStandardisationRecordSchema>;

// The grade in force is the one with the latest `since` on or before the date; codes are the catalogue's.
export const ZSafetyCreditGradeRecordSchema = z.object({ grade: z.string().min(1), since: ZIsoDateSchema });

export type SafetyCreditGradeRecord = z.infer<typeof ZSafetyCreditGradeRecordSchema>;

export const ZAccidentRecordSchema = z.object({
  date: ZIsoDateSchema,
  level: ZAccidentLevelSchema,
  deaths: z.number().int().nonnegative(),
});

export type AccidentRecord = z.infer<typeof ZAccidentRecordSchema>;

// A penalty decision (kind: 警告, 罚款, 责令停产停业…) or a recorded violation, by the date it was made.
export const ZSanctionRecordSchema = z.object({ date: ZIsoDateSchema, kind: z.string().min(1) });

export type SanctionRecord = z.infer<typeof ZSanctionRecordSchema>;

// A major hidden danger (重大事故隐患) past its rectification deadline: overdue from overdueSince until rectifiedOn.
export const ZOverdueMajorHiddenDangerSchema = z
  .object({ overdueSince: ZIsoDateSchema, rectifiedOn: ZIsoDateSchema.nullable() })
  .refine((danger) => danger.rectifiedOn === null || danger.overdueSince <= danger.rectifiedOn, {
    ...periodError,
    path: ['rectifiedOn'],
  });

export type OverdueMajorHiddenDanger = z.infer<typeof ZOverdueMajorHiddenDangerSchema>;

// 失信联合惩戒: from the listing to the removal (null while still listed), both days inclusive.
export const ZJointCreditPunishmentSchema = z
  .object({ from: ZIsoDateSchema, to: ZIsoDateSchema.nullable() })
  .refine((punishment) => punishment.to === null || punishment.from <= punishment.to, {
    ...periodError,
    path: ['to'],
  });

export type JointCreditPunishment = z.infer<typeof ZJointCreditPunishmentSchema>;

// measures 3, 20: a monitoring lead of the enterprise (recorded by the platform when the lead opens, retracted
// when an officer dismisses it as a false alarm), by the day it opened and its warning level.
export const ZMonitoringLeadRecordSchema = z.object({
  date: ZIsoDateSchema,
  level: z.enum(['red', 'orange', 'yellow', 'blue']),
  incidentId: z.string().min(1),
});

export type MonitoringLeadRecord = z.infer<typeof ZMonitoringLeadRecordSchema>;

// 安委〔2024〕7号: the enterprise's internal reporting-reward mechanism (事故隐患内部报告奖励机制), recorded by the
// platform when an officer registers it.
export const ZInternalReportingMechanismSchema = z.object({ establishedOn: ZIsoDateSchema });

export type InternalReportingMechanism = z.infer<typeof ZInternalReportingMechanismSchema>;

export const ZSpecialProcessesSchema = z.object({
  // 重点监管危险化工工艺: how many the enterprise runs
  hazardousProcesses: z.number().int().nonnegative(),
  // 重大危险源: the highest level it holds (一级 most severe), or none
  majorHazardSourceLevel: ZMajorHazardSourceLevelSchema.nullable(),
});

export type SpecialProcesses = z.infer<typeof ZSpecialProcessesSchema>;

export const ZEnterpriseFactsSchema = ZKeyIndustryProfileSchema.extend({
  // 粤应急规〔2021〕4号: a new sector (平台经济…) the province or city designates as key
  designatedNewSector: z.boolean(),
  standardisation: z.array(ZStandardisationRecordSchema),
  safetyCreditGrades: z.array(ZSafetyCreditGradeRecordSchema),
  accidents: z.array(ZAccidentRecordSchema),
  penalties: z.array(ZSanctionRecordSchema),
  violations: z.array(ZSanctionRecordSchema),
  overdueMajorHiddenDangers: z.array(ZOverdueMajorHiddenDangerSchema),
  jointCreditPunishments: z.array(ZJointCreditPunishmentSchema),
  specialProcesses: ZSpecialProcessesSchema,
  // absent where no monitoring system reports for the enterprise
  monitoringLeads: z.array(ZMonitoringLeadRecordSchema).optional(),
  // null: none registered; absent where the platform does not track it (results and fixtures before issue 17)
  internalReportingMechanism: ZInternalReportingMechanismSchema.nullable().optional(),
});

export type EnterpriseFacts = z.infer<typeof ZEnterpriseFactsSchema>;

// The facts of an enterprise with nothing on record beyond its registry profile.
export const factsWithNoRecords = (profile: KeyIndustryProfile): EnterpriseFacts => ({
  industry: profile.industry,
  dustWorkers: profile.dustWorkers,
  usesLiquidAmmonia: profile.usesLiquidAmmonia,
  hasDeepWellCasting: profile.hasDeepWellCasting,
  designatedNewSector: false,
  standardisation: [],
  safetyCreditGrades: [],
  accidents: [],
  penalties: [],
  violations: [],
  overdueMajorHiddenDangers: [],
  jointCreditPunishments: [],
  specialProcesses: { hazardousProcesses: 0, majorHazardSourceLevel: null },
});

// The standardisation grade in force on a date: the highest grade among records valid that day, or none.
export const standardisationOn = (
  records: readonly StandardisationRecord[],
  date: IsoDate,
): StandardisationRecord | undefined => {
  let best: StandardisationRecord | undefined;
  for (const record of records) {
    if (record.validUntil < date) continue;
    if (record.validFrom !== undefined && record.validFrom > date) continue;
    if (best === undefined || record.grade < best.grade) best = record;
  }
  return best;
};

export const safetyCreditGradeOn = (
  records: readonly SafetyCreditGradeRecord[],
  date: IsoDate,
): SafetyCreditGradeRecord | undefined => {
  let current: SafetyCreditGradeRecord | undefined;
  for (const record of records) {
    if (record.since > date) continue;
    if (current === undefined || record.since >= current.since) current = record;
  }
  return current;
};

export const isOverdueOn = (danger: OverdueMajorHiddenDanger, date: IsoDate): boolean =>
  danger.overdueSince <= date && (danger.rectifiedOn === null || danger.rectifiedOn > date);
