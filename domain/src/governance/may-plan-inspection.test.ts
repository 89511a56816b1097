import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayPlanInspection } from './may-plan-inspection.ts';

const capSource = '待法制审核 (placeholder): 山西省应急管理厅公示的上限';

describe('frequency cap when planning an inspection (measures 5, 24)', () => {
  it('allows an inspection within the cap', () => {
    expect(mayPlanInspection({ existingThisYear: 1, cap: 2, capVerified: false })).toEqual({
      ok: true,
      overCap: false,
      frequencyCapExempt: false,
      trigger: null,
      triggerReference: null,
      countAfter: 2,
    });
  });

  it('refuses one beyond the cap, citing measure 5, measure 24 and the cap’s source, marked 待法制审核', () => {
    const refusal = mayPlanInspection({ existingThisYear: 2, cap: 2, capVerified: false, capSource });
    expect(refusal).toMatchObject({ ok: false, code: 'INSPECTION_OVER_CAP', measure: 5 });
    if (refusal.ok) return;
    expect(refusal.basis).toContain('第五项');
    expect(refusal.basis).toContain('第二十四项');
    expect(refusal.basis).toContain(capSource);
    expect(refusal.message).toContain('待法制审核');
  });

  it('accepts one beyond the cap that follows up a targeted trigger, and says so to be recorded', () => {
    expect(
      mayPlanInspection({
        existingThisYear: 5,
        cap: 2,
        capVerified: false,
        trigger: 'complaint_or_report',
        triggerReference: '12345-0001',
      }),
    ).toMatchObject({
      ok: true,
      overCap: true,
      frequencyCapExempt: true,
      trigger: 'complaint_or_report',
      triggerReference: '12345-0001',
    });
  });

  it('refuses a trigger that is not one of measure 5’s', () => {
    expect(
      mayPlanInspection({ existingThisYear: 0, cap: 2, capVerified: true, trigger: 'whim' }),
    ).toMatchObject({
      ok: false,
      code: 'INSPECTION_TRIGGER_UNKNOWN',
    });
  });

  it('never refuses without a cap, and refuses exactly from the cap on', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.option(fc.nat(20), { nil: null }), (existing, cap) => {
        const answer = mayPlanInspection({ existingThisYear: existing, cap, capVerified: false });
        return answer.ok === (cap === null || existing < cap);
      }),
    );
  });
});
