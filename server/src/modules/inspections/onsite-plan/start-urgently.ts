import { startUrgently } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { assertMayBegin } from '../guard-facts.ts';
import { advanceStage, loadInspection } from '../inspection-store.ts';
import type { ZUrgentStartSchema } from './model.ts';
import { latestPlan, planView } from './plan-versions.ts';
import { updatePlan } from './repository.ts';

// measure 11 "原则上": an urgent visit (imminent danger, a report that must be verified at once) starts before
// the plan is approved. Every other guard still holds (subject, two certified officers, a plan or a trigger,
// the cap); the reason is recorded; the plan goes to the bureau head for approval afterwards (事后补批) within
// the catalogue's period, and shows 事后补批 until then. The visit is unannounced by nature.

export const startUrgentVisit = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZUrgentStartSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'update');
    const row = await loadInspection(tx, actor, inspectionId, 'update', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || (plan.status !== 'draft' && plan.status !== 'submitted'))
      throw problem('URGENT_VISIT_NOT_NOW');
    const now = ctx.clock.now();
    const started = startUrgently({ ...body, startedByName: actor.displayName }, { now });
    if (!started.ok) throw refused(started);
    const content = {
      ...plan.content,
      // the visit is now, unannounced, for the reason recorded
      scheduledAt: now.toISOString(),
      unannounced: true,
      unannouncedReason: plan.content.unannouncedReason ?? started.urgent.reason,
    };
    await assertMayBegin(tx, row, content, 'approve_plan', false);
    if (row.stage === 'plan_drafted')
      await advanceStage(
        tx,
        actor,
        row,
        'submit_plan',
        'inspection.plan.submitted',
        { planId: plan.id, version: plan.version },
        now,
      );
    await updatePlan(tx, plan.id, { status: 'submitted', content, urgent: started.urgent });
    await advanceStage(
      tx,
      actor,
      { ...row, stage: 'plan_submitted' },
      'start_urgently',
      'inspection.plan.urgently_started',
      {
        planId: plan.id,
        ground: started.urgent.ground,
        reason: started.urgent.reason,
        approvalDueBy: started.urgent.approvalDueBy,
      },
      now,
      {
        team: content.officers.map((o) => ({
          certificate: o.certificate,
          officerId: o.officerId,
          name: o.name,
          organisationName: content.subjectName,
        })),
        matters: content.matters,
      },
    );
    return planView({ ...plan, status: 'submitted', content, urgent: started.urgent }, now);
  });
