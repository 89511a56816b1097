import type { IsoDate } from '../shared/iso-date.ts';
import { lacksInternalReporting } from '../reports/handling.ts';
import { reportsCatalog } from '../reports/reports-catalog.ts';
import { isWithinMonths, monthsBefore } from './date-windows.ts';
import { isOverdueOn, safetyCreditGradeOn, standardisationOn } from './enterprise-facts.ts';
import type { EnterpriseFacts, SanctionRecord, StandardisationRecord } from './enterprise-facts.ts';
import type { GradingCatalog, GradingReferences } from './grading-catalog.ts';
import type { AccidentScoreEntry, IndustryBaseEntry, RecordScoreEntry } from './grading-catalog-schema.ts';
import { CHINESE_NUMERAL, ZAccidentLevelSchema } from './grading-codes.ts';
import type { AccidentLevel, StandardisationLevel } from './grading-codes.ts';
import type { GradingFactor, GradingReason } from './grading-result.ts';

// measure 4: the risk score from industry, safety state, accident and violation records, credit grade
// and (measure 24) standardisation grade. Every number comes from catalog/grading.json. Plain loops and
// no closures per call: a regrading runs this for every enterprise.

type Rule = { code: string; source: string; verified: boolean };

export type ScoreContext = {
  facts: EnterpriseFacts;
  date: IsoDate;
  reasons: GradingReason[];
  // codes of the key-industry criteria the enterprise meets (measure 4)
  metKeyIndustryCriteria: readonly string[];
};

export type ScoreOutcome = { points: number; standardisation: StandardisationLevel };

const LEAD_LEVEL_NAMES = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' } as const;

export const signedPoints = (points: number): string => (points > 0 ? `+${points}` : `${points}`);

export const pushReason = (
  reasons: GradingReason[],
  effect: GradingReason['effect'],
  factor: GradingFactor,
  rule: Rule,
  text: string,
  points?: number,
): void => {
  const { code, source, verified } = rule;
  reasons.push(
    points === undefined
      ? { effect, factor, rule: code, text, source, verified }
      : { effect, factor, rule: code, points, text, source, verified },
  );
};

const scored = (
  reasons: GradingReason[],
  factor: GradingFactor,
  rule: Rule,
  text: string,
  points: number,
) => {
  pushReason(reasons, 'score', factor, rule, `${text}（${signedPoints(points)} 分）`, points);
  return points;
};

const byDate = (a: SanctionRecord, b: SanctionRecord): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

const upTo = (limit: number | undefined, earned: number, points: number): number =>
  Math.min(points, (limit ?? Number.POSITIVE_INFINITY) - earned);

// Penalties or violations in the window earn pointsEach, oldest first, until maxPoints is reached.
const scoreRecords = (
  context: ScoreContext,
  records: readonly SanctionRecord[],
  rule: RecordScoreEntry,
  factor: 'penalty' | 'violation',
): number => {
  if (records.length === 0) return 0;
  const cutoff = monthsBefore(context.date, rule.withinMonths);
  const inWindow: SanctionRecord[] = [];
  for (const record of records) if (isWithinMonths(record.date, cutoff, context.date)) inWindow.push(record);
  inWindow.sort(byDate);
  const what = factor === 'penalty' ? '受到行政处罚' : '有违法行为记录';
  let total = 0;
  for (const record of inWindow) {
    const points = upTo(rule.maxPoints, total, rule.pointsEach);
    const capped = points < rule.pointsEach ? `，已达上限 ${rule.maxPoints ?? 0} 分` : '';
    total += scored(
      context.reasons,
      factor,
      rule,
      `${record.date} ${what}（${record.kind}）${capped}`,
      points,
    );
  }
  return total;
};

// an accident scores under the narrowest window that holds it (rules sorted by window)
const accidentRuleFor = (rules: readonly AccidentScoreEntry[], accidentDate: IsoDate, date: IsoDate) => {
  for (const rule of rules) if (accidentDate > monthsBefore(date, rule.withinMonths)) return rule;
  return undefined;
};

const standardisationText = (
  current: StandardisationRecord | undefined,
  records: readonly StandardisationRecord[],
  date: IsoDate,
): string => {
  if (current) return `安全生产标准化${CHINESE_NUMERAL[current.grade]}级，有效期至 ${current.validUntil}`;
  let expired: StandardisationRecord | undefined;
  for (const record of records)
    if (record.validUntil < date && (!expired || record.validUntil > expired.validUntil)) expired = record;
  return expired
    ? `安全生产标准化${CHINESE_NUMERAL[expired.grade]}级已于 ${expired.validUntil} 到期，按未定级计`
    : '未取得安全生产标准化等级';
};

const UNKNOWN_CREDIT_SOURCE = 'catalog/grading.json scoring.safetyCreditGrades';

export const compileScoring = (catalog: GradingCatalog, references: GradingReferences) => {
  const { scoring } = catalog;
  const industryRows = new Map<string, IndustryBaseEntry>();
  const groupRows = new Map<string, IndustryBaseEntry>();
  for (const row of scoring.industryBase) {
    if (row.match.kind === 'industry') industryRows.set(row.match.industry, row);
    else groupRows.set(row.match.group, row);
  }
  // an industry's own row, else its group's; an unknown code scores as 其他
  const baseByIndustry = new Map<string, { text: string; row: IndustryBaseEntry }>();
  for (const industry of references.industries.entries) {
    const row = industryRows.get(industry.code) ?? groupRows.get(industry.group);
    if (row) baseByIndustry.set(industry.code, { text: `行业“${industry.name}”基础风险`, row });
  }
  const fallbackBase = groupRows.get('其他');
  const levelNames = new Map(catalog.accidentLevels.map((entry) => [entry.code, entry.name]));
  const accidentRules = new Map<AccidentLevel, AccidentScoreEntry[]>(
    ZAccidentLevelSchema.options.map((level) => [
      level,
      scoring.accidents
        .filter((rule) => rule.level === level)
        .sort((a, b) => a.withinMonths - b.withinMonths),
    ]),
  );
  const hazardSources = new Map(scoring.majorHazardSources.map((rule) => [rule.level, rule]));
  const criterionNames = new Map(
    references.keyIndustryCriteria.entries.map((entry) => [entry.code, entry.name]),
  );
  const creditGrades = new Map(scoring.safetyCreditGrades.map((rule) => [rule.code, rule]));
  const standardisationRows = new Map(scoring.standardisation.map((rule) => [rule.grade, rule]));
  const { overdueMajorHiddenDangers: overdueRule, jointCreditPunishment: jointRule } = scoring;

  return (context: ScoreContext): ScoreOutcome => {
    const { facts, date, reasons } = context;
    let total = 0;

    const base = baseByIndustry.get(facts.industry);
    if (base) total += scored(reasons, 'industry', base.row, base.text, base.row.points);
    else if (fallbackBase) {
      const text = `行业代码 ${facts.industry} 不在行业目录中，按“其他”计`;
      total += scored(reasons, 'industry', fallbackBase, text, fallbackBase.points);
    }

    for (const accident of facts.accidents) {
      if (accident.date > date) continue;
      const rule = accidentRuleFor(accidentRules.get(accident.level) ?? [], accident.date, date);
      if (!rule) continue;
      const deaths = accident.deaths > 0 ? `死亡 ${accident.deaths} 人` : '无人死亡';
      const text = `${accident.date} 发生${levelNames.get(accident.level) ?? accident.level}，${deaths}`;
      total += scored(reasons, 'accident', rule, text, rule.points + accident.deaths * rule.pointsPerDeath);
    }

    total += scoreRecords(context, facts.penalties, scoring.penalties, 'penalty');
    total += scoreRecords(context, facts.violations, scoring.violations, 'violation');

    const leadRule = scoring.monitoringLeads;
    if (leadRule && facts.monitoringLeads && facts.monitoringLeads.length > 0) {
      const cutoff = monthsBefore(date, leadRule.withinMonths);
      let leadPoints = 0;
      const counted = facts.monitoringLeads
        .filter((lead) => leadRule.levels.includes(lead.level) && isWithinMonths(lead.date, cutoff, date))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const lead of counted) {
        const points = upTo(leadRule.maxPoints, leadPoints, leadRule.pointsEach);
        if (points <= 0) break;
        const text = `${lead.date} 监测预警线索（${LEAD_LEVEL_NAMES[lead.level]}预警）`;
        leadPoints += scored(reasons, 'monitoring_lead', leadRule, text, points);
      }
      total += leadPoints;
    }

    // 安委〔2024〕7号: a key industry's enterprise without its internal reporting-reward mechanism after the deadline
    const missingRule = scoring.internalReportingMissing;
    const mechanism = facts.internalReportingMechanism;
    if (
      missingRule &&
      mechanism !== undefined &&
      lacksInternalReporting(
        { industry: facts.industry, hasMechanism: mechanism !== null && mechanism.establishedOn <= date },
        date,
      )
    ) {
      const text = `重点行业领域企业未建立事故隐患内部报告奖励机制（应于 ${reportsCatalog.internalReporting.keyIndustriesDeadline} 前建立）`;
      total += scored(reasons, 'internal_reporting', missingRule, text, missingRule.points);
    }

    let overduePoints = 0;
    for (const danger of facts.overdueMajorHiddenDangers) {
      if (!isOverdueOn(danger, date)) continue;
      const text = `重大事故隐患自 ${danger.overdueSince} 起超期未整改`;
      const points = upTo(overdueRule.maxPoints, overduePoints, overdueRule.pointsEach);
      overduePoints += scored(reasons, 'overdue_major_hidden_danger', overdueRule, text, points);
    }
    total += overduePoints;

    if (facts.jointCreditPunishments.length > 0) {
      const cutoff = monthsBefore(date, jointRule.withinMonths);
      for (const punishment of facts.jointCreditPunishments) {
        if (punishment.from > date || (punishment.to !== null && punishment.to <= cutoff)) continue;
        const text = `${punishment.from} 至 ${punishment.to ?? '今'} 被纳入失信联合惩戒`;
        total += scored(reasons, 'joint_credit_punishment', jointRule, text, jointRule.points);
        break;
      }
    }

    const { hazardousProcesses, majorHazardSourceLevel } = facts.specialProcesses;
    if (hazardousProcesses > 0) {
      const rule = scoring.hazardousProcesses;
      const points = upTo(rule.maxPoints, 0, hazardousProcesses * rule.pointsEach);
      total += scored(
        reasons,
        'hazardous_process',
        rule,
        `涉及 ${hazardousProcesses} 种重点监管危险化工工艺`,
        points,
      );
    }
    const hazard = majorHazardSourceLevel === null ? undefined : hazardSources.get(majorHazardSourceLevel);
    if (hazard) {
      const text = `构成${CHINESE_NUMERAL[hazard.level]}级重大危险源`;
      total += scored(reasons, 'major_hazard_source', hazard, text, hazard.points);
    }

    for (const factor of scoring.keyIndustryFactors) {
      if (!context.metKeyIndustryCriteria.includes(factor.criterion)) continue;
      const text = `符合“${criterionNames.get(factor.criterion) ?? factor.criterion}”`;
      total += scored(reasons, 'key_industry', factor, text, factor.points);
    }

    const credit = safetyCreditGradeOn(facts.safetyCreditGrades, date);
    const creditRule = credit && creditGrades.get(credit.grade);
    if (creditRule) {
      const text = `安全诚信等级 ${creditRule.name}（${credit.since} 起）`;
      total += scored(reasons, 'safety_credit_grade', creditRule, text, creditRule.points);
    } else if (credit) {
      const rule = { code: credit.grade, source: UNKNOWN_CREDIT_SOURCE, verified: false };
      const text = `安全诚信等级 ${credit.grade} 不在评分目录中，未计分`;
      pushReason(reasons, 'score', 'safety_credit_grade', rule, text, 0);
    }

    // measure 24: the grade counts only while valid; past validUntil it is none
    const current = standardisationOn(facts.standardisation, date);
    const standardisation: StandardisationLevel = current ? current.grade : 'none';
    const row = standardisationRows.get(standardisation);
    if (row) {
      const text = standardisationText(current, facts.standardisation, date);
      total += scored(reasons, 'standardisation', row, text, row.points);
    }

    return { points: total, standardisation };
  };
};
