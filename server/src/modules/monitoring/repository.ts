import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gt, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { users } from '../../platform/auth/schema.ts';
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

// A lead as it opens: nobody has taken it up, answered, closed, escalated or scored it yet.
export const openedIncident = (
  fields: Pick<
    IncidentRow,
    | 'sourceId'
    | 'pointId'
    | 'enterpriseId'
    | 'territory'
    | 'kind'
    | 'level'
    | 'priority'
    | 'alarmCount'
    | 'summary'
    | 'openedAt'
    | 'lastAlarmAt'
  >,
): IncidentRow => ({
  id: randomUUID(),
  ...fields,
  state: 'open',
  clearedAt: null,
  acknowledgedAt: null,
  acknowledgedByName: null,
  question: null,
  answer: null,
  answeredAt: null,
  closedAt: null,
  closedByName: null,
  closingNote: null,
  inspectionId: null,
  handlingTerritory: fields.territory,
  escalationSteps: 0,
  escalatedAt: null,
  riskFactId: null,
});
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

// What ingestion reads under the source's lock, in one statement (issue 16 item 10: every round trip holds the
// source's lock): the batch's points, which of its external ids are already stored (looked up one by one in the
// unique index, so the check costs the batch's size, not the table's: a lateral subquery with a limit, which the
// planner cannot turn into a scan of all the source's alarms), and the open incidents of its points.
export type IngestPoint = Pick<
  PointRow,
  'id' | 'code' | 'enterpriseId' | 'territory' | 'kind' | 'name' | 'unit'
>;
export type IngestOpenIncident = Pick<
  IncidentRow,
  'id' | 'pointId' | 'kind' | 'level' | 'priority' | 'state' | 'alarmCount' | 'lastAlarmAt'
>;

export const readIngestState = async (
  tx: Tx,
  sourceId: string,
  pointCodes: readonly string[],
  externalIds: readonly string[],
): Promise<{ points: IngestPoint[]; stored: Set<string>; open: IngestOpenIncident[] }> => {
  const result = (await tx.execute(sql`
    with p as (
      select p.id, p.code, p.enterprise_id as "enterpriseId", p.territory, p.kind, p.name, p.unit
      from monitoring_points p
      where p.source_id = ${sourceId} and p.code in (select jsonb_array_elements_text(${JSON.stringify(pointCodes)}::jsonb))
    )
    select
      (select coalesce(jsonb_agg(p), '[]') from p) as points,
      (select coalesce(jsonb_agg(e.id), '[]')
        from jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb) as e(id)
        cross join lateral (select 1 from monitoring_alarms a
          where a.source_id = ${sourceId} and a.external_id = e.id limit 1) as found) as stored,
      (select coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'pointId', i.point_id, 'kind', i.kind,
          'level', i.level, 'priority', i.priority, 'state', i.state, 'alarmCount', i.alarm_count,
          'lastAlarmAt', i.last_alarm_at)), '[]')
        from monitoring_incidents i join p on i.point_id = p.id
        where i.state in ('open', 'acknowledged', 'awaiting_enterprise')) as open`)) as unknown as {
    rows: { points: unknown; stored: unknown; open: unknown }[];
  };
  // PGlite and pg both hand jsonb back parsed; a string is parsed here all the same
  const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  const row = result.rows[0]!;
  return {
    points: parsed<IngestPoint[]>(row.points),
    stored: new Set(parsed<string[]>(row.stored)),
    open: parsed<(Omit<IngestOpenIncident, 'lastAlarmAt'> & { lastAlarmAt: string })[]>(row.open).map(
      (incident) => ({ ...incident, lastAlarmAt: new Date(incident.lastAlarmAt) }),
    ),
  };
};

export const insertIncidents = async (tx: Tx, rows: (typeof monitoringIncidents.$inferInsert)[]) => {
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(monitoringIncidents).values(rows.slice(i, i + 500));
};

export const updateIncident = (
  tx: Tx,
  id: string,
  fields: Partial<typeof monitoringIncidents.$inferInsert>,
) => tx.update(monitoringIncidents).set(fields).where(eq(monitoringIncidents.id, id));

// What triage wrote of a batch, in one statement (issue 16 item 10: a statement per row made ingestion a tenth
// of a raw INSERT, a statement per table a third): the incidents it opened, what it changed of those already
// stored, the alarms, and when each point was last heard from. The rows travel as JSON parameters, the same on
// both drivers. The alarms' foreign key to an incident opened by the same statement is checked at its end.
// What triage changes of incidents already stored. The handling fields are not touched: an officer may have
// taken an incident up meanwhile, and a source's clear ends only one nobody has taken up.
export type IncidentTriageUpdate = {
  id: string;
  level: IncidentRow['level'];
  priority: IncidentRow['priority'];
  alarmCount: number;
  lastAlarmAt: Date;
  // null: no alarm of the batch merged into it, the summary stays
  summary: string | null;
  clearedAt: Date | null;
  // the source sent its clear in this batch
  clearedNow: boolean;
};

// A PostgreSQL array literal (NULL for null), each text quoted, so any text passes as it is.
const quoted = (value: string): string =>
  /["\\]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
const arrayLiteral = (values: readonly (string | number | null)[]): string => {
  let literal = '{';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (i > 0) literal += ',';
    literal += value === null ? 'NULL' : typeof value === 'number' ? String(value) : quoted(value);
  }
  return `${literal}}`;
};

// A batch's alarms as column arrays (issue 16 item 10), made before the source's lock is taken: everything of an
// alarm but its point and its incident, which are known only under the lock. The arrays travel as one parameter
// each and are read with `unnest`, which PostgreSQL decodes faster than a JSON document of the rows (a multi-row
// VALUES of the same rows is slower still); the raw payloads travel as one JSON array, zipped with them by position.
export type AlarmColumns = {
  columns: Record<
    'external_id' | 'at' | 'status' | 'kind' | 'level' | 'value' | 'threshold' | 'content' | 'raw',
    string
  >;
};
export const alarmColumns = (
  alarms: readonly {
    alarm: Pick<
      typeof monitoringAlarms.$inferInsert,
      'externalId' | 'status' | 'kind' | 'level' | 'value' | 'threshold' | 'content'
    >;
    at: Date;
    raw: unknown;
  }[],
): AlarmColumns => ({
  columns: {
    external_id: arrayLiteral(alarms.map(({ alarm }) => alarm.externalId)),
    at: arrayLiteral(alarms.map(({ at }) => at.toISOString())),
    status: arrayLiteral(alarms.map(({ alarm }) => alarm.status)),
    kind: arrayLiteral(alarms.map(({ alarm }) => alarm.kind)),
    level: arrayLiteral(alarms.map(({ alarm }) => alarm.level ?? null)),
    value: arrayLiteral(alarms.map(({ alarm }) => alarm.value ?? null)),
    threshold: arrayLiteral(alarms.map(({ alarm }) => alarm.threshold ?? null)),
    content: arrayLiteral(alarms.map(({ alarm }) => alarm.content ?? null)),
    raw: JSON.stringify(alarms.map(({ raw }) => raw ?? null)),
  },
});

export const storeTriagedBatch = async (
  tx: Tx,
  batch: {
    opened: readonly IncidentRow[];
    updated: readonly IncidentTriageUpdate[];
    // the batch's alarms as prepared, and for each its point and incident; an alarm without a point (unknown,
    // of another kind, or already stored) is not stored
    alarms: AlarmColumns;
    pointIds: readonly (string | null)[];
    incidentIds: readonly (string | null)[];
    sourceId: string;
    receivedAt: Date;
    lastSeen: ReadonlyMap<string, Date>;
  },
) => {
  if (!batch.pointIds.some((id) => id !== null)) return;
  const iso = (at: Date | null | undefined) => at?.toISOString() ?? null;
  // every column of the table under its own name, so a new incident is stored exactly as openedIncident made it
  const columns = Object.entries(getTableColumns(monitoringIncidents)) as [
    keyof IncidentRow,
    { name: string },
  ][];
  const opened = batch.opened.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        const value = row[key];
        return [column.name, value instanceof Date ? value.toISOString() : value];
      }),
    ),
  );
  const updated = batch.updated.map((update) => ({
    id: update.id,
    level: update.level,
    priority: update.priority,
    alarm_count: update.alarmCount,
    last_alarm_at: iso(update.lastAlarmAt),
    summary: update.summary,
    cleared_at: iso(update.clearedAt),
    cleared_now: update.clearedNow,
  }));
  const seen = [...batch.lastSeen].map(([id, at]) => ({ id, at: iso(at) }));
  const a = batch.alarms.columns;
  await tx.execute(sql`
    with opened as (
      insert into monitoring_incidents
      select * from jsonb_populate_recordset(null::monitoring_incidents, ${JSON.stringify(opened)}::jsonb)
    ), changed as (
      update monitoring_incidents as i set
        level = v.level, priority = v.priority, alarm_count = v.alarm_count, last_alarm_at = v.last_alarm_at,
        summary = coalesce(v.summary, i.summary), cleared_at = coalesce(v.cleared_at, i.cleared_at),
        state = case when v.cleared_now and i.state = 'open' then 'cleared' else i.state end,
        closed_at = case when v.cleared_now and i.state = 'open' then v.cleared_at else i.closed_at end
      from jsonb_to_recordset(${JSON.stringify(updated)}::jsonb) as v(id uuid, level text, priority text,
        alarm_count integer, last_alarm_at timestamptz, summary text, cleared_at timestamptz, cleared_now boolean)
      where i.id = v.id
    ), seen as (
      update monitoring_points as p set last_seen_at = greatest(p.last_seen_at, v.at)
      from jsonb_to_recordset(${JSON.stringify(seen)}::jsonb) as v(id uuid, at timestamptz)
      where p.id = v.id
    )
    insert into monitoring_alarms
      (source_id, external_id, point_id, incident_id, at, received_at, status, kind, level, value, threshold, content, raw)
    select ${batch.sourceId}::uuid, v.external_id, v.point_id, v.incident_id, v.at, ${iso(batch.receivedAt)}::timestamptz,
      v.status, v.kind, v.level, v.value, v.threshold, v.content, v.raw::jsonb
    from rows from (unnest(${arrayLiteral(batch.pointIds)}::uuid[]), unnest(${arrayLiteral(batch.incidentIds)}::uuid[]),
      unnest(${a.external_id}::text[]), unnest(${a.at}::timestamptz[]), unnest(${a.status}::text[]),
      unnest(${a.kind}::text[]), unnest(${a.level}::text[]), unnest(${a.value}::float8[]),
      unnest(${a.threshold}::float8[]), unnest(${a.content}::text[]), json_array_elements(${a.raw}::json))
      as v(point_id, incident_id, external_id, at, status, kind, level, value, threshold, content, raw)
    where v.point_id is not null`);
};

export type IncidentFilter = {
  scope?: SQL | undefined;
  states?: readonly IncidentRow['state'][];
  enterpriseId?: string;
  escalated?: boolean;
  inspectionId?: string;
};

// An incident as the officers see it: its row, with the names of its enterprise, point and source.
const incidentViewColumns = {
  incident: monitoringIncidents,
  enterpriseName: enterprises.name,
  pointName: monitoringPoints.name,
  pointCode: monitoringPoints.code,
  unit: monitoringPoints.unit,
  sourceName: monitoringSources.name,
  sourceKind: monitoringSources.kind,
};

// The three joins that give an incident those names, on a query already reading the incidents.
const withIncidentNames = <Q extends PgSelect>(query: Q) =>
  query
    .innerJoin(enterprises, eq(enterprises.id, monitoringIncidents.enterpriseId))
    .innerJoin(monitoringPoints, eq(monitoringPoints.id, monitoringIncidents.pointId))
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId));

export const listIncidents = (db: Db, filter: IncidentFilter, limit: number) =>
  withIncidentNames(db.select(incidentViewColumns).from(monitoringIncidents).$dynamic())
    .where(
      and(
        filter.scope,
        filter.states ? inArray(monitoringIncidents.state, [...filter.states]) : undefined,
        filter.enterpriseId ? eq(monitoringIncidents.enterpriseId, filter.enterpriseId) : undefined,
        filter.escalated ? sql`${monitoringIncidents.escalationSteps} > 0` : undefined,
        filter.inspectionId ? eq(monitoringIncidents.inspectionId, filter.inspectionId) : undefined,
      ),
    )
    .orderBy(desc(monitoringIncidents.lastAlarmAt))
    .limit(limit);

export const findIncident = async (db: Db | Tx, id: string) =>
  (
    await withIncidentNames(db.select(incidentViewColumns).from(monitoringIncidents).$dynamic()).where(
      eq(monitoringIncidents.id, id),
    )
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
  withIncidentNames(
    db
      .select({
        eventId: monitoringIncidentEvents.id,
        change: monitoringIncidentEvents.change,
        ...incidentViewColumns,
      })
      .from(monitoringIncidentEvents)
      .innerJoin(monitoringIncidents, eq(monitoringIncidents.id, monitoringIncidentEvents.incidentId))
      .$dynamic(),
  )
    .where(and(gt(monitoringIncidentEvents.id, after), scope))
    .orderBy(asc(monitoringIncidentEvents.id))
    .limit(limit);

// The events written more than `hours` ago (the database's own time, the one the trigger stamps them with), except
// the last event of each incident nobody has taken up yet, which the unread count still needs. Only the events
// numbered before the first one inside the window go, so a stream resumed with a Last-Event-ID inside the window
// still gets everything after it. Walks the numbers from the oldest kept, so it costs what it trims.
export const trimIncidentEvents = async (tx: Tx, hours: number): Promise<number> => {
  const result = (await tx.execute(sql`
    with bound as (
      select coalesce(
        (select min(id) from monitoring_incident_events where at >= now() - make_interval(hours => ${hours})),
        (select coalesce(max(id), 0) + 1 from monitoring_incident_events)) as id
    ), gone as (
      delete from monitoring_incident_events e using bound
      where e.id < bound.id
        and not exists (select 1 from monitoring_incidents i where i.id = e.incident_id and i.state = 'open'
          and e.id = (select max(l.id) from monitoring_incident_events l where l.incident_id = e.incident_id))
      returning 1
    )
    select count(*)::int as n from gone`)) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
};

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

// Scheduled scans run on one server at a time: a transaction-scoped lock, skipped when another holds it.
export const tryLockScan = async (tx: Tx): Promise<boolean> => {
  const result = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext('monitoring:scan')) as locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return result.rows[0]?.locked === true;
};

// 安全生产法 第三十六条: points that reported once and have been quiet since before `quietSince`, with no silence
// lead waiting for them and none opened since they last reported (one lead per silent stretch: an officer who
// closed it is not sent another while the point stays quiet).
export const findSilentPoints = (tx: Tx, quietSince: Date) =>
  tx
    .select({ point: monitoringPoints, sourceName: monitoringSources.name })
    .from(monitoringPoints)
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringPoints.sourceId))
    .where(
      and(
        eq(monitoringSources.active, 1),
        sql`${monitoringPoints.lastSeenAt} < ${quietSince.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${monitoringIncidents} where ${monitoringIncidents.pointId} = ${monitoringPoints.id}
          and ${monitoringIncidents.kind} = 'silence' and (${monitoringIncidents.state} in ('open', 'acknowledged', 'awaiting_enterprise')
            or ${monitoringIncidents.openedAt} > ${monitoringPoints.lastSeenAt}))`,
      ),
    )
    .limit(1000);

// Silence leads nobody took up whose point has reported again since they opened.
export const findResumedSilenceIncidents = (tx: Tx) =>
  tx
    .select({
      id: monitoringIncidents.id,
      territory: monitoringIncidents.territory,
      at: monitoringPoints.lastSeenAt,
    })
    .from(monitoringIncidents)
    .innerJoin(monitoringPoints, eq(monitoringPoints.id, monitoringIncidents.pointId))
    .where(
      and(
        eq(monitoringIncidents.kind, 'silence'),
        eq(monitoringIncidents.state, 'open'),
        sql`${monitoringPoints.lastSeenAt} > ${monitoringIncidents.openedAt}`,
      ),
    )
    .for('update', { of: monitoringIncidents });

// Leads nobody has taken up yet, oldest first (read without a lock: most need nothing, and ingestion merges into
// them meanwhile).
export const findOpenIncidents = (tx: Tx, limit = 5000) =>
  tx
    .select()
    .from(monitoringIncidents)
    .where(eq(monitoringIncidents.state, 'open'))
    .orderBy(monitoringIncidents.openedAt)
    .limit(limit);

// The given leads, locked, as committed now, if still nobody has taken them up.
export const lockOpenIncidentsById = (tx: Tx, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as IncidentRow[])
    : tx
        .select()
        .from(monitoringIncidents)
        .where(and(inArray(monitoringIncidents.id, [...ids]), eq(monitoringIncidents.state, 'open')))
        .orderBy(monitoringIncidents.id)
        .for('update');

// The active officers and heads who answer for leads in a territory (its own accounts, not those above it).
export const findResponsibleUsers = (db: Db | Tx, territories: readonly string[]) =>
  territories.length === 0
    ? Promise.resolve([] as { id: string; territory: string }[])
    : db
        .select({ id: users.id, territory: users.territory })
        .from(users)
        .where(
          and(
            inArray(users.role, ['inspector', 'unit_head', 'bureau_head']),
            eq(users.active, true),
            inArray(users.territory, [...territories]),
          ),
        );

// Issue 16 item 8: the leads opened in [from, to), with their source's kind, within the scope.
export const findIncidentsOpenedBetween = (
  db: Db,
  scope: SQL | undefined,
  territory: string | null,
  from: Date,
  to: Date,
) =>
  db
    .select({
      territory: monitoringIncidents.territory,
      sourceKind: monitoringSources.kind,
      state: monitoringIncidents.state,
      openedAt: monitoringIncidents.openedAt,
      acknowledgedAt: monitoringIncidents.acknowledgedAt,
      closedAt: monitoringIncidents.closedAt,
    })
    .from(monitoringIncidents)
    .innerJoin(monitoringSources, eq(monitoringSources.id, monitoringIncidents.sourceId))
    .where(
      and(
        scope,
        territory ? territoryCondition(territory, monitoringIncidents.territory) : undefined,
        sql`${monitoringIncidents.openedAt} >= ${from.toISOString()}::timestamptz`,
        sql`${monitoringIncidents.openedAt} < ${to.toISOString()}::timestamptz`,
      ),
    );

// measures 3, 20: leads of the levels the grading rule counts, opened since `since`, not dismissed and not fed
// into the risk yet, locked (a dismissal waits, and a dismissed lead is skipped).
export const lockLeadsForRisk = (
  tx: Tx,
  levels: readonly IncidentRow['level'][],
  since: Date,
  limit = 500,
) =>
  levels.length === 0
    ? Promise.resolve([] as IncidentRow[])
    : tx
        .select()
        .from(monitoringIncidents)
        .where(
          and(
            sql`${monitoringIncidents.riskFactId} is null`,
            inArray(monitoringIncidents.level, [...levels]),
            sql`${monitoringIncidents.state} <> 'dismissed'`,
            sql`${monitoringIncidents.openedAt} >= ${since.toISOString()}::timestamptz`,
          ),
        )
        .orderBy(monitoringIncidents.openedAt)
        .limit(limit)
        .for('update');

// The risk fact of a lead as committed now (read after the caller's own update of the row, so a scan that
// recorded it concurrently has committed first).
export const findRiskFactId = async (tx: Tx, id: string): Promise<string | null> =>
  (
    await tx
      .select({ riskFactId: monitoringIncidents.riskFactId })
      .from(monitoringIncidents)
      .where(eq(monitoringIncidents.id, id))
  )[0]?.riskFactId ?? null;
