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
      unverifiedCapExceeded: false,
      overCapReason: null,
    });
  });

  it('refuses one beyond a verified cap, citing measure 5, measure 24 and the cap’s source', () => {
    const refusal = mayPlanInspection({ existingThisYear: 2, cap: 2, capVerified: true, capSource });
    expect(refusal).toMatchObject({ ok: false, code: 'INSPECTION_OVER_CAP', measure: 5 });
    if (refusal.ok) return;
    expect(refusal.basis).toContain('第五项');
    expect(refusal.basis).toContain('第二十四项');
    expect(refusal.basis).toContain(capSource);
    // a written reason does not lift a verified cap
    expect(
      mayPlanInspection({ existingThisYear: 2, cap: 2, capVerified: true, overCapReason: '企业申请复核' }),
    ).toMatchObject({ ok: false, code: 'INSPECTION_OVER_CAP' });
  });

  it('asks for a written reason beyond an unverified cap instead of refusing (issue 11 item 4)', () => {
    const ask = mayPlanInspection({ existingThisYear: 2, cap: 2, capVerified: false, capSource });
    expect(ask).toMatchObject({ ok: false, code: 'INSPECTION_OVER_CAP_REASON_REQUIRED', measure: 5 });
    if (!ask.ok) {
      expect(ask.message).toContain('待法制审核');
      expect(ask.message).toContain('不作为拒绝检查的依据');
      expect(ask.basis).toContain(capSource);
    }
    expect(
      mayPlanInspection({ existingThisYear: 2, cap: 2, capVerified: false, overCapReason: '   ' }),
    ).toMatchObject({ ok: false, code: 'INSPECTION_OVER_CAP_REASON_REQUIRED' });
    expect(
      mayPlanInspection({
        existingThisYear: 2,
        cap: 2,
        capVerified: false,
        overCapReason: ' 上次检查发现的问题需复查 ',
      }),
    ).toEqual({
      ok: true,
      overCap: true,
      frequencyCapExempt: false,
      trigger: null,
      triggerReference: null,
      countAfter: 3,
      unverifiedCapExceeded: true,
      overCapReason: '上次检查发现的问题需复查',
    });
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

  it('never refuses without a cap, refuses exactly from a verified cap on, and never on an unverified cap with a reason', () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.option(fc.nat(20), { nil: null }),
        fc.boolean(),
        (existing, cap, verified) => {
          const answer = mayPlanInspection({ existingThisYear: existing, cap, capVerified: verified });
          const withReason = mayPlanInspection({
            existingThisYear: existing,
            cap,
            capVerified: verified,
            overCapReason: '理由',
          });
          return (
            answer.ok === (cap === null || existing < cap) &&
            withReason.ok === (!verified || cap === null || existing < cap)
          );
        },
      ),
    );
  });
});
