import { z } from 'zod';
import gradingJson from '@inspecta/catalog/grading.json' with { type: 'json' };
import { duplicateCodes } from '../catalog/catalog-entry.ts';
import type { CatalogProvenance } from '../catalog/catalog-entry.ts';
import { industryCatalog, ZIndustryGroupSchema } from '../catalog/industries.ts';
import type { IndustryCatalog } from '../catalog/industries.ts';
import { keyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import type { KeyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import {
  RISK_GRADE_ORDER,
  STANDARDISATION_LEVELS,
  standardisationRank,
  ZAccidentLevelSchema,
  ZEnforcementClassSchema,
} from './grading-codes.ts';
import { ZGradingCatalogShapeSchema } from './grading-catalog-schema.ts';

type Shape = z.infer<typeof ZGradingCatalogShapeSchema>;

export type GradingRuleEntry = CatalogProvenance & { code: string };
type Issue = { message: string; path: (string | number)[] };

// Every entry a reason may name as its rule; their codes are unique across the document.
export const gradingRuleEntries = (catalog: Shape): GradingRuleEntry[] => [
  ...catalog.enforcementClasses.flatMap((entry) => entry.criteria),
  ...catalog.scoring.industryBase,
  ...catalog.scoring.accidents,
  catalog.scoring.penalties,
  catalog.scoring.violations,
  catalog.scoring.overdueMajorHiddenDangers,
  catalog.scoring.jointCreditPunishment,
  catalog.scoring.hazardousProcesses,
  ...catalog.scoring.majorHazardSources,
  ...catalog.scoring.keyIndustryFactors,
  ...catalog.scoring.safetyCreditGrades,
  ...catalog.scoring.standardisation,
  ...(catalog.scoring.monitoringLeads ? [catalog.scoring.monitoringLeads] : []),
  ...(catalog.scoring.internalReportingMissing ? [catalog.scoring.internalReportingMissing] : []),
  ...catalog.seasonFactors,
  ...catalog.inspectionAllowance.minimum,
  ...catalog.inspectionAllowance.caps,
];

const exactlyOnce = <T>(values: readonly T[], expected: readonly T[]): boolean =>
  values.length === expected.length &&
  expected.every((value) => values.filter((v) => v === value).length === 1);

// null is "no cap", larger than any number
const capValue = (cap: number | null): number => cap ?? Number.POSITIVE_INFINITY;

type Fail = (message: string, ...path: (string | number)[]) => void;

const classes = ZEnforcementClassSchema.options;

const checkVocabularies = (catalog: Shape, fail: Fail): void => {
  const duplicates = duplicateCodes(gradingRuleEntries(catalog));
  if (duplicates.length > 0) fail(`目录中的代码不得重复：${duplicates.join('、')}`);

  const accidentLevels = catalog.accidentLevels.map((entry) => entry.code);
  if (!exactlyOnce(accidentLevels, ZAccidentLevelSchema.options))
    fail('事故等级须且只能各列一次：一般、较大、重大、特别重大', 'accidentLevels');

  const classCodes = catalog.enforcementClasses.map((entry) => entry.code);
  if (!exactlyOnce(classCodes, classes)) fail('执法分类须且只能各列一次：重点、一般', 'enforcementClasses');
  catalog.enforcementClasses.forEach((entry, index) => {
    if (entry.code === 'key' && entry.criteria.length === 0)
      fail('重点类须至少有一项标准', 'enforcementClasses', index);
    if (entry.code === 'general' && entry.criteria.length > 0)
      fail('一般类为兜底分类，不设标准', 'enforcementClasses', index);
  });

  const levelClasses = catalog.enforcementLevels.map((entry) => entry.forClass);
  if (!exactlyOnce(levelClasses, classes)) fail('每个执法分类须且只能对应一个执法层级', 'enforcementLevels');

  const grades = catalog.riskGrades;
  const gradeCodes = grades.map((entry) => entry.code);
  if (!exactlyOnce(gradeCodes, RISK_GRADE_ORDER)) {
    fail('风险等级须且只能各列一次：红、橙、黄、蓝', 'riskGrades');
    return;
  }
  const minScore = (code: string) => grades.find((entry) => entry.code === code)?.minScore ?? null;
  if (minScore('blue') !== null) fail('蓝色为最低等级，不设分值下限', 'riskGrades');
  const thresholds = RISK_GRADE_ORDER.slice(1).map(minScore);
  const rising = thresholds.every(
    (value, index) => value !== null && (index === 0 || value > (thresholds[index - 1] ?? value)),
  );
  if (!rising) fail('黄、橙、红的分值下限须依次递增', 'riskGrades');
};

const checkScoring = ({ scoring }: Shape, fail: Fail): void => {
  const groups = scoring.industryBase.flatMap(({ match }) => (match.kind === 'group' ? [match.group] : []));
  if (!exactlyOnce(groups, ZIndustryGroupSchema.options))
    fail('每个行业大类须且只能有一项基础分', 'scoring', 'industryBase');
  const industries = scoring.industryBase.flatMap(({ match }) =>
    match.kind === 'industry' ? [match.industry] : [],
  );
  if (new Set(industries).size !== industries.length)
    fail('同一行业只能有一项基础分', 'scoring', 'industryBase');

  const windows = scoring.accidents.map((entry) => `${entry.level}:${entry.withinMonths}`);
  if (new Set(windows).size !== windows.length)
    fail('同一事故等级的同一时段只能有一项分值', 'scoring', 'accidents');

  // 重大危险源 一级 is the most severe, so it never scores less than 二级
  const hazardLevels = scoring.majorHazardSources.map((entry) => entry.level);
  const hazardPoints = [...scoring.majorHazardSources].sort((a, b) => a.level - b.level).map((e) => e.points);
  if (!exactlyOnce(hazardLevels, [1, 2, 3, 4])) {
    fail('重大危险源一级至四级须且只能各有一项分值', 'scoring', 'majorHazardSources');
  } else if (
    hazardPoints.some((points, index) => index > 0 && points > (hazardPoints[index - 1] ?? points))
  ) {
    fail('重大危险源等级越高（一级最高），分值不得越低', 'scoring', 'majorHazardSources');
  }

  // measure 24: a higher standardisation grade never scores more risk than a lower one
  const levels = scoring.standardisation.map((entry) => entry.grade);
  const points = [...scoring.standardisation]
    .sort((a, b) => standardisationRank(a.grade) - standardisationRank(b.grade))
    .map((entry) => entry.points);
  if (!exactlyOnce(levels, STANDARDISATION_LEVELS)) {
    fail('标准化一级、二级、三级、未定级须且只能各有一项分值', 'scoring', 'standardisation');
  } else if (points.some((value, index) => index > 0 && value < (points[index - 1] ?? value))) {
    fail('标准化等级越高，分值不得越高', 'scoring', 'standardisation');
  }
};

const checkAllowance = ({ inspectionAllowance }: Shape, fail: Fail): void => {
  const { minimum, caps } = inspectionAllowance;
  const minimumClasses = minimum.map((entry) => entry.class);
  if (!exactlyOnce(minimumClasses, classes))
    fail('每个执法分类须且只能有一项最低检查频次', 'inspectionAllowance', 'minimum');
  const capsByClass = new Map<string, number[]>();
  for (const cls of classes) {
    const rows = STANDARDISATION_LEVELS.map((level) =>
      caps.filter((entry) => entry.class === cls && entry.standardisation === level),
    );
    if (rows.some((row) => row.length !== 1)) {
      fail(`${cls} 类须按标准化一级、二级、三级、未定级各有一项检查上限`, 'inspectionAllowance', 'caps');
      continue;
    }
    const values = rows.map((row) => capValue(row[0]?.perYear ?? null));
    capsByClass.set(cls, values);
    // measure 24: a higher standardisation grade never raises the cap
    if (values.some((value, index) => index > 0 && value < (values[index - 1] ?? value)))
      fail(`${cls} 类：标准化等级越高，年度检查上限不得越高`, 'inspectionAllowance', 'caps');
    const floor = minimum.find((entry) => entry.class === cls);
    if (floor && values.some((value) => value < floor.count / floor.perYears))
      fail(`${cls} 类：年度检查上限不得低于最低检查频次`, 'inspectionAllowance', 'caps');
  }
  // so a higher standardisation grade that also moves an enterprise from key to general never raises its cap
  const key = capsByClass.get('key');
  const general = capsByClass.get('general');
  if (key && general && general.some((value, index) => value > (key[index] ?? value)))
    fail('一般类的年度检查上限不得高于同一标准化等级的重点类', 'inspectionAllowance', 'caps');
};

const issues = (catalog: Shape): Issue[] => {
  const found: Issue[] = [];
  const fail: Fail = (message, ...path) => found.push({ message, path });
  checkVocabularies(catalog, fail);
  checkScoring(catalog, fail);
  checkAllowance(catalog, fail);
  return found;
};

export const ZGradingCatalogSchema = ZGradingCatalogShapeSchema.superRefine((catalog, context) => {
  for (const { message, path } of issues(catalog)) context.addIssue({ code: 'custom', message, path });
});

export type GradingCatalog = z.infer<typeof ZGradingCatalogSchema>;

export const parseGradingCatalog = (data: unknown): GradingCatalog => ZGradingCatalogSchema.parse(data);

export type GradingReferences = {
  industries: IndustryCatalog;
  keyIndustryCriteria: KeyIndustryCriteriaCatalog;
};

export const defaultGradingReferences: GradingReferences = {
  industries: industryCatalog,
  keyIndustryCriteria: keyIndustryCriteriaCatalog,
};

// What the grading catalogue names in the other catalogues and they lack; empty when consistent.
// measure 4 names every key-industry criterion a key enterprise, so the key class must list them all.
export const gradingReferenceProblems = (
  catalog: GradingCatalog,
  references: GradingReferences = defaultGradingReferences,
): string[] => {
  const industries = new Set(references.industries.entries.map((entry) => entry.code));
  const criteria = new Set(references.keyIndustryCriteria.entries.map((entry) => entry.code));
  const listed = catalog.enforcementClasses
    .filter((entry) => entry.code === 'key')
    .flatMap((entry) => entry.criteria)
    .flatMap((criterion) => (criterion.rule.kind === 'key_industry_criteria' ? criterion.rule.criteria : []));
  return [
    ...catalog.scoring.industryBase
      .flatMap((entry) => (entry.match.kind === 'industry' ? [entry.match.industry] : []))
      .filter((code) => !industries.has(code))
      .map((code) => `行业基础分引用的行业代码不在行业目录中：${code}`),
    ...listed.filter((code) => !criteria.has(code)).map((code) => `重点类引用的重点行业标准不存在：${code}`),
    ...catalog.scoring.keyIndustryFactors
      .filter((entry) => !criteria.has(entry.criterion))
      .map((entry) => `特殊作业分值引用的重点行业标准不存在：${entry.criterion}`),
    ...[...criteria]
      .filter((code) => !listed.includes(code))
      .map((code) => `措施第四项重点行业标准未列入重点类：${code}`),
  ];
};

// catalog/grading.json, checked when the module loads (shape, cross-field rules and references):
// a malformed catalogue stops the program at start.
const loadGradingCatalog = (data: unknown): GradingCatalog => {
  const catalog = parseGradingCatalog(data);
  const problems = gradingReferenceProblems(catalog);
  if (problems.length > 0) throw new Error(`catalog/grading.json: ${problems.join('；')}`);
  return catalog;
};

export const gradingCatalog: GradingCatalog = loadGradingCatalog(gradingJson);

export const gradingRuleByCode = (catalog: GradingCatalog, code: string): GradingRuleEntry | undefined =>
  gradingRuleEntries(catalog).find((entry) => entry.code === code);
