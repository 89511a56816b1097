import { ok, refuse, type Ok, type Refusal } from '../shared/result.ts';

// measure 4: the key-enterprise guide list (重点企业指导名单) is generated from the rules, reviewed by a
// legal reviewer (who may add or remove an enterprise with a written reason), approved, then published.

export const GUIDE_LIST_STATUSES = ['draft', 'approved', 'published'] as const;
export type GuideListStatus = (typeof GUIDE_LIST_STATUSES)[number];
export type GuideListAction = 'regenerate' | 'add_entry' | 'remove_entry' | 'approve' | 'publish';

const transitions: Record<GuideListAction, { from: GuideListStatus; to: GuideListStatus }> = {
  regenerate: { from: 'draft', to: 'draft' },
  add_entry: { from: 'draft', to: 'draft' },
  remove_entry: { from: 'draft', to: 'draft' },
  approve: { from: 'draft', to: 'approved' },
  publish: { from: 'approved', to: 'published' },
};

const statusNames: Record<GuideListStatus, string> = {
  draft: '草稿',
  approved: '已审批',
  published: '已公布',
};
const actionNames: Record<GuideListAction, string> = {
  regenerate: '重新生成',
  add_entry: '增加企业',
  remove_entry: '移出企业',
  approve: '审批',
  publish: '公布',
};

const basis = '《江门市应急管理系统严格规范涉企行政检查若干措施》第四项（重点企业指导名单）';

export const guideListTransition = ({
  status,
  action,
  reason,
}: {
  status: GuideListStatus;
  action: GuideListAction;
  reason?: string | undefined;
}): Ok<{ next: GuideListStatus }> | Refusal<'GUIDE_LIST_WRONG_STATE' | 'GUIDE_LIST_REASON_REQUIRED'> => {
  const transition = transitions[action];
  if (transition.from !== status) {
    return refuse({
      code: 'GUIDE_LIST_WRONG_STATE',
      measure: 4,
      basis,
      message: `名单${statusNames[status]}，不能${actionNames[action]}（仅${statusNames[transition.from]}状态可以）`,
    });
  }
  if ((action === 'add_entry' || action === 'remove_entry') && !reason?.trim()) {
    return refuse({
      code: 'GUIDE_LIST_REASON_REQUIRED',
      measure: 4,
      basis,
      message: `${actionNames[action]}须写明理由`,
    });
  }
  return ok({ next: transition.to });
};

export type GuideListMember = { creditCode: string; name: string; territory: string };

// What changed since last year's published list, by credit code.
export const guideListDiff = (previous: readonly GuideListMember[], current: readonly GuideListMember[]) => {
  const before = new Map(previous.map((member) => [member.creditCode, member]));
  const now = new Map(current.map((member) => [member.creditCode, member]));
  return {
    added: current.filter((member) => !before.has(member.creditCode)),
    removed: previous.filter((member) => !now.has(member.creditCode)),
  };
};
