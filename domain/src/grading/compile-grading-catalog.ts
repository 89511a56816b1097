import { meetsKeyIndustryRule } from '../enterprise/key-industry.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { classCriterionFactor, classCriterionText } from './class-criteria.ts';
import { isInSeasonPeriod } from './date-windows.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import { defaultGradingReferences, gradingReferenceProblems } from './grading-catalog.ts';
import type { GradingCatalog, GradingReferences } from './grading-catalog.ts';
import type { RiskGradeEntry, SeasonPeriod } from './grading-catalog-schema.ts';
import { CHINESE_NUMERAL, RISK_GRADE_ORDER } from './grading-codes.ts';
import type { EnforcementClass, StandardisationLevel } from './grading-codes.ts';
import type { GradingFactor, GradingReason, GradingResult } from './grading-result.ts';
import { compileScoring, pushReason, signedPoints } from './score-enterprise.ts';

// measures 3, 4, 24: classify (重点/一般), grade (红橙黄蓝), decide who leads and how often to inspect.
// Compile once per catalogue, then grade many: per call nothing is parsed, no catalogue is scanned and
// no closure is made (a regrading runs this for every enterprise of the province).

export type GradeFunction = (facts: EnterpriseFacts, date: IsoDate) => GradingResult;

// scores keep two decimals (a season multiplier may leave more)
const round = (value: number): number => Math.round(value * 100) / 100;

const activePeriod = (periods: readonly SeasonPeriod[], date: IsoDate): SeasonPeriod | undefined => {
  for (const period of periods) if (isInSeasonPeriod(period, date)) return period;
  return undefined;
};

const standardisationName = (level: StandardisationLevel): string =>
  level === 'none' ? '未定级' : `${CHINESE_NUMERAL[level]}级`;

export const compileGradingCatalog = (
  catalog: GradingCatalog,
  references: GradingReferences = defaultGradingReferences,
): GradeFunction => {
  const problems = gradingReferenceProblems(catalog, references);
  if (problems.length > 0) throw new Error(`分级目录 ${catalog.version} 引用有误：${problems.join('；')}`);

  const score = compileScoring(catalog, references);
  const allCriteria = references.keyIndustryCriteria.entries;
  const classes = new Map(catalog.enforcementClasses.map((entry) => [entry.code, entry]));
  const keyCriteria = classes.get('key')?.criteria ?? [];
  const levels = new Map(catalog.enforcementLevels.map((entry) => [entry.forClass, entry]));
  const minimums = new Map(catalog.inspectionAllowance.minimum.map((entry) => [entry.class, entry]));
  const caps = new Map(
    catalog.inspectionAllowance.caps.map((entry) => [`${entry.class}:${entry.standardisation}`, entry]),
  );
  const gradeNames = new Map(catalog.riskGrades.map((entry) => [entry.code, entry.name]));
  // highest first; blue (no minScore) is what remains
  const thresholds = RISK_GRADE_ORDER.slice(1)
    .reverse()
    .map((code) => catalog.riskGrades.find((entry) => entry.code === code))
    .filter((entry) => entry !== undefined);
  const lowest = catalog.riskGrades.find((entry) => entry.code === 'blue');
  const lowestThreshold = thresholds[thresholds.length - 1];
  const gradeReached = (value: number): RiskGradeEntry | undefined => {
    for (const entry of thresholds) if (entry.minScore !== null && value >= entry.minScore) return entry;
    return undefined;
  };

  return (facts, date) => {
    const reasons: GradingReason[] = [];
    const metKeyIndustryCriteria: string[] = [];
    for (const criterion of allCriteria)
      if (meetsKeyIndustryRule(facts, criterion.rule)) metKeyIndustryCriteria.push(criterion.code);
    const scored = score({ facts, date, reasons, metKeyIndustryCriteria });

    // measure 4: 季节特征; additive points first, then multipliers on a positive score
    let sum = scored.points;
    let multiplier = 1;
    const seasons: string[] = [];
    for (const season of catalog.seasonFactors) {
      const period = activePeriod(season.periods, date);
      if (!period) continue;
      seasons.push(season.code);
      const when = `处于${season.name}（${period.from} 至 ${period.to}）`;
      if (season.points !== undefined) {
        sum += season.points;
        pushReason(
          reasons,
          'season',
          'season',
          season,
          `${when}（${signedPoints(season.points)} 分）`,
          season.points,
        );
      } else if (season.multiplier !== undefined) {
        multiplier *= season.multiplier;
        pushReason(reasons, 'season', 'season', season, `${when}，正分值 ×${season.multiplier}`);
      }
    }
    const total = round(sum > 0 ? sum * multiplier : sum);

    const reached = gradeReached(total);
    const gradeEntry = reached ?? lowest;
    const riskGrade = gradeEntry?.code ?? 'blue';
    if (gradeEntry) {
      const text = reached
        ? `总分 ${total} 分，达到${reached.name}阈值 ${reached.minScore ?? 0} 分，评为${reached.name}`
        : `总分 ${total} 分，低于${lowestThreshold?.name ?? ''}阈值 ${lowestThreshold?.minScore ?? 0} 分，评为${gradeEntry.name}`;
      pushReason(reasons, 'risk_grade', 'score', gradeEntry, text);
    }

    // measure 4 and 粤应急规〔2021〕4号: any one criterion makes a key enterprise, but only a criterion a legal
    // reviewer has verified does so by itself; an unverified one (a placeholder threshold, a rule of a
    // replaced provincial text) only proposes the enterprise for the guide list, where the legal reviewer
    // decides with a written reason (issue 11 item 4).
    const grades = {
      withSeason: riskGrade,
      withoutSeason: gradeReached(round(scored.points))?.code ?? 'blue',
    };
    let isKey = false;
    const keyProposals: string[] = [];
    const propose = (
      rule: { code: string; source: string; verified: boolean },
      factor: GradingFactor,
      text: string,
    ) => {
      keyProposals.push(rule.code);
      pushReason(
        reasons,
        'class',
        factor,
        rule,
        `建议列入重点企业指导名单（该标准待法制审核，不自动列为重点）：${text}`,
      );
    };
    for (const criterion of keyCriteria) {
      const { rule } = criterion;
      if (rule.kind === 'key_industry_criteria') {
        for (const entry of allCriteria) {
          if (!metKeyIndustryCriteria.includes(entry.code) || !rule.criteria.includes(entry.code)) continue;
          const text = `属于措施第四项重点行业领域：${entry.name}`;
          if (!entry.verified || !criterion.verified) {
            propose(entry, 'key_industry', text);
            continue;
          }
          isKey = true;
          pushReason(reasons, 'class', 'key_industry', entry, text);
        }
        continue;
      }
      const text = classCriterionText(criterion, facts, date, grades, gradeNames);
      if (text === undefined) continue;
      if (!criterion.verified) {
        propose(criterion, classCriterionFactor(criterion), text);
        continue;
      }
      isKey = true;
      pushReason(reasons, 'class', classCriterionFactor(criterion), criterion, text);
    }
    const enforcementClass: EnforcementClass = isKey ? 'key' : 'general';
    const classEntry = classes.get(enforcementClass);
    const className = classEntry?.name ?? enforcementClass;
    if (!isKey && classEntry)
      pushReason(
        reasons,
        'class',
        'enforcement_class',
        classEntry,
        `未符合任何重点企业标准，列为${className}企业`,
      );

    // measure 4: key enterprises under city organisation with the county taking part
    const level = levels.get(enforcementClass);
    if (level)
      pushReason(reasons, 'enforcement_level', 'enforcement_class', level, `${className}企业：${level.name}`);

    // measure 5 (minimum) and measure 24 (a higher standardisation grade, fewer inspections)
    const minimum = minimums.get(enforcementClass);
    if (minimum) {
      const every = minimum.perYears === 1 ? '每年' : `每 ${minimum.perYears} 年`;
      pushReason(
        reasons,
        'allowance',
        'enforcement_class',
        minimum,
        `${className}企业${every}至少检查 ${minimum.count} 次`,
      );
    }
    const cap = caps.get(`${enforcementClass}:${scored.standardisation}`);
    if (cap) {
      const limit = cap.perYear === null ? '未设年度检查上限' : `每年检查不超过 ${cap.perYear} 次`;
      const text = `${className}企业、标准化${standardisationName(scored.standardisation)}：${limit}`;
      pushReason(reasons, 'allowance', 'standardisation', cap, text);
    }

    return {
      class: enforcementClass,
      riskGrade,
      enforcementLevel: level?.code ?? (isKey ? 'city_organised' : 'county'),
      score: total,
      standardisation: scored.standardisation,
      seasons,
      allowance: {
        minimum: { count: minimum?.count ?? 0, perYears: minimum?.perYears ?? 1 },
        minimumVerified: minimum?.verified ?? false,
        cap: cap?.perYear ?? null,
        capVerified: cap?.verified ?? false,
      },
      reasons,
      keyProposals,
      catalogVersion: catalog.version,
      keyIndustryCriteriaVersion: references.keyIndustryCriteria.version,
    };
  };
};
