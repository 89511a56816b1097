import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';

// measure 15 (安全生产法 第一百零二条): a major hidden danger found by an enforcement inspection is never closed by
// an order alone. It opens a 移交立案审查 item that only a legal reviewer settles — by opening a case (recorded with
// its reference) or by recording why none is due, citing the rule — and the inspection cannot close while it is
// open. measure 14: a major hidden danger the enterprise found itself, or an expert found while helping, and
// fixed in time, is marked so and opens no item.

export const FINDING_SOURCES = ['inspection', 'enterprise_self_check', 'expert_guidance'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const FINDING_SOURCE_NAMES: Record<FindingSource, string> = {
  inspection: '执法检查发现',
  enterprise_self_check: '企业自查发现',
  expert_guidance: '专家指导服务发现',
};

export const CASE_REFERRAL_STATUSES = ['open', 'case_opened', 'no_case'] as const;
export type CaseReferralStatus = (typeof CASE_REFERRAL_STATUSES)[number];

export const CASE_REFERRAL_STATUS_NAMES: Record<CaseReferralStatus, string> = {
  open: '待法制审核（移交立案审查）',
  case_opened: '已立案',
  no_case: '不予立案（已说明理由）',
};

const BASIS_15 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十五项（执法检查发现的重大事故隐患不得以责令限期改正等代替行政处罚）；《中华人民共和国安全生产法》第一百零二条';

type FindingFacts = {
  major: boolean;
  foundBy: FindingSource;
  // fixed_on_spot: fixed while the officers were there (in time); ordered: left to a rectification order
  status: 'open' | 'fixed_on_spot' | 'ordered';
};

// measure 14: found by the enterprise or an expert, and fixed in time (on the spot)
export const exemptUnderMeasure14 = (finding: FindingFacts): boolean =>
  finding.major && finding.foundBy !== 'inspection' && finding.status === 'fixed_on_spot';

// measure 15: every other major hidden danger goes to the legal reviewer, however it was fixed
export const needsCaseReferral = (finding: FindingFacts): boolean =>
  finding.major && !exemptUnderMeasure14(finding);

export type CaseReferralDecision =
  { outcome: 'case_opened'; caseReference: string } | { outcome: 'no_case'; reason: string; basis: string };

export type CaseReferralRefusalCode = 'CASE_REFERRAL_ALREADY_DECIDED' | 'CASE_REFERRAL_DECISION_INCOMPLETE';

export const decideCaseReferral = (
  status: CaseReferralStatus,
  decision: CaseReferralDecision,
): Ok<{ to: CaseReferralStatus }> | Refusal<CaseReferralRefusalCode> => {
  if (status !== 'open') {
    return refuse({
      code: 'CASE_REFERRAL_ALREADY_DECIDED',
      measure: 15,
      basis: BASIS_15,
      message: '该移交立案审查事项已办结，不能再次决定',
    });
  }
  if (decision.outcome === 'case_opened') {
    if (!decision.caseReference.trim()) {
      return refuse({
        code: 'CASE_REFERRAL_DECISION_INCOMPLETE',
        measure: 15,
        basis: BASIS_15,
        message: '立案须填写案件编号或立案审批表文号',
      });
    }
    return ok({ to: 'case_opened' });
  }
  if (!decision.reason.trim() || !decision.basis.trim()) {
    return refuse({
      code: 'CASE_REFERRAL_DECISION_INCOMPLETE',
      measure: 15,
      basis: BASIS_15,
      message: '不予立案须写明理由并引用所依据的规定',
    });
  }
  return ok({ to: 'no_case' });
};
