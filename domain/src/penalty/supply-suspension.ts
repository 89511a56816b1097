import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';

// Issue 15 item 7 (measure 16): 安全生产法 第七十条, the bureau has the power supply or the supply of civil
// explosives stopped to make an enterprise carry out a decision to stop for a major hidden danger. Every condition
// of the first paragraph must hold together (拒不执行，且 有现实危险，且 在保证安全的前提下, 且 主要负责人批准); the
// notice to the supplier is in writing; stopping power waits 24 hours after the enterprise is told, unless an
// emergency endangers safety; once the enterprise complies the measure is lifted without delay.

export const SUPPLY_SUSPENSION_LAW =
  '《中华人民共和国安全生产法》第七十条第一款：“负有安全生产监督管理职责的部门依法对存在重大事故隐患的生产经营单位作出停产停业、停止施工、停止使用相关设施或者设备的决定，生产经营单位应当依法执行，及时消除事故隐患。生产经营单位拒不执行，有发生生产安全事故的现实危险的，在保证安全的前提下，经本部门主要负责人批准，负有安全生产监督管理职责的部门可以采取通知有关单位停止供电、停止供应民用爆炸物品等措施，强制生产经营单位履行决定。通知应当采用书面形式，有关单位应当予以配合。”';
export const SUPPLY_SUSPENSION_NOTICE_LAW =
  '《中华人民共和国安全生产法》第七十条第二款：“负有安全生产监督管理职责的部门依照前款规定采取停止供电措施，除有危及生产安全的紧急情形外，应当提前二十四小时通知生产经营单位。生产经营单位依法履行行政决定、采取相应措施消除事故隐患的，负有安全生产监督管理职责的部门应当及时解除前款规定的措施。”';

export const SUPPLY_KINDS = ['power', 'explosives'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];
export const SUPPLY_KIND_NAMES: Record<SupplyKind, string> = {
  power: '停止供电',
  explosives: '停止供应民用爆炸物品',
};

export const SUPPLY_SUSPENSION_STATUSES = ['proposed', 'in_force', 'lifted', 'withdrawn'] as const;
export type SupplySuspensionStatus = (typeof SUPPLY_SUSPENSION_STATUSES)[number];
export const SUPPLY_SUSPENSION_STATUS_NAMES: Record<SupplySuspensionStatus, string> = {
  proposed: '待主要负责人批准',
  in_force: '实施中',
  lifted: '已解除',
  withdrawn: '未批准',
};

// the 24 hours of 第七十条第二款, in milliseconds
const NOTICE_MS = 24 * 60 * 60 * 1000;

export type SupplySuspensionRefusalCode =
  | 'SUPPLY_CONDITIONS_NOT_MET'
  | 'SUPPLY_NO_STOP_DECISION'
  | 'SUPPLY_SELF_APPROVAL'
  | 'SUPPLY_NOTICE_TOO_SHORT'
  | 'SUPPLY_URGENT_NEEDS_REASON'
  | 'SUPPLY_NOT_IN_FORCE';

const refusal = (code: SupplySuspensionRefusalCode, message: string, basis = SUPPLY_SUSPENSION_LAW) =>
  refuse<SupplySuspensionRefusalCode>({ code, measure: 16, basis, message });

export type SupplySuspensionProposal = {
  kinds: readonly SupplyKind[];
  // a decision to stop (停产停业、停止施工、停止使用) for a major hidden danger stands against the enterprise
  stopDecisionInForce: boolean;
  refusedToComply: boolean;
  imminentDanger: boolean;
  safetyEnsured: boolean;
  // when the enterprise is told, and when the supply stops
  enterpriseNotifiedAt: Date;
  effectiveAt: Date;
  urgent: boolean;
  urgentReason?: string | undefined;
};

export const mayProposeSupplySuspension = (
  p: SupplySuspensionProposal,
): Ok | Refusal<SupplySuspensionRefusalCode> => {
  if (!p.stopDecisionInForce)
    return refusal(
      'SUPPLY_NO_STOP_DECISION',
      '须先对存在重大事故隐患的生产经营单位作出停产停业、停止施工、停止使用相关设施或者设备的决定',
    );
  // 且, not 或: each of the three facts must be recorded
  if (!p.refusedToComply || !p.imminentDanger || !p.safetyEnsured)
    return refusal(
      'SUPPLY_CONDITIONS_NOT_MET',
      '须同时具备：生产经营单位拒不执行，有发生生产安全事故的现实危险，且能保证安全',
    );
  if (p.kinds.includes('power')) {
    if (p.urgent && !p.urgentReason?.trim())
      return refusal(
        'SUPPLY_URGENT_NEEDS_REASON',
        '不提前二十四小时通知的，须写明危及生产安全的紧急情形',
        SUPPLY_SUSPENSION_NOTICE_LAW,
      );
    if (!p.urgent && p.effectiveAt.getTime() - p.enterpriseNotifiedAt.getTime() < NOTICE_MS)
      return refusal(
        'SUPPLY_NOTICE_TOO_SHORT',
        '停止供电应当提前二十四小时通知生产经营单位（有危及生产安全的紧急情形的除外）',
        SUPPLY_SUSPENSION_NOTICE_LAW,
      );
  }
  return ok();
};

// The bureau's principal head approves; whoever proposed it cannot.
export const mayApproveSupplySuspension = (
  proposedBy: string,
  approver: string,
): Ok | Refusal<SupplySuspensionRefusalCode> =>
  proposedBy === approver ? refusal('SUPPLY_SELF_APPROVAL', '不能批准本人提出的停止供电、供应措施') : ok();

export const mayLiftSupplySuspension = (
  status: SupplySuspensionStatus,
): Ok | Refusal<SupplySuspensionRefusalCode> =>
  status === 'in_force'
    ? ok()
    : refusal('SUPPLY_NOT_IN_FORCE', '该措施不在实施中', SUPPLY_SUSPENSION_NOTICE_LAW);

export const OPEN_SUPPLY_SUSPENSION_STATUSES = [
  'proposed',
  'in_force',
] as const satisfies readonly SupplySuspensionStatus[];
