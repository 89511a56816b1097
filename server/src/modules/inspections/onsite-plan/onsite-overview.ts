import { eventsFrom, INSPECTION_STAGE_NAMES, inspectionMatterName } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { mayDecideOnsitePlan, type Actor } from '../../../platform/policy/policy.ts';
import { delegationsForDecision } from './delegations.ts';
import { evaluateBegin } from '../guard-facts.ts';
import { loadInspection } from '../inspection-store.ts';
import { defaultContent, latestPlan, planAllowsVisit, planView } from './plan-versions.ts';

// The inspection as the on-site pages read it: stage, next steps, the plan and every guard evaluated.
export const onsiteOverview = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const row = await loadInspection(ctx.db, actor, inspectionId, 'read');
  const plan = await latestPlan(ctx.db, row.id);
  const content = plan?.content ?? (await defaultContent(ctx.db, row));
  const step = row.stage === 'notified' || row.stage === 'plan_approved' ? 'check_in' : 'approve_plan';
  const answer = await evaluateBegin(ctx.db, row, content, step, plan ? planAllowsVisit(plan) : false);
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    kind: row.kind,
    plannedOn: row.plannedOn,
    stage: row.stage,
    stageName: INSPECTION_STAGE_NAMES[row.stage],
    nextEvents: eventsFrom(row.stage),
    matters: row.matters.map((code) => ({ code, name: inspectionMatterName(code) })),
    team: row.team,
    partners: row.partners,
    drawId: row.drawId,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    plan: plan ? planView(plan, ctx.clock.now()) : null,
    // measure 11: whether this user may approve or return the submitted plan (bureau head, or a unit head under
    // its delegation; never the drafter), before the visit or afterwards (事后补批)
    mayDecidePlan:
      plan?.status === 'submitted' &&
      mayDecideOnsitePlan(
        actor,
        { draftedBy: { id: plan.draftedById, name: plan.draftedByName }, inspection: row },
        { date: shanghaiDate(ctx.clock.now()), delegations: await delegationsForDecision(ctx.db, actor) },
      ).ok,
    checks: answer.checks,
  };
};
