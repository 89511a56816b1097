import { isAfter, isBefore, type IsoDate } from '../shared/iso-date.ts';
import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';
import {
  accountabilityCatalog,
  correctionOf,
  sanctionOf,
  type AccountabilityCatalog,
  type CertificateEffect,
  type CorrectionKind,
} from './accountability-catalog.ts';

// measure 30: a record of one wrongful act (不履行、违法履行、不当履行), its correction, the people responsible with
// the sanction on each, and the referral to discipline inspection. Drafted by one person, submitted, and
// approved by the bureau head, never by the drafter; approval takes effect (the certificate sanctions, the
// withdrawal of a revoked or varied penalty decision's publication).

export const ACCOUNTABILITY_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];
export const ACCOUNTABILITY_STATUS_NAMES: Record<AccountabilityStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已批准',
};

export type AccountabilityRefusalCode =
  | 'ACCOUNTABILITY_NO_PERSON'
  | 'ACCOUNTABILITY_UNKNOWN_SANCTION'
  | 'ACCOUNTABILITY_DEADLINE_NEEDED'
  | 'ACCOUNTABILITY_DEADLINE_PAST'
  | 'ACCOUNTABILITY_DECISION_NEEDS_CASE'
  | 'ACCOUNTABILITY_REFERRAL_DATE'
  | 'ACCOUNTABILITY_OWN_DRAFT'
  | 'ACCOUNTABILITY_NOT_SUBMITTED'
  | 'ACCOUNTABILITY_NOT_DRAFT'
  | 'ACCOUNTABILITY_NOT_APPROVED'
  | 'ACCOUNTABILITY_COMPLETION_DATE';

const MEASURE = 30;
const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第三十项；《广东省行政执法公示办法》第二十六条';
const refuseRecord = (code: AccountabilityRefusalCode, message: string): Refusal<AccountabilityRefusalCode> =>
  refuse({ code, measure: MEASURE, basis: BASIS, message });

export type AccountabilityDraft = {
  correction: { kind: CorrectionKind; deadline: IsoDate | null } | null;
  penaltyCaseId: string | null;
  inspectionId: string | null;
  persons: readonly { officerName: string; sanction: string }[];
  referral: { referredOn: IsoDate } | null;
};

// Whether a draft is complete enough to submit; the warnings name the unverified sanctions chosen (待法制审核),
// which never refuse on their own.
export const checkAccountabilityDraft = (
  draft: AccountabilityDraft,
  today: IsoDate,
  catalog: AccountabilityCatalog = accountabilityCatalog,
): Ok<{ warnings: string[] }> | Refusal<AccountabilityRefusalCode> => {
  if (draft.persons.length === 0)
    return refuseRecord('ACCOUNTABILITY_NO_PERSON', '请至少列明一名责任人员及对其的处理');
  const warnings: string[] = [];
  for (const person of draft.persons) {
    const sanction = sanctionOf(person.sanction, catalog);
    if (!sanction)
      return refuseRecord('ACCOUNTABILITY_UNKNOWN_SANCTION', `对${person.officerName}的处理不在处理目录中`);
    if (!sanction.verified)
      warnings.push(`对${person.officerName}的处理“${sanction.name}”的依据待法制审核（${sanction.source}）`);
  }
  if (draft.correction) {
    const correction = correctionOf(draft.correction.kind, catalog);
    if (correction.needsDeadline && !draft.correction.deadline)
      return refuseRecord('ACCOUNTABILITY_DEADLINE_NEEDED', `“${correction.name}”须写明改正期限`);
    if (draft.correction.deadline && isBefore(draft.correction.deadline, today))
      return refuseRecord('ACCOUNTABILITY_DEADLINE_PAST', '改正期限不能早于今天');
    // what is revoked or varied: a penalty decision (its publication is then withdrawn) or an inspection's
    if (correction.withdrawsPublication && !draft.penaltyCaseId && !draft.inspectionId)
      return refuseRecord(
        'ACCOUNTABILITY_DECISION_NEEDS_CASE',
        `“${correction.name}”须选择所${correction.name}的处罚案件或检查（处罚决定将撤回公示）`,
      );
  }
  if (draft.referral && isAfter(draft.referral.referredOn, today))
    return refuseRecord('ACCOUNTABILITY_REFERRAL_DATE', '移送纪检监察机关的日期不能晚于今天');
  return ok({ warnings });
};

// Nobody approves what they drafted (issue 12 item 7); only a submitted record is approved.
export const mayApproveAccountability = (
  record: { status: AccountabilityStatus; draftedById: string },
  approverId: string,
): Ok | Refusal<AccountabilityRefusalCode> => {
  if (record.status !== 'submitted')
    return refuseRecord('ACCOUNTABILITY_NOT_SUBMITTED', '只有已提交的问责记录才能审批');
  if (record.draftedById === approverId)
    return refuseRecord('ACCOUNTABILITY_OWN_DRAFT', '不能审批本人起草的问责记录，请由其他部门负责人审批');
  return ok();
};

// The certificate each person's sanction leaves him on approval: revocation wins over suspension.
export const certificateEffectsOf = (
  persons: readonly { officerId: string; sanction: string }[],
  catalog: AccountabilityCatalog = accountabilityCatalog,
): Map<string, CertificateEffect> => {
  const effects = new Map<string, CertificateEffect>();
  for (const person of persons) {
    const effect = sanctionOf(person.sanction, catalog)?.certificateEffect;
    if (!effect) continue;
    if (effect === 'revoked' || !effects.has(person.officerId)) effects.set(person.officerId, effect);
  }
  return effects;
};

// The correction is done: recorded once the record is approved, on a day not in the future.
export const mayCompleteCorrection = (
  record: { status: AccountabilityStatus; hasCorrection: boolean },
  completedOn: IsoDate,
  today: IsoDate,
): Ok | Refusal<AccountabilityRefusalCode> => {
  if (record.status !== 'approved' || !record.hasCorrection)
    return refuseRecord('ACCOUNTABILITY_NOT_APPROVED', '问责记录批准后才能登记纠正措施的完成');
  if (isAfter(completedOn, today))
    return refuseRecord('ACCOUNTABILITY_COMPLETION_DATE', '完成日期不能晚于今天');
  return ok();
};
