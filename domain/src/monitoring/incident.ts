import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { AlarmLevel, MonitoringCatalog } from './monitoring-catalog.ts';

// How an officer handles a lead (measures 7, 19, 20): acknowledge it, check it remotely (the data, the series,
// the snapshot; ask the enterprise online), then one of three ends: no violation (a non-site check of that
// matter, so measure 7 holds off a visit), a targeted inspection (measure 5's trigger 平台动态监测), or a false
// alarm dismissed with its reason. The source's own clear ends an incident nobody has taken up yet.

export const INCIDENT_STATES = [
  'open',
  'acknowledged',
  'awaiting_enterprise',
  'closed_no_violation',
  'inspection_opened',
  'dismissed',
  'cleared',
] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const INCIDENT_STATE_NAMES: Record<IncidentState, string> = {
  open: '待处置',
  acknowledged: '已接收，远程核查中',
  awaiting_enterprise: '待企业说明',
  closed_no_violation: '远程核查未发现违法，已办结',
  inspection_opened: '已转现场检查',
  dismissed: '误报，已排除',
  cleared: '报警已解除',
};

export const INCIDENT_ACTIONS = [
  'acknowledge',
  'ask_enterprise',
  'enterprise_answer',
  'close_no_violation',
  'open_inspection',
  'dismiss',
  'source_clear',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const INCIDENT_ACTION_NAMES: Record<IncidentAction, string> = {
  acknowledge: '接收',
  ask_enterprise: '要求企业在线说明',
  enterprise_answer: '企业已说明',
  close_no_violation: '远程核查办结（未发现违法）',
  open_inspection: '转现场检查',
  dismiss: '排除误报',
  source_clear: '监测系统解除报警',
};

const FROM: Record<IncidentAction, readonly IncidentState[]> = {
  acknowledge: ['open'],
  ask_enterprise: ['acknowledged'],
  enterprise_answer: ['awaiting_enterprise'],
  close_no_violation: ['acknowledged'],
  open_inspection: ['open', 'acknowledged', 'awaiting_enterprise'],
  dismiss: ['acknowledged', 'awaiting_enterprise'],
  source_clear: ['open'],
};

const TO: Record<IncidentAction, IncidentState> = {
  acknowledge: 'acknowledged',
  ask_enterprise: 'awaiting_enterprise',
  enterprise_answer: 'acknowledged',
  close_no_violation: 'closed_no_violation',
  open_inspection: 'inspection_opened',
  dismiss: 'dismissed',
  source_clear: 'cleared',
};

export const isIncidentClosed = (state: IncidentState): boolean =>
  state === 'closed_no_violation' ||
  state === 'inspection_opened' ||
  state === 'dismissed' ||
  state === 'cleared';

const BASIS_7 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第七项（对可通过非现场检查方式达到行政检查目的且未发现违法行为的，原则上不再进行现场检查）';
const BASIS_20 =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第二十项（实时开展网上巡查、动态监控，及时将有关问题隐患推送至执法人员）';

export type IncidentRefusalCode = 'incident_action_not_allowed' | 'incident_reason_required';

// `note` is what the officer writes: what the remote check looked at, the question to the enterprise, or why the
// alarm was false. Closing or dismissing without one would leave a record nobody can review.
export const moveIncident = (
  state: IncidentState,
  action: IncidentAction,
  note: string | null,
): Ok<{ next: IncidentState }> | Refusal<IncidentRefusalCode> => {
  if (!FROM[action].includes(state)) {
    return refuse({
      code: 'incident_action_not_allowed',
      measure: 20,
      basis: BASIS_20,
      message: `“${INCIDENT_STATE_NAMES[state]}”的线索不能${INCIDENT_ACTION_NAMES[action]}`,
    });
  }
  const needsNote: readonly IncidentAction[] = ['ask_enterprise', 'close_no_violation', 'dismiss'];
  if (needsNote.includes(action) && (note ?? '').trim().length < 4) {
    return refuse({
      code: 'incident_reason_required',
      measure: action === 'close_no_violation' ? 7 : 20,
      basis: action === 'close_no_violation' ? BASIS_7 : BASIS_20,
      message:
        action === 'dismiss'
          ? '排除误报须写明理由（至少4个字）'
          : action === 'ask_enterprise'
            ? '请写明要求企业说明的问题（至少4个字）'
            : '远程核查办结须写明核查了什么、为何未发现违法（至少4个字）',
    });
  }
  return ok({ next: TO[action] });
};

// Handling is due by the level's period; an incident nobody has taken up past the escalation period goes up the
// territory's chain (county → city), once per period elapsed.
export const handlingStatus = (
  incident: { state: IncidentState; level: AlarmLevel; openedAt: string },
  now: Date,
  catalog: MonitoringCatalog,
): { dueBy: string; overdue: boolean; escalations: number } => {
  const opened = new Date(incident.openedAt).getTime();
  const due = opened + catalog.triage.handleWithinMinutes[incident.level] * 60_000;
  const waiting = incident.state === 'open';
  const escalateEvery = catalog.triage.escalateAfterMinutes[incident.level] * 60_000;
  return {
    dueBy: new Date(due).toISOString(),
    overdue: waiting && now.getTime() > due,
    escalations: waiting ? Math.max(0, Math.floor((now.getTime() - opened) / escalateEvery)) : 0,
  };
};
