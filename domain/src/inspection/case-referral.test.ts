import { describe, expect, it } from 'vitest';
import { decideCaseReferral, exemptUnderMeasure14, needsCaseReferral } from './case-referral.ts';

describe('移交立案审查 for major hidden dangers (measures 14, 15; issue 11 item 8)', () => {
  it('refers every major hidden danger an inspection found, even one fixed on the spot or ordered', () => {
    expect(needsCaseReferral({ major: true, foundBy: 'inspection', status: 'fixed_on_spot' })).toBe(true);
    expect(needsCaseReferral({ major: true, foundBy: 'inspection', status: 'ordered' })).toBe(true);
    expect(needsCaseReferral({ major: false, foundBy: 'inspection', status: 'ordered' })).toBe(false);
  });

  it('exempts a danger the enterprise or an expert found and that was fixed in time, and marks it so', () => {
    for (const foundBy of ['enterprise_self_check', 'expert_guidance'] as const) {
      expect(exemptUnderMeasure14({ major: true, foundBy, status: 'fixed_on_spot' })).toBe(true);
      expect(needsCaseReferral({ major: true, foundBy, status: 'fixed_on_spot' })).toBe(false);
      // not fixed in time: the legal reviewer still decides
      expect(needsCaseReferral({ major: true, foundBy, status: 'ordered' })).toBe(true);
    }
  });

  it('settles only an open item, with a case reference or a reason citing the rule', () => {
    expect(
      decideCaseReferral('open', { outcome: 'case_opened', caseReference: '江应急立〔2026〕3号' }),
    ).toEqual({
      ok: true,
      to: 'case_opened',
    });
    expect(decideCaseReferral('open', { outcome: 'case_opened', caseReference: ' ' })).toMatchObject({
      ok: false,
      code: 'CASE_REFERRAL_DECISION_INCOMPLETE',
      measure: 15,
    });
    expect(decideCaseReferral('open', { outcome: 'no_case', reason: '已处罚', basis: '' })).toMatchObject({
      ok: false,
      code: 'CASE_REFERRAL_DECISION_INCOMPLETE',
    });
    expect(
      decideCaseReferral('open', {
        outcome: 'no_case',
        reason: '同一隐患已立案查处',
        basis: '行政处罚法第二十九条',
      }),
    ).toEqual({ ok: true, to: 'no_case' });
    expect(decideCaseReferral('no_case', { outcome: 'case_opened', caseReference: 'x' })).toMatchObject({
      ok: false,
      code: 'CASE_REFERRAL_ALREADY_DECIDED',
    });
  });
});
