import type { IsoDate } from '../shared/iso-date.ts';
import { isWithinMonths, monthsBefore } from './date-windows.ts';
import { isOverdueOn, safetyCreditGradeOn, standardisationOn } from './enterprise-facts.ts';
import type { EnterpriseFacts, SanctionRecord, StandardisationRecord } from './enterprise-facts.ts';
import type { GradingCatalog, GradingReferences } from './grading-catalog.ts';
import type { AccidentScoreEntry, IndustryBaseEntry, RecordScoreEntry } from './grading-catalog-schema.ts';
import { CHINESE_NUMERAL, ZAccidentLevelSchema } from './grading-codes.ts';
import type { AccidentLevel, StandardisationLevel } from './grading-codes.ts';
import type { GradingFactor, GradingReason } from './grading-result.ts';

// measure 4: the risk score from industry, safety state, accident and violation records, credit grade
// and (measure 24) standardisation grade. Every number comes from catalog/grading.json.

type Rule = { code: string; source: string; verified: boolean };

export type ScoreContext = {
  facts: EnterpriseFacts;
  date: IsoDate;
  reasons: GradingReason[];
  // codes of the key-industry criteria the enterprise meets (measure 4)
  metKeyIndustryCriteria: readonly string[];
};

export type ScoreOutcome = { points: number; standardisation: StandardisationLevel };

export const signedPoints = (points: number): string => (points > 0 ? `+${points}` : `${points}`);

export const pushReason = (
  reasons: GradingReason[],
  effect: GradingReason['effect'],
  factor: GradingFactor,
  rule: Rule,
  text: string,
  points?: number,
): void => {
  reasons.push(
    points === undefined
      ? { effect, factor, rule: rule.code, text, source: rule.source, verified: rule.verified }
      : { effect, factor, rule: rule.code, points, text, source: rule.source, verified: rule.verified },
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

// Records in the window earn pointsEach, oldest first, until maxPoints is reached.
const scoreRecords = (
  context: ScoreContext,
  records: readonly SanctionRecord[],
  rule: RecordScoreEntry,
  factor: GradingFactor,
  describe: (record: SanctionRecord) => string,
): number => {
  if (records.length === 0) return 0;
  const cutoff = monthsBefore(context.date, rule.withinMonths);
  const inWindow = records.filter((record) => isWithinMonths(record.date, cutoff, context.date));
  inWindow.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let total = 0;
  for (const record of inWindow) {
    const points = Math.min(rule.pointsEach, (rule.maxPoints ?? Number.POSITIVE_INFINITY) - total);
    const capped = points < rule.pointsEach ? `，已达上限 ${rule.maxPoints ?? 0} 分` : '';
    total += scored(context.reasons, factor, rule, `${describe(record)}${capped}`, points);
  }
  return total;
};

const countPoints = (count: number, rule: { pointsEach: number; maxPoints?: number | undefined }): number =>
  Math.min(count * rule.pointsEach, rule.maxPoints ?? Number.POSITIVE_INFINITY);

const standardisationText = (
  current: StandardisationRecord | undefined,
  records: readonly StandardisationRecord[],
  date: IsoDate,
): string => {
  if (current) return `安全生产标准化${CHINESE_NUMERAL[current.grade]}级，有效期至 ${current.validUntil}`;
  const expired = records
    .filter((record) => record.validUntil < date)
    .sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0];
  return expired
    ? `安全生产标准化${CHINESE_NUMERAL[expired.grade]}级已于 ${expired.validUntil} 到期，按未定级计`
    : '未取得安全生产标准化等级';
};

export const compileScoring = (catalog: GradingCatalog, references: GradingReferences) => {
  const { scoring } = catalog;
  const industryRows = new Map<string, IndustryBaseEntry>();
  const groupRows = new Map<string, IndustryBaseEntry>();
  for (const row of scoring.industryBase) {
    if (row.match.kind === 'industry') industryRows.set(row.match.industry, row);
    else groupRows.set(row.match.group, row);
  }
  // an industry's own row, else its group's; an unknown code scores as 其他
  const baseByIndustry = new Map<string, { name: string; row: IndustryBaseEntry }>();
  for (const industry of references.industries.entries) {
    const row = industryRows.get(industry.code) ?? groupRows.get(industry.group);
    if (row) baseByIndustry.set(industry.code, { name: industry.name, row });
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

  return (context: ScoreContext): ScoreOutcome => {
    const { facts, date, reasons } = context;
    let total = 0;

    const base = baseByIndustry.get(facts.industry);
    if (base) total += scored(reasons, 'industry', base.row, `行业“${base.name}”基础风险`, base.row.points);
    else if (fallbackBase)
      total += scored(
        reasons,
        'industry',
        fallbackBase,
        `行业代码 ${facts.industry} 不在行业目录中，按“其他”计`,
        fallbackBase.points,
      );

    // an accident scores under the narrowest window that holds it
    for (const accident of facts.accidents) {
      if (accident.date > date) continue;
      const rule = accidentRules
        .get(accident.level)
        ?.find((candidate) => accident.date > monthsBefore(date, candidate.withinMonths));
      if (!rule) continue;
      const deaths = accident.deaths > 0 ? `死亡 ${accident.deaths} 人` : '无人死亡';
      const points = rule.points + accident.deaths * rule.pointsPerDeath;
      const text = `${accident.date} 发生${levelNames.get(accident.level) ?? accident.level}，${deaths}`;
      total += scored(reasons, 'accident', rule, text, points);
    }

    total += scoreRecords(
      context,
      facts.penalties,
      scoring.penalties,
      'penalty',
      (record) => `${record.date} 受到行政处罚（${record.kind}）`,
    );
    total += scoreRecords(
      context,
      facts.violations,
      scoring.violations,
      'violation',
      (record) => `${record.date} 有违法行为记录（${record.kind}）`,
    );

    const overdueRule = scoring.overdueMajorHiddenDangers;
    let overduePoints = 0;
    for (const danger of facts.overdueMajorHiddenDangers) {
      if (!isOverdueOn(danger, date)) continue;
      const points = Math.min(
        overdueRule.pointsEach,
        (overdueRule.maxPoints ?? Number.POSITIVE_INFINITY) - overduePoints,
      );
      overduePoints += scored(
        reasons,
        'overdue_major_hidden_danger',
        overdueRule,
        `重大事故隐患自 ${danger.overdueSince} 起超期未整改`,
        points,
      );
    }
    total += overduePoints;

    const jointRule = scoring.jointCreditPunishment;
    if (facts.jointCreditPunishments.length > 0) {
      const cutoff = monthsBefore(date, jointRule.withinMonths);
      const punishment = facts.jointCreditPunishments.find(
        (p) => p.from <= date && (p.to === null || p.to > cutoff),
      );
      if (punishment) {
        const text = `${punishment.from} 至 ${punishment.to ?? '今'} 被纳入失信联合惩戒`;
        total += scored(reasons, 'joint_credit_punishment', jointRule, text, jointRule.points);
      }
    }

    const { hazardousProcesses, majorHazardSourceLevel } = facts.specialProcesses;
    if (hazardousProcesses > 0) {
      const text = `涉及 ${hazardousProcesses} 种重点监管危险化工工艺`;
      total += scored(
        reasons,
        'hazardous_process',
        scoring.hazardousProcesses,
        text,
        countPoints(hazardousProcesses, scoring.hazardousProcesses),
      );
    }
    const hazardRule =
      majorHazardSourceLevel === null ? undefined : hazardSources.get(majorHazardSourceLevel);
    if (hazardRule) {
      total += scored(
        reasons,
        'major_hazard_source',
        hazardRule,
        `构成${CHINESE_NUMERAL[hazardRule.level]}级重大危险源`,
        hazardRule.points,
      );
    }

    for (const factor of scoring.keyIndustryFactors) {
      if (!context.metKeyIndustryCriteria.includes(factor.criterion)) continue;
      const text = `符合“${criterionNames.get(factor.criterion) ?? factor.criterion}”`;
      total += scored(reasons, 'key_industry', factor, text, factor.points);
    }

    const credit = safetyCreditGradeOn(facts.safetyCreditGrades, date);
    if (credit) {
      const rule = creditGrades.get(credit.grade);
      if (rule)
        total += scored(
          reasons,
          'safety_credit_grade',
          rule,
          `安全诚信等级 ${rule.name}（${credit.since} 起）`,
          rule.points,
        );
      else
        pushReason(
          reasons,
          'score',
          'safety_credit_grade',
          { code: credit.grade, source: 'catalog/grading.json scoring.safetyCreditGrades', verified: false },
          `安全诚信等级 ${credit.grade} 不在评分目录中，未计分`,
          0,
        );
    }

    // measure 24: the grade counts only while valid; past validUntil it is none
    const current = standardisationOn(facts.standardisation, date);
    const standardisation: StandardisationLevel = current ? current.grade : 'none';
    const row = standardisationRows.get(standardisation);
    if (row)
      total += scored(
        reasons,
        'standardisation',
        row,
        standardisationText(current, facts.standardisation, date),
        row.points,
      );

    return { points: total, standardisation };
  };
};
