import { and, asc, desc, eq, gt, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { enterprises } from '../enterprises/schema.ts';
import {
  monitoringAlarms,
  monitoringIncidentEvents,
  monitoringIncidents,
  monitoringPoints,
  monitoringReadMarks,
  monitoringSources,
} from './schema.ts';

export type SourceRow = typeof monitoringSources.$inferSelect;
export type PointRow = typeof monitoringPoints.$inferSelect;
export type IncidentRow = typeof monitoringIncidents.$inferSelect;
export type AlarmRow = typeof monitoringAlarms.$inferSelect;

export const findSource = async (db: Db | Tx, id: string): Promise<SourceRow | undefined> =>
  (await db.select().from(monitoringSources).where(eq(monitoringSources.id, id)))[0];

export const listSources = (db: Db, scope: SQL | undefined) =>
  db.select().from(monitoringSources).where(scope).orderBy(monitoringSources.createdAt);

export const insertSource = async (tx: Tx, row: typeof monitoringSources.$inferInsert): Promise<SourceRow> =>
  (await tx.insert(monitoringSources).values(row).returning())[0]!;

export const insertPoint = async (tx: Tx, row: typeof monitoringPoints.$inferInsert): Promise<PointRow> =>
  (await tx.insert(monitoringPoints).values(row).returning())[0]!;

export const findPointsOfSource = (db: Db | Tx, sourceId: string, codes?: readonly string[]) =>
  db
    .select()
    .from(monitoringPoints)
    .where(
      codes === undefined
        ? eq(monitoringPoints.sourceId, sourceId)
        : and(eq(monitoringPoints.sourceId, sourceId), inArray(monitoringPoints.code, [...codes])),
    );

// One source's batches are taken one at a time (a transaction-scoped lock on the source), so triage sees the
// incidents the previous batch left and a retried batch finds its alarms already stored.
export const lockSource = async (tx: Tx, sourceId: string): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`monitoring:${sourceId}`}))`);
};

export const findStoredExternalIds = async (
  tx: Tx,
  sourceId: string,
  externalIds: readonly string[],
): Promise<Set<string>> => {
  if (externalIds.length === 0) return new Set();
  const rows = await tx
    .select({ externalId: monitoringAlarms.externalId })
    .from(monitoringAlarms)
    .where(
      and(eq(monitoringAlarms.sourceId, sourceId), inArray(monitoringAlarms.externalId, [...externalIds])),
    );
  return new Set(rows.map((row) => row.externalId));
};

const openStates = ['open', 'acknowledged', 'awaiting_enterprise'] as const;

export const findOpenIncidentsOfPoints = (tx: Tx, pointIds: readonly string[]) =>
  pointIds.length === 0
    ? Promise.resolve([] as IncidentRow[])
    : tx
        .select()
        .from(monitoringIncidents)
        .where(
          and(
            inArray(monitoringIncidents.pointId, [...pointIds]),
            inArray(monitoringIncidents.state, [...openStates]),
          ),
        );

export const insertIncidents = async (tx: Tx, rows: (typeof monitoringIncidents.$inferInsert)[]) => {
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(monitoringIncidents).values(rows.slice(i, i + 500));
};

export const updateIncident = (
  tx: Tx,
  id: string,
  fields: Partial<typeof monitoringIncidents.$inferInsert>,
) => tx.update(monitoringIncidents).set(fields).where(eq(monitoringIncidents.id, id));

export const insertAlarms = async (tx: Tx, rows: (typeof monitoringAlarms.$inferInsert)[]) => {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(monitoringAlarms).values(rows.slice(i, i + 500));
};

export const markPointsSeen = async (tx: Tx, lastSeen: Map<string, Date>) => {
  for (const [pointId, at] of lastSeen)
    await tx
      .update(monitoringPoints)
      .set({ lastSeenAt: sql`greatest(${monitoringPoints.lastSeenAt}, ${at.toISOString()}::timestamptz)` })
      .where(eq(monitoringPoints.id, pointId));
};

export type IncidentFilter = {
  scope?: SQL | undefined;
  states?: readonly IncidentRow['state'][];
  enterpriseId?: string;
};

export const listIncidents = (db: Db, filter: IncidentFilter, limit: number) =>
  db
    .select({
      incident: monitoringIncidents,
      enterpriseName: enterprises.name,
      pointName: monitoringPoints.name,
      pointCode: monitoringPoints.code,
      unit: monitoringPoints.unit,
      sourceName: monitoringSources.name,
    })
    .from(monitoringIncidents)
    .innerJoin(enterprises, eq(enterprises.id, monitoringIncidents.enterpriseId))
    .innerJoin(monitoringPoints, eq(monitoringPoints.id, monitoringIncidents.pointId))
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId))
    .where(
      and(
        filter.scope,
        filter.states ? inArray(monitoringIncidents.state, [...filter.states]) : undefined,
        filter.enterpriseId ? eq(monitoringIncidents.enterpriseId, filter.enterpriseId) : undefined,
      ),
    )
    .orderBy(desc(monitoringIncidents.lastAlarmAt))
    .limit(limit);

export const findIncident = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        incident: monitoringIncidents,
        enterpriseName: enterprises.name,
        pointName: monitoringPoints.name,
        pointCode: monitoringPoints.code,
        unit: monitoringPoints.unit,
        sourceName: monitoringSources.name,
      })
      .from(monitoringIncidents)
      .innerJoin(enterprises, eq(enterprises.id, monitoringIncidents.enterpriseId))
      .innerJoin(monitoringPoints, eq(monitoringPoints.id, monitoringIncidents.pointId))
      .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId))
      .where(eq(monitoringIncidents.id, id))
  )[0];

export const findAlarmsOfIncident = (db: Db, incidentId: string, limit = 500) =>
  db
    .select()
    .from(monitoringAlarms)
    .where(eq(monitoringAlarms.incidentId, incidentId))
    .orderBy(monitoringAlarms.at)
    .limit(limit);

// issue 16 item 4: the event stream. Events are numbered in commit order (migration 0054), so "after N" misses
// nothing that committed before the read.
export const latestIncidentEventId = async (db: Db): Promise<number> =>
  (await db.select({ id: max(monitoringIncidentEvents.id) }).from(monitoringIncidentEvents))[0]?.id ?? 0;

export const findIncidentEventsAfter = (db: Db, after: number, scope: SQL | undefined, limit: number) =>
  db
    .select({
      eventId: monitoringIncidentEvents.id,
      change: monitoringIncidentEvents.change,
      incident: monitoringIncidents,
      enterpriseName: enterprises.name,
      pointName: monitoringPoints.name,
      pointCode: monitoringPoints.code,
      unit: monitoringPoints.unit,
      sourceName: monitoringSources.name,
    })
    .from(monitoringIncidentEvents)
    .innerJoin(monitoringIncidents, eq(monitoringIncidents.id, monitoringIncidentEvents.incidentId))
    .innerJoin(enterprises, eq(enterprises.id, monitoringIncidents.enterpriseId))
    .innerJoin(monitoringPoints, eq(monitoringPoints.id, monitoringIncidents.pointId))
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId))
    .where(and(gt(monitoringIncidentEvents.id, after), scope))
    .orderBy(asc(monitoringIncidentEvents.id))
    .limit(limit);

export const findReadMark = async (db: Db, userId: string): Promise<number> =>
  (
    await db
      .select({ eventId: monitoringReadMarks.eventId })
      .from(monitoringReadMarks)
      .where(eq(monitoringReadMarks.userId, userId))
  )[0]?.eventId ?? 0;

// A mark only moves forward (two tabs may report in any order).
export const storeReadMark = (db: Db, userId: string, eventId: number) =>
  db
    .insert(monitoringReadMarks)
    .values({ userId, eventId })
    .onConflictDoUpdate({
      target: monitoringReadMarks.userId,
      set: { eventId: sql`greatest(${monitoringReadMarks.eventId}, excluded.event_id)` },
    });

// Unread: the incidents in scope that nobody has taken up yet and that changed after the officer's mark.
export const countUnreadIncidents = async (db: Db, mark: number, scope: SQL | undefined): Promise<number> =>
  (
    await db
      .select({ n: sql<number>`count(distinct ${monitoringIncidentEvents.incidentId})::int` })
      .from(monitoringIncidentEvents)
      .innerJoin(monitoringIncidents, eq(monitoringIncidents.id, monitoringIncidentEvents.incidentId))
      .where(and(gt(monitoringIncidentEvents.id, mark), eq(monitoringIncidents.state, 'open'), scope))
  )[0]?.n ?? 0;
