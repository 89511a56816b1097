import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { mayDecideOnsitePlan, type Actor } from '../../../platform/policy/policy.ts';
import { problem } from '../../../platform/problems/problem.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { assertMayBegin } from '../guard-facts.ts';
import { advanceStage, auditInspection, loadInspection, type InspectionRow } from '../inspection-store.ts';
import { delegationsForDecision } from './delegations.ts';
import type { ZDecidePlanSchema } from './model.ts';
import { latestPlan, plannedVisit, planView, type PlanRow } from './plan-versions.ts';
import { updatePlan } from './repository.ts';
import { notifyTurn } from '../../../platform/notifications/notify-turn.ts';

// measure 11: the 部门负责人 (bureau head), or a unit head under the bureau head's delegation, approves the
// submitted plan with comments (the guards of issue 5 item 2 run again, and the plan is issued as 现场检查方案)
// or returns it with a reason; never the person who drafted it (issue 12 item 7). The plan of an urgent visit
// is decided the same way afterwards (事后补批): the visit has started, so the stage does not move.

const assertMayDecide = async (tx: Tx, actor: Actor, row: InspectionRow, plan: PlanRow, now: Date) => {
  const answer = mayDecideOnsitePlan(
    actor,
    { draftedBy: { id: plan.draftedById, name: plan.draftedByName }, inspection: row },
    { date: shanghaiDate(now), delegations: await delegationsForDecision(tx, actor) },
  );
  if (!answer.ok)
    throw problem(answer.reason === 'own_draft' ? 'ONSITE_PLAN_OWN_DRAFT' : 'ONSITE_PLAN_APPROVER_NOT_HEAD', {
      measure: 11,
    });
  return answer.under;
};

export const decidePlan = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  body: z.infer<typeof ZDecidePlanSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadInspection(tx, actor, inspectionId, 'read', true);
    const plan = await latestPlan(tx, row.id);
    if (!plan || plan.status !== 'submitted') throw problem('ONSITE_PLAN_NOT_SUBMITTED');
    const now = ctx.clock.now();
    const under = await assertMayDecide(tx, actor, row, plan, now);
    const afterwards = plan.urgent != null;
    const decided = { decidedAt: now, decidedByName: actor.displayName };
    if (!body.approve) {
      if (!body.comment?.trim()) throw problem('ONSITE_PLAN_REJECTION_REASON');
      await updatePlan(tx, plan.id, { status: 'rejected', ...decided, comment: body.comment });
      const payload = { planId: plan.id, reason: body.comment, afterwards };
      if (afterwards) await auditInspection(tx, actor, row, 'inspection.plan.rejected', payload, now);
      else await advanceStage(tx, actor, row, 'reject_plan', 'inspection.plan.rejected', payload, now);
      await notifyTurn(tx, {
        to: { userIds: [plan.draftedById] },
        exceptUserId: actor.id,
        dedupeKey: `plan_rejected:${plan.id}`,
        territory: row.territory,
        title: `现场检查方案被退回：${row.enterpriseName}`,
        body: `${actor.displayName}退回了对${row.enterpriseName}的现场检查方案：${body.comment}`,
        link: `/inspections/${row.id}`,
        at: now,
      });
      return planView({ ...plan, status: 'rejected', ...decided, comment: body.comment }, now);
    }
    const payload = {
      planId: plan.id,
      comment: body.comment ?? null,
      under,
      afterwards,
    };
    if (afterwards) {
      await auditInspection(tx, actor, row, 'inspection.plan.approved', { ...payload, checks: [] }, now);
    } else {
      const checks = await assertMayBegin(tx, row, plan.content, 'approve_plan', false);
      await advanceStage(
        tx,
        actor,
        row,
        'approve_plan',
        'inspection.plan.approved',
        { ...payload, checks: checks.map((c) => c.name) },
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
    }
    await updatePlan(tx, plan.id, { status: 'approved', ...decided, comment: body.comment ?? null });
    await notifyTurn(tx, {
      to: { userIds: [plan.draftedById] },
      exceptUserId: actor.id,
      dedupeKey: `plan_approved:${plan.id}`,
      territory: row.territory,
      title: `现场检查方案已批准：${row.enterpriseName}`,
      body: afterwards
        ? `${actor.displayName}已补批对${row.enterpriseName}的现场检查方案。`
        : `${actor.displayName}已批准对${row.enterpriseName}的现场检查方案，请通知企业（措施十一）。`,
      link: `/inspections/${row.id}`,
      at: now,
    });
    const approved = { ...plan, status: 'approved' as const, ...decided, comment: body.comment ?? null };
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
        approvalOpinion: body.comment ?? null,
      },
    });
    return planView(approved, now);
  });
