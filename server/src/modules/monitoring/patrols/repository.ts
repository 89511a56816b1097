import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { scopeCondition } from '../../../platform/db/scope.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { users } from '../../../platform/auth/schema.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { monitoringAlarms, monitoringIncidents, monitoringPoints, monitoringSources } from '../schema.ts';
import { droneFindings, droneMissions } from './schema.ts';

export type MissionRow = typeof droneMissions.$inferSelect;
export type FindingRow = typeof droneFindings.$inferSelect;

// the alarm a finding raised is stored under this external id of the territory's drone source
export const findingExternalId = (findingId: string): string => `drone-finding:${findingId}`;

export const insertMission = async (tx: Tx, row: typeof droneMissions.$inferInsert): Promise<MissionRow> =>
  (await tx.insert(droneMissions).values(row).returning())[0]!;

export const findMission = async (db: Db | Tx, id: string): Promise<MissionRow | undefined> =>
  (await db.select().from(droneMissions).where(eq(droneMissions.id, id)))[0];

export const listMissions = (db: Db, scope: SQL | undefined, limit = 200) =>
  db
    .select({
      mission: droneMissions,
      // the names written out: inside a subquery drizzle would leave the outer column unqualified
      findingCount: sql<number>`(select count(*)::int from "drone_findings" where "drone_findings"."mission_id" = "drone_missions"."id")`,
    })
    .from(droneMissions)
    .where(scope)
    .orderBy(desc(droneMissions.scheduledOn), desc(droneMissions.startTime))
    .limit(limit);

export const updateMission = (tx: Tx, id: string, fields: Partial<typeof droneMissions.$inferInsert>) =>
  tx.update(droneMissions).set(fields).where(eq(droneMissions.id, id));

// The officers who may be named pilot: active staff accounts of the territory that handle leads.
export const findPilotCandidates = (db: Db, territoryScope: SQL) =>
  db
    .select({ id: users.id, displayName: users.displayName, territory: users.territory, role: users.role })
    .from(users)
    .where(
      and(
        territoryScope,
        eq(users.active, true),
        inArray(users.role, ['inspector', 'unit_head', 'bureau_head']),
      ),
    )
    .orderBy(users.displayName);

export const findUser = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: users.id,
        displayName: users.displayName,
        territory: users.territory,
        role: users.role,
        active: users.active,
      })
      .from(users)
      .where(eq(users.id, id))
  )[0];

const findingColumns = {
  id: droneFindings.id,
  missionId: droneFindings.missionId,
  territory: droneFindings.territory,
  enterpriseId: droneFindings.enterpriseId,
  enterpriseName: enterprises.name,
  kind: droneFindings.kind,
  latitude: droneFindings.latitude,
  longitude: droneFindings.longitude,
  takenAt: droneFindings.takenAt,
  note: droneFindings.note,
  insideArea: droneFindings.insideArea,
  photoSha256: droneFindings.photoSha256,
  photoMediaType: droneFindings.photoMediaType,
  photoSize: droneFindings.photoSize,
  uploadedAt: droneFindings.uploadedAt,
  uploadedByName: droneFindings.uploadedByName,
  incidentId: monitoringAlarms.incidentId,
  incidentState: monitoringIncidents.state,
};

// A finding with the lead its alarm opened or joined (none while the alarm is not stored yet).
const findingsQuery = (db: Db | Tx) =>
  db
    .select(findingColumns)
    .from(droneFindings)
    .innerJoin(enterprises, eq(enterprises.id, droneFindings.enterpriseId))
    .leftJoin(
      monitoringAlarms,
      and(
        eq(monitoringAlarms.externalId, sql`'drone-finding:' || ${droneFindings.id}::text`),
        eq(monitoringAlarms.kind, 'drone'),
      ),
    )
    .leftJoin(monitoringIncidents, eq(monitoringIncidents.id, monitoringAlarms.incidentId));

export type FindingView = Awaited<ReturnType<ReturnType<typeof findingsQuery>['where']>>[number];

export const findFindingsOfMission = (db: Db, missionId: string) =>
  findingsQuery(db).where(eq(droneFindings.missionId, missionId)).orderBy(droneFindings.takenAt);

export const findFindingsOfIncident = (db: Db, incidentId: string) =>
  findingsQuery(db).where(eq(monitoringAlarms.incidentId, incidentId)).orderBy(droneFindings.takenAt);

export const findFindingsInScope = (db: Db, scope: SQL | undefined, limit: number) =>
  findingsQuery(db).where(scope).orderBy(desc(droneFindings.takenAt)).limit(limit);

export const findFindingSummary = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: droneFindings.id,
        missionId: droneFindings.missionId,
        territory: droneFindings.territory,
        photoSha256: droneFindings.photoSha256,
      })
      .from(droneFindings)
      .where(eq(droneFindings.id, id))
  )[0];

export const findFindingPhoto = async (db: Db, id: string) =>
  (
    await db
      .select({
        territory: droneFindings.territory,
        data: droneFindings.photo,
        mediaType: droneFindings.photoMediaType,
        sha256: droneFindings.photoSha256,
      })
      .from(droneFindings)
      .where(eq(droneFindings.id, id))
  )[0];

export const insertFinding = (tx: Tx, row: typeof droneFindings.$inferInsert) =>
  tx.insert(droneFindings).values(row);

// First finding of a territory: its drone source is registered once, whoever reports at the same moment.
export const lockDroneSource = async (tx: Tx, territory: string): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`drone-source:${territory}`}))`);
};

// The territory's drone source (one per territory, registered on first use) and its point for an enterprise.
export const findDroneSource = async (db: Db | Tx, territory: string) =>
  (
    await db
      .select()
      .from(monitoringSources)
      .where(and(eq(monitoringSources.kind, 'drone_patrol'), eq(monitoringSources.territory, territory)))
      .orderBy(monitoringSources.createdAt)
      .limit(1)
  )[0];

export const insertDroneSource = async (tx: Tx, row: typeof monitoringSources.$inferInsert) =>
  (await tx.insert(monitoringSources).values(row).returning())[0]!;

export const ensureDronePoint = async (tx: Tx, row: typeof monitoringPoints.$inferInsert) => {
  await tx.insert(monitoringPoints).values(row).onConflictDoNothing();
};

// The map: the territory's enterprises that have coordinates, and its waiting leads placed at their enterprise.
export const findPlacedEnterprises = (db: Db, actor: Actor, limit: number) =>
  db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      territory: enterprises.territory,
      isKey: enterprises.isKey,
      latitude: enterprises.latitude,
      longitude: enterprises.longitude,
    })
    .from(enterprises)
    .where(
      and(
        scopeCondition(actor, 'enterprise', { territory: enterprises.territory }),
        isNotNull(enterprises.latitude),
        isNotNull(enterprises.longitude),
      ),
    )
    .orderBy(enterprises.name)
    .limit(limit);

export const findMapIncidents = (db: Db, scope: SQL | undefined, states: readonly string[], limit: number) =>
  db
    .select({
      id: monitoringIncidents.id,
      enterpriseId: monitoringIncidents.enterpriseId,
      enterpriseName: enterprises.name,
      kind: monitoringIncidents.kind,
      level: monitoringIncidents.level,
      state: monitoringIncidents.state,
      summary: monitoringIncidents.summary,
      lastAlarmAt: monitoringIncidents.lastAlarmAt,
      latitude: enterprises.latitude,
      longitude: enterprises.longitude,
    })
    .from(monitoringIncidents)
    .innerJoin(enterprises, eq(enterprises.id, monitoringIncidents.enterpriseId))
    .where(and(scope, inArray(monitoringIncidents.state, [...states] as never[])))
    .orderBy(desc(monitoringIncidents.lastAlarmAt))
    .limit(limit);
