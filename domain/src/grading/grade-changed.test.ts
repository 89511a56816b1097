import { describe, expect, it } from 'vitest';
import { plainFacts } from '../../test/grading-fixtures.ts';
import { compileGradingCatalog } from './compile-grading-catalog.ts';
import { gradeChanged } from './grade-changed.ts';
import { gradingCatalog } from './grading-catalog.ts';

// a legal reviewer has verified every key criterion, so a criterion met makes the enterprise key (issue 11
// item 4: unverified criteria only propose it)
const verifiedCatalog = structuredClone(gradingCatalog);
for (const entry of verifiedCatalog.enforcementClasses)
  for (const criterion of entry.criteria) criterion.verified = true;
const grade = compileGradingCatalog(verifiedCatalog);
const DATE = '2026-03-16';

describe('what a regrading changed (measure 3, 动态管理)', () => {
  it('records the first grading as a change from nothing', () => {
    const change = gradeChanged(null, grade(plainFacts, DATE));
    expect(change).toMatchObject({ changed: true, material: true, reasonsRemoved: [] });
    expect(change.fields.map((field) => field.text)).toContain('分类定为一般');
  });

  it('reports nothing when nothing changed', () => {
    const result = grade(plainFacts, DATE);
    expect(gradeChanged(result, grade(plainFacts, DATE))).toEqual({
      changed: false,
      material: false,
      fields: [],
      reasonsAdded: [],
      reasonsRemoved: [],
    });
  });

  it('says the class, grade, level and allowance moved when a fatal accident is recorded', () => {
    const before = grade(plainFacts, DATE);
    const after = grade(
      { ...plainFacts, accidents: [{ date: '2026-03-02', level: 'major', deaths: 3 }] },
      DATE,
    );
    const change = gradeChanged(before, after);
    expect(change.material).toBe(true);
    expect(change.fields.map((field) => field.text)).toEqual([
      '分类由一般调整为重点',
      '风险等级由蓝色调整为橙色',
      '执法层级由县级调整为市级组织',
      '最低检查频次由每 3 年至少 1 次调整为每年至少 1 次',
      '年度检查上限由每年不超过 6 次调整为每年不超过 12 次',
      '风险分值由 10 分调整为 55 分',
    ]);
    expect(change.reasonsAdded.map((reason) => reason.rule)).toContain('accident_major_12m');
    expect(change.reasonsRemoved.map((reason) => reason.rule)).toContain('general');
  });

  it('counts a score that moves within the same grade as a change, but not a material one', () => {
    const before = grade(plainFacts, DATE);
    const after = grade({ ...plainFacts, violations: [{ date: '2026-01-01', kind: '未按规定培训' }] }, DATE);
    expect(gradeChanged(before, after)).toMatchObject({ changed: true, material: false });
  });
});
