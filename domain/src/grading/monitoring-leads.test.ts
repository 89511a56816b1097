import { describe, expect, it } from 'vitest';
import { plainFacts } from '../../test/grading-fixtures.ts';
import type { EnterpriseFacts } from './enterprise-facts.ts';
import { gradeEnterprise } from './grade-enterprise.ts';
import { gradingCatalog } from './grading-catalog.ts';

// measures 3, 20: monitoring leads feed the enterprise's dynamic risk, by the catalogue's placeholder rule.
const DATE = '2026-03-16';
const grade = (leads: EnterpriseFacts['monitoringLeads']) =>
  gradeEnterprise({ facts: { ...plainFacts, monitoringLeads: leads }, catalog: gradingCatalog, date: DATE });
const lead = (date: string, level: 'red' | 'orange' | 'yellow' | 'blue', n = 1) => ({
  date,
  level,
  incidentId: `lead-${date}-${level}-${n}`,
});

describe('monitoring leads in the grade', () => {
  const rule = gradingCatalog.scoring.monitoringLeads!;

  it('ships the rule marked unverified', () => {
    expect(rule.verified).toBe(false);
    expect(rule.source).toContain('待法制审核');
  });

  it('adds points for each red or orange lead within the window, up to the rule’s maximum', () => {
    const base = grade([]).score;
    const two = grade([lead('2026-03-01', 'red'), lead('2026-02-20', 'orange')]);
    expect(two.score).toBe(base + 2 * rule.pointsEach);
    expect(two.reasons.filter((reason) => reason.factor === 'monitoring_lead')).toHaveLength(2);
    const many = grade(Array.from({ length: 20 }, (_, n) => lead('2026-03-01', 'red', n)));
    expect(many.score).toBe(base + rule.maxPoints!);
  });

  it('ignores leads of lower levels, older than the window, or dated after the grading day', () => {
    const base = grade([]).score;
    expect(
      grade([lead('2026-03-01', 'yellow'), lead('2025-11-01', 'red'), lead('2026-04-01', 'red')]).score,
    ).toBe(base);
  });
});
