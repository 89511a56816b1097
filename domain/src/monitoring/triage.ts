import type { AlarmLevel, MonitoringCatalog, TriageRules } from './monitoring-catalog.ts';
import { levelRank } from './monitoring-catalog.ts';

// measure 20 "实时开展网上巡查、动态监控，及时将有关问题隐患推送至执法人员": many signals, few incidents. The same point and
// kind alarming again within the merge window is one incident with a count and a series; the source's clear
// ends it; repetition raises its priority; and every incident is due for handling by its level.

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_NAMES: Record<Priority, string> = {
  low: '低',
  normal: '一般',
  high: '高',
  urgent: '紧急',
};

export type OpenIncident = {
  id: string;
  level: AlarmLevel;
  count: number;
  lastAt: string;
};

export type TriageDecision =
  | { action: 'open'; level: AlarmLevel; priority: Priority }
  | { action: 'merge'; incidentId: string; level: AlarmLevel; count: number; priority: Priority }
  | { action: 'clear'; incidentId: string }
  | { action: 'record_only'; reason: 'clear_without_incident' };

const minutesBetween = (from: string, to: string): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;

export const priorityOf = (
  catalog: MonitoringCatalog,
  level: AlarmLevel,
  count: number,
  rules: TriageRules = catalog.triage,
): Priority => {
  const base = Math.max(0, Math.min(PRIORITIES.length - 1, levelRank(catalog, level) - 1));
  const raised = count >= rules.repeatToRaise ? base + 1 : base;
  return PRIORITIES[Math.min(PRIORITIES.length - 1, raised)]!;
};

// `open` is the incident still open for this source, point and kind, if any. An alarm without a level takes
// the incident's, or yellow (the lowest level a threshold crossing gives by default).
export const triageAlarm = (
  alarm: { status: 'alarm' | 'clear'; at: string; level?: AlarmLevel },
  open: OpenIncident | null,
  catalog: MonitoringCatalog,
): TriageDecision => {
  const rules = catalog.triage;
  if (alarm.status === 'clear') {
    return open
      ? { action: 'clear', incidentId: open.id }
      : { action: 'record_only', reason: 'clear_without_incident' };
  }
  const level = alarm.level ?? open?.level ?? rules.thresholdLevels.high;
  if (open && minutesBetween(open.lastAt, alarm.at) <= rules.mergeWindowMinutes) {
    const graver = levelRank(catalog, level) > levelRank(catalog, open.level) ? level : open.level;
    const count = open.count + 1;
    return {
      action: 'merge',
      incidentId: open.id,
      level: graver,
      count,
      priority: priorityOf(catalog, graver, count),
    };
  }
  return { action: 'open', level, priority: priorityOf(catalog, level, 1) };
};

// 安全生产法 第三十六条 forbids closing monitoring or tampering with its data: a point that has stopped reporting
// for longer than the rule allows is a lead of its own.
export const silentPoints = <P extends { code: string; lastSeenAt: string | null }>(
  points: readonly P[],
  now: Date,
  rules: Pick<TriageRules, 'silenceMinutes'>,
): P[] =>
  points.filter(
    (point) =>
      point.lastSeenAt !== null &&
      (now.getTime() - new Date(point.lastSeenAt).getTime()) / 60_000 > rules.silenceMinutes,
  );
