import { describe, expect, it } from 'vitest';
import { evaluateReading, parseAlarmBatch } from './alarm.ts';
import { handlingStatus, moveIncident } from './incident.ts';
import { monitoringCatalog as catalog, parseMonitoringCatalog } from './monitoring-catalog.ts';
import { adaptEvents, adaptRealtimeData, adaptVideoAlarms } from './provincial-adapter.ts';
import { canonicalRequest, isFreshTimestamp } from './signature.ts';
import { priorityOf, silentPoints, triageAlarm } from './triage.ts';

const alarm = {
  externalId: 'hc-1',
  enterpriseCode: '91440703MA51XXXX1K',
  pointCode: 'T-101',
  at: '2026-12-03T08:00:00+08:00',
  status: 'alarm',
  kind: 'temperature',
  level: 'yellow',
  value: 86.5,
  unit: '℃',
  threshold: 80,
};

describe('the monitoring catalogue', () => {
  it('names every source of measure 20 and 21 with its basis, and marks the working rules unverified', () => {
    expect(catalog.sources.map((source) => source.code)).toEqual([
      'hazardous_chemicals',
      'non_coal_mine',
      'industry_trade',
      'work_at_height_video',
      'drone_patrol',
    ]);
    expect(catalog.triage.verified).toBe(false);
    expect(catalog.tampering.source).toContain('篡改、隐瞒、销毁其相关数据、信息');
  });

  it('refuses a catalogue whose levels are not the four known ones', () => {
    const broken = structuredClone(catalog) as unknown as { levels: { code: string }[] };
    broken.levels[0]!.code = 'purple';
    expect(() => parseMonitoringCatalog(broken)).toThrow();
  });
});

describe('a batch of normalised alarms', () => {
  it('accepts the good items and reports each bad one with its position, without blocking the rest', () => {
    const results = parseAlarmBatch([
      alarm,
      { ...alarm, externalId: 'hc-2', at: 'yesterday' },
      { ...alarm, externalId: 'hc-3', kind: 'smell' },
      { ...alarm, externalId: 'hc-4', status: 'clear' },
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({ index: 1, ok: false, message: expect.stringContaining('at') });
    expect(results[2]).toMatchObject({ index: 2, ok: false, message: expect.stringContaining('kind') });
  });

  it('refuses a point code that is not a code', () => {
    expect(parseAlarmBatch([{ ...alarm, pointCode: 'T 101; drop' }])[0]?.ok).toBe(false);
  });
});

describe('a real-time reading against its point', () => {
  const point = {
    code: 'P-1',
    kind: 'pressure' as const,
    unit: 'MPa',
    thresholds: { highHigh: 2.5, high: 2.0, low: 0.2, lowLow: 0.1 },
  };
  it('alarms at the level the crossed limit gives, the graver limit first', () => {
    expect(evaluateReading(point, { value: 2.6 }, catalog.triage)).toEqual({
      status: 'alarm',
      level: 'orange',
      threshold: 2.5,
    });
    expect(evaluateReading(point, { value: 2.1 }, catalog.triage)).toEqual({
      status: 'alarm',
      level: 'yellow',
      threshold: 2.0,
    });
    expect(evaluateReading(point, { value: 0.05 }, catalog.triage)).toMatchObject({ level: 'orange' });
    expect(evaluateReading(point, { value: 1.0 }, catalog.triage)).toEqual({ status: 'clear' });
  });
});

describe('triage', () => {
  const open = { id: 'i1', level: 'yellow' as const, count: 1, lastAt: '2026-12-03T08:00:00+08:00' };
  it('opens an incident for a first alarm', () => {
    expect(triageAlarm({ status: 'alarm', at: alarm.at, level: 'red' }, null, catalog)).toEqual({
      action: 'open',
      level: 'red',
      priority: 'urgent',
    });
  });

  it('merges the same point and kind within the window, keeping the graver level and counting', () => {
    expect(
      triageAlarm({ status: 'alarm', at: '2026-12-03T08:30:00+08:00', level: 'orange' }, open, catalog),
    ).toEqual({ action: 'merge', incidentId: 'i1', level: 'orange', count: 2, priority: 'high' });
  });

  it('opens a new incident when the last alarm is older than the window', () => {
    const later = `2026-12-03T${String(8 + Math.ceil(catalog.triage.mergeWindowMinutes / 60) + 1).padStart(2, '0')}:00:00+08:00`;
    expect(triageAlarm({ status: 'alarm', at: later }, open, catalog)).toMatchObject({ action: 'open' });
  });

  it('raises the priority once the alarm repeats as often as the rule says', () => {
    const n = catalog.triage.repeatToRaise;
    expect(priorityOf(catalog, 'yellow', n - 1)).toBe('normal');
    expect(priorityOf(catalog, 'yellow', n)).toBe('high');
    expect(priorityOf(catalog, 'red', n)).toBe('urgent');
  });

  it('clears the open incident on the source’s clear, and only records a clear without one', () => {
    expect(triageAlarm({ status: 'clear', at: alarm.at }, open, catalog)).toEqual({
      action: 'clear',
      incidentId: 'i1',
    });
    expect(triageAlarm({ status: 'clear', at: alarm.at }, null, catalog)).toMatchObject({
      action: 'record_only',
    });
  });

  it('finds the points that stopped reporting (安全生产法 第三十六条)', () => {
    const now = new Date('2026-12-03T02:00:00Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
    const points = [
      { code: 'quiet', lastSeenAt: minutesAgo(catalog.triage.silenceMinutes + 1) },
      { code: 'fine', lastSeenAt: minutesAgo(catalog.triage.silenceMinutes - 1) },
      { code: 'never', lastSeenAt: null },
    ];
    expect(silentPoints(points, now, catalog.triage).map((point) => point.code)).toEqual(['quiet']);
  });
});

describe('handling an incident', () => {
  it('follows acknowledge → ask the enterprise → answer → close with a note', () => {
    expect(moveIncident('open', 'acknowledge', null)).toEqual({ ok: true, next: 'acknowledged' });
    expect(moveIncident('acknowledged', 'ask_enterprise', '请说明温度超限原因')).toEqual({
      ok: true,
      next: 'awaiting_enterprise',
    });
    expect(moveIncident('awaiting_enterprise', 'enterprise_answer', null)).toEqual({
      ok: true,
      next: 'acknowledged',
    });
    expect(moveIncident('acknowledged', 'close_no_violation', '查看曲线与企业说明，系检修期间')).toEqual({
      ok: true,
      next: 'closed_no_violation',
    });
  });

  it('refuses to close or dismiss without a written reason, citing measure 7 for a remote close', () => {
    expect(moveIncident('acknowledged', 'close_no_violation', ' ')).toMatchObject({
      ok: false,
      code: 'incident_reason_required',
      measure: 7,
    });
    expect(moveIncident('acknowledged', 'dismiss', '')).toMatchObject({ ok: false, measure: 20 });
  });

  it('refuses a step out of order and anything after the end', () => {
    expect(moveIncident('open', 'close_no_violation', '未发现违法行为')).toMatchObject({
      ok: false,
      code: 'incident_action_not_allowed',
    });
    expect(moveIncident('dismissed', 'acknowledge', null)).toMatchObject({ ok: false });
    expect(moveIncident('acknowledged', 'source_clear', null)).toMatchObject({ ok: false });
  });

  it('is due by its level’s period and escalates once per escalation period while nobody takes it up', () => {
    const openedAt = '2026-12-03T00:00:00Z';
    const after = (minutes: number) => new Date(Date.parse(openedAt) + minutes * 60_000);
    const { handleWithinMinutes, escalateAfterMinutes } = catalog.triage;
    const incident = { state: 'open' as const, level: 'red' as const, openedAt };
    expect(handlingStatus(incident, after(handleWithinMinutes.red - 1), catalog)).toMatchObject({
      overdue: false,
      escalations: 0,
    });
    expect(handlingStatus(incident, after(escalateAfterMinutes.red * 2 + 1), catalog)).toMatchObject({
      overdue: true,
      escalations: 2,
    });
    expect(
      handlingStatus(
        { ...incident, state: 'acknowledged' },
        after(escalateAfterMinutes.red * 2 + 1),
        catalog,
      ),
    ).toMatchObject({ overdue: false, escalations: 0 });
  });
});

describe('the provincial upload style', () => {
  it('turns real-time batches into readings in Beijing time', () => {
    const result = adaptRealtimeData({
      qybm: 'E001',
      wgbm: 'G1',
      data: [{ tnm: 'HOPPER-T', ts: '2026-12-03 08:00:00', val: '41.5' }, { tnm: 'X' }],
    });
    expect(result).toEqual({
      ok: true,
      items: [
        {
          index: 0,
          ok: true,
          value: {
            enterpriseCode: 'E001',
            pointCode: 'HOPPER-T',
            at: '2026-12-03T08:00:00+08:00',
            value: 41.5,
          },
        },
        expect.objectContaining({ index: 1, ok: false }),
      ],
    });
  });

  it('reads scd 0 as a clear and 4 (超上上限) as an orange alarm, keeping the content', () => {
    const result = adaptEvents(
      {
        qybm: 'E001',
        data: [
          {
            ts: '2026-12-03 08:00:00',
            oname: 'DP-1',
            avx: 1800,
            scd: 4,
            threshold: 1500,
            content: '压差超上上限',
          },
          { ts: '2026-12-03 08:10:00', oname: 'DP-1', avx: 900, scd: 0, content: '恢复正常' },
        ],
      },
      () => 'pressure_difference',
    );
    expect(result.ok && result.items.map((item) => item.ok && [item.value.status, item.value.level])).toEqual(
      [
        ['alarm', 'orange'],
        ['clear', undefined],
      ],
    );
  });

  it('turns a video-AI alarm into a video lead, and refuses an envelope without the enterprise code', () => {
    const result = adaptVideoAlarms({
      qybm: 'E001',
      data: [{ ts: '2026-12-03 09:00:00', videoCode: 'CAM-3', alarmType: 'SJ02001', content: '烟火' }],
    });
    expect(result.ok && result.items[0]).toMatchObject({
      ok: true,
      value: { kind: 'video', pointCode: 'CAM-3' },
    });
    expect(adaptVideoAlarms({ data: [] })).toMatchObject({ ok: false });
  });
});

describe('request signatures', () => {
  it('signs method, path, timestamp and body digest, one per line', () => {
    expect(
      canonicalRequest({ method: 'post', path: '/api/v1/x', timestamp: '1796000000', bodySha256: 'ab' }),
    ).toBe('POST\n/api/v1/x\n1796000000\nab');
  });

  it('refuses a timestamp outside the allowed skew either way, or not a number', () => {
    const now = new Date(1_796_000_000_000);
    const max = catalog.signature.maxSkewSeconds;
    expect(isFreshTimestamp(String(1_796_000_000 - max), now, max)).toBe(true);
    expect(isFreshTimestamp(String(1_796_000_000 - max - 1), now, max)).toBe(false);
    expect(isFreshTimestamp(String(1_796_000_000 + max + 1), now, max)).toBe(false);
    expect(isFreshTimestamp('1796000000.5', now, max)).toBe(false);
  });
});
