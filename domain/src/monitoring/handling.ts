import { territoryLevel, isTerritoryCode } from '../territory/territory-code.ts';
import type { AlarmLevel, MonitoringCatalog } from './monitoring-catalog.ts';
import type { IncidentState } from './incident.ts';

// Issue 16 item 5: every step of a lead timed, and a lead nobody takes up sent up the territory's chain.

const minutes = (from: Date | string, to: Date | string | null): number | null =>
  to === null ? null : Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000);

export type IncidentTimes = {
  openedAt: string;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  state: IncidentState;
};

// Minutes from the first alarm to each step the officer (or the enterprise) took; null where not taken yet.
// A lead the source cleared before anyone took it up was never handled, so it has no handling time.
export const incidentTimings = (incident: IncidentTimes) => ({
  toAcknowledgeMinutes: minutes(incident.openedAt, incident.acknowledgedAt),
  toAnswerMinutes: minutes(incident.openedAt, incident.answeredAt),
  toCloseMinutes: incident.state === 'cleared' ? null : minutes(incident.openedAt, incident.closedAt),
});

// The bureaus above a territory, nearest first: a county's city, a city's province (division codes carry the
// chain: 440703 → 440700 → 440000). Towns are not territories of the platform, so a county is the bottom.
export const territoryChain = (territory: string, upTo: 'city' | 'province'): string[] => {
  if (!isTerritoryCode(territory)) return [];
  const chain: string[] = [];
  let level = territoryLevel(territory);
  let code = territory;
  while (level !== 'province' && !(level === 'city' && upTo === 'city')) {
    code = level === 'county' ? `${code.slice(0, 4)}00` : `${code.slice(0, 2)}0000`;
    level = territoryLevel(code);
    chain.push(code);
  }
  return chain;
};

// Where a lead still open after `now` stands: how many periods of its level have passed, and the bureau that
// answers for it now (its own territory until the first period ends, then one step up per period, never past
// the top of the chain). measure 20 pushes leads to officers; the period is a working rule (catalogue, unverified).
export const escalationOf = (
  incident: { state: IncidentState; level: AlarmLevel; openedAt: string; territory: string },
  now: Date,
  catalog: MonitoringCatalog,
): { steps: number; handlingTerritory: string } => {
  if (incident.state !== 'open') return { steps: 0, handlingTerritory: incident.territory };
  const every = catalog.triage.escalateAfterMinutes[incident.level] * 60_000;
  const elapsed = now.getTime() - new Date(incident.openedAt).getTime();
  const chain = territoryChain(incident.territory, catalog.handling.escalateUpTo);
  const steps = Math.min(chain.length, Math.max(0, Math.floor(elapsed / every)));
  return { steps, handlingTerritory: steps === 0 ? incident.territory : chain[steps - 1]! };
};
