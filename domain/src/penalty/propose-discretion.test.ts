import { describe, expect, it } from 'vitest';
import { proposeDiscretion } from './propose-discretion.ts';
import { violationByCode } from './violation-catalog.ts';
import type { Violation } from './violation-catalog.ts';

const violation = (code: string): Violation => {
  const found = violationByCode(code);
  if (!found) throw new Error(code);
  return found;
};

describe('discretion proposal', () => {
  it('proposes no penalty for a first, harmless, corrected failure to tell workers of the hazard checks, citing the list item', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_97_1_5'),
      circumstances: ['first_violation', 'no_harm', 'corrected_in_time'],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.tier).toBe('no_penalty');
    expect(proposal.noPenalty?.kind).toBe('may');
    expect(proposal.noPenalty?.basis).toContain('第三十三条第一款第二句');
    expect(proposal.noPenalty?.listItem?.document).toBe('应急〔2024〕90号');
    expect(proposal.unverified.join('')).toContain('应急〔2024〕90号');
  });

  it('keeps the obligation (轻微、及时改正、无后果) apart from the permission (初次违法)', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_99_1_1'),
      circumstances: ['minor', 'no_harm', 'corrected_in_time'],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.noPenalty).toMatchObject({ ground: 'article_33_must', kind: 'must', listItem: null });
  });

  it('does not exempt a major hidden danger found by enforcement, and proposes 从重 within the range', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_102_1'),
      circumstances: ['major_hidden_danger', 'first_violation', 'no_harm', 'corrected_in_time', 'minor'],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.tier).toBe('ordinary');
    expect(proposal.noPenaltyForbiddenBy.map((reason) => reason.code)).toEqual([
      'major_hidden_danger_found_by_inspection',
    ]);
    expect(proposal.amountFen).toBe(2_250_000);
    expect(proposal.statutoryRangeFen).toEqual({ minFen: 0, maxFen: 5_000_000 });
  });

  it('exempts a major hidden danger the enterprise found itself and fixed in time (measure 14)', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_102_1'),
      circumstances: ['major_hidden_danger', 'corrected_in_time'],
      foundBy: 'enterprise_self_check',
      onDate: '2026-03-02',
    });
    expect(proposal.noPenalty?.ground).toBe('measure_14_self_found');
  });

  it('mitigates below the minimum only with a ground of article 32', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_109_1'),
      circumstances: ['actively_reduced_harm'],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.tier).toBe('mitigated');
    expect(proposal.amountFen).toBe(2_500_000);
    expect(proposal.amountFen).toBeLessThan(proposal.statutoryRangeFen?.minFen ?? 0);
  });

  it('fines the persons directly responsible after a missed deadline from their own range', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_97_1_1'),
      party: 'directly_responsible',
      stage: 'after_missed_deadline',
      circumstances: ['refused_to_correct'],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.tier).toBe('heavier');
    expect(proposal.statutoryRangeFen).toEqual({ minFen: 2_000_000, maxFen: 5_000_000 });
    expect(proposal.amountFen).toBe(4_400_000);
  });

  it('leaves an income share to the officer and says why', () => {
    const proposal = proposeDiscretion({
      violation: violation('wsl_95_1_1'),
      party: 'principal',
      circumstances: [],
      foundBy: 'inspection',
      onDate: '2026-03-02',
    });
    expect(proposal.amountFen).toBeNull();
    expect(proposal.reasons.at(-1)?.code).toBe('no_fixed_range');
  });
});
