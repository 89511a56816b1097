import { z } from 'zod';
import { monthOf, yearOf } from '../calendar/iso-day.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { planningCatalog, ZTargetedTriggerSchema } from './planning-catalog.ts';
import type { PlanningCatalog, TargetedTrigger } from './planning-catalog.ts';
import { ZPlanStatusSchema } from './plan-record.ts';
import { checkTrigger, type TriggerRefusalCode } from './targeted-trigger.ts';
import type { PlanStatus } from './plan-record.ts';

// measure 5 (with measure 1 and 安监总政法〔2017〕150号 第五条, inspect according to the approved plan): an
// inspection starts only for an enterprise in an approved plan of the month, unless it follows up a
// targeted trigger (special campaign, emergency, complaint or report, referral, platform monitoring), which
// "不受监督检查频次限制" and must be recorded.

export const ZMonthlyPlanItemsSchema = z.object({
  planId: z.string().min(1),
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  status: ZPlanStatusSchema,
  enterpriseIds: z.array(z.string().min(1)),
});

export type MonthlyPlanItems = z.infer<typeof ZMonthlyPlanItemsSchema>;

export const ZMayStartInspectionInputSchema = z.object({
  enterpriseId: z.string().min(1),
  date: ZIsoDateSchema,
  monthlyPlans: z.array(ZMonthlyPlanItemsSchema),
  trigger: ZTargetedTriggerSchema.nullish(),
  // the complaint number, campaign document, referral letter or alert id behind the trigger
  triggerReference: z.string().min(1).nullish(),
  // measure 5 "等渠道": an "other" trigger is described and approved by the bureau head
  triggerDescription: z.string().min(1).nullish(),
  triggerApproved: z.boolean().optional(),
});

export type MayStartInspectionInput = z.infer<typeof ZMayStartInspectionInputSchema>;

export type MayStartInspectionRefusalCode = 'INSPECTION_NOT_IN_APPROVED_PLAN' | TriggerRefusalCode;

export type MayStartInspectionRefusal = Refusal<MayStartInspectionRefusalCode>;

// ground says why the inspection may start; the trigger is echoed so it can be recorded with it.
export type MayStartInspectionOk = Ok<{
  ground: 'monthly_plan' | 'targeted_trigger';
  planId: string | null;
  trigger: TargetedTrigger | null;
  triggerReference: string | null;
  // measure 5: targeted enforcement is not limited by the frequency caps
  frequencyCapExempt: boolean;
}>;

// Statuses in which a plan's items may be inspected: an annual plan once approved, a monthly plan once filed.
const IN_FORCE: readonly PlanStatus[] = ['approved', 'filed', 'published'];

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第五项、第一项（严格执行年度计划）；' +
  '《安全生产年度监督检查计划编制办法》(安监总政法〔2017〕150号) 第五条（按照批准的计划实施检查）';

export const mayStartInspection = (
  input: MayStartInspectionInput,
  context: { catalog: PlanningCatalog } = { catalog: planningCatalog },
): MayStartInspectionOk | MayStartInspectionRefusal => {
  const { enterpriseId, date } = input;
  const checked = checkTrigger(input, 'begin');
  if (!checked.ok) return checked;
  const trigger = checked.trigger;
  const triggerReference = input.triggerReference ?? null;

  const listing = input.monthlyPlans.filter((plan) => plan.enterpriseIds.includes(enterpriseId));
  const inForce = listing.find(
    (plan) => plan.year === yearOf(date) && plan.month === monthOf(date) && IN_FORCE.includes(plan.status),
  );
  if (inForce !== undefined)
    return ok({
      ground: 'monthly_plan',
      planId: inForce.planId,
      trigger,
      triggerReference,
      frequencyCapExempt: trigger !== null,
    });
  if (trigger !== null)
    return ok({
      ground: 'targeted_trigger',
      planId: null,
      trigger,
      triggerReference,
      frequencyCapExempt: true,
    });

  const triggers = context.catalog.targetedTriggers.map((entry) => entry.name).join('、');
  const elsewhere = listing[0];
  const why =
    elsewhere === undefined
      ? `不在 ${yearOf(date)} 年 ${monthOf(date)} 月已批准（备案）的检查计划中`
      : elsewhere.year !== yearOf(date) || elsewhere.month !== monthOf(date)
        ? `列入的是 ${elsewhere.year} 年 ${elsewhere.month} 月的计划，不是 ${yearOf(date)} 年 ${monthOf(date)} 月的`
        : '所在计划尚未批准（备案）';
  return refuse({
    code: 'INSPECTION_NOT_IN_APPROVED_PLAN',
    measure: 5,
    basis: BASIS,
    message: `该企业${why}，且未记录重点执法来源（${triggers}），不能开始检查`,
  });
};
