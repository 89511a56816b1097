import { alarmKindName, INCIDENT_STATE_NAMES, monitoringCatalog } from '@inspecta/domain/monitoring';
import { scopeCondition } from '../../../platform/db/scope.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { assertCan, type Actor } from '../../../platform/policy/policy.ts';
import { findIncident } from '../repository.ts';
import { monitoringIncidents } from '../schema.ts';
import {
  findFindingsInScope,
  findFindingsOfIncident,
  findMapIncidents,
  findPlacedEnterprises,
  listMissions,
} from './repository.ts';
import { droneFindings, droneMissions } from './schema.ts';
import { findingView, missionView } from './service.ts';

// Issue 16 item 7: one map of the territory: its enterprises where their coordinates are recorded, the leads
// waiting for handling (at the drone finding's place, or else at their enterprise), the patrol areas and routes,
// and what the drones found.

const WAITING = ['open', 'acknowledged', 'awaiting_enterprise'] as const;
const LIMIT = 2000;

export const territoryMap = async (ctx: AppContext, actor: Actor) => {
  const incidentScope = scopeCondition(actor, 'monitoring_incident', {
    territory: monitoringIncidents.territory,
  });
  const missionScope = scopeCondition(actor, 'drone_mission', { territory: droneMissions.territory });
  const [placed, incidents, missions, findings] = await Promise.all([
    findPlacedEnterprises(ctx.db, actor, LIMIT),
    findMapIncidents(ctx.db, incidentScope, WAITING, LIMIT),
    listMissions(ctx.db, missionScope, 200),
    findFindingsInScope(
      ctx.db,
      scopeCondition(actor, 'drone_mission', { territory: droneFindings.territory }),
      LIMIT,
    ),
  ]);
  const findingViews = findings.map(findingView);
  const findingOf = new Map<string, (typeof findingViews)[number]>();
  for (const finding of findingViews)
    if (finding.incidentId && !findingOf.has(finding.incidentId)) findingOf.set(finding.incidentId, finding);
  return {
    enterprises: placed.map((row) => ({
      id: row.id,
      name: row.name,
      territory: row.territory,
      isKey: row.isKey,
      latitude: row.latitude!,
      longitude: row.longitude!,
    })),
    incidents: incidents.flatMap((row) => {
      const finding = findingOf.get(row.id);
      const latitude = finding?.latitude ?? row.latitude;
      const longitude = finding?.longitude ?? row.longitude;
      if (latitude === null || longitude === null) return [];
      return [
        {
          id: row.id,
          enterpriseId: row.enterpriseId,
          enterpriseName: row.enterpriseName,
          kind: row.kind,
          kindName: alarmKindName(monitoringCatalog, row.kind),
          level: row.level,
          levelName: monitoringCatalog.levels.find((level) => level.code === row.level)?.name ?? row.level,
          stateName: INCIDENT_STATE_NAMES[row.state],
          summary: row.summary,
          lastAlarmAt: row.lastAlarmAt.toISOString(),
          latitude,
          longitude,
          photoUrl: finding?.photoUrl ?? null,
        },
      ];
    }),
    missions: missions.map((row) => ({ ...missionView(row.mission), findingCount: row.findingCount })),
    findings: findingViews,
    unplacedIncidents: incidents.filter((row) => row.latitude === null && !findingOf.has(row.id)).length,
  };
};

// The drone findings behind a lead, for its drawer: the photo, where and when it was taken.
export const findingsOfIncident = async (ctx: AppContext, actor: Actor, incidentId: string) => {
  const joined = isUuid(incidentId) ? await findIncident(ctx.db, incidentId) : undefined;
  const incident = assertCan(actor, 'monitoring_incident', 'read', joined?.incident, '监测预警线索');
  return (await findFindingsOfIncident(ctx.db, incident.id)).map(findingView);
};
