import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyAccident, anyDate, anyFacts, plainFacts } from '../../test/grading-fixtures.ts';
import { keyIndustryCriteriaCatalog } from '../catalog/key-industry-criteria.ts';
import { compileGradingCatalog } from './compile-grading-catalog.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import { gradingCatalog } from './grading-catalog.ts';
import type { GradingCatalog } from './grading-catalog.ts';
import { riskGradeRank, standardisationRank } from './grading-codes.ts';
import type { StandardisationLevel } from './grading-codes.ts';
import { seasonAt } from './season-at.ts';

const grade = compileGradingCatalog(gradingCatalog);
const capValue = (cap: number | null) => cap ?? Number.POSITIVE_INFINITY;
const withStandardisation = (facts: EnterpriseFacts, level: StandardisationLevel): EnterpriseFacts => ({
  ...facts,
  standardisation: level === 'none' ? [] : [{ grade: level, validUntil: '2099-12-31' }],
});

describe('grading properties (measures 3, 4, 24)', () => {
  it('never lowers the risk grade, the score or the class when an accident is added', () => {
    fc.assert(
      fc.property(anyFacts, anyAccident, anyDate, (facts, accident, date) => {
        const before = grade(facts, date);
        const after = grade({ ...facts, accidents: [...facts.accidents, accident] }, date);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(riskGradeRank(after.riskGrade)).toBeGreaterThanOrEqual(riskGradeRank(before.riskGrade));
        if (before.class === 'key') expect(after.class).toBe('key');
      }),
      { numRuns: 500 },
    );
  });

  it('never raises the annual inspection cap for a higher standardisation grade', () => {
    const level = fc.constantFrom<StandardisationLevel>(1, 2, 3, 'none');
    fc.assert(
      fc.property(anyFacts, anyDate, level, level, (facts, date, a, b) => {
        const [higher, lower] = standardisationRank(a) <= standardisationRank(b) ? [a, b] : [b, a];
        const capHigher = grade(withStandardisation(facts, higher), date).allowance.cap;
        const capLower = grade(withStandardisation(facts, lower), date).allowance.cap;
        expect(capValue(capHigher)).toBeLessThanOrEqual(capValue(capLower));
      }),
      { numRuns: 500 },
    );
  });

  it('names every enterprise that meets a measure-4 key-industry criterion key, led by the city', () => {
    const criterion = fc.constantFrom(...keyIndustryCriteriaCatalog.entries);
    fc.assert(
      fc.property(anyFacts, anyDate, criterion, fc.nat(100), (facts, date, { code, rule }, extra) => {
        const meeting: EnterpriseFacts =
          rule.kind === 'industry'
            ? { ...facts, industry: rule.industries[extra % rule.industries.length] ?? facts.industry }
            : rule.kind === 'dust_workers_at_least'
              ? { ...facts, dustWorkers: rule.value + extra }
              : { ...facts, [rule.flag]: true };
        const result = grade(meeting, date);
        expect(result.class).toBe('key');
        expect(result.enforcementLevel).toBe('city_organised');
        expect(result.reasons).toContainEqual(
          expect.objectContaining({ effect: 'class', factor: 'key_industry', rule: code }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for the same facts and date, however often it is asked', () => {
    fc.assert(
      fc.property(anyFacts, anyDate, (facts, date) => {
        const first = grade(facts, date);
        expect(grade(structuredClone(facts), date)).toEqual(first);
        expect(compileGradingCatalog(gradingCatalog)(facts, date)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('treats a standardisation grade past its validUntil exactly as no grade', () => {
    fc.assert(
      fc.property(
        anyFacts,
        anyDate,
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.integer({ min: 1, max: 2000 }),
        (facts, date, level, daysAgo) => {
          const validUntil = new Date(Date.parse(date) - daysAgo * 86_400_000).toISOString().slice(0, 10);
          const expired = grade({ ...facts, standardisation: [{ grade: level, validUntil }] }, date);
          const none = grade({ ...facts, standardisation: [] }, date);
          expect(expired.standardisation).toBe('none');
          expect({ ...expired, reasons: [] }).toEqual({ ...none, reasons: [] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applies a season factor on the days inside its period and on no other day', () => {
    const monthDay = fc
      .integer({ min: 0, max: 364 })
      .map((day) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(5, 10));
    fc.assert(
      fc.property(monthDay, monthDay, fc.integer({ min: 1, max: 20 }), anyDate, (from, to, points, date) => {
        const season = {
          ...gradingCatalog.seasonFactors[0]!,
          periods: [{ kind: 'annual' as const, from, to }],
          points,
        };
        const withSeason: GradingCatalog = { ...gradingCatalog, seasonFactors: [season] };
        const without: GradingCatalog = { ...gradingCatalog, seasonFactors: [] };
        const day = date.slice(5);
        const inside = from <= to ? from <= day && day <= to : day >= from || day <= to;
        const difference =
          compileGradingCatalog(withSeason)(plainFacts, date).score -
          compileGradingCatalog(without)(plainFacts, date).score;
        expect(difference).toBe(inside ? points : 0);
        expect(seasonAt(date, withSeason).length).toBe(inside ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('lists the seasons in force and gives a season reason only for them', () => {
    fc.assert(
      fc.property(anyFacts, anyDate, (facts, date) => {
        const result = grade(facts, date);
        const active = seasonAt(date, gradingCatalog).map((season) => season.code);
        expect(result.seasons).toEqual(active);
        expect(
          result.reasons.filter((reason) => reason.effect === 'season').map((reason) => reason.rule),
        ).toEqual(active);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a key enterprise at least one class reason, each naming a rule and its source', () => {
    fc.assert(
      fc.property(anyFacts, anyDate, (facts, date) => {
        const result = grade(facts, date);
        const classReasons = result.reasons.filter((reason) => reason.effect === 'class');
        expect(classReasons.length).toBeGreaterThan(0);
        if (result.class === 'key')
          expect(classReasons.every((reason) => reason.rule !== 'general')).toBe(true);
        for (const reason of result.reasons) {
          expect(reason.rule).not.toBe('');
          expect(reason.source).not.toBe('');
          expect(reason.text).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
