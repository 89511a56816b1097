import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { planningCatalog, ZTargetedTriggerSchema } from './planning-catalog.ts';
import type { PlanningCatalog, TargetedTrigger } from './planning-catalog.ts';

// measure 5: "对专项行动以及突发事件、投诉举报、转办交办、平台动态监测等渠道发现的问题，跟进开展重点执法，不受监督检查频次
// 限制". What a recorded trigger must carry before it is a ground for an inspection:
// - 专项行动: the reference of its filed plan (专项检查计划报县级以上人民政府备案, 应急〔2025〕11号);
// - "other": a description of the channel, and, before the inspection begins, the bureau head's approval.

export type TriggerRefusalCode =
  | 'INSPECTION_TRIGGER_UNKNOWN'
  | 'INSPECTION_TRIGGER_REFERENCE_REQUIRED'
  | 'INSPECTION_TRIGGER_DESCRIPTION_REQUIRED'
  | 'INSPECTION_TRIGGER_NOT_APPROVED';

export type TriggerInput = {
  trigger?: string | null;
  triggerReference?: string | null;
  triggerDescription?: string | null;
  // the bureau head's approval of an "other" trigger; asked only when `step` is 'begin'
  triggerApproved?: boolean;
};

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第五项（专项行动以及突发事件、投诉举报、转办交办、平台动态监测等渠道发现的问题，跟进开展重点执法）';

export const triggerName = (code: TargetedTrigger, catalog: PlanningCatalog = planningCatalog): string =>
  catalog.targetedTriggers.find((entry) => entry.code === code)?.name ?? code;

// 'plan': recording the trigger with a new inspection; 'begin': the trigger as the ground to start it.
export const checkTrigger = (
  input: TriggerInput,
  step: 'plan' | 'begin',
): Ok<{ trigger: TargetedTrigger | null }> | Refusal<TriggerRefusalCode> => {
  if (input.trigger == null) return ok({ trigger: null });
  const parsed = ZTargetedTriggerSchema.safeParse(input.trigger);
  if (!parsed.success)
    return refuse({
      code: 'INSPECTION_TRIGGER_UNKNOWN',
      measure: 5,
      basis: BASIS,
      message: `“${String(input.trigger)}”不是登记的重点执法来源`,
    });
  const trigger = parsed.data;
  if (trigger === 'special_campaign' && !input.triggerReference?.trim())
    return refuse({
      code: 'INSPECTION_TRIGGER_REFERENCE_REQUIRED',
      measure: 5,
      basis: `${BASIS}；应急〔2025〕11号（专项检查计划报县级以上人民政府备案）`,
      message: '专项行动须填写已备案的专项检查计划文号',
    });
  if (trigger === 'other' && !input.triggerDescription?.trim())
    return refuse({
      code: 'INSPECTION_TRIGGER_DESCRIPTION_REQUIRED',
      measure: 5,
      basis: BASIS,
      message: '“其他渠道”须写明具体是什么渠道发现的问题',
    });
  if (trigger === 'other' && step === 'begin' && !input.triggerApproved)
    return refuse({
      code: 'INSPECTION_TRIGGER_NOT_APPROVED',
      measure: 5,
      basis: BASIS,
      message: '“其他渠道”的重点执法来源须经部门负责人批准后，才能据以开展检查',
    });
  return ok({ trigger });
};
