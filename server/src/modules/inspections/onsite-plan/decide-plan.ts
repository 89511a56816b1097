import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { assertMayBegin } from '../guard-facts.ts';
import { advanceStage, loadInspection } from '../inspection-store.ts';
import type { ZDecidePlanSchema } from './model.ts';
import { latestPlan, plannedVisit, planView } from './plan-versions.ts';
import { updatePlan } from './repository.ts';

// measure 11: the department head approves the submitted plan with comments (the guards of issue 5 item 2 run
// again, and the plan is issued as 现场检查方案) or returns it with a reason.

export const decidePlan = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZDecidePlanSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    assertMayUse(actor, 'onsite_plan', 'approve');
    const row = await loadInspection(tx, actor, inspectionId, 'read', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'submitted') throw problem('ONSITE_PLAN_NOT_SUBMITTED');
    const now = ctx.clock.now();
    if (!body.approve) {
      if (!body.comment?.trim()) throw problem('ONSITE_PLAN_REJECTION_REASON');
      await updatePlan(tx, plan.id, {
        status: 'rejected',
        decidedAt: now,
        decidedByName: actor.displayName,
        comment: body.comment,
      });
      await advanceStage(
        tx,
        actor,
        row,
        'reject_plan',
        'inspection.plan.rejected',
        { planId: plan.id, reason: body.comment },
        now,
      );
      return planView({
        ...plan,
        status: 'rejected',
        decidedAt: now,
        decidedByName: actor.displayName,
        comment: body.comment,
      });
    }
    const checks = await assertMayBegin(tx, row, plan.content, 'approve_plan', false);
    await updatePlan(tx, plan.id, {
      status: 'approved',
      decidedAt: now,
      decidedByName: actor.displayName,
      comment: body.comment ?? null,
    });
    await advanceStage(
      tx,
      actor,
      row,
      'approve_plan',
      'inspection.plan.approved',
      { planId: plan.id, comment: body.comment ?? null, checks: checks.map((c) => c.name) },
      now,
      {
        team: plan.content.officers.map((o) => ({
          certificate: o.certificate,
          officerId: o.officerId,
          name: o.name,
          organisationName: plan.content.subjectName,
        })),
        matters: plan.content.matters,
      },
    );
    const approved = {
      ...plan,
      status: 'approved' as const,
      decidedAt: now,
      decidedByName: actor.displayName,
      comment: body.comment ?? null,
    };
    // the approved plan is issued as 现场检查方案 with its number (issue 5 item 8)
    const { inspection, visit } = await plannedVisit(tx, row, plan);
    await issueDocument(tx, actor, {
      inspection,
      type: 'onsite_plan',
      at: now,
      snapshot: {
        ...visit,
        checklists: plan.content.checklists,
        mode: plan.content.mode,
        visitReason: plan.content.visitReason,
        unannounced: plan.content.unannounced,
        unannouncedReason: plan.content.unannouncedReason,
        subjectName: plan.content.subjectName,
        draftedByName: plan.draftedByName,
        approvedByName: actor.displayName,
        approvedAt: now.toISOString(),
      },
    });
    return planView(approved);
  });
