import type { IncidentState } from './incident.ts';
import type { SourceKind } from './monitoring-catalog.ts';

// Issue 16 item 8 (measures 7, 19–21): what remote handling saved, per month and territory. A lead an officer
// took up was checked remotely; one he closed as no violation or dismissed as a false alarm ended without a
// visit; one he turned into a targeted inspection became a visit. Months are Beijing-time months of the first
// alarm.

export type HandledIncident = {
  territory: string;
  sourceKind: SourceKind;
  state: IncidentState;
  openedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
};

export type SourceFigures = {
  sourceKind: SourceKind;
  // leads an officer ended (no violation, false alarm, or a targeted inspection)
  ended: number;
  falseAlarms: number;
  // falseAlarms / ended, null when none ended
  falseAlarmRate: number | null;
};

export type VisitsSavedRow = {
  month: string;
  territory: string;
  incidents: number;
  remoteChecks: number;
  visitsAvoided: number;
  targetedVisits: number;
  // minutes from the first alarm to the officer's end of the lead
  handlingMedianMinutes: number | null;
  handlingP90Minutes: number | null;
  acknowledgeMedianMinutes: number | null;
  sources: SourceFigures[];
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const shanghaiMonth = (at: string): string =>
  new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);

// The nearest-rank percentile (the smallest value with at least p% of values at or below it).
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const ENDED: readonly IncidentState[] = ['closed_no_violation', 'dismissed', 'inspection_opened'];
const minutesBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);

const sourceFigures = (incidents: readonly HandledIncident[]): SourceFigures[] => {
  const bySource = new Map<SourceKind, { ended: number; falseAlarms: number }>();
  for (const incident of incidents) {
    if (!ENDED.includes(incident.state)) continue;
    const figures = bySource.get(incident.sourceKind) ?? { ended: 0, falseAlarms: 0 };
    figures.ended += 1;
    if (incident.state === 'dismissed') figures.falseAlarms += 1;
    bySource.set(incident.sourceKind, figures);
  }
  return [...bySource]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sourceKind, { ended, falseAlarms }]) => ({
      sourceKind,
      ended,
      falseAlarms,
      falseAlarmRate: ended === 0 ? null : falseAlarms / ended,
    }));
};

const figuresOf = (incidents: readonly HandledIncident[]) => {
  const handling: number[] = [];
  const acknowledging: number[] = [];
  let remoteChecks = 0;
  let visitsAvoided = 0;
  let targetedVisits = 0;
  for (const incident of incidents) {
    if (incident.acknowledgedAt !== null) {
      remoteChecks += 1;
      acknowledging.push(minutesBetween(incident.openedAt, incident.acknowledgedAt));
    }
    if (incident.state === 'closed_no_violation' || incident.state === 'dismissed') visitsAvoided += 1;
    if (incident.state === 'inspection_opened') targetedVisits += 1;
    if (ENDED.includes(incident.state) && incident.closedAt !== null)
      handling.push(minutesBetween(incident.openedAt, incident.closedAt));
  }
  return {
    incidents: incidents.length,
    remoteChecks,
    visitsAvoided,
    targetedVisits,
    handlingMedianMinutes: percentile(handling, 50),
    handlingP90Minutes: percentile(handling, 90),
    acknowledgeMedianMinutes: percentile(acknowledging, 50),
    sources: sourceFigures(incidents),
  };
};

// One row per month and territory that had leads, newest month first, territories in code order; and the
// whole range's figures.
export const visitsSaved = (
  incidents: readonly HandledIncident[],
): { rows: VisitsSavedRow[]; total: Omit<VisitsSavedRow, 'month' | 'territory'> } => {
  const groups = new Map<string, HandledIncident[]>();
  for (const incident of incidents) {
    const key = `${shanghaiMonth(incident.openedAt)}|${incident.territory}`;
    const group = groups.get(key);
    if (group) group.push(incident);
    else groups.set(key, [incident]);
  }
  const rows = [...groups]
    .map(([key, group]) => {
      const [month, territory] = key.split('|') as [string, string];
      return { month, territory, ...figuresOf(group) };
    })
    .sort((a, b) => b.month.localeCompare(a.month) || a.territory.localeCompare(b.territory));
  return { rows, total: figuresOf(incidents) };
};
