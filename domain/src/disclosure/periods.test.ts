import { describe, expect, it } from 'vitest';
import { annualReportDueOn, annualReportState, isLate, publicationDue, reportYearOf } from './periods.ts';

describe('publicationDue', () => {
  it('counts 7 statutory workdays for a penalty decision, skipping the weekend', () => {
    // 2026-03-02 is a Monday: 7 workdays later is Wednesday 11 March
    const due = publicationDue('penalty_decision_publication', '2026-03-02');
    expect(due.ok && due.due).toBe('2026-03-11');
    expect(due.ok && due.verified).toBe(true);
  });
  it('counts 20 workdays for an inspection result and 3 for a withdrawal', () => {
    const result = publicationDue('inspection_result_publication', '2026-03-02');
    expect(result.ok && result.due).toBe('2026-03-30');
    const withdrawal = publicationDue('publication_withdrawal', '2026-03-06');
    expect(withdrawal.ok && withdrawal.due).toBe('2026-03-11');
  });
  it('skips the National Day holiday', () => {
    const due = publicationDue('publication_withdrawal', '2026-09-30');
    expect(due.ok && due.due > '2026-10-07').toBe(true);
  });
  it('refuses a date that is not one', () => {
    expect(publicationDue('publication_withdrawal', '2026-02-30').ok).toBe(false);
  });
  it('says late after the due day', () => {
    expect(isLate('2026-03-11', '2026-03-11', '2026-04-01')).toBe(false);
    expect(isLate('2026-03-11', '2026-03-12', '2026-04-01')).toBe(true);
    expect(isLate('2026-03-11', null, '2026-03-12')).toBe(true);
    expect(isLate('2026-03-11', null, '2026-03-11')).toBe(false);
  });
});

describe('annual report', () => {
  it('is due by 31 January of the next year', () => {
    expect(annualReportDueOn(2026)).toBe('2027-01-31');
    expect(reportYearOf('2027-01-15')).toBe(2026);
  });
  it('moves from not due to due to overdue, and marks a late publication', () => {
    expect(annualReportState({ year: 2026, publishedOn: null, today: '2026-12-31' })).toBe('not_due');
    expect(annualReportState({ year: 2026, publishedOn: null, today: '2027-01-31' })).toBe('due');
    expect(annualReportState({ year: 2026, publishedOn: null, today: '2027-02-01' })).toBe('overdue');
    expect(annualReportState({ year: 2026, publishedOn: '2027-01-20', today: '2027-03-01' })).toBe(
      'published',
    );
    expect(annualReportState({ year: 2026, publishedOn: '2027-02-02', today: '2027-03-01' })).toBe(
      'published_late',
    );
  });
});
