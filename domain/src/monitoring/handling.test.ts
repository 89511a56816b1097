import { describe, expect, it } from 'vitest';
import { escalationOf, incidentTimings, territoryChain } from './handling.ts';
import { monitoringCatalog as catalog } from './monitoring-catalog.ts';
import { percentile, shanghaiMonth, visitsSaved, type HandledIncident } from './visits-saved.ts';

describe('the timing of a lead’s steps', () => {
  it('counts minutes from the first alarm to acknowledging, the answer and the close', () => {
    expect(
      incidentTimings({
        openedAt: '2026-12-03T01:00:00Z',
        acknowledgedAt: '2026-12-03T01:12:00Z',
        answeredAt: '2026-12-03T02:00:00Z',
        closedAt: '2026-12-03T02:30:00Z',
        state: 'closed_no_violation',
      }),
    ).toEqual({ toAcknowledgeMinutes: 12, toAnswerMinutes: 60, toCloseMinutes: 90 });
  });

  it('gives no handling time to a lead the source cleared before anyone took it up', () => {
    expect(
      incidentTimings({
        openedAt: '2026-12-03T01:00:00Z',
        acknowledgedAt: null,
        answeredAt: null,
        closedAt: '2026-12-03T01:05:00Z',
        state: 'cleared',
      }),
    ).toEqual({ toAcknowledgeMinutes: null, toAnswerMinutes: null, toCloseMinutes: null });
  });
});

describe('escalation along the territory’s chain', () => {
  it('reads the chain off the division code: a county’s city, then the province', () => {
    expect(territoryChain('440703', 'city')).toEqual(['440700']);
    expect(territoryChain('440703', 'province')).toEqual(['440700', '440000']);
    expect(territoryChain('440700', 'city')).toEqual([]);
    expect(territoryChain('bad', 'city')).toEqual([]);
  });

  const red = { state: 'open' as const, level: 'red' as const, territory: '440703' };
  const at = (minutes: number) => new Date(Date.parse('2026-12-03T01:00:00Z') + minutes * 60_000);
  const opened = '2026-12-03T01:00:00Z';
  const period = catalog.triage.escalateAfterMinutes.red;

  it('leaves a lead with its county until the level’s period has passed, then sends it to the city', () => {
    expect(escalationOf({ ...red, openedAt: opened }, at(period - 1), catalog)).toEqual({
      steps: 0,
      handlingTerritory: '440703',
    });
    expect(escalationOf({ ...red, openedAt: opened }, at(period), catalog)).toEqual({
      steps: 1,
      handlingTerritory: '440700',
    });
  });

  it('never sends a lead past the top of the chain the catalogue names', () => {
    expect(catalog.handling.escalateUpTo).toBe('city');
    expect(catalog.handling.verified).toBe(false);
    expect(escalationOf({ ...red, openedAt: opened }, at(period * 5), catalog).handlingTerritory).toBe(
      '440700',
    );
  });

  it('does not escalate a lead an officer has taken up', () => {
    expect(
      escalationOf({ ...red, state: 'acknowledged', openedAt: opened }, at(period * 3), catalog),
    ).toEqual({ steps: 0, handlingTerritory: '440703' });
  });
});

describe('visits saved', () => {
  const lead = (overrides: Partial<HandledIncident>): HandledIncident => ({
    territory: '440703',
    sourceKind: 'industry_trade',
    state: 'open',
    openedAt: '2026-11-10T02:00:00Z',
    acknowledgedAt: null,
    closedAt: null,
    ...overrides,
  });
  const ended = (state: HandledIncident['state'], minutes: number, extra: Partial<HandledIncident> = {}) =>
    lead({
      state,
      acknowledgedAt: '2026-11-10T02:10:00Z',
      closedAt: new Date(Date.parse('2026-11-10T02:00:00Z') + minutes * 60_000).toISOString(),
      ...extra,
    });

  it('counts remote checks, visits avoided, targeted visits, handling times and false alarms per source', () => {
    const { rows, total } = visitsSaved([
      ended('closed_no_violation', 30),
      ended('closed_no_violation', 60),
      ended('dismissed', 20, { sourceKind: 'hazardous_chemicals' }),
      ended('inspection_opened', 120),
      lead({ state: 'cleared', closedAt: '2026-11-10T02:05:00Z' }),
      lead({}),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      month: '2026-11',
      territory: '440703',
      incidents: 6,
      remoteChecks: 4,
      visitsAvoided: 3,
      targetedVisits: 1,
      handlingMedianMinutes: 30,
      handlingP90Minutes: 120,
      acknowledgeMedianMinutes: 10,
    });
    expect(rows[0]!.sources).toEqual([
      { sourceKind: 'hazardous_chemicals', ended: 1, falseAlarms: 1, falseAlarmRate: 1 },
      { sourceKind: 'industry_trade', ended: 3, falseAlarms: 0, falseAlarmRate: 0 },
    ]);
    expect(total.visitsAvoided).toBe(3);
  });

  it('puts a lead in its Beijing-time month and territory', () => {
    // 2026-11-30T17:00Z is 1 December in Beijing
    const { rows } = visitsSaved([
      lead({ openedAt: '2026-11-30T17:00:00Z' }),
      lead({ openedAt: '2026-11-30T15:00:00Z', territory: '440705' }),
    ]);
    expect(rows.map((row) => `${row.month} ${row.territory}`)).toEqual(['2026-12 440703', '2026-11 440705']);
    expect(shanghaiMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});
