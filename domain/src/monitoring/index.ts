// measures 7, 19–21: monitoring alarms, video and drone findings as leads an officer handles remotely first.
export {
  ALARM_KINDS,
  ALARM_LEVELS,
  SOURCE_KINDS,
  ZAlarmKindSchema,
  ZAlarmLevelSchema,
  ZSourceKindSchema,
  alarmKindName,
  levelRank,
  monitoringCatalog,
  parseMonitoringCatalog,
  sourceMatter,
} from './monitoring-catalog.ts';
export type {
  AlarmKind,
  AlarmLevel,
  MonitoringCatalog,
  SourceKind,
  TriageRules,
} from './monitoring-catalog.ts';
export { ZNormalisedAlarmSchema, evaluateReading, parseAlarmBatch } from './alarm.ts';
export type { ItemResult, MonitoringPoint, NormalisedAlarm } from './alarm.ts';
export { PRIORITIES, PRIORITY_NAMES, priorityOf, silentPoints, triageAlarm } from './triage.ts';
export type { OpenIncident, Priority, TriageDecision } from './triage.ts';
export {
  INCIDENT_ACTIONS,
  INCIDENT_ACTION_NAMES,
  INCIDENT_STATES,
  INCIDENT_STATE_NAMES,
  handlingStatus,
  isIncidentClosed,
  moveIncident,
} from './incident.ts';
export type { IncidentAction, IncidentRefusalCode, IncidentState } from './incident.ts';
export { adaptEvents, adaptRealtimeData, adaptVideoAlarms } from './provincial-adapter.ts';
export type { EnvelopeResult, Reading } from './provincial-adapter.ts';
export { canonicalRequest, isFreshTimestamp } from './signature.ts';
export { escalationOf, incidentTimings, territoryChain } from './handling.ts';
export { percentile, shanghaiMonth, visitsSaved } from './visits-saved.ts';
export type { HandledIncident, SourceFigures, VisitsSavedRow } from './visits-saved.ts';
export {
  DRONE_FINDING_KINDS,
  DRONE_FINDING_KIND_NAMES,
  DRONE_FINDING_LEVELS,
  MISSION_STATES,
  MISSION_STATE_NAMES,
  PATROL_AREA_KINDS,
  PATROL_AREA_KIND_NAMES,
  ZDroneFindingKindSchema,
  ZDroneFindingSchema,
  ZPatrolAreaKindSchema,
  ZPatrolAreaSchema,
  ZPatrolRouteSchema,
  ZPatrolScheduleSchema,
  checkDroneFinding,
  checkPatrolPlan,
  isInsideArea,
  ringSelfIntersects,
  scheduleWindow,
} from './drone-patrol.ts';
export type {
  DroneFinding,
  DroneFindingKind,
  DronePatrolRefusalCode,
  MissionState,
  PatrolArea,
  PatrolAreaKind,
  PatrolRoute,
  PatrolSchedule,
  Position,
} from './drone-patrol.ts';
