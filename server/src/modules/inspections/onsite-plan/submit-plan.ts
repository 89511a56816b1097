import type { AppContext } from '../../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import { assertMayBegin } from '../guard-facts.ts';
import { advanceStage, loadInspection } from '../inspection-store.ts';
import { latestPlan, planView } from './plan-versions.ts';
import { updatePlan } from './repository.ts';
import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';

// measure 11: the officers submit the draft for the department head's decision.

export const submitPlan = async (ctx: AppContext, actor: Actor, inspectionId: string) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'update');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'draft') throw problem('ONSITE_PLAN_NOT_DRAFT');
    const now = ctx.clock.now();
    // the officers see the guards before the head does: a plan that cannot be approved says why now
    await assertMayBegin(tx, row, plan.content, 'approve_plan', false);
    await updatePlan(tx, plan.id, { status: 'submitted' });
    await advanceStage(
      tx,
      actor,
      row,
      'submit_plan',
      'inspection.plan.submitted',
      { planId: plan.id, version: plan.version },
      now,
    );
    // the department heads are told a plan waits for their decision
    await notifyTurn(tx, {
      to: { roles: ['bureau_head'], territories: [...new Set([row.territory, actor.territory])] },
      exceptUserId: actor.id,
      dedupeKey: `plan_submitted:${plan.id}`,
      territory: row.territory,
      title: `现场检查方案待审批：${row.enterpriseName}`,
      body: `${actor.displayName}提交了对${row.enterpriseName}的现场检查方案（计划 ${row.plannedOn}），请审批（措施十一）。`,
      link: `/inspections/${row.id}`,
      at: now,
    });
    return planView({ ...plan, status: 'submitted' }, now);
  });
