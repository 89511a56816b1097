import { isBefore } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { newPlanRecord, PLAN_STATUS_NAMES } from './plan-record.ts';
import type { PlanAction, PlanActionType, PlanKind, PlanRecord, PlanStatus } from './plan-record.ts';

// The life of a plan as an explicit transition table (DESIGN.md, State machines), each transition with its
// guard and its measure. Annual plan (measure 1): draft → submitted → approved by the same-level government
// → filed with the next-higher department → published. Monthly plan (measure 2): draft → submitted to the
// supervision unit → filed by it. A plan past draft is never edited: it is adjusted by a new version with a
// reason, and the old version stays on record until the new one takes its place.

export type PlanWorkflowRefusalCode =
  | 'PLAN_TRANSITION_NOT_ALLOWED'
  | 'PLAN_COLLECTIVE_DISCUSSION_MISSING'
  | 'PLAN_APPROVAL_DOCUMENT_NUMBER_MISSING'
  | 'PLAN_APPROVAL_DATE_MISSING'
  | 'PLAN_FILING_DATE_MISSING'
  | 'PLAN_DATE_BEFORE_PREVIOUS_STEP'
  | 'PLAN_REASON_MISSING'
  | 'PLAN_NOT_EDITABLE';

export type PlanWorkflowRefusal = Refusal<PlanWorkflowRefusalCode>;

// Audit action names (DESIGN.md, Audit): 'plan.annual.approved', 'plan.monthly.filed', …
export type PlanEventType =
  `plan.${PlanKind}.${'submitted' | 'returned' | 'approved' | 'filed' | 'published' | 'adjusted' | 'superseded'}`;

type Transition = { from: readonly PlanStatus[]; to: PlanStatus; measure: 1 | 2; basis: string };

const MEASURE_1 = '《江门市应急管理系统严格规范涉企行政检查若干措施》第一项';
const MEASURE_2 = '《江门市应急管理系统严格规范涉企行政检查若干措施》第二项';
const ART_17 = '《安全生产年度监督检查计划编制办法》(安监总政法〔2017〕150号) 第十七条第一项';

export const PLAN_TRANSITIONS: Record<PlanKind, Partial<Record<PlanActionType, Transition>>> = {
  annual: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      measure: 1,
      basis: `${MEASURE_1}；${ART_17}（经本部门领导集体讨论通过后报本级人民政府批准）`,
    },
    return: { from: ['submitted'], to: 'draft', measure: 1, basis: MEASURE_1 },
    approve: {
      from: ['submitted'],
      to: 'approved',
      measure: 1,
      basis: `${MEASURE_1}（经同级人民政府批准）；${ART_17}`,
    },
    file: { from: ['approved'], to: 'filed', measure: 1, basis: `${MEASURE_1}（报上一级主管部门备案）` },
    publish: {
      from: ['filed'],
      to: 'published',
      measure: 1,
      basis: `${MEASURE_1}；《广东省行政执法公示办法》（事前公开）`,
    },
    adjust: {
      from: ['published'],
      to: 'draft',
      measure: 1,
      basis: `${MEASURE_1}（制定并严格执行年度计划）；150号关于计划调整的条文未见（待法制审核），新版本重新报批、备案、公布`,
    },
    supersede: { from: ['published'], to: 'superseded', measure: 1, basis: MEASURE_1 },
  },
  monthly: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      measure: 2,
      basis: `${MEASURE_2}（每月月底前制定次月工作计划报执法监督机构备案）`,
    },
    return: { from: ['submitted'], to: 'draft', measure: 2, basis: MEASURE_2 },
    file: {
      from: ['submitted'],
      to: 'filed',
      measure: 2,
      basis: `${MEASURE_2}（报本部门负责执法监督的工作机构备案）`,
    },
    adjust: { from: ['filed'], to: 'draft', measure: 2, basis: MEASURE_2 },
    supersede: { from: ['filed'], to: 'superseded', measure: 2, basis: MEASURE_2 },
  },
};

const ACTION_NAMES: Record<PlanActionType, string> = {
  submit: '报送',
  return: '退回修改',
  approve: '记录批准',
  file: '备案',
  publish: '公布',
  adjust: '调整',
  supersede: '替代',
};

const EVENT_SUFFIX = {
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
  file: 'filed',
  publish: 'published',
  adjust: 'adjusted',
  supersede: 'superseded',
} as const;

const blank = (text: string | null | undefined): boolean => text == null || text.trim() === '';

type Guarded = PlanWorkflowRefusal | PlanRecord;

// The guard of each action: the record after it (its status comes from the table), or the refusal.
const apply = (
  plan: PlanRecord,
  action: PlanAction,
  no: (code: PlanWorkflowRefusalCode, message: string) => PlanWorkflowRefusal,
): Guarded => {
  const notBefore = (date: IsoDate, earlier: IsoDate | null, what: string): PlanWorkflowRefusal | null =>
    earlier !== null && isBefore(date, earlier)
      ? no('PLAN_DATE_BEFORE_PREVIOUS_STEP', `日期 ${date} 早于${what}日期 ${earlier}`)
      : null;
  switch (action.type) {
    case 'submit': {
      if (plan.kind === 'annual' && action.discussedOn == null)
        return no(
          'PLAN_COLLECTIVE_DISCUSSION_MISSING',
          '年度计划报批前应经本部门领导集体讨论通过，请填写讨论通过日期',
        );
      const discussedOn = action.discussedOn ?? null;
      if (discussedOn !== null) {
        const early = notBefore(action.submittedOn, discussedOn, '领导集体讨论');
        if (early) return early;
      }
      return { ...plan, discussedOn, submittedOn: action.submittedOn };
    }
    case 'return':
      if (blank(action.reason)) return no('PLAN_REASON_MISSING', '退回修改须写明理由');
      return plan;
    case 'approve': {
      if (blank(action.documentNumber))
        return no('PLAN_APPROVAL_DOCUMENT_NUMBER_MISSING', '请填写同级人民政府批准文件的文号');
      if (action.approvedOn == null) return no('PLAN_APPROVAL_DATE_MISSING', '请填写同级人民政府批准日期');
      const early = notBefore(action.approvedOn, plan.submittedOn, '报送');
      if (early) return early;
      const documentNumber = (action.documentNumber ?? '').trim();
      return { ...plan, approval: { documentNumber, approvedOn: action.approvedOn } };
    }
    case 'file': {
      if (action.filedOn == null) return no('PLAN_FILING_DATE_MISSING', '请填写备案日期');
      const early =
        plan.kind === 'annual'
          ? notBefore(action.filedOn, plan.approval?.approvedOn ?? null, '批准')
          : notBefore(action.filedOn, plan.submittedOn, '报送');
      if (early) return early;
      return { ...plan, filedOn: action.filedOn };
    }
    case 'publish':
      return (
        notBefore(action.publishedOn, plan.filedOn, '备案') ?? { ...plan, publishedOn: action.publishedOn }
      );
    case 'adjust':
      if (blank(action.reason))
        return no('PLAN_REASON_MISSING', '已生效的计划只能以新版本调整，并须写明调整理由');
      return {
        ...newPlanRecord(plan.kind),
        version: plan.version + 1,
        adjustment: { reason: (action.reason ?? '').trim(), previousVersion: plan.version },
      };
    case 'supersede':
      if (action.byVersion <= plan.version)
        return no('PLAN_TRANSITION_NOT_ALLOWED', `只能由更新的版本替代（当前为第 ${plan.version} 版）`);
      return plan;
  }
};

// The next record, or a refusal naming the measure. For 'adjust' the record returned is the new draft
// version; the caller keeps the old one, and supersedes it when the new version takes effect.
export const transitionPlan = (
  plan: PlanRecord,
  action: PlanAction,
): Ok<{ plan: PlanRecord; event: PlanEventType; measure: 1 | 2 }> | PlanWorkflowRefusal => {
  const transition = PLAN_TRANSITIONS[plan.kind][action.type];
  const kindName = plan.kind === 'annual' ? '年度计划' : '月度工作计划';
  if (transition === undefined || !transition.from.includes(plan.status)) {
    const from = transition?.from.map((status) => PLAN_STATUS_NAMES[status]).join('、');
    return refuse({
      code: 'PLAN_TRANSITION_NOT_ALLOWED',
      measure: plan.kind === 'annual' ? 1 : 2,
      basis: transition?.basis ?? (plan.kind === 'annual' ? MEASURE_1 : MEASURE_2),
      message:
        transition === undefined
          ? `${kindName}没有“${ACTION_NAMES[action.type]}”这一步`
          : `${kindName}当前为“${PLAN_STATUS_NAMES[plan.status]}”，只有“${from}”的计划才能${ACTION_NAMES[action.type]}`,
    });
  }
  const no = (code: PlanWorkflowRefusalCode, message: string): PlanWorkflowRefusal =>
    refuse({ code, measure: transition.measure, basis: transition.basis, message });
  const next = apply(plan, action, no);
  if ('ok' in next) return next;
  return ok({
    plan: { ...next, status: transition.to },
    event: `plan.${plan.kind}.${EVENT_SUFFIX[action.type]}`,
    measure: transition.measure,
  });
};

// Content may change only in draft; afterwards only through 'adjust' (a new version with a reason).
export const mayEditPlan = (plan: PlanRecord): Ok | PlanWorkflowRefusal =>
  plan.status === 'draft'
    ? ok()
    : refuse({
        code: 'PLAN_NOT_EDITABLE',
        measure: plan.kind === 'annual' ? 1 : 2,
        basis: plan.kind === 'annual' ? MEASURE_1 : MEASURE_2,
        message: `计划当前为“${PLAN_STATUS_NAMES[plan.status]}”，不能直接修改；请以新版本调整并写明理由`,
      });
