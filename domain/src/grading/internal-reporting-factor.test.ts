import { describe, expect, it } from 'vitest';
import { plainFacts } from '../../test/grading-fixtures.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import { gradeEnterprise } from './grade-enterprise.ts';
import { gradingCatalog, type GradingCatalog } from './grading-catalog.ts';

// Issue 17 item 2 (安委〔2024〕7号): an enterprise of a key industry without an internal reporting-reward mechanism
// after the deadline is flagged for the grading: a reason of the grade, with the catalogue's unverified weight.
const DATE = '2026-03-16';
const grade = (changes: Partial<EnterpriseFacts>, date = DATE, catalog: GradingCatalog = gradingCatalog) =>
  gradeEnterprise({ facts: { ...plainFacts, ...changes }, catalog, date });
const missing = (result: ReturnType<typeof grade>) =>
  result.reasons.filter((reason) => reason.rule === 'internal_reporting_missing');

describe('the missing internal reporting-reward mechanism as a grading factor', () => {
  it('lists a key-industry enterprise without a mechanism after the deadline, unverified, without points yet', () => {
    const result = grade({ internalReportingMechanism: null });
    expect(missing(result)).toEqual([
      expect.objectContaining({ effect: 'score', factor: 'internal_reporting', points: 0, verified: false }),
    ]);
    expect(missing(result)[0]!.text).toContain('未建立事故隐患内部报告奖励机制');
    // the placeholder weight moves nothing: the same grade as with a mechanism
    const withOne = grade({ internalReportingMechanism: { establishedOn: '2025-05-20' } });
    expect(missing(withOne)).toEqual([]);
    expect(result.score).toBe(withOne.score);
    expect(result.riskGrade).toBe(withOne.riskGrade);
  });

  it('does not list it before the deadline, outside the key industries, or where the platform does not track it', () => {
    expect(missing(grade({ internalReportingMechanism: null }, '2025-06-30'))).toEqual([]);
    expect(missing(grade({ internalReportingMechanism: null, industry: 'other' }))).toEqual([]);
    expect(missing(grade({}))).toEqual([]);
  });

  it('counts a mechanism from the day it was established', () => {
    const later = { internalReportingMechanism: { establishedOn: '2026-04-01' } };
    expect(missing(grade(later))).toHaveLength(1);
    expect(missing(grade(later, '2026-04-01'))).toEqual([]);
  });

  it('raises the score by the weight a legal reviewer sets in the catalogue', () => {
    const catalog = structuredClone(gradingCatalog);
    catalog.scoring.internalReportingMissing!.points = 5;
    const without = grade({ internalReportingMechanism: null }, DATE, catalog);
    const withOne = grade({ internalReportingMechanism: { establishedOn: '2025-05-20' } }, DATE, catalog);
    expect(without.score).toBe(withOne.score + 5);
  });
});
