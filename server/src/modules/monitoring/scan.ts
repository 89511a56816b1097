import { gradingCatalog, territoryName } from '@inspecta/domain';
import { escalationOf, monitoringCatalog, priorityOf } from '@inspecta/domain/monitoring';
import { appendAuditEvents, type AuditEventInput } from '../../platform/audit/service.ts';
import { systemActor } from '../../platform/auth/system-user.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { notifyOnce } from '../../platform/notifications/notify-once.ts';
import { recordMonitoringLead } from '../grading/index.ts';
import { INCIDENT_EVENT_RESUME_HOURS } from './incident-stream.ts';
import {
  findResponsibleUsers,
  findResumedSilenceIncidents,
  findSilentPoints,
  insertIncidents,
  lockLeadsForRisk,
  findOpenIncidents,
  lockOpenIncidentsById,
  trimIncidentEvents,
  tryLockScan,
  updateIncident,
  type IncidentRow,
  openedIncident,
} from './repository.ts';

// Issue 16 items 3, 4 and 5, every minute on one server (the others skip while it holds the lock), idempotent:
// - leads of the levels the grading rule counts feed the enterprise's dynamic risk (measures 3, 20);
// - 安全生产法 第三十六条: a point quiet for longer than the triage rule allows becomes a lead of its own, and that
//   lead ends by itself when the point reports again before anyone took it up;
// - a lead nobody took up goes up the territory's chain after each period of its level (catalogue, unverified),
//   and the officers and heads of the bureau that now answers for it are told, once per step;
// - the officers' event stream's old events are trimmed beyond its resume window.

const SYSTEM = systemActor('系统（监测预警巡检）');

const shanghaiTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export type ScanOutcome = {
  ran: boolean;
  silent: number;
  resumed: number;
  escalated: number;
  notified: number;
  risk: number;
  // incident events older than the stream's resume window, trimmed
  trimmed: number;
};

export const scanMonitoring = async (ctx: AppContext): Promise<ScanOutcome> =>
  ctx.db.transaction(async (tx) => {
    if (!(await tryLockScan(tx)))
      return { ran: false, silent: 0, resumed: 0, escalated: 0, notified: 0, risk: 0, trimmed: 0 };
    const now = ctx.clock.now();
    const rules = monitoringCatalog.triage;
    const events: AuditEventInput[] = [];

    // silent points
    const quiet = await findSilentPoints(tx, new Date(now.getTime() - rules.silenceMinutes * 60_000));
    const opened: IncidentRow[] = quiet.map(({ point }) =>
      openedIncident({
        sourceId: point.sourceId,
        pointId: point.id,
        enterpriseId: point.enterpriseId,
        territory: point.territory,
        kind: 'silence',
        level: rules.silenceLevel,
        priority: priorityOf(monitoringCatalog, rules.silenceLevel, 1),
        alarmCount: 0,
        summary: `${point.name}自 ${shanghaiTime(point.lastSeenAt!)} 起停止上报，已超过 ${rules.silenceMinutes} 分钟（${monitoringCatalog.tampering.name}须核查）`,
        openedAt: now,
        lastAlarmAt: now,
      }),
    );
    await insertIncidents(tx, opened);
    for (const row of opened)
      events.push({
        actor: SYSTEM,
        action: 'monitoring_incident.opened',
        entityType: 'monitoring_incident',
        entityId: row.id,
        territory: row.territory,
        payload: { level: row.level, priority: row.priority, summary: row.summary },
        at: now,
      });

    // points that report again end their silence lead, if nobody has taken it up
    const resumed = await findResumedSilenceIncidents(tx);
    for (const lead of resumed) {
      await updateIncident(tx, lead.id, { state: 'cleared', clearedAt: lead.at, closedAt: lead.at });
      events.push({
        actor: SYSTEM,
        action: 'monitoring_incident.handled',
        entityType: 'monitoring_incident',
        entityId: lead.id,
        territory: lead.territory,
        payload: { step: 'source_clear', from: 'open', to: 'cleared', note: '监测点已恢复上报' },
        at: now,
      });
    }

    // escalation
    let escalated = 0;
    let notified = 0;
    const stepsOf = (row: IncidentRow) =>
      escalationOf(
        {
          state: row.state,
          level: row.level,
          openedAt: row.openedAt.toISOString(),
          territory: row.territory,
        },
        now,
        monitoringCatalog,
      );
    const due = (await findOpenIncidents(tx)).filter((row) => stepsOf(row).steps > row.escalationSteps);
    // only the leads that move are locked, and read again under the lock (an officer may have taken one up)
    const moves = (
      await lockOpenIncidentsById(
        tx,
        due.map((row) => row.id),
      )
    )
      .map((row) => ({ row, next: stepsOf(row) }))
      .filter(({ row, next }) => next.steps > row.escalationSteps);
    const users = await findResponsibleUsers(tx, [
      ...new Set(moves.map(({ next }) => next.handlingTerritory)),
    ]);
    for (const { row, next } of moves) {
      await updateIncident(tx, row.id, {
        escalationSteps: next.steps,
        handlingTerritory: next.handlingTerritory,
        escalatedAt: now,
      });
      const from = territoryName(row.territory) ?? row.territory;
      const sent = await notifyOnce(
        tx,
        users
          .filter((user) => user.territory === next.handlingTerritory)
          .map((user) => ({
            userId: user.id,
            territory: next.handlingTerritory,
            kind: 'monitoring_escalated' as const,
            dedupeKey: `monitoring_escalated:${row.id}:${next.steps}`,
            title: `监测预警线索逾期未处置：${from}`,
            body: `${from}的监测预警线索自 ${shanghaiTime(row.openedAt)} 起无人接收，已上报至${territoryName(next.handlingTerritory) ?? next.handlingTerritory}：${row.summary}`,
            link: '/monitoring?view=escalated',
            createdAt: now,
          })),
      );
      events.push({
        actor: SYSTEM,
        action: 'monitoring_incident.escalated',
        entityType: 'monitoring_incident',
        entityId: row.id,
        territory: row.territory,
        payload: { steps: next.steps, handlingTerritory: next.handlingTerritory, notified: sent },
        at: now,
      });
      escalated += 1;
      notified += sent;
    }
    if (events.length > 0) await appendAuditEvents(tx, events);

    // measures 3, 20: leads of the levels the grading rule counts feed the enterprise's dynamic risk (a fact,
    // then a regrade); a lead dismissed as a false alarm has its fact retracted (takeIncidentStep)
    const rule = gradingCatalog.scoring.monitoringLeads;
    let risk = 0;
    if (rule) {
      const since = new Date(now.getTime() - rule.withinMonths * 31 * 86_400_000);
      for (const lead of await lockLeadsForRisk(tx, rule.levels, since)) {
        const { factId } = await recordMonitoringLead(tx, ctx, {
          enterpriseId: lead.enterpriseId,
          territory: lead.territory,
          lead: { date: shanghaiTime(lead.openedAt).slice(0, 10), level: lead.level, incidentId: lead.id },
          actor: SYSTEM,
        });
        await updateIncident(tx, lead.id, { riskFactId: factId });
        risk += 1;
      }
    }

    // issue 16 item 4: the event stream keeps its resume window, not every change ever made
    const trimmed = await trimIncidentEvents(tx, INCIDENT_EVENT_RESUME_HOURS);
    return { ran: true, silent: opened.length, resumed: resumed.length, escalated, notified, risk, trimmed };
  });
