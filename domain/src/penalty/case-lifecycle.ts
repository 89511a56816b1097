import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { Tier } from './discretion-catalog.ts';
import { BASIS_MEASURE_15 } from './propose-discretion.ts';

// issue 15 item 3: the penalty case (案件) as a transition table, each transition with its guard.

export const CASE_STATUSES = [
  'investigating',
  'legal_review',
  'collective_discussion',
  'review_approved',
  'notified',
  'hearing',
  'decided',
  'served',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  investigating: '调查取证',
  legal_review: '法制审核',
  collective_discussion: '集体讨论',
  review_approved: '审核通过',
  notified: '已告知（陈述申辩）',
  hearing: '听证',
  decided: '已决定',
  served: '已送达',
  closed: '已结案',
};

// continuous_penalty: the follow-up case of 安全生产法 第一百一十二条 (拒不改正，按日连续处罚), linked to its original
export const CASE_SOURCES = [
  'case_referral',
  'overdue_order',
  'report',
  'alert',
  'continuous_penalty',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_NAMES: Record<CaseSource, string> = {
  case_referral: '移交立案审查',
  overdue_order: '逾期未整改',
  report: '举报',
  alert: '预警',
  continuous_penalty: '拒不改正按日连续处罚',
};

export const CASE_ACTIONS = [
  'submit_for_review',
  'approve_review',
  'return_for_investigation',
  'record_discussion',
  'notify',
  'request_hearing',
  'decide',
  'serve',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseRefusalCode =
  | 'CASE_TRANSITION_NOT_ALLOWED'
  | 'CASE_NEEDS_EVIDENCE'
  | 'CASE_NEEDS_PROPOSAL'
  | 'CASE_REVIEWER_IS_DRAFTER'
  | 'CASE_DEPARTURE_NEEDS_REASON'
  | 'CASE_NO_PENALTY_FORBIDDEN'
  | 'CASE_HEARING_NOT_DUE'
  | 'CASE_CANNOT_CLOSE'
  | 'CASE_CREDIT_NOTICE_REQUIRED'
  | 'CASE_FINE_NOT_PERFORMED';

// What the guards look at; the server assembles it from the case's rows.
export type CaseFacts = {
  status: CaseStatus;
  evidenceCount: number;
  proposal: { tier: Tier; amountFen: number | null; draftedBy: string; noPenaltyForbidden: boolean } | null;
  actor: string;
  needsCollectiveDiscussion: boolean;
  hearingRight: boolean;
  hearingRequestOpen: boolean;
  decision?: {
    tier: Tier;
    amountFen: number | null;
    departureReason?: string | undefined;
    legalGround?: string | undefined;
  };
  decided?: { tier: Tier; amountFen: number | null; legalGround: string | null } | undefined;
  // item 6: facts matching 刑法 134, 134-1, 135, 136 or 139-1; the case closes only once the transfer is recorded
  criminalReferral: { suspected: boolean; recorded: boolean };
  // item 7: 查封、扣押 still proposed or in force (the seized things await their 处理决定)
  openSeizures?: number;
  // 安全生产法 第七十条: a stop of power or explosives supply proposed or in force
  openSupplySuspensions?: number;
  service?: { withCreditRepairNotice: boolean };
  // after service (履行): a fine closes once paid in full, applied to the court for enforcement, or on a written ground
  finePerformance?: { outstandingFen: number; courtApplied: boolean; closingGround?: string | undefined };
};

export const FINE_PERFORMANCE_BASIS =
  '《中华人民共和国行政处罚法》第六十六条第一款、第七十二条；《中华人民共和国行政强制法》第五十三条';

const TABLE: Record<CaseAction, { from: readonly CaseStatus[] }> = {
  submit_for_review: { from: ['investigating'] },
  approve_review: { from: ['legal_review'] },
  return_for_investigation: { from: ['legal_review', 'collective_discussion'] },
  record_discussion: { from: ['collective_discussion'] },
  notify: { from: ['review_approved'] },
  request_hearing: { from: ['notified'] },
  decide: { from: ['review_approved', 'notified', 'hearing'] },
  serve: { from: ['decided'] },
  close: { from: ['served'] },
};

const BASIS_PROCEDURE = '《中华人民共和国行政处罚法》第五十七条、第五十八条、第六十二条至第六十五条';

const refusal = (code: CaseRefusalCode, message: string, measure = 15, basis = BASIS_PROCEDURE) =>
  refuse({ code, measure, basis, message });

export const caseTransition = (
  action: CaseAction,
  facts: CaseFacts,
): Ok<{ to: CaseStatus }> | Refusal<CaseRefusalCode> => {
  if (!TABLE[action].from.includes(facts.status))
    return refusal('CASE_TRANSITION_NOT_ALLOWED', '案件当前状态下不能进行此操作');
  switch (action) {
    case 'submit_for_review':
      if (facts.evidenceCount === 0)
        return refusal('CASE_NEEDS_EVIDENCE', '提交法制审核前须至少登记一份证据');
      if (!facts.proposal) return refusal('CASE_NEEDS_PROPOSAL', '提交法制审核前须生成裁量建议');
      return ok({ to: 'legal_review' });
    case 'approve_review':
      // nobody approves what they drafted
      if (facts.proposal?.draftedBy === facts.actor)
        return refusal(
          'CASE_REVIEWER_IS_DRAFTER',
          '法制审核人员不得审核本人起草的裁量建议',
          17,
          '《中华人民共和国行政处罚法》第五十八条',
        );
      return ok({ to: facts.needsCollectiveDiscussion ? 'collective_discussion' : 'review_approved' });
    case 'return_for_investigation':
      return ok({ to: 'investigating' });
    case 'record_discussion':
      return ok({ to: 'review_approved' });
    case 'notify':
      if (facts.proposal?.tier === 'no_penalty')
        return refusal('CASE_TRANSITION_NOT_ALLOWED', '不予处罚的案件无须行政处罚告知，可直接作出决定');
      return ok({ to: 'notified' });
    case 'request_hearing':
      if (!facts.hearingRight || !facts.hearingRequestOpen)
        return refusal(
          'CASE_HEARING_NOT_DUE',
          '本案不属于应告知听证的情形，或者要求听证的期限已过',
          15,
          '《中华人民共和国行政处罚法》第六十三条、第六十四条',
        );
      return ok({ to: 'hearing' });
    case 'decide': {
      const decision = facts.decision;
      const proposal = facts.proposal;
      if (!decision || !proposal) return refusal('CASE_NEEDS_PROPOSAL', '作出决定前须有经审核的裁量建议');
      if (facts.status === 'review_approved' && decision.tier !== 'no_penalty')
        return refusal(
          'CASE_TRANSITION_NOT_ALLOWED',
          '作出行政处罚决定前须告知当事人并听取陈述、申辩',
          15,
          '《中华人民共和国行政处罚法》第六十二条',
        );
      // measure 15: no 不予处罚 where it is forbidden, unless a legal ground is recorded
      if (decision.tier === 'no_penalty' && proposal.noPenaltyForbidden && !decision.legalGround?.trim())
        return refusal(
          'CASE_NO_PENALTY_FORBIDDEN',
          '执法检查发现的重大事故隐患、拒不整改或者屡查屡犯的，不得不予处罚，除非写明法定依据',
          15,
          BASIS_MEASURE_15,
        );
      const departs = decision.tier !== proposal.tier || decision.amountFen !== proposal.amountFen;
      if (departs && !decision.departureReason?.trim())
        return refusal(
          'CASE_DEPARTURE_NEEDS_REASON',
          '决定与裁量建议不一致的，须书面说明理由',
          17,
          '《应急管理行政裁量权基准暂行规定》(应急管理部令第12号)',
        );
      return ok({ to: 'decided' });
    }
    case 'serve':
      // measure 22 (两书同达): a penalty decision is served with its credit-repair notice in one event
      if (facts.decided && facts.decided.tier !== 'no_penalty' && !facts.service?.withCreditRepairNotice)
        return refusal(
          'CASE_CREDIT_NOTICE_REQUIRED',
          '行政处罚决定书须与信用修复告知书一并送达',
          22,
          '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十二项（两书同达）',
        );
      return ok({ to: 'served' });
    case 'close': {
      const decided = facts.decided;
      // a case that may not end in no penalty closes only on a penalty or a recorded legal ground
      if (!decided) return refusal('CASE_CANNOT_CLOSE', '案件尚未作出决定');
      if (decided.tier === 'no_penalty' && facts.proposal?.noPenaltyForbidden && !decided.legalGround)
        return refusal(
          'CASE_CANNOT_CLOSE',
          '重大事故隐患案件须有行政处罚或者记录在案的法定依据方可结案',
          15,
          BASIS_MEASURE_15,
        );
      if (facts.criminalReferral.suspected && !facts.criminalReferral.recorded)
        return refusal(
          'CASE_CANNOT_CLOSE',
          '涉嫌犯罪的案件须记录移送司法机关的情况，不能仅以罚款结案',
          15,
          '《中华人民共和国行政处罚法》第五十七条第一款第（四）项',
        );
      if ((facts.openSeizures ?? 0) > 0)
        return refusal(
          'CASE_CANNOT_CLOSE',
          '案件尚有未解除的查封、扣押，须先作出处理决定或者解除查封、扣押',
          16,
          '《中华人民共和国行政强制法》第二十七条',
        );
      if ((facts.openSupplySuspensions ?? 0) > 0)
        return refusal(
          'CASE_CANNOT_CLOSE',
          '案件尚有未解除的停止供电、停止供应民用爆炸物品措施，须在企业履行决定后先行解除',
          16,
          '《中华人民共和国安全生产法》第七十条第二款',
        );
      const performance = facts.finePerformance;
      if (
        decided.tier !== 'no_penalty' &&
        (decided.amountFen ?? 0) > 0 &&
        (!performance ||
          (performance.outstandingFen > 0 && !performance.courtApplied && !performance.closingGround?.trim()))
      )
        return refusal(
          'CASE_FINE_NOT_PERFORMED',
          '罚款尚未缴清：须全额缴纳、已申请人民法院强制执行，或者写明其他法定结案理由（如决定已被撤销）方可结案',
          15,
          FINE_PERFORMANCE_BASIS,
        );
      return ok({ to: 'closed' });
    }
  }
};
