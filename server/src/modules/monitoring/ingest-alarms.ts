import { randomUUID } from 'node:crypto';
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
  alarmColumns,
  lockSource,
  openedIncident,
  readIngestState,
  storeTriagedBatch,
  type IncidentRow,
  type IngestPoint,
  type SourceRow,
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

// An incident as triage moves it through the batch: a stored one (its fields as read) or one the batch opens.
type Tracked = {
  id: string;
  point: IngestPoint;
  kind: NormalisedAlarm['kind'];
  level: IncidentRow['level'];
  priority: IncidentRow['priority'];
  state: IncidentRow['state'];
  alarmCount: number;
  lastAlarmAt: Date;
  clearedAt: Date | null;
  closedAt: Date | null;
  isNew: boolean;
  // the batch's first alarm of an incident it opened
  openedAt: Date | null;
  // the batch's last alarm that opened it or merged into it: its summary (null: none did)
  summaryOf: NormalisedAlarm | null;
  clearedNow: boolean;
};

const summaryOf = (point: IngestPoint, alarm: NormalisedAlarm): string => {
  const kind = alarmKindName(monitoringCatalog, alarm.kind);
  const reading =
    alarm.value === undefined
      ? ''
      : `，读数 ${alarm.value}${point.unit ?? ''}${alarm.threshold === undefined ? '' : `（限值 ${alarm.threshold}${point.unit ?? ''}）`}`;
  return `${point.name}${kind}报警${reading}${alarm.content ? `：${alarm.content}` : ''}`.slice(0, 300);
};

// Issue 16 item 10: under the source's lock the batch costs four round trips (the lock, one read, one write, the
// audit) besides BEGIN and COMMIT, whatever its size. What needs no lock (each alarm's time, its columns as the
// write sends them) is made before the transaction.
export const ingestAlarms = async (
  ctx: AppContext,
  source: SourceRow,
  items: readonly IncomingItem[],
): Promise<IngestOutcome> => {
  const rejected: { index: number; message: string }[] = [];
  const valid = items.filter((item): item is Extract<IncomingItem, { ok: true }> => {
    if (!item.ok) rejected.push({ index: item.index, message: item.message });
    return item.ok;
  });
  const candidates = valid.map((item, position) => ({ ...item, position, at: new Date(item.value.at) }));
  const prepared = alarmColumns(candidates.map(({ value, at, raw }) => ({ alarm: value, at, raw })));
  return ctx.db.transaction(async (tx) => {
    await lockSource(tx, source.id);
    const now = ctx.clock.now();
    const state = await readIngestState(
      tx,
      source.id,
      [...new Set(valid.map((item) => item.value.pointCode))],
      valid.map((item) => item.value.externalId),
    );
    const points = new Map(state.points.map((point) => [point.code, point]));
    const stored = state.stored;
    let duplicates = 0;
    const fresh: ((typeof candidates)[number] & { point: IngestPoint })[] = [];
    for (const item of candidates) {
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
    fresh.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);

    // the open incident of each point and kind, as triage moves them; and every incident the batch touched
    const pointsById = new Map(state.points.map((point) => [point.id, point]));
    const openByKey = new Map<string, Tracked>();
    const touched = new Map<string, Tracked>();
    for (const row of state.open)
      openByKey.set(`${row.pointId}:${row.kind}`, {
        ...row,
        point: pointsById.get(row.pointId)!,
        clearedAt: null,
        closedAt: null,
        openedAt: null,
        isNew: false,
        summaryOf: null,
        clearedNow: false,
      });

    let opened = 0;
    let merged = 0;
    let cleared = 0;
    // each candidate's point and incident, by its position; those left without a point are not stored
    const pointIds: (string | null)[] = candidates.map(() => null);
    const incidentIds: (string | null)[] = candidates.map(() => null);
    const lastSeen = new Map<string, Date>();
    for (const { value: alarm, point, at, position } of fresh) {
      const key = `${point.id}:${alarm.kind}`;
      const current = openByKey.get(key);
      const open: OpenIncident | null = current
        ? {
            id: current.id,
            level: current.level,
            count: current.alarmCount,
            lastAt: current.lastAlarmAt.toISOString(),
          }
        : null;
      const decision = triageAlarm(alarm, open, monitoringCatalog);
      let incidentId: string | null = null;
      if (decision.action === 'open') {
        const entry: Tracked = {
          id: randomUUID(),
          point,
          kind: alarm.kind,
          level: decision.level,
          priority: decision.priority,
          state: 'open',
          alarmCount: 1,
          lastAlarmAt: at,
          clearedAt: null,
          closedAt: null,
          openedAt: at,
          isNew: true,
          summaryOf: alarm,
          clearedNow: false,
        };
        openByKey.set(key, entry);
        touched.set(entry.id, entry);
        incidentId = entry.id;
        opened += 1;
      } else if (decision.action === 'merge' && current) {
        Object.assign(current, {
          level: decision.level,
          priority: decision.priority,
          alarmCount: decision.count,
          lastAlarmAt: at > current.lastAlarmAt ? at : current.lastAlarmAt,
          summaryOf: alarm,
        });
        touched.set(current.id, current);
        incidentId = current.id;
        merged += 1;
      } else if (decision.action === 'clear' && current) {
        // nobody has taken it up: the source's clear ends it; an officer's incident stays his to close
        if (current.state === 'open') {
          Object.assign(current, { state: 'cleared', closedAt: at });
          openByKey.delete(key);
        }
        current.clearedAt = at;
        current.clearedNow = true;
        touched.set(current.id, current);
        incidentId = current.id;
        cleared += 1;
      }
      pointIds[position] = point.id;
      incidentIds[position] = incidentId;
      const seen = lastSeen.get(point.id);
      if (!seen || at > seen) lastSeen.set(point.id, at);
    }

    const all = [...touched.values()];
    const openedRows = all
      .filter((entry) => entry.isNew)
      .map((entry) => ({
        ...openedIncident({
          sourceId: source.id,
          pointId: entry.point.id,
          enterpriseId: entry.point.enterpriseId,
          territory: entry.point.territory,
          kind: entry.kind,
          level: entry.level,
          priority: entry.priority,
          alarmCount: entry.alarmCount,
          summary: summaryOf(entry.point, entry.summaryOf!),
          openedAt: entry.openedAt ?? entry.lastAlarmAt,
          lastAlarmAt: entry.lastAlarmAt,
        }),
        // the id its alarms already carry, and the clear the batch may have brought
        id: entry.id,
        state: entry.state,
        clearedAt: entry.clearedAt,
        closedAt: entry.closedAt,
      }));
    await storeTriagedBatch(tx, {
      opened: openedRows,
      updated: all
        .filter((entry) => !entry.isNew)
        .map((entry) => ({
          id: entry.id,
          level: entry.level,
          priority: entry.priority,
          alarmCount: entry.alarmCount,
          lastAlarmAt: entry.lastAlarmAt,
          summary: entry.summaryOf ? summaryOf(entry.point, entry.summaryOf) : null,
          clearedAt: entry.clearedNow ? entry.clearedAt : null,
          clearedNow: entry.clearedNow,
        })),
      alarms: prepared,
      pointIds,
      incidentIds,
      sourceId: source.id,
      receivedAt: now,
      lastSeen,
    });

    const actor = systemActor(`监测预警：${source.name}`);
    const events: AuditEventInput[] = [
      {
        actor,
        action: 'monitoring_source.batch.received',
        entityType: 'monitoring_source',
        entityId: source.id,
        territory: source.territory,
        payload: { accepted: fresh.length, duplicates, rejected: rejected.length, opened, merged, cleared },
        at: now,
      },
      ...openedRows.map((row): AuditEventInput => ({
        actor,
        action: 'monitoring_incident.opened',
        entityType: 'monitoring_incident',
        entityId: row.id,
        territory: row.territory,
        payload: { level: row.level, priority: row.priority, summary: row.summary },
        at: now,
      })),
    ];
    await appendAuditEvents(tx, events);
    return {
      accepted: fresh.length,
      duplicates,
      rejected: rejected.sort((a, b) => a.index - b.index),
      opened,
      merged,
      cleared,
      incidentIds: openedRows.map((row) => row.id),
    };
  });
};
