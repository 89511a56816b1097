import { z } from 'zod';

// The fixed vocabularies of grading (分级) and classification (分类), measures 3, 4 and 24.

// 《生产安全事故报告和调查处理条例》第三条: 一般 / 较大 / 重大 / 特别重大, in rising order.
// Note 'major' is 较大事故 and 'serious' is 重大事故 (not 重大事故隐患, the "major hidden danger").
export const ZAccidentLevelSchema = z.enum(['general', 'major', 'serious', 'especially_serious']);

export type AccidentLevel = z.infer<typeof ZAccidentLevelSchema>;

// Risk grades in rising order: blue < yellow < orange < red (蓝 < 黄 < 橙 < 红).
export const RISK_GRADE_ORDER = ['blue', 'yellow', 'orange', 'red'] as const;

export const ZRiskGradeSchema = z.enum(RISK_GRADE_ORDER);

export type RiskGrade = z.infer<typeof ZRiskGradeSchema>;

export const riskGradeRank = (grade: RiskGrade): number => RISK_GRADE_ORDER.indexOf(grade);

// measure 5 and 粤应急规〔2021〕4号: 重点 (key) and 一般 (general) enterprises.
export const ZEnforcementClassSchema = z.enum(['key', 'general']);

export type EnforcementClass = z.infer<typeof ZEnforcementClassSchema>;

// measure 4: key enterprises are inspected under city organisation with the county taking part.
export const ZEnforcementLevelSchema = z.enum(['city_organised', 'county']);

export type EnforcementLevel = z.infer<typeof ZEnforcementLevelSchema>;

// 安全生产标准化 一级 (highest) / 二级 / 三级; 'none' for no grade or an expired one.
export const ZStandardisationGradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export type StandardisationGrade = z.infer<typeof ZStandardisationGradeSchema>;

export const ZStandardisationLevelSchema = z.union([ZStandardisationGradeSchema, z.literal('none')]);

export type StandardisationLevel = z.infer<typeof ZStandardisationLevelSchema>;

export const STANDARDISATION_LEVELS: readonly StandardisationLevel[] = [1, 2, 3, 'none'];

// 一级 ranks highest; 'none' lowest. A lower rank number is a higher grade.
export const standardisationRank = (level: StandardisationLevel): number => (level === 'none' ? 4 : level);

// 重大危险源 一级 (most severe) to 四级.
export const ZMajorHazardSourceLevelSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]);

export type MajorHazardSourceLevel = z.infer<typeof ZMajorHazardSourceLevelSchema>;

export const CHINESE_NUMERAL = { 1: '一', 2: '二', 3: '三', 4: '四' } as const;
