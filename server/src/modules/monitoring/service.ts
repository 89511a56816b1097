import { territoryName } from '@inspecta/domain';
import {
  handlingStatus,
  incidentTimings,
  INCIDENT_STATE_NAMES,
  monitoringCatalog,
  moveIncident,
  PRIORITY_NAMES,
  alarmKindName,
  type AlarmKind,
  type IncidentAction,
  type SourceKind,
} from '@inspecta/domain/monitoring';
import { appendAuditEvents } from '../../platform/audit/service.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { AppContext } from '../../platform/http/context.ts';
import {
  assertCan,
  assertMayUse,
  assertReferenced,
  assertTerritoryWritable,
  mayAnswerIncident,
  type Actor,
} from '../../platform/policy/policy.ts';
import { notFound, problem, refused } from '../../platform/problems/problem.ts';
import { findEnterpriseById } from '../enterprises/index.ts';
import { retractMonitoringLead } from '../grading/index.ts';
import {
  findAlarmsOfIncident,
  findIncident,
  findPointsOfSource,
  findRiskFactId,
  findSource,
  insertPoint,
  insertSource,
  listIncidents,
  listSources,
  updateIncident,
} from './repository.ts';
import { monitoringIncidents, monitoringSources } from './schema.ts';
import { newSigningKey } from './source-signature.ts';

const auditActor = (actor: Actor) => ({ id: actor.id, displayName: actor.displayName });
const iso = (date: Date | null) => (date ? date.toISOString() : null);

const sourceView = (row: typeof monitoringSources.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  kindName: monitoringCatalog.sources.find((source) => source.code === row.kind)?.name ?? row.kind,
  name: row.name,
  territory: row.territory,
  active: row.active === 1,
  createdAt: row.createdAt.toISOString(),
});

export const listMonitoringSources = async (ctx: AppContext, actor: Actor) =>
  (
    await listSources(
      ctx.db,
      scopeCondition(actor, 'monitoring_source', { territory: monitoringSources.territory }),
    )
  ).map(sourceView);

// The key is generated here and shown once, in this answer; the source configures it and signs with it.
export const registerMonitoringSource = async (
  ctx: AppContext,
  actor: Actor,
  input: { kind: SourceKind; name: string; territory?: string },
) => {
  assertMayUse(actor, 'monitoring_source', 'create');
  const territory = input.territory ?? actor.territory;
  assertTerritoryWritable(actor, territory);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await insertSource(tx, {
      kind: input.kind,
      name: input.name,
      territory,
      signingKey: newSigningKey(),
      createdAt: now,
    });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'monitoring_source.registered',
        entityType: 'monitoring_source',
        entityId: row.id,
        territory,
        payload: { kind: row.kind, name: row.name },
        at: now,
      },
    ]);
    return { ...sourceView(row), signingKey: row.signingKey };
  });
};

const loadSource = async (ctx: AppContext, actor: Actor, id: string, action: 'read' | 'update') =>
  assertCan(actor, 'monitoring_source', action, await findSource(ctx.db, id), '监测来源');

export const listMonitoringPoints = async (ctx: AppContext, actor: Actor, sourceId: string) => {
  const source = await loadSource(ctx, actor, sourceId, 'read');
  return (await findPointsOfSource(ctx.db, source.id)).map((point) => ({
    id: point.id,
    code: point.code,
    name: point.name,
    kind: point.kind,
    kindName: alarmKindName(monitoringCatalog, point.kind),
    unit: point.unit,
    enterpriseId: point.enterpriseId,
    thresholds: point.thresholds,
    lastSeenAt: iso(point.lastSeenAt),
  }));
};

export const registerMonitoringPoint = async (
  ctx: AppContext,
  actor: Actor,
  sourceId: string,
  input: {
    code: string;
    name: string;
    enterpriseId: string;
    kind: AlarmKind;
    unit?: string;
    thresholds: { highHigh?: number; high?: number; low?: number; lowLow?: number };
  },
) => {
  const source = await loadSource(ctx, actor, sourceId, 'update');
  const enterprise = assertReferenced(
    actor,
    'enterprise',
    await findEnterpriseById(ctx.db, input.enterpriseId),
    '企业',
  );
  return ctx.db.transaction(async (tx) => {
    if ((await findPointsOfSource(tx, source.id, [input.code])).length > 0)
      throw problem('MONITORING_POINT_EXISTS');
    const point = await insertPoint(tx, {
      sourceId: source.id,
      code: input.code,
      name: input.name,
      enterpriseId: enterprise.id,
      territory: enterprise.territory,
      kind: input.kind,
      unit: input.unit ?? null,
      thresholds: input.thresholds,
    });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'monitoring_point.registered',
        entityType: 'monitoring_point',
        entityId: point.id,
        territory: enterprise.territory,
        payload: { sourceId: source.id, code: point.code, enterpriseId: enterprise.id, kind: point.kind },
        at: ctx.clock.now(),
      },
    ]);
    return { id: point.id };
  });
};

type IncidentJoin = NonNullable<Awaited<ReturnType<typeof findIncident>>>;

export const incidentView = (ctx: AppContext, joined: IncidentJoin) => {
  const { incident } = joined;
  const status = handlingStatus(
    { state: incident.state, level: incident.level, openedAt: incident.openedAt.toISOString() },
    ctx.clock.now(),
    monitoringCatalog,
  );
  return {
    id: incident.id,
    enterpriseId: incident.enterpriseId,
    enterpriseName: joined.enterpriseName,
    sourceName: joined.sourceName,
    pointCode: joined.pointCode,
    pointName: joined.pointName,
    unit: joined.unit,
    kind: incident.kind,
    kindName: alarmKindName(monitoringCatalog, incident.kind),
    level: incident.level,
    levelName:
      monitoringCatalog.levels.find((level) => level.code === incident.level)?.name ?? incident.level,
    priority: incident.priority,
    priorityName: PRIORITY_NAMES[incident.priority],
    state: incident.state,
    stateName: INCIDENT_STATE_NAMES[incident.state],
    alarmCount: incident.alarmCount,
    summary: incident.summary,
    openedAt: incident.openedAt.toISOString(),
    lastAlarmAt: incident.lastAlarmAt.toISOString(),
    clearedAt: iso(incident.clearedAt),
    dueBy: status.dueBy,
    overdue: status.overdue,
    escalations: status.escalations,
    acknowledgedAt: iso(incident.acknowledgedAt),
    acknowledgedByName: incident.acknowledgedByName,
    question: incident.question,
    answer: incident.answer,
    answeredAt: iso(incident.answeredAt),
    closedAt: iso(incident.closedAt),
    closedByName: incident.closedByName,
    closingNote: incident.closingNote,
    // every step timed from the first alarm (issue 16 item 5)
    ...incidentTimings({
      openedAt: incident.openedAt.toISOString(),
      acknowledgedAt: iso(incident.acknowledgedAt),
      answeredAt: iso(incident.answeredAt),
      closedAt: iso(incident.closedAt),
      state: incident.state,
    }),
    inspectionId: incident.inspectionId,
    handlingTerritory: incident.handlingTerritory,
    handlingTerritoryName: territoryName(incident.handlingTerritory) ?? incident.handlingTerritory,
    escalationSteps: incident.escalationSteps,
    escalatedAt: iso(incident.escalatedAt),
  };
};

const INCIDENT_FILTERS = {
  waiting: ['open', 'acknowledged', 'awaiting_enterprise'],
  closed: ['closed_no_violation', 'inspection_opened', 'dismissed', 'cleared'],
  // leads that went up the chain unhandled and are still waiting (the higher bureau's view)
  escalated: ['open'],
} as const;

export const listMonitoringIncidents = async (
  ctx: AppContext,
  actor: Actor,
  filter: {
    status?: 'waiting' | 'closed' | 'escalated';
    enterpriseId?: string;
    inspectionId?: string;
    limit?: number;
  },
) =>
  (
    await listIncidents(
      ctx.db,
      {
        scope: scopeCondition(actor, 'monitoring_incident', { territory: monitoringIncidents.territory }),
        ...(filter.status ? { states: INCIDENT_FILTERS[filter.status] } : {}),
        ...(filter.status === 'escalated' ? { escalated: true } : {}),
        ...(filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {}),
        ...(filter.inspectionId ? { inspectionId: filter.inspectionId } : {}),
      },
      filter.limit ?? 200,
    )
  ).map((row) => incidentView(ctx, row));

export const loadIncident = async (
  db: AppContext['db'] | Tx,
  actor: Actor,
  id: string,
  action: 'read' | 'update',
) => {
  const joined = await findIncident(db, id);
  assertCan(actor, 'monitoring_incident', action, joined ? joined.incident : undefined, '监测预警线索');
  return joined!;
};

export const getMonitoringIncident = async (ctx: AppContext, actor: Actor, id: string) => {
  const joined = await loadIncident(ctx.db, actor, id, 'read');
  const alarms = await findAlarmsOfIncident(ctx.db, joined.incident.id);
  return {
    ...incidentView(ctx, joined),
    series: alarms.map((alarm) => ({
      at: alarm.at.toISOString(),
      status: alarm.status,
      level: alarm.level,
      value: alarm.value,
      threshold: alarm.threshold,
      content: alarm.content,
      raw: alarm.raw,
    })),
  };
};

const STEP_ACTIONS = ['acknowledge', 'ask_enterprise', 'close_no_violation', 'dismiss'] as const;
export type IncidentStep = (typeof STEP_ACTIONS)[number];
export { STEP_ACTIONS as INCIDENT_STEPS };

export const takeIncidentStep = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  step: IncidentStep,
  note: string | null,
) =>
  ctx.db.transaction(async (tx) => {
    const joined = await loadIncident(tx, actor, id, 'update');
    const { incident } = joined;
    const moved = moveIncident(incident.state, step as IncidentAction, note);
    if (!moved.ok) throw refused(moved);
    const now = ctx.clock.now();
    const fields: Partial<typeof monitoringIncidents.$inferInsert> = { state: moved.next };
    if (step === 'acknowledge')
      Object.assign(fields, { acknowledgedAt: now, acknowledgedByName: actor.displayName });
    if (step === 'ask_enterprise') Object.assign(fields, { question: note, answer: null, answeredAt: null });
    if (step === 'close_no_violation' || step === 'dismiss')
      Object.assign(fields, { closedAt: now, closedByName: actor.displayName, closingNote: note });
    await updateIncident(tx, incident.id, fields);
    // a false alarm no longer feeds the enterprise's risk (measures 3, 20)
    const riskFactId = step === 'dismiss' ? await findRiskFactId(tx, incident.id) : null;
    if (riskFactId) {
      await retractMonitoringLead(tx, ctx, {
        factId: riskFactId,
        enterpriseId: incident.enterpriseId,
        territory: incident.territory,
        reason: `监测预警线索经核查为误报：${note ?? ''}`,
        actor: auditActor(actor),
      });
    }
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'monitoring_incident.handled',
        entityType: 'monitoring_incident',
        entityId: incident.id,
        territory: incident.territory,
        payload: { step, from: incident.state, to: moved.next, note },
        at: now,
      },
    ]);
  });

// The enterprise's side: the questions put to it, and its answer (its own account only).
export const listIncidentQuestions = async (ctx: AppContext, actor: Actor) => {
  if (!actor.enterpriseId || !mayAnswerIncident(actor, { enterpriseId: actor.enterpriseId }))
    throw notFound('监测预警线索');
  return (
    await listIncidents(
      ctx.db,
      {
        enterpriseId: actor.enterpriseId,
        states: ['awaiting_enterprise', 'acknowledged', 'closed_no_violation'],
      },
      100,
    )
  )
    .filter((row) => row.incident.question !== null)
    .map((row) => ({
      id: row.incident.id,
      pointName: row.pointName,
      kindName: alarmKindName(monitoringCatalog, row.incident.kind),
      summary: row.incident.summary,
      question: row.incident.question!,
      answer: row.incident.answer,
      answeredAt: iso(row.incident.answeredAt),
      waiting: row.incident.state === 'awaiting_enterprise',
    }));
};

export const answerIncidentQuestion = async (ctx: AppContext, actor: Actor, id: string, answer: string) =>
  ctx.db.transaction(async (tx) => {
    const joined = await findIncident(tx, id);
    if (!joined || !mayAnswerIncident(actor, joined.incident)) throw notFound('监测预警线索');
    const moved = moveIncident(joined.incident.state, 'enterprise_answer', answer);
    if (!moved.ok) throw refused(moved);
    const now = ctx.clock.now();
    await updateIncident(tx, joined.incident.id, { state: moved.next, answer, answeredAt: now });
    await appendAuditEvents(tx, [
      {
        actor: auditActor(actor),
        action: 'monitoring_incident.handled',
        entityType: 'monitoring_incident',
        entityId: joined.incident.id,
        territory: joined.incident.territory,
        payload: { step: 'enterprise_answer', from: joined.incident.state, to: moved.next, note: answer },
        at: now,
      },
    ]);
  });
