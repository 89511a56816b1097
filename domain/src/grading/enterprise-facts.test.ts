import { describe, expect, it } from 'vitest';
import { plainFacts } from '../../test/grading-fixtures.ts';
import {
  isOverdueOn,
  safetyCreditGradeOn,
  standardisationOn,
  ZEnterpriseFactsSchema,
} from './enterprise-facts.ts';

describe('enterprise facts for grading', () => {
  it('accepts a complete record of facts', () => {
    expect(ZEnterpriseFactsSchema.parse(plainFacts)).toEqual(plainFacts);
  });

  it('refuses an unknown accident level, negative deaths and periods that end before they start', () => {
    const bad = (changes: object) => ZEnterpriseFactsSchema.safeParse({ ...plainFacts, ...changes }).success;
    expect(bad({ accidents: [{ date: '2026-01-01', level: 'big', deaths: 0 }] })).toBe(false);
    expect(bad({ accidents: [{ date: '2026-01-01', level: 'general', deaths: -1 }] })).toBe(false);
    expect(bad({ jointCreditPunishments: [{ from: '2026-01-02', to: '2026-01-01' }] })).toBe(false);
    expect(
      bad({ overdueMajorHiddenDangers: [{ overdueSince: '2026-01-02', rectifiedOn: '2026-01-01' }] }),
    ).toBe(false);
    expect(bad({ standardisation: [{ grade: 4, validUntil: '2027-01-01' }] })).toBe(false);
  });

  it('takes the highest standardisation grade valid on the date', () => {
    const records = [
      { grade: 3 as const, validUntil: '2028-01-01' },
      { grade: 1 as const, validFrom: '2026-06-01', validUntil: '2029-01-01' },
      { grade: 2 as const, validUntil: '2026-05-31' },
    ];
    expect(standardisationOn(records, '2026-05-31')?.grade).toBe(2);
    expect(standardisationOn(records, '2026-06-01')?.grade).toBe(1);
    expect(standardisationOn(records, '2030-01-01')).toBeUndefined();
  });

  it('takes the credit grade with the latest start on or before the date', () => {
    const records = [
      { grade: 'credit_b', since: '2025-01-01' },
      { grade: 'credit_a', since: '2026-01-01' },
    ];
    expect(safetyCreditGradeOn(records, '2025-12-31')?.grade).toBe('credit_b');
    expect(safetyCreditGradeOn(records, '2026-01-01')?.grade).toBe('credit_a');
    expect(safetyCreditGradeOn(records, '2024-12-31')).toBeUndefined();
  });

  it('treats a major hidden danger as overdue from its overdue day until the day it is rectified', () => {
    const danger = { overdueSince: '2026-01-10', rectifiedOn: '2026-02-01' };
    expect(isOverdueOn(danger, '2026-01-09')).toBe(false);
    expect(isOverdueOn(danger, '2026-01-10')).toBe(true);
    expect(isOverdueOn(danger, '2026-01-31')).toBe(true);
    expect(isOverdueOn(danger, '2026-02-01')).toBe(false);
  });
});
