import { mayPlanInspection } from '../governance/may-plan-inspection.ts';
import { mayBeInspectionSubject } from '../organisation/may-be-inspection-subject.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { mayInspect } from '../people/may-inspect.ts';
import type { Officer } from '../people/officer.ts';
import { mayStartInspection, type MonthlyPlanItems } from '../planning/may-start-inspection.ts';
import type { TargetedTrigger } from '../planning/planning-catalog.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';

// Issue 5 item 2: nothing happens before these hold, each refusal naming its measure and basis. Run when the
// department head approves the on-site plan and again at check-in (the facts may have changed in between: a
// certificate lapses, a cap is reached).

const MEASURES = '《江门市应急管理系统严格规范涉企行政检查若干措施》';

export type BeginStep = 'approve_plan' | 'check_in';

export type MayBeginInspectionInput = {
  date: IsoDate;
  step: BeginStep;
  enterpriseId: string;
  matters: string[];
  // measure 9: the inspecting subject, and for an entrusted organisation the bureau that entrusted it
  subject: Organisation;
  entrustingOrganisation?: Organisation;
  // measures 10, 12: the officers of the team, with their certificates
  officers: Officer[];
  // measure 11: the on-site plan's status (checked at check-in; at approval the plan is what is being approved)
  onsitePlanApproved: boolean;
  // measure 5: the ground; an inspection from a draw is in the plan by construction
  drawId: string | null;
  monthlyPlans: MonthlyPlanItems[];
  trigger: string | null;
  triggerReference: string | null;
  // measure 5 "等渠道": an "other" trigger's description and the bureau head's approval of it
  triggerDescription?: string | null;
  triggerApproved?: boolean;
  // measures 5, 8: the year's inspections of this enterprise other than this one, its cap, and whether a merge
  // proposal for it is undecided
  frequency: {
    existingThisYear: number;
    cap: number | null;
    capVerified: boolean;
    capSource?: string | null;
    // the reason recorded when the inspection went beyond an unverified cap
    overCapReason?: string | null;
    pendingMerge: boolean;
  };
  // measure 7: a remote or written check of the same matter in the period found nothing
  remoteFoundNothing: boolean;
  visitReason: string | null;
};

export type BeginCheck = { measure: number; name: string; ok: boolean; message: string; basis: string };

export type MayBeginRefusalCode =
  | 'INSPECTION_SUBJECT_NOT_LAWFUL'
  | 'INSPECTION_OFFICER_NOT_CERTIFIED'
  | 'INSPECTION_TOO_FEW_OFFICERS'
  | 'INSPECTION_PLAN_NOT_APPROVED'
  | 'INSPECTION_NOT_IN_APPROVED_PLAN'
  | 'INSPECTION_TRIGGER_UNKNOWN'
  | 'INSPECTION_TRIGGER_REFERENCE_REQUIRED'
  | 'INSPECTION_TRIGGER_DESCRIPTION_REQUIRED'
  | 'INSPECTION_TRIGGER_NOT_APPROVED'
  | 'INSPECTION_OVER_CAP'
  | 'INSPECTION_OVER_CAP_REASON_REQUIRED'
  | 'INSPECTION_MERGE_PENDING'
  | 'INSPECTION_VISIT_REASON_REQUIRED';

export type MayBeginRefusal = Refusal<MayBeginRefusalCode> & { checks: BeginCheck[] };

const BASIS = {
  // the inspection power rests on 安全生产法 第十条、第六十五条; 行政处罚法 第十七、二十条 by analogy (FACTS-3 §4.4)
  9: `${MEASURES}第九项；《中华人民共和国安全生产法》第十条、第六十五条；《中华人民共和国行政处罚法》第十七条、第二十条`,
  10: `${MEASURES}第十项（未取得广东省行政执法证的人员不得独立从事安全生产行政执法工作）`,
  11: `${MEASURES}第十一项（现场检查前制定现场检查方案，经部门负责人批准）`,
  // “执法人员不得少于两人” (FACTS-3 §4.7); 安全生产法 第六十八条 is the written record, not the two-officer rule
  12: `${MEASURES}第十二项（现场检查应当由两名以上行政执法人员共同实施）；《中华人民共和国行政处罚法》第四十二条第一款`,
  7: `${MEASURES}第七项（能通过非现场方式达到检查目的的，不再开展现场检查）`,
  8: `${MEASURES}第八项（同一企业同一时期的检查事项合并进行）`,
} as const;

// Every guard, evaluated: the UI shows the whole list; the first failing one is the refusal.
export const beginChecks = (
  input: MayBeginInspectionInput,
): { checks: BeginCheck[]; codes: (MayBeginRefusalCode | null)[] } => {
  const checks: BeginCheck[] = [];
  const codes: (MayBeginRefusalCode | null)[] = [];
  const add = (
    code: MayBeginRefusalCode,
    measure: number,
    name: string,
    answer: { ok: boolean; message: string; basis: string },
  ) => {
    checks.push({ measure, name, ok: answer.ok, message: answer.message, basis: answer.basis });
    codes.push(answer.ok ? null : code);
  };

  // measure 9
  const subject = input.matters.map((matter) =>
    mayBeInspectionSubject({
      organisation: input.subject,
      matter,
      date: input.date,
      entrustingOrganisation: input.entrustingOrganisation,
    }),
  );
  const badSubject = subject.find((answer) => !answer.ok);
  add(
    'INSPECTION_SUBJECT_NOT_LAWFUL',
    9,
    '检查主体合法',
    badSubject && !badSubject.ok
      ? badSubject
      : { ok: true, message: `${input.subject.name}具备实施检查的主体资格`, basis: BASIS[9] },
  );

  // measure 12: at least two certified officers; measure 10: an officer without a certificate valid on the day
  // may accompany them but is not one of the team's inspectors
  const answers = input.officers.map((officer) => ({
    officer,
    answer: mayInspect({ officer, date: input.date }),
  }));
  const uncertified = answers.filter(({ answer }) => !answer.ok);
  const lacking = uncertified
    .map(({ officer, answer }) => `${officer.name}：${answer.ok ? '' : answer.message}`)
    .join('；');
  const certified = answers.length - uncertified.length;
  add(
    'INSPECTION_TOO_FEW_OFFICERS',
    12,
    '两名以上持证执法人员',
    certified >= 2
      ? { ok: true, message: `${certified} 名持证执法人员共同实施`, basis: BASIS[12] }
      : {
          ok: false,
          message: `现场检查须由两名以上持有效执法证的执法人员共同实施，本次只有 ${certified} 名${lacking ? `（${lacking}）` : ''}`,
          basis: BASIS[12],
        },
  );
  add(
    'INSPECTION_OFFICER_NOT_CERTIFIED',
    10,
    '执法人员持有效执法证',
    uncertified.length
      ? {
          ok: false,
          message: `${lacking}。未持有效执法证的人员不能列为执法人员，可作为辅助人员随同`,
          basis: BASIS[10],
        }
      : {
          ok: true,
          message: `${input.officers.length} 名执法人员在 ${input.date} 均持有效执法证`,
          basis: BASIS[10],
        },
  );

  // measure 11
  if (input.step === 'check_in') {
    add(
      'INSPECTION_PLAN_NOT_APPROVED',
      11,
      '现场检查方案已批准',
      input.onsitePlanApproved
        ? { ok: true, message: '现场检查方案已经部门负责人批准', basis: BASIS[11] }
        : { ok: false, message: '现场检查方案未经部门负责人批准，不得入企检查', basis: BASIS[11] },
    );
  }

  // measure 5: in an approved plan (a draw is), or a recorded targeted trigger
  if (input.drawId) {
    add('INSPECTION_NOT_IN_APPROVED_PLAN', 5, '列入计划或有重点执法来源', {
      ok: true,
      message: '双随机抽取结果',
      basis: `${MEASURES}第五项`,
    });
  } else {
    const start = mayStartInspection({
      enterpriseId: input.enterpriseId,
      date: input.date,
      monthlyPlans: input.monthlyPlans,
      trigger: input.trigger as TargetedTrigger | null,
      triggerReference: input.triggerReference,
      triggerDescription: input.triggerDescription ?? null,
      triggerApproved: input.triggerApproved ?? false,
    });
    add(
      start.ok ? 'INSPECTION_NOT_IN_APPROVED_PLAN' : start.code,
      5,
      '列入计划或有重点执法来源',
      start.ok
        ? {
            ok: true,
            message: start.ground === 'monthly_plan' ? '列入当月已备案的工作计划' : '重点执法来源已记录',
            basis: `${MEASURES}第五项`,
          }
        : start,
    );
  }

  // measures 5, 24: the frequency cap; measure 8: an undecided merge proposal comes first
  const frequency = mayPlanInspection({
    existingThisYear: input.frequency.existingThisYear,
    cap: input.frequency.cap,
    capVerified: input.frequency.capVerified,
    capSource: input.frequency.capSource ?? null,
    trigger: input.trigger,
    triggerReference: input.triggerReference,
    overCapReason: input.frequency.overCapReason ?? null,
    triggerDescription: input.triggerDescription ?? null,
  });
  add(
    frequency.ok || frequency.code === 'INSPECTION_TRIGGER_UNKNOWN' ? 'INSPECTION_OVER_CAP' : frequency.code,
    5,
    '年度检查频次',
    frequency.ok
      ? {
          ok: true,
          message: frequency.unverifiedCapExceeded
            ? `超过待核实的年度上限，已写明理由：${frequency.overCapReason}（提交法制审核）`
            : frequency.overCap
              ? '超过年度上限，但属于重点执法（已记录来源）'
              : `本年度第 ${frequency.countAfter} 次检查`,
          basis: `${MEASURES}第五项、第二十四项`,
        }
      : frequency,
  );
  add(
    'INSPECTION_MERGE_PENDING',
    8,
    '合并检查',
    input.frequency.pendingMerge
      ? { ok: false, message: '该企业同一时期另有检查计划，请先合并或说明不合并的理由', basis: BASIS[8] }
      : { ok: true, message: '没有待处理的合并建议', basis: BASIS[8] },
  );

  // measure 7
  add(
    'INSPECTION_VISIT_REASON_REQUIRED',
    7,
    '非现场优先',
    input.remoteFoundNothing && !input.visitReason?.trim()
      ? { ok: false, message: '同一事项近期非现场检查未发现问题，到现场检查须说明理由', basis: BASIS[7] }
      : {
          ok: true,
          message: input.remoteFoundNothing ? `到场理由：${input.visitReason}` : '无同事项非现场检查记录',
          basis: BASIS[7],
        },
  );
  return { checks, codes };
};

export const mayBeginInspection = (
  input: MayBeginInspectionInput,
): Ok<{ checks: BeginCheck[] }> | MayBeginRefusal => {
  const { checks, codes } = beginChecks(input);
  const index = codes.findIndex((code) => code !== null);
  if (index < 0) return ok({ checks });
  const failed = checks[index]!;
  return {
    ...refuse({ code: codes[index]!, measure: failed.measure, basis: failed.basis, message: failed.message }),
    checks,
  };
};

// measure 7 with measures 5 and 9: a remote or written check is an inspection too. It needs a lawful subject
// and a ground (an approved plan, a draw or a recorded trigger) within the cap, like any inspection; not a team
// on site or an approved on-site plan, which belong to the visit.
export type MayCheckRemotelyInput = Omit<
  MayBeginInspectionInput,
  'step' | 'officers' | 'onsitePlanApproved' | 'remoteFoundNothing' | 'visitReason'
>;

export const mayCheckRemotely = (
  input: MayCheckRemotelyInput,
): Ok<{ checks: BeginCheck[] }> | MayBeginRefusal => {
  const all = beginChecks({
    ...input,
    step: 'approve_plan',
    officers: [],
    onsitePlanApproved: false,
    remoteFoundNothing: false,
    visitReason: null,
  });
  const kept = all.checks
    .map((check, index) => ({ check, code: all.codes[index]! }))
    .filter(({ check }) => check.measure === 5 || check.measure === 9);
  const checks = kept.map(({ check }) => check);
  const failed = kept.find(({ code }) => code !== null);
  if (!failed) return ok({ checks });
  return {
    ...refuse({
      code: failed.code!,
      measure: failed.check.measure,
      basis: failed.check.basis,
      message: failed.check.message,
    }),
    checks,
  };
};
