import { describe, expect, it } from 'vitest';
import { industryCatalog } from '../catalog/industries.ts';
import { keyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import {
  gradingCatalog,
  gradingReferenceProblems,
  gradingRuleByCode,
  gradingRuleEntries,
  parseGradingCatalog,
} from './grading-catalog.ts';
import type { GradingCatalog } from './grading-catalog.ts';

const PLACEHOLDER = '待法制审核 (placeholder): ';
const GD_2021 = '粤应急规〔2021〕4号';

const copy = (): GradingCatalog => structuredClone(gradingCatalog);

const provenanceEntries = (catalog: GradingCatalog) => [
  ...catalog.accidentLevels,
  ...catalog.enforcementClasses,
  ...catalog.riskGrades,
  ...catalog.enforcementLevels,
  ...gradingRuleEntries(catalog),
];

describe('grading catalogue (measures 3, 4, 24)', () => {
  it('loads one versioned document with an effective date', () => {
    expect(gradingCatalog.version).toBe('2026.1');
    expect(gradingCatalog.effective).toBe('2026-01-01');
    expect(gradingCatalog.enforcementClasses.map((entry) => entry.name)).toEqual(['重点', '一般']);
    expect(gradingCatalog.riskGrades.map((entry) => entry.code)).toEqual(['red', 'orange', 'yellow', 'blue']);
  });

  it('names the four accident levels of 生产安全事故报告和调查处理条例 第三条', () => {
    expect(gradingCatalog.accidentLevels.map((entry) => [entry.code, entry.name])).toEqual([
      ['general', '一般事故'],
      ['major', '较大事故'],
      ['serious', '重大事故'],
      ['especially_serious', '特别重大事故'],
    ]);
    for (const entry of gradingCatalog.accidentLevels) expect(entry.verified).toBe(true);
  });

  it('marks every unverified number either as a placeholder or as resting on the superseded 2021 Guangdong rule', () => {
    for (const entry of provenanceEntries(gradingCatalog)) {
      if (entry.verified) continue;
      const placeholder = entry.source.startsWith(PLACEHOLDER);
      const superseded = entry.source.includes(GD_2021) && (entry.note ?? '').includes('粤应急规〔2025〕4号');
      expect(placeholder || superseded, entry.code).toBe(true);
    }
  });

  it('keeps the Shanxi caps as an unverified template, never as Guangdong law', () => {
    for (const cap of gradingCatalog.inspectionAllowance.caps) {
      expect(cap.verified).toBe(false);
      expect(cap.source).toContain('山西');
      expect(cap.source.startsWith(PLACEHOLDER)).toBe(true);
    }
  });

  it('takes the key minimum from measure 5 and the general minimum from the 2021 Guangdong rule', () => {
    expect(gradingRuleByCode(gradingCatalog, 'minimum_key')).toMatchObject({ verified: true });
    const general = gradingCatalog.inspectionAllowance.minimum.find((entry) => entry.class === 'general');
    expect(general).toMatchObject({ count: 1, perYears: 3, verified: false });
    expect(general?.source).toContain(GD_2021);
  });

  it('lists every measure-4 key-industry criterion under the key class and names nothing unknown', () => {
    expect(
      gradingReferenceProblems(gradingCatalog, {
        industries: industryCatalog,
        keyIndustryCriteria: keyIndustryCriteriaCatalog,
      }),
    ).toEqual([]);
  });

  it('reports a key-industry criterion that the key class leaves out', () => {
    const catalog = copy();
    const rule = catalog.enforcementClasses[0]?.criteria[0]?.rule;
    if (rule?.kind !== 'key_industry_criteria') throw new Error('fixture');
    rule.criteria = rule.criteria.filter((code) => code !== 'dust_explosion');
    expect(gradingReferenceProblems(catalog)).toEqual(['措施第四项重点行业标准未列入重点类：dust_explosion']);
  });

  it('reports an industry or criterion code the other catalogues lack', () => {
    const catalog = copy();
    catalog.scoring.industryBase.push({
      ...catalog.scoring.industryBase[0]!,
      code: 'base_coal',
      match: { kind: 'industry', industry: 'coal_mine' },
    });
    catalog.scoring.keyIndustryFactors[0]!.criterion = 'no_such_criterion';
    expect(gradingReferenceProblems(catalog)).toEqual([
      '行业基础分引用的行业代码不在行业目录中：coal_mine',
      '特殊作业分值引用的重点行业标准不存在：no_such_criterion',
    ]);
  });

  it('refuses a cap table where a higher standardisation grade allows more inspections', () => {
    const catalog = copy();
    const grade1 = catalog.inspectionAllowance.caps.find((entry) => entry.code === 'cap_key_grade_1');
    grade1!.perYear = 5;
    expect(() => parseGradingCatalog(catalog)).toThrow('标准化等级越高，年度检查上限不得越高');
  });

  it('refuses a cap below the minimum number of inspections', () => {
    const catalog = copy();
    for (const cap of catalog.inspectionAllowance.caps) if (cap.class === 'key') cap.perYear = 0;
    expect(() => parseGradingCatalog(catalog)).toThrow('年度检查上限不得低于最低检查频次');
  });

  it('refuses a general cap above the key cap for the same standardisation grade', () => {
    const catalog = copy();
    for (const cap of catalog.inspectionAllowance.caps) if (cap.class === 'general') cap.perYear = null;
    expect(() => parseGradingCatalog(catalog)).toThrow('一般类的年度检查上限不得高于同一标准化等级的重点类');
  });

  it('refuses risk thresholds that do not rise from yellow to red', () => {
    const catalog = copy();
    catalog.riskGrades[0]!.minScore = 10;
    expect(() => parseGradingCatalog(catalog)).toThrow('黄、橙、红的分值下限须依次递增');
  });

  it('refuses standardisation points that give a higher grade more risk', () => {
    const catalog = copy();
    catalog.scoring.standardisation[0]!.points = 30;
    expect(() => parseGradingCatalog(catalog)).toThrow('标准化等级越高，分值不得越高');
  });

  it('refuses major-hazard points that score 一级 below 二级', () => {
    const catalog = copy();
    catalog.scoring.majorHazardSources[0]!.points = 1;
    expect(() => parseGradingCatalog(catalog)).toThrow('重大危险源等级越高（一级最高），分值不得越低');
  });

  it('refuses a negative number of points for a factor that only adds risk', () => {
    const catalog = copy();
    catalog.scoring.accidents[0]!.points = -1;
    expect(() => parseGradingCatalog(catalog)).toThrow();
  });

  it('refuses a repeated rule code, so every reason points at one entry', () => {
    const catalog = copy();
    catalog.scoring.penalties.code = 'violation_12m';
    expect(() => parseGradingCatalog(catalog)).toThrow('目录中的代码不得重复：violation_12m');
  });

  it('refuses a season with both points and a multiplier, or an impossible month-day', () => {
    const both = copy();
    both.seasonFactors[0]!.multiplier = 1.2;
    expect(() => parseGradingCatalog(both)).toThrow('季节因素须且只能设置加分');
    const impossible = copy();
    impossible.seasonFactors[0]!.periods = [{ kind: 'annual', from: '02-30', to: '03-10' }];
    expect(() => parseGradingCatalog(impossible)).toThrow('月日不存在');
  });

  it('refuses a key class without criteria and a general class with some', () => {
    const catalog = copy();
    const [key, general] = catalog.enforcementClasses;
    general!.criteria = key!.criteria;
    key!.criteria = [];
    expect(() => parseGradingCatalog(catalog)).toThrow('重点类须至少有一项标准');
  });
});
