import { describe, expect, it } from 'vitest';
import { plainFacts } from '../../test/grading-fixtures.ts';
import { industryCatalog } from '../catalog/industries.ts';
import { keyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import { compileGradingCatalog } from './compile-grading-catalog.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import { gradeEnterprise } from './grade-enterprise.ts';
import { gradingCatalog } from './grading-catalog.ts';
import type { GradingCatalog } from './grading-catalog.ts';

// A date outside every configured season, so scores below carry no season points.
const DATE = '2026-03-16';
const grade = (changes: Partial<EnterpriseFacts>, date = DATE, catalog: GradingCatalog = gradingCatalog) =>
  gradeEnterprise({ facts: { ...plainFacts, ...changes }, catalog, date });
// the catalogue with one key criterion marked verified by a legal reviewer
const verified = (code: string): GradingCatalog => {
  const catalog = structuredClone(gradingCatalog);
  for (const entry of catalog.enforcementClasses)
    for (const criterion of entry.criteria) if (criterion.code === code) criterion.verified = true;
  return catalog;
};
const rules = (result: ReturnType<typeof grade>, effect: string) =>
  result.reasons.filter((reason) => reason.effect === effect).map((reason) => reason.rule);

describe('grading an enterprise (measures 3, 4, 24)', () => {
  it('grades a plain machinery works general, blue, led by the county, inspected at least once in 3 years', () => {
    const result = grade({});
    expect(result).toMatchObject({
      class: 'general',
      riskGrade: 'blue',
      enforcementLevel: 'county',
      score: 10,
      standardisation: 'none',
      seasons: [],
      allowance: { minimum: { count: 1, perYears: 3 }, minimumVerified: false, cap: 6, capVerified: false },
      catalogVersion: '2026.1',
      keyIndustryCriteriaVersion: '2025.1',
    });
    expect(rules(result, 'class')).toEqual(['general']);
    expect(result.reasons.find((reason) => reason.rule === 'general')?.text).toBe(
      '未符合任何重点企业标准，列为一般企业',
    );
  });

  it('raises the grade when a fatal accident is recorded', () => {
    const before = grade({});
    const after = grade({ accidents: [{ date: '2026-03-02', level: 'major', deaths: 3 }] });
    expect(after.score).toBe(before.score + 45);
    expect(after.riskGrade).toBe('orange');
    expect(after.reasons).toContainEqual(
      expect.objectContaining({
        effect: 'score',
        factor: 'accident',
        rule: 'accident_major_12m',
        points: 45,
        text: '2026-03-02 发生较大事故，死亡 3 人（+45 分）',
        verified: false,
      }),
    );
  });

  it('scores an accident under its 12-month rule, then its 36-month rule, then not at all', () => {
    const accident = { date: '2024-01-10', level: 'general' as const, deaths: 0 };
    const scoreOn = (date: string) =>
      grade({ accidents: [accident] }, date).reasons.find((r) => r.factor === 'accident');
    expect(scoreOn('2024-12-01')).toMatchObject({
      rule: 'accident_general_12m',
      points: 10,
      text: '2024-01-10 发生一般事故，无人死亡（+10 分）',
    });
    expect(scoreOn('2026-12-01')).toMatchObject({ rule: 'accident_general_36m', points: 5 });
    expect(scoreOn('2027-01-11')).toBeUndefined();
  });

  it('ignores records dated after the grading date, so history can be regraded', () => {
    const future = grade({
      accidents: [{ date: '2026-04-01', level: 'serious', deaths: 12 }],
      penalties: [{ date: '2026-05-01', kind: '罚款' }],
    });
    expect(future.score).toBe(grade({}).score);
  });

  it('names an enterprise in a measure-4 key industry key, to be inspected under city organisation every year', () => {
    const result = grade({ industry: 'non_coal_mine' });
    expect(result).toMatchObject({
      class: 'key',
      enforcementLevel: 'city_organised',
      allowance: { minimum: { count: 1, perYears: 1 }, minimumVerified: true, cap: 12 },
    });
    expect(result.reasons).toContainEqual({
      effect: 'class',
      factor: 'key_industry',
      rule: 'non_coal_mine',
      text: '属于措施第四项重点行业领域：非煤矿山',
      source: '《江门市应急管理系统严格规范涉企行政检查若干措施》(2025) 第四项',
      verified: true,
    });
    expect(result.reasons.find((reason) => reason.effect === 'enforcement_level')?.text).toBe(
      '重点企业：市级组织、属地县(市、区)共同参与',
    );
  });

  it('scores 30 dust workers as a special operation and names the enterprise key', () => {
    const result = grade({ dustWorkers: 30 });
    expect(result.class).toBe('key');
    expect(rules(result, 'class')).toEqual(['dust_explosion']);
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ rule: 'score_dust_explosion', points: 10 }),
    );
    expect(grade({ dustWorkers: 29 }).class).toBe('general');
  });

  it('only proposes an enterprise with a major hidden danger past its deadline, the criterion being unverified (issue 11 item 4)', () => {
    const danger = { overdueSince: '2026-01-10', rectifiedOn: '2026-04-01' };
    const overdue = grade({ overdueMajorHiddenDangers: [danger] });
    expect(overdue).toMatchObject({
      class: 'general',
      enforcementLevel: 'county',
      keyProposals: ['overdue_major_hidden_danger'],
    });
    const reason = overdue.reasons.find((r) => r.rule === 'overdue_major_hidden_danger');
    expect(reason).toMatchObject({ effect: 'class', verified: false });
    expect(reason?.text).toMatch(/^建议列入重点企业指导名单（该标准待法制审核，不自动列为重点）：/);
    // verified by a legal reviewer, the same criterion makes the enterprise key by itself
    const reviewed = grade(
      { overdueMajorHiddenDangers: [danger] },
      DATE,
      verified('overdue_major_hidden_danger'),
    );
    expect(reviewed).toMatchObject({ class: 'key', enforcementLevel: 'city_organised', keyProposals: [] });
    expect(rules(reviewed, 'class')).toEqual(['overdue_major_hidden_danger']);
    expect(
      grade({ overdueMajorHiddenDangers: [danger] }, '2026-04-01', verified('overdue_major_hidden_danger'))
        .class,
    ).toBe('general');
  });

  it('proposes an enterprise for a fatal accident last year, but not for one two years ago', () => {
    const lastYear = grade({ accidents: [{ date: '2025-11-20', level: 'general', deaths: 1 }] });
    expect(lastYear.class).toBe('general');
    expect(lastYear.keyProposals).toEqual(['fatal_accident_previous_year']);
    expect(lastYear.reasons.find((r) => r.rule === 'fatal_accident_previous_year')?.text).toContain(
      '上年度（2025 年）发生亡人事故：2025-11-20 死亡 1 人',
    );
    expect(grade({ accidents: [{ date: '2024-11-20', level: 'general', deaths: 1 }] }).keyProposals).toEqual(
      [],
    );
    expect(grade({ accidents: [{ date: '2025-11-20', level: 'general', deaths: 0 }] }).keyProposals).toEqual(
      [],
    );
  });

  it('proposes an enterprise for a joint credit punishment last year and for a designated new sector', () => {
    expect(
      grade({ jointCreditPunishments: [{ from: '2025-05-01', to: '2025-08-01' }] }).keyProposals,
    ).toEqual(['joint_credit_punishment_previous_year']);
    expect(grade({ designatedNewSector: true })).toMatchObject({
      class: 'general',
      keyProposals: ['designated_new_sector'],
    });
  });

  it('proposes a high-risk enterprise by its grade before season factors, and makes it key once verified', () => {
    const facts: Partial<EnterpriseFacts> = {
      industry: 'hazardous_chemical_use',
      specialProcesses: { hazardousProcesses: 2, majorHazardSourceLevel: 1 },
    };
    const risky = grade(facts);
    expect(risky).toMatchObject({
      score: 50,
      riskGrade: 'orange',
      class: 'general',
      keyProposals: ['high_risk_grade'],
    });
    expect(risky.reasons.find((r) => r.rule === 'high_risk_grade')?.text).toContain(
      '不计季节因素的风险等级为橙色，不低于橙色：安全风险等级较高',
    );
    expect(grade(facts, DATE, verified('high_risk_grade')).class).toBe('key');
    // 45 points and a +5 flood season reach orange, but the class stays general and nothing is proposed
    const seasonal = grade(
      {
        industry: 'hazardous_chemical_use',
        specialProcesses: { hazardousProcesses: 1, majorHazardSourceLevel: 1 },
      },
      '2026-04-20',
      verified('high_risk_grade'),
    );
    expect(seasonal).toMatchObject({ score: 50, riskGrade: 'orange', class: 'general', keyProposals: [] });
  });

  it('makes an enterprise key by a verified measure-4 industry alone', () => {
    expect(grade({ industry: 'non_coal_mine' })).toMatchObject({ class: 'key', keyProposals: [] });
  });

  it('lowers the risk score and the inspection cap for a valid standardisation grade', () => {
    const graded = grade({
      industry: 'non_coal_mine',
      standardisation: [{ grade: 1, validUntil: '2027-12-31' }],
    });
    expect(graded).toMatchObject({ score: 15, standardisation: 1, allowance: { cap: 2 } });
    expect(graded.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'standardisation_grade_1',
        points: -15,
        text: '安全生产标准化一级，有效期至 2027-12-31（-15 分）',
      }),
    );
    expect(graded.reasons).toContainEqual(
      expect.objectContaining({ rule: 'cap_key_grade_1', text: '重点企业、标准化一级：每年检查不超过 2 次' }),
    );
  });

  it('counts a standardisation grade past its validUntil as none', () => {
    const expired = grade({ standardisation: [{ grade: 2, validUntil: '2026-03-15' }] });
    expect(expired).toMatchObject({ standardisation: 'none', score: 10, allowance: { cap: 6 } });
    expect(expired.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'standardisation_none',
        points: 0,
        text: '安全生产标准化二级已于 2026-03-15 到期，按未定级计（0 分）',
      }),
    );
    expect(grade({ standardisation: [{ grade: 2, validUntil: DATE }] }).standardisation).toBe(2);
  });

  it('stops counting penalties at their cap and says so', () => {
    const penalties = ['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01'].map((date) => ({
      date,
      kind: '罚款',
    }));
    const result = grade({ penalties });
    const points = result.reasons.filter((r) => r.factor === 'penalty').map((r) => r.points);
    expect(points).toEqual([5, 5, 5, 5, 0]);
    expect(result.reasons.filter((r) => r.factor === 'penalty').at(-1)?.text).toBe(
      '2025-10-01 受到行政处罚（罚款），已达上限 20 分（0 分）',
    );
  });

  it('uses the credit grade in force on the date and reports one the catalogue does not know', () => {
    const credit = grade({
      safetyCreditGrades: [
        { grade: 'credit_d', since: '2024-01-01' },
        { grade: 'credit_a', since: '2026-01-01' },
      ],
    });
    expect(credit.reasons).toContainEqual(expect.objectContaining({ rule: 'credit_a', points: -5 }));
    const unknown = grade({ safetyCreditGrades: [{ grade: 'aaa', since: '2026-01-01' }] });
    expect(unknown.reasons).toContainEqual(
      expect.objectContaining({
        factor: 'safety_credit_grade',
        points: 0,
        verified: false,
        text: '安全诚信等级 aaa 不在评分目录中，未计分',
      }),
    );
  });

  it('adds season points inside a season and multiplies only a positive score', () => {
    const flood = grade({}, '2026-04-20');
    expect(flood).toMatchObject({ seasons: ['flood_season'], score: 15 });
    const festival = grade({ industry: 'non_coal_mine' }, '2026-02-10');
    expect(festival).toMatchObject({ seasons: ['spring_festival'], score: 33 });
    const negative = grade(
      { industry: 'commerce_trade', standardisation: [{ grade: 1, validUntil: '2030-01-01' }] },
      '2026-02-10',
    );
    expect(negative.score).toBe(-5);
  });

  it('scores an industry code the industry catalogue lacks as 其他', () => {
    const result = grade({ industry: 'space_mining' });
    expect(result.reasons[0]).toMatchObject({
      rule: 'base_group_other',
      points: 5,
      text: '行业代码 space_mining 不在行业目录中，按“其他”计（+5 分）',
    });
  });

  it('gives the same answer compiled once as graded one at a time', () => {
    const compiled = compileGradingCatalog(gradingCatalog);
    const facts = {
      ...plainFacts,
      industry: 'steel',
      accidents: [{ date: '2025-12-01', level: 'general' as const, deaths: 2 }],
    };
    expect(compiled(facts, DATE)).toEqual(gradeEnterprise({ facts, catalog: gradingCatalog, date: DATE }));
    expect(
      gradeEnterprise({
        facts,
        catalog: gradingCatalog,
        date: DATE,
        references: { industries: industryCatalog, keyIndustryCriteria: keyIndustryCriteriaCatalog },
      }),
    ).toEqual(compiled(facts, DATE));
  });

  it('grades by the catalogue it is given and records that catalogue version', () => {
    const next = { ...structuredClone(gradingCatalog), version: '2026.2' };
    next.scoring.industryBase = next.scoring.industryBase.map((row) => ({ ...row, points: row.points + 1 }));
    expect(grade({}, DATE, next)).toMatchObject({ score: 11, catalogVersion: '2026.2' });
    expect(grade({})).toMatchObject({ score: 10, catalogVersion: '2026.1' });
  });

  it('refuses to compile a catalogue that leaves out a measure-4 key-industry criterion', () => {
    const catalog = structuredClone(gradingCatalog);
    const rule = catalog.enforcementClasses[0]?.criteria[0]?.rule;
    if (rule?.kind !== 'key_industry_criteria') throw new Error('fixture');
    rule.criteria = ['non_coal_mine'];
    expect(() => compileGradingCatalog(catalog)).toThrow('措施第四项重点行业标准未列入重点类');
  });
});
