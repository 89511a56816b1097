import { eventsFrom, INSPECTION_STAGE_NAMES, inspectionMatterName } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
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
    checks: answer.checks,
  };
};
