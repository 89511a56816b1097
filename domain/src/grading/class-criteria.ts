import type { IsoDate } from '../shared/iso-date.ts';
import { previousYearRange } from './date-windows.ts';
import { isOverdueOn } from './enterprise-facts.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import type { ClassCriterion, RecordPeriod } from './grading-catalog-schema.ts';
import { riskGradeRank } from './grading-codes.ts';
import type { RiskGrade } from './grading-codes.ts';
import type { GradingFactor } from './grading-result.ts';

// 粤应急规〔2021〕4号 (superseded; see catalog/grading.json): when a key-class criterion other than
// measure 4's key industries holds. Plain loops: this runs for every enterprise of a regrading.

export type RiskGrades = { withSeason: RiskGrade; withoutSeason: RiskGrade };

const periodText = (period: RecordPeriod, from: IsoDate): string =>
  period === 'previous_year' ? `上年度（${from.slice(0, 4)} 年）` : `${from} 以来`;

const overdueText = (facts: EnterpriseFacts, date: IsoDate): string | undefined => {
  let count = 0;
  let earliest = date;
  for (const danger of facts.overdueMajorHiddenDangers) {
    if (!isOverdueOn(danger, date)) continue;
    count += 1;
    if (danger.overdueSince < earliest) earliest = danger.overdueSince;
  }
  return count === 0 ? undefined : `有 ${count} 项重大事故隐患超期未整改（最早自 ${earliest} 起）`;
};

const fatalAccidentText = (
  facts: EnterpriseFacts,
  date: IsoDate,
  period: RecordPeriod,
): string | undefined => {
  if (facts.accidents.length === 0) return undefined;
  const range = previousYearRange(date, period === 'previous_year_to_date');
  let list = '';
  for (const accident of facts.accidents) {
    if (accident.deaths === 0 || accident.date < range.from || accident.date > range.to) continue;
    list += `${list === '' ? '' : '；'}${accident.date} 死亡 ${accident.deaths} 人`;
  }
  return list === '' ? undefined : `${periodText(period, range.from)}发生亡人事故：${list}`;
};

const jointCreditPunishmentText = (
  facts: EnterpriseFacts,
  date: IsoDate,
  period: RecordPeriod,
): string | undefined => {
  if (facts.jointCreditPunishments.length === 0) return undefined;
  const range = previousYearRange(date, period === 'previous_year_to_date');
  for (const punishment of facts.jointCreditPunishments) {
    if (punishment.from > range.to || (punishment.to !== null && punishment.to < range.from)) continue;
    return `${periodText(period, range.from)}被纳入失信联合惩戒（${punishment.from} 至 ${punishment.to ?? '今'}）`;
  }
  return undefined;
};

// The reason text when the criterion holds, undefined when it does not. Key-industry criteria
// (measure 4) are reported one by one by the caller and answer undefined here.
export const classCriterionText = (
  criterion: ClassCriterion,
  facts: EnterpriseFacts,
  date: IsoDate,
  grades: RiskGrades,
  gradeNames: ReadonlyMap<RiskGrade, string>,
): string | undefined => {
  const { rule } = criterion;
  switch (rule.kind) {
    case 'key_industry_criteria':
      return undefined;
    case 'risk_grade_at_least': {
      const grade = rule.withSeason ? grades.withSeason : grades.withoutSeason;
      if (riskGradeRank(grade) < riskGradeRank(rule.grade)) return undefined;
      const which = rule.withSeason ? '风险等级' : '不计季节因素的风险等级';
      const threshold = gradeNames.get(rule.grade) ?? rule.grade;
      return `${which}为${gradeNames.get(grade) ?? grade}，不低于${threshold}：${criterion.name}`;
    }
    case 'overdue_major_hidden_danger': {
      const text = overdueText(facts, date);
      return text === undefined ? undefined : `${text}：${criterion.name}`;
    }
    case 'fatal_accident':
      return fatalAccidentText(facts, date, rule.period);
    case 'joint_credit_punishment':
      return jointCreditPunishmentText(facts, date, rule.period);
    case 'designated_new_sector':
      return facts.designatedNewSector ? criterion.name : undefined;
  }
};

export const classCriterionFactor = (criterion: ClassCriterion): GradingFactor => {
  switch (criterion.rule.kind) {
    case 'key_industry_criteria':
      return 'key_industry';
    case 'risk_grade_at_least':
      return 'score';
    case 'overdue_major_hidden_danger':
      return 'overdue_major_hidden_danger';
    case 'fatal_accident':
      return 'accident';
    case 'joint_credit_punishment':
      return 'joint_credit_punishment';
    case 'designated_new_sector':
      return 'designated_new_sector';
  }
};
