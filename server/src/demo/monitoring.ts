import { createHash } from 'node:crypto';
import { parseAlarmBatch } from '@inspecta/domain/monitoring';
import type { AppContext } from '../platform/http/context.ts';
import { ingestAlarms } from '../modules/monitoring/index.ts';
import {
  enterprisesOfTerritory,
  enterpriseUsersEnterprise,
  insertMonitoringPoints,
  insertMonitoringSource,
} from './repository.ts';

// issue 16 item 9: a day of alarms for the demo enterprises, sent through the same ingestion and triage as a real
// source's: the demo enterprise's dust collector (a hopper temperature that rose, repeated and cleared; a
// pressure difference still alarming), a storage tank in 蓬江区 and a gas detector in 新会区 still open.

// The demo's sources sign with keys anyone can derive, as the demo accounts share a published password: the alarm
// simulator (npm run simulate:alarms) signs with them. Production has no demo data, hence no such key.
export const demoSigningKey = (kind: string): string =>
  createHash('sha256').update(`inspecta-demo-monitoring-source:${kind}`).digest('hex');

type PointSpec = {
  code: string;
  name: string;
  enterpriseId: string;
  territory: string;
  kind: 'temperature' | 'pressure_difference' | 'gas';
  unit: string;
  thresholds: { high?: number; highHigh?: number };
};

const at = (day: Date, hour: number, minute: number): string => {
  const local = new Date(day.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = String(local.getUTCMonth() + 1).padStart(2, '0');
  const d = String(local.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
};

export const seedMonitoring = async (ctx: AppContext): Promise<void> => {
  const demoEnterprise = await enterpriseUsersEnterprise(ctx.db);
  const [pengjiang] = await enterprisesOfTerritory(ctx.db, '440703', 2).then((rows) =>
    rows.filter((row) => row.id !== demoEnterprise),
  );
  const [xinhui] = await enterprisesOfTerritory(ctx.db, '440705', 1);
  if (!demoEnterprise || !pengjiang || !xinhui) return;
  const now = ctx.clock.now();
  const { industryTrade, chemicals } = await ctx.db.transaction(async (tx) => {
    const industryTrade = await insertMonitoringSource(tx, {
      kind: 'industry_trade',
      name: '广东省工贸重点企业安全风险监测预警系统（粉尘模块）',
      territory: '440700',
      signingKey: demoSigningKey('industry_trade'),
      createdAt: now,
    });
    const chemicals = await insertMonitoringSource(tx, {
      kind: 'hazardous_chemicals',
      name: '危险化学品安全生产风险监测预警系统',
      territory: '440700',
      signingKey: demoSigningKey('hazardous_chemicals'),
      createdAt: now,
    });
    const dust: PointSpec[] = [
      {
        code: 'HM-DC1-T',
        name: '1号除尘器灰斗温度',
        enterpriseId: demoEnterprise,
        territory: '440703',
        kind: 'temperature',
        unit: '℃',
        thresholds: { high: 70, highHigh: 90 },
      },
      {
        code: 'HM-DC1-DP',
        name: '1号除尘器进出口风压差',
        enterpriseId: demoEnterprise,
        territory: '440703',
        kind: 'pressure_difference',
        unit: 'Pa',
        thresholds: { high: 1500, highHigh: 2000 },
      },
    ];
    const chemical: PointSpec[] = [
      {
        code: 'TK-201-T',
        name: '2号储罐温度',
        enterpriseId: pengjiang.id,
        territory: pengjiang.territory,
        kind: 'temperature',
        unit: '℃',
        thresholds: { high: 40, highHigh: 50 },
      },
      {
        code: 'GD-07',
        name: '装卸区可燃气体探测器',
        enterpriseId: xinhui.id,
        territory: xinhui.territory,
        kind: 'gas',
        unit: '%LEL',
        thresholds: { high: 20, highHigh: 40 },
      },
    ];
    await insertMonitoringPoints(
      tx,
      dust.map((point) => ({ ...point, sourceId: industryTrade.id })),
    );
    await insertMonitoringPoints(
      tx,
      chemical.map((point) => ({ ...point, sourceId: chemicals.id })),
    );
    return { industryTrade, chemicals };
  });
  const yesterday = new Date(now.getTime() - 24 * 3600_000);
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const send = (source: typeof industryTrade, alarms: Record<string, unknown>[]) =>
    ingestAlarms(
      ctx,
      source,
      parseAlarmBatch(alarms).map((item) => (item.ok ? { ...item, raw: alarms[item.index] } : item)),
    );
  const alarm = (
    externalId: string,
    enterpriseCode: string,
    pointCode: string,
    kind: string,
    time: string,
    extra: Record<string, unknown>,
  ) => ({ externalId, enterpriseCode, pointCode, kind, at: time, status: 'alarm', ...extra });
  await send(industryTrade, [
    alarm('demo-t-1', 'HM', 'HM-DC1-T', 'temperature', at(yesterday, 14, 5), {
      level: 'yellow',
      value: 72,
      threshold: 70,
    }),
    alarm('demo-t-2', 'HM', 'HM-DC1-T', 'temperature', at(yesterday, 14, 20), {
      level: 'yellow',
      value: 75,
      threshold: 70,
    }),
    alarm('demo-t-3', 'HM', 'HM-DC1-T', 'temperature', at(yesterday, 14, 35), {
      level: 'yellow',
      value: 78,
      threshold: 70,
    }),
    {
      ...alarm('demo-t-4', 'HM', 'HM-DC1-T', 'temperature', at(yesterday, 15, 10), { value: 61 }),
      status: 'clear',
    },
    alarm('demo-dp-1', 'HM', 'HM-DC1-DP', 'pressure_difference', ago(20), {
      level: 'yellow',
      value: 1620,
      threshold: 1500,
      content: '滤袋可能堵塞',
    }),
  ]);
  await send(chemicals, [
    alarm('demo-tk-1', pengjiang.creditCode, 'TK-201-T', 'temperature', ago(105), {
      level: 'orange',
      value: 51.2,
      threshold: 50,
    }),
    alarm('demo-gd-1', xinhui.creditCode, 'GD-07', 'gas', ago(130), {
      level: 'red',
      value: 42,
      threshold: 40,
    }),
  ]);
};
