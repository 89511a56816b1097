import { monitoringCatalog, moveIncident, sourceMatter } from '@inspecta/domain/monitoring';
import { appendAuditEvents } from '../../platform/audit/service.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { planInspectionInTx } from '../inspections/index.ts';
import { updateIncident } from './repository.ts';
import { loadIncident } from './service.ts';

// Issue 16 item 5, measure 5: a lead the remote check could not settle becomes a targeted inspection of the
// enterprise, on the trigger 平台动态监测, which the frequency cap does not limit ("不受监督检查频次限制"). It is
// planned through the inspections' own path (territory, cap, audit), of the matter the lead's source covers,
// and the lead and the inspection point at each other: the lead keeps the inspection's id, the leads of an
// inspection are listed by it (GET /monitoring/incidents?inspectionId=), and the trigger reference names the lead.
const beijingMinute = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export const openTargetedInspection = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { plannedOn?: string; note: string | null },
) => {
  assertMayUse(actor, 'inspection', 'create');
  return ctx.db.transaction(async (tx) => {
    const joined = await loadIncident(tx, actor, id, 'update');
    const { incident } = joined;
    const moved = moveIncident(incident.state, 'open_inspection', input.note);
    if (!moved.ok) throw refused(moved);
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const plannedOn = input.plannedOn ?? today;
    if (plannedOn < today)
      throw problem('BAD_REQUEST', {
        errors: [{ path: ['plannedOn'], message: '计划检查日期不得早于今天' }],
      });
    const planned = await planInspectionInTx(
      tx,
      { actor, now },
      {
        enterpriseId: incident.enterpriseId,
        plannedOn,
        kind: 'targeted',
        matters: [sourceMatter(monitoringCatalog, joined.sourceKind)],
        trigger: 'platform_monitoring',
        // what an officer reads on the inspection; the lead itself is found by the inspection's id
        triggerReference: `监测预警线索：${beijingMinute(incident.openedAt)} ${joined.pointName}`.slice(
          0,
          200,
        ),
      },
    );
    await updateIncident(tx, incident.id, {
      state: moved.next,
      inspectionId: planned.row.id,
      closedAt: now,
      closedByName: actor.displayName,
      closingNote: input.note,
      ...(incident.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedByName: actor.displayName }),
    });
    await appendAuditEvents(tx, [
      {
        actor: { id: actor.id, displayName: actor.displayName },
        action: 'monitoring_incident.handled',
        entityType: 'monitoring_incident',
        entityId: incident.id,
        territory: incident.territory,
        payload: {
          step: 'open_inspection',
          from: incident.state,
          to: moved.next,
          note: input.note,
          inspectionId: planned.row.id,
        },
        at: now,
      },
    ]);
    return { inspectionId: planned.row.id, frequencyCapExempt: planned.frequencyCapExempt };
  });
};
