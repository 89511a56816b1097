import { describe, expect, it } from 'vitest';
import { mayStartInspection } from './may-start-inspection.ts';
import type { MonthlyPlanItems } from './may-start-inspection.ts';
import { NAMED_TARGETED_TRIGGERS, planningCatalog, TARGETED_TRIGGERS } from './planning-catalog.ts';

const march: MonthlyPlanItems = {
  planId: 'plan-2026-03',
  year: 2026,
  month: 3,
  status: 'filed',
  enterpriseIds: ['e1', 'e2'],
};

describe('may an inspection start (measure 5)', () => {
  it('allows an enterprise in the approved plan of the month', () => {
    expect(mayStartInspection({ enterpriseId: 'e1', date: '2026-03-18', monthlyPlans: [march] })).toEqual({
      ok: true,
      ground: 'monthly_plan',
      planId: 'plan-2026-03',
      trigger: null,
      triggerReference: null,
      frequencyCapExempt: false,
    });
  });

  it('refuses without plan or trigger, naming measure 5 and its basis', () => {
    const result = mayStartInspection({ enterpriseId: 'e9', date: '2026-03-18', monthlyPlans: [march] });
    expect(result).toMatchObject({ ok: false, code: 'INSPECTION_NOT_IN_APPROVED_PLAN', measure: 5 });
    expect(result.ok ? '' : result.basis).toContain('第五项');
    expect(result.ok ? '' : result.message).toContain('投诉举报');
  });

  it('refuses an enterprise planned for another month, or in a plan not yet filed', () => {
    const april = mayStartInspection({ enterpriseId: 'e1', date: '2026-04-02', monthlyPlans: [march] });
    expect(april).toMatchObject({ ok: false, code: 'INSPECTION_NOT_IN_APPROVED_PLAN' });
    expect(april.ok ? '' : april.message).toContain('3 月');
    const draft = { ...march, status: 'submitted' as const };
    expect(mayStartInspection({ enterpriseId: 'e1', date: '2026-03-18', monthlyPlans: [draft] }).ok).toBe(
      false,
    );
  });

  it('allows with each trigger, echoing it so it can be recorded', () => {
    for (const trigger of TARGETED_TRIGGERS) {
      expect(
        mayStartInspection({
          enterpriseId: 'e9',
          date: '2026-03-18',
          monthlyPlans: [],
          trigger,
          triggerReference: '12345-2026-0042',
          // "other" is described and approved by the bureau head
          triggerDescription: '人大代表转来的群众反映',
          triggerApproved: true,
        }),
      ).toEqual({
        ok: true,
        ground: 'targeted_trigger',
        planId: null,
        trigger,
        triggerReference: '12345-2026-0042',
        frequencyCapExempt: true,
      });
    }
  });

  it('echoes a trigger on a planned enterprise too, and exempts it from the caps', () => {
    expect(
      mayStartInspection({
        enterpriseId: 'e1',
        date: '2026-03-18',
        monthlyPlans: [march],
        trigger: 'emergency',
      }),
    ).toMatchObject({ ok: true, ground: 'monthly_plan', trigger: 'emergency', frequencyCapExempt: true });
  });

  it('refuses a trigger measure 5 does not list', () => {
    const input = { enterpriseId: 'e9', date: '2026-03-18', monthlyPlans: [], trigger: 'routine' };
    // a value from outside the typed API, as a form might send it
    expect(mayStartInspection(input as unknown as Parameters<typeof mayStartInspection>[0])).toMatchObject({
      ok: false,
      code: 'INSPECTION_TRIGGER_UNKNOWN',
    });
  });

  // issue 11 item 3: measure 5 ends with "等渠道"
  it('accepts the channels beyond the five named ones: drone patrol, accident investigation, a superior order, 12345', () => {
    for (const trigger of [
      'drone_patrol',
      'accident_investigation',
      'supervision_order',
      'hotline_12345',
    ] as const) {
      expect(
        mayStartInspection({ enterpriseId: 'e9', date: '2026-03-18', monthlyPlans: [], trigger }),
      ).toMatchObject({ ok: true, ground: 'targeted_trigger', trigger, frequencyCapExempt: true });
    }
  });

  it('starts on an "other" channel only once it is described and the bureau head approved it', () => {
    const base = { enterpriseId: 'e9', date: '2026-03-18', monthlyPlans: [], trigger: 'other' as const };
    expect(mayStartInspection(base)).toMatchObject({
      ok: false,
      code: 'INSPECTION_TRIGGER_DESCRIPTION_REQUIRED',
      measure: 5,
    });
    expect(mayStartInspection({ ...base, triggerDescription: '媒体报道反映企业夜间违规作业' })).toMatchObject(
      {
        ok: false,
        code: 'INSPECTION_TRIGGER_NOT_APPROVED',
      },
    );
    expect(
      mayStartInspection({
        ...base,
        triggerDescription: '媒体报道反映企业夜间违规作业',
        triggerApproved: true,
      }),
    ).toMatchObject({ ok: true, trigger: 'other' });
  });

  it('needs the reference of the filed plan for a special campaign (专项行动)', () => {
    const base = {
      enterpriseId: 'e9',
      date: '2026-03-18',
      monthlyPlans: [],
      trigger: 'special_campaign' as const,
    };
    expect(mayStartInspection(base)).toMatchObject({
      ok: false,
      code: 'INSPECTION_TRIGGER_REFERENCE_REQUIRED',
    });
    expect(mayStartInspection({ ...base, triggerReference: '江府办备〔2026〕3号' })).toMatchObject({
      ok: true,
    });
  });

  it('names the same triggers as the catalogue, the five of measure 5 first', () => {
    expect(NAMED_TARGETED_TRIGGERS).toEqual([
      'special_campaign',
      'emergency',
      'complaint_or_report',
      'referral',
      'platform_monitoring',
    ]);
    expect(TARGETED_TRIGGERS.slice(0, 5)).toEqual([...NAMED_TARGETED_TRIGGERS]);
    for (const entry of planningCatalog.targetedTriggers)
      expect(entry.verified, entry.code).toBe(
        (NAMED_TARGETED_TRIGGERS as readonly string[]).includes(entry.code),
      );
  });

  it('lists every trigger of the catalogue in the typed list', () => {
    expect(planningCatalog.targetedTriggers.map((entry) => entry.code)).toEqual([...TARGETED_TRIGGERS]);
  });
});
