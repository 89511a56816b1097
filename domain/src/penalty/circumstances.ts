import { z } from 'zod';

// issue 15 item 4: the circumstances an officer records for a case, from which the engine proposes the tier.
export const MITIGATING_CIRCUMSTANCES = [
  'first_violation',
  'minor',
  'no_harm',
  'slight_harm',
  'corrected_in_time',
  'actively_reduced_harm',
  'coerced_or_deceived',
  'confessed_unknown_violation',
  'meritorious_cooperation',
  'cooperated',
  'no_fault',
] as const;

export const AGGRAVATING_CIRCUMSTANCES = [
  'refused_to_correct',
  'repeat_offence',
  'major_hidden_danger',
  'obstruction',
  'forged_records',
] as const;

export const CIRCUMSTANCES = [...MITIGATING_CIRCUMSTANCES, ...AGGRAVATING_CIRCUMSTANCES] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];
export const ZCircumstanceSchema = z.enum(CIRCUMSTANCES);

export const CIRCUMSTANCE_NAMES: Record<Circumstance, string> = {
  first_violation: '初次违法',
  minor: '违法行为轻微',
  no_harm: '没有造成危害后果',
  slight_harm: '危害后果轻微',
  corrected_in_time: '及时改正（经复查）',
  actively_reduced_harm: '主动消除或者减轻违法行为危害后果',
  coerced_or_deceived: '受他人胁迫或者诱骗实施违法行为',
  confessed_unknown_violation: '主动供述行政机关尚未掌握的违法行为',
  meritorious_cooperation: '配合行政机关查处违法行为有立功表现',
  cooperated: '积极配合调查',
  no_fault: '有证据足以证明没有主观过错',
  refused_to_correct: '拒不改正',
  repeat_offence: '再次违法（重复违法）',
  major_hidden_danger: '存在重大事故隐患',
  obstruction: '拒绝、阻碍执法检查',
  forged_records: '伪造、篡改记录或者数据',
};

// 行政处罚法 第三十二条: these grounds oblige 从轻 or 减轻
export const ARTICLE_32_GROUNDS: readonly Circumstance[] = [
  'actively_reduced_harm',
  'coerced_or_deceived',
  'confessed_unknown_violation',
  'meritorious_cooperation',
];

export const FINDERS = ['inspection', 'enterprise_self_check', 'expert_guidance'] as const;
export type Finder = (typeof FINDERS)[number];
