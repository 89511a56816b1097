import { z } from 'zod';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { planningCatalog } from '../planning/planning-catalog.ts';
import { checkTrigger, type TriggerRefusalCode } from '../planning/targeted-trigger.ts';
import type { PlanningCatalog, TargetedTrigger } from '../planning/planning-catalog.ts';

// measure 24 (standardisation grade lowers the frequency) and measure 5 (targeted enforcement "不受监督检查频次
// 限制"): an enterprise's inspections in a calendar year, by every department and in every mode, stay within
// the cap its grade allows (catalog/grading.json, inspectionAllowance.caps). Beyond a cap a legal reviewer has
// verified, one more is refused unless it follows up a targeted trigger, which is then recorded with the
// inspection. A cap still unverified (today Shanxi's figures, not Guangdong law) is a placeholder number: it
// warns and asks for a written reason, which is recorded and shown to the legal reviewer, but never refuses
// a lawful planned inspection on its own (issue 11 item 4).

export const ZMayPlanInspectionInputSchema = z.object({
  // planned and completed inspections of the enterprise in the year, all departments, not cancelled or merged
  existingThisYear: z.number().int().nonnegative(),
  // the annual cap from the enterprise's grade; null when the catalogue sets none
  cap: z.number().int().nonnegative().nullable(),
  capVerified: z.boolean(),
  // the catalogue entry the cap comes from, cited in the refusal
  capSource: z.string().min(1).nullish(),
  trigger: z.string().nullish(),
  triggerReference: z.string().min(1).nullish(),
  // why an inspection goes beyond an unverified cap, written by whoever plans it
  overCapReason: z.string().nullish(),
  triggerDescription: z.string().min(1).nullish(),
});

export type MayPlanInspectionInput = z.infer<typeof ZMayPlanInspectionInputSchema>;

export type MayPlanInspectionRefusalCode =
  'INSPECTION_OVER_CAP' | 'INSPECTION_OVER_CAP_REASON_REQUIRED' | TriggerRefusalCode;

export type MayPlanInspectionRefusal = Refusal<MayPlanInspectionRefusalCode>;

export type MayPlanInspectionOk = Ok<{
  // the new inspection goes beyond the cap (allowed only with a trigger, and recorded as such)
  overCap: boolean;
  // measure 5: targeted enforcement is not limited by the frequency cap
  frequencyCapExempt: boolean;
  trigger: TargetedTrigger | null;
  triggerReference: string | null;
  countAfter: number;
  // beyond a cap that is still unverified, without a trigger: a warning, with the reason given for it
  unverifiedCapExceeded: boolean;
  overCapReason: string | null;
}>;

const MEASURES =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第五项（专项行动以及突发事件、投诉举报、转办交办、平台动态监测等渠道发现的问题，' +
  '跟进开展重点执法，不受监督检查频次限制）、第二十四项（对不同标准化等级的企业实施差异化监管，减少执法检查频次）';

export const capBasis = (capSource: string | null | undefined): string =>
  capSource ? `${MEASURES}；年度检查上限依据：${capSource}` : MEASURES;

export const mayPlanInspection = (
  input: MayPlanInspectionInput,
  context: { catalog: PlanningCatalog } = { catalog: planningCatalog },
): MayPlanInspectionOk | MayPlanInspectionRefusal => {
  const checked = checkTrigger(input, 'plan');
  if (!checked.ok) return checked;
  const trigger = checked.trigger;
  const triggerReference = input.triggerReference ?? null;
  const countAfter = input.existingThisYear + 1;
  const overCap = input.cap !== null && countAfter > input.cap;
  const reason = input.overCapReason?.trim() || null;
  if (!overCap || trigger !== null)
    return ok({
      overCap,
      frequencyCapExempt: trigger !== null,
      trigger,
      triggerReference,
      countAfter,
      unverifiedCapExceeded: false,
      overCapReason: null,
    });

  const triggers = context.catalog.targetedTriggers.map((entry) => entry.name).join('、');
  const reached = `该企业本年度已有 ${input.existingThisYear} 次检查（含已计划，各部门合计），已达年度检查上限 ${input.cap} 次`;
  if (!input.capVerified) {
    if (reason !== null)
      return ok({
        overCap,
        frequencyCapExempt: false,
        trigger,
        triggerReference,
        countAfter,
        unverifiedCapExceeded: true,
        overCapReason: reason,
      });
    return refuse({
      code: 'INSPECTION_OVER_CAP_REASON_REQUIRED',
      measure: 5,
      basis: capBasis(input.capSource),
      message:
        `${reached}；该上限是待法制审核的参考数，不作为拒绝检查的依据，` +
        `但超过上限须写明理由，理由提交法制审核人员审阅（属于重点执法的，也可以记录来源：${triggers}）`,
    });
  }
  return refuse({
    code: 'INSPECTION_OVER_CAP',
    measure: 5,
    basis: capBasis(input.capSource),
    message: `${reached}；除非属于重点执法（${triggers}）并记录来源，不能再安排检查`,
  });
};
