import { z } from 'zod';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { planningCatalog } from '../planning/planning-catalog.ts';
import { checkTrigger, type TriggerRefusalCode } from '../planning/targeted-trigger.ts';
import type { PlanningCatalog, TargetedTrigger } from '../planning/planning-catalog.ts';

// measure 24 (standardisation grade lowers the frequency) and measure 5 (targeted enforcement "不受监督检查频次
// 限制"): an enterprise's inspections in a calendar year, by every department and in every mode, stay within
// the cap its grade allows (catalog/grading.json, inspectionAllowance.caps); one more is refused unless it
// follows up a targeted trigger, which is then recorded with the inspection.

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
  triggerDescription: z.string().min(1).nullish(),
});

export type MayPlanInspectionInput = z.infer<typeof ZMayPlanInspectionInputSchema>;

export type MayPlanInspectionRefusalCode = 'INSPECTION_OVER_CAP' | TriggerRefusalCode;

export type MayPlanInspectionRefusal = Refusal<MayPlanInspectionRefusalCode>;

export type MayPlanInspectionOk = Ok<{
  // the new inspection goes beyond the cap (allowed only with a trigger, and recorded as such)
  overCap: boolean;
  // measure 5: targeted enforcement is not limited by the frequency cap
  frequencyCapExempt: boolean;
  trigger: TargetedTrigger | null;
  triggerReference: string | null;
  countAfter: number;
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
  if (!overCap || trigger !== null)
    return ok({ overCap, frequencyCapExempt: trigger !== null, trigger, triggerReference, countAfter });

  const triggers = context.catalog.targetedTriggers.map((entry) => entry.name).join('、');
  const pending = input.capVerified ? '' : '（该上限待法制审核）';
  return refuse({
    code: 'INSPECTION_OVER_CAP',
    measure: 5,
    basis: capBasis(input.capSource),
    message:
      `该企业本年度已有 ${input.existingThisYear} 次检查（含已计划，各部门合计），已达年度检查上限 ${input.cap} 次${pending}；` +
      `除非属于重点执法（${triggers}）并记录来源，不能再安排检查`,
  });
};
