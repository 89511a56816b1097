import {
  checkPatrolPlan,
  DRONE_FINDING_KIND_NAMES,
  INCIDENT_STATE_NAMES,
  MISSION_STATE_NAMES,
  PATROL_AREA_KIND_NAMES,
  type PatrolArea,
  type PatrolAreaKind,
  type PatrolRoute,
  type PatrolSchedule,
} from '@inspecta/domain/monitoring';
import { isWithinTerritory } from '@inspecta/domain';
import { appendAuditEvents } from '../../../platform/audit/service.ts';
import { scopeCondition, territoryCondition } from '../../../platform/db/scope.ts';
import { users } from '../../../platform/auth/schema.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  assertTerritoryWritable,
  mayFlyDroneMission,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../../platform/problems/problem.ts';
import {
  findFindingPhoto,
  findFindingsOfMission,
  findMission,
  findPilotCandidates,
  findUser,
  insertMission,
  listMissions,
  updateMission,
  type FindingView,
  type MissionRow,
} from './repository.ts';
import { droneMissions } from './schema.ts';

// measure 21: drone patrols planned by an officer of the territory, flown by the officer named pilot.

const auditActor = (actor: Actor) => ({ id: actor.id, displayName: actor.displayName });

export const missionView = (row: MissionRow) => ({
  id: row.id,
  territory: row.territory,
  title: row.title,
  areaKind: row.areaKind,
  areaKindName: PATROL_AREA_KIND_NAMES[row.areaKind],
  area: row.area,
  route: row.route,
  schedule: { date: row.scheduledOn, startTime: row.startTime, endTime: row.endTime },
  pilotId: row.pilotId,
  pilotName: row.pilotName,
  state: row.state,
  stateName: MISSION_STATE_NAMES[row.state],
  plannedByName: row.plannedByName,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt ? row.completedAt.toISOString() : null,
});

export const findingView = (row: FindingView) => ({
  id: row.id,
  missionId: row.missionId,
  enterpriseId: row.enterpriseId,
  enterpriseName: row.enterpriseName,
  kind: row.kind,
  kindName: DRONE_FINDING_KIND_NAMES[row.kind],
  latitude: row.latitude,
  longitude: row.longitude,
  takenAt: row.takenAt.toISOString(),
  note: row.note,
  insideArea: row.insideArea,
  photoUrl: `/api/v1/drone-findings/${row.id}/photo`,
  photoMediaType: row.photoMediaType,
  uploadedByName: row.uploadedByName,
  incidentId: row.incidentId,
  incidentStateName: row.incidentState ? INCIDENT_STATE_NAMES[row.incidentState] : null,
});

// The officers of the territory (or of a level above it) who may be named pilot.
export const listPilots = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'drone_mission', 'create');
  return findPilotCandidates(ctx.db, territoryCondition(actor.territory, users.territory));
};

export const planDroneMission = async (
  ctx: AppContext,
  actor: Actor,
  input: {
    title: string;
    areaKind: PatrolAreaKind;
    area: PatrolArea;
    route: PatrolRoute;
    schedule: PatrolSchedule;
    pilotId: string;
    territory?: string;
  },
) => {
  assertMayUse(actor, 'drone_mission', 'create');
  const territory = input.territory ?? actor.territory;
  assertTerritoryWritable(actor, territory);
  const now = ctx.clock.now();
  const plan = checkPatrolPlan(input.schedule, { now });
  if (!plan.ok) throw refused(plan);
  // the pilot: an active officer account of the mission's territory, or of a level above it (the city's team)
  const pilot = isUuid(input.pilotId) ? await findUser(ctx.db, input.pilotId) : undefined;
  if (
    !pilot ||
    !pilot.active ||
    !['inspector', 'unit_head', 'bureau_head'].includes(pilot.role) ||
    !(isWithinTerritory(pilot.territory, territory) || isWithinTerritory(territory, pilot.territory)) ||
    !(
      isWithinTerritory(actor.territory, pilot.territory) ||
      isWithinTerritory(pilot.territory, actor.territory)
    )
  )
    throw notFound('飞手');
  return ctx.db.transaction(async (tx) => {
    const row = await insertMission(tx, {
      territory,
      title: input.title,
      areaKind: input.areaKind,
      area: input.area,
      route: input.route,
      scheduledOn: input.schedule.date,
      startTime: input.schedule.startTime,
      endTime: input.schedule.endTime,
      pilotId: pilot.id,
      pilotName: pilot.displayName,
      state: 'planned',
      plannedById: actor.id,
      plannedByName: actor.displayName,
      createdAt: now,
    });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'drone_mission.planned',
        entityType: 'drone_mission',
        entityId: row.id,
        territory,
        payload: {
          title: row.title,
          areaKind: row.areaKind,
          scheduledOn: row.scheduledOn,
          startTime: row.startTime,
          endTime: row.endTime,
          pilotId: pilot.id,
        },
        at: now,
      },
    ]);
    return missionView(row);
  });
};

export const listDroneMissions = async (ctx: AppContext, actor: Actor) =>
  (
    await listMissions(ctx.db, scopeCondition(actor, 'drone_mission', { territory: droneMissions.territory }))
  ).map((row) => ({ ...missionView(row.mission), findingCount: row.findingCount }));

export const loadMission = async (
  db: AppContext['db'],
  actor: Actor,
  id: string,
  action: 'read' | 'update',
): Promise<MissionRow> =>
  assertCan(actor, 'drone_mission', action, isUuid(id) ? await findMission(db, id) : undefined, '巡查任务');

export const getDroneMission = async (ctx: AppContext, actor: Actor, id: string) => {
  const mission = await loadMission(ctx.db, actor, id, 'read');
  return {
    ...missionView(mission),
    mayReport: mayFlyDroneMission(actor, mission) && mission.state === 'planned',
    findings: (await findFindingsOfMission(ctx.db, mission.id)).map(findingView),
  };
};

export const completeDroneMission = async (ctx: AppContext, actor: Actor, id: string) => {
  const mission = await loadMission(ctx.db, actor, id, 'update');
  if (!mayFlyDroneMission(actor, mission)) throw problem('DRONE_NOT_PILOT');
  if (mission.state !== 'planned') throw problem('DRONE_MISSION_COMPLETED');
  const findings = await findFindingsOfMission(ctx.db, mission.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateMission(tx, mission.id, { state: 'completed', completedAt: now });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'drone_mission.completed',
        entityType: 'drone_mission',
        entityId: mission.id,
        territory: mission.territory,
        payload: { findings: findings.length },
        at: now,
      },
    ]);
  });
};

export const readFindingPhoto = async (ctx: AppContext, actor: Actor, findingId: string) => {
  const photo = isUuid(findingId) ? await findFindingPhoto(ctx.db, findingId) : undefined;
  return assertCan(actor, 'drone_mission', 'read', photo, '巡查照片');
};
