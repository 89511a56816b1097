import {
  alarmKindName,
  monitoringCatalog,
  triageAlarm,
  type NormalisedAlarm,
  type OpenIncident,
} from '@inspecta/domain/monitoring';
import { appendAuditEvents, type AuditEventInput } from '../../platform/audit/service.ts';
import { systemActor } from '../../platform/auth/system-user.ts';
import type { AppContext } from '../../platform/http/context.ts';
import {
  findOpenIncidentsOfPoints,
  findPointsOfSource,
  findStoredExternalIds,
  insertAlarms,
  insertIncidents,
  lockSource,
  markPointsSeen,
  updateIncidentsByTriage,
  type IncidentRow,
  type PointRow,
  type SourceRow,
  openedIncident,
} from './repository.ts';

// Issue 16 item 2: a batch of alarms from one source, stored durably before it is acknowledged (the answer is
// sent after the transaction commits), once per (source, external id), each bad item reported by its position
// without blocking the rest, and triaged into incidents in the same transaction (item 3).

export type IncomingItem =
  | { index: number; ok: true; value: NormalisedAlarm; raw: unknown }
  | { index: number; ok: false; message: string };

export type IngestOutcome = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; message: string }[];
  opened: number;
  merged: number;
  cleared: number;
  incidentIds: string[];
};

type Tracked = {
  row: IncidentRow;
  isNew: boolean;
  changed: boolean;
  clearedNow?: boolean;
};

const summaryOf = (point: PointRow, alarm: NormalisedAlarm): string => {
  const kind = alarmKindName(monitoringCatalog, alarm.kind);
  const reading =
    alarm.value === undefined
      ? ''
      : `，读数 ${alarm.value}${point.unit ?? ''}${alarm.threshold === undefined ? '' : `（限值 ${alarm.threshold}${point.unit ?? ''}）`}`;
  return `${point.name}${kind}报警${reading}${alarm.content ? `：${alarm.content}` : ''}`.slice(0, 300);
};

export const ingestAlarms = async (
  ctx: AppContext,
  source: SourceRow,
  items: readonly IncomingItem[],
): Promise<IngestOutcome> =>
  ctx.db.transaction(async (tx) => {
    await lockSource(tx, source.id);
    const now = ctx.clock.now();
    const rejected: { index: number; message: string }[] = [];
    const valid = items.filter((item): item is Extract<IncomingItem, { ok: true }> => {
      if (!item.ok) rejected.push({ index: item.index, message: item.message });
      return item.ok;
    });
    const points = new Map(
      (await findPointsOfSource(tx, source.id, [...new Set(valid.map((item) => item.value.pointCode))])).map(
        (point) => [point.code, point],
      ),
    );
    const stored = await findStoredExternalIds(
      tx,
      source.id,
      valid.map((item) => item.value.externalId),
    );
    let duplicates = 0;
    const fresh: (Extract<IncomingItem, { ok: true }> & { point: PointRow })[] = [];
    for (const item of valid) {
      const point = points.get(item.value.pointCode);
      if (!point) {
        rejected.push({ index: item.index, message: `监测点“${item.value.pointCode}”未在本系统登记` });
        continue;
      }
      if (point.kind !== item.value.kind && item.value.kind !== 'video' && item.value.kind !== 'drone') {
        rejected.push({ index: item.index, message: `监测点“${point.code}”登记的类型与报警类型不符` });
        continue;
      }
      if (stored.has(item.value.externalId)) {
        duplicates += 1;
        continue;
      }
      stored.add(item.value.externalId);
      fresh.push({ ...item, point });
    }
    fresh.sort((a, b) => Date.parse(a.value.at) - Date.parse(b.value.at) || a.index - b.index);

    // the open incident of each point and kind, as triage moves them; and every incident the batch touched
    const openByKey = new Map<string, Tracked>();
    const touched = new Map<string, Tracked>();
    for (const row of await findOpenIncidentsOfPoints(tx, [...new Set(fresh.map((item) => item.point.id))]))
      openByKey.set(`${row.pointId}:${row.kind}`, { row, isNew: false, changed: false });

    let opened = 0;
    let merged = 0;
    let cleared = 0;
    const alarms = [];
    const lastSeen = new Map<string, Date>();
    for (const { value: alarm, raw, point } of fresh) {
      const key = `${point.id}:${alarm.kind}`;
      const current = openByKey.get(key);
      const open: OpenIncident | null = current
        ? {
            id: current.row.id,
            level: current.row.level,
            count: current.row.alarmCount,
            lastAt: current.row.lastAlarmAt.toISOString(),
          }
        : null;
      const decision = triageAlarm(alarm, open, monitoringCatalog);
      const at = new Date(alarm.at);
      let incidentId: string | null = null;
      if (decision.action === 'open') {
        const row = openedIncident({
          sourceId: source.id,
          pointId: point.id,
          enterpriseId: point.enterpriseId,
          territory: point.territory,
          kind: alarm.kind,
          level: decision.level,
          priority: decision.priority,
          alarmCount: 1,
          summary: summaryOf(point, alarm),
          openedAt: at,
          lastAlarmAt: at,
        });
        const entry = { row, isNew: true, changed: true };
        openByKey.set(key, entry);
        touched.set(row.id, entry);
        incidentId = row.id;
        opened += 1;
      } else if (decision.action === 'merge' && current) {
        Object.assign(current.row, {
          level: decision.level,
          priority: decision.priority,
          alarmCount: decision.count,
          lastAlarmAt: at > current.row.lastAlarmAt ? at : current.row.lastAlarmAt,
          summary: summaryOf(point, alarm),
        });
        current.changed = true;
        touched.set(current.row.id, current);
        incidentId = current.row.id;
        merged += 1;
      } else if (decision.action === 'clear' && current) {
        // nobody has taken it up: the source's clear ends it; an officer's incident stays his to close
        if (current.row.state === 'open') {
          Object.assign(current.row, { state: 'cleared', closedAt: at });
          openByKey.delete(key);
        }
        current.row.clearedAt = at;
        current.changed = true;
        current.clearedNow = true;
        touched.set(current.row.id, current);
        incidentId = current.row.id;
        cleared += 1;
      }
      alarms.push({
        sourceId: source.id,
        externalId: alarm.externalId,
        pointId: point.id,
        incidentId,
        at,
        receivedAt: now,
        status: alarm.status,
        kind: alarm.kind,
        level: alarm.level ?? null,
        value: alarm.value ?? null,
        threshold: alarm.threshold ?? null,
        content: alarm.content ?? null,
        raw: raw ?? null,
      });
      const seen = lastSeen.get(point.id);
      if (!seen || at > seen) lastSeen.set(point.id, at);
    }

    const all = [...touched.values()];
    await insertIncidents(
      tx,
      all.filter((entry) => entry.isNew).map((entry) => entry.row),
    );
    await updateIncidentsByTriage(
      tx,
      all
        .filter((entry) => !entry.isNew && entry.changed)
        .map(({ row, clearedNow }) => ({
          id: row.id,
          level: row.level,
          priority: row.priority,
          alarmCount: row.alarmCount,
          lastAlarmAt: row.lastAlarmAt,
          summary: row.summary,
          clearedAt: row.clearedAt,
          clearedNow: clearedNow === true,
        })),
    );
    await insertAlarms(tx, alarms);
    await markPointsSeen(tx, lastSeen);

    const actor = systemActor(`监测预警：${source.name}`);
    const events: AuditEventInput[] = [
      {
        actor,
        action: 'monitoring_source.batch.received',
        entityType: 'monitoring_source',
        entityId: source.id,
        territory: source.territory,
        payload: { accepted: alarms.length, duplicates, rejected: rejected.length, opened, merged, cleared },
        at: now,
      },
      ...all
        .filter((entry) => entry.isNew)
        .map((entry): AuditEventInput => ({
          actor,
          action: 'monitoring_incident.opened',
          entityType: 'monitoring_incident',
          entityId: entry.row.id,
          territory: entry.row.territory,
          payload: { level: entry.row.level, priority: entry.row.priority, summary: entry.row.summary },
          at: now,
        })),
    ];
    await appendAuditEvents(tx, events);
    return {
      accepted: alarms.length,
      duplicates,
      rejected: rejected.sort((a, b) => a.index - b.index),
      opened,
      merged,
      cleared,
      incidentIds: all.filter((entry) => entry.isNew).map((entry) => entry.row.id),
    };
  });
