import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { forbidden, problem } from '../../platform/problems/problem.ts';
import { mayApproveOtherTrigger, type Actor } from '../../platform/policy/policy.ts';
import { inspectionView } from './burden.ts';
import { auditInspection, loadInspection } from './inspection-store.ts';
import { ZInspectionSchema } from './model.ts';
import { updateInspection } from './repository.ts';

// measure 5 ends with "等渠道": an inspection may follow up a channel the measure does not name ("other",
// described), once the bureau head approves that channel as a ground for targeted enforcement.

export const approveOtherTrigger = async (ctx: AppContext, actor: Actor, id: string) =>
  ctx.db.transaction(async (tx) => {
    if (!mayApproveOtherTrigger(actor)) throw forbidden();
    const row = await loadInspection(tx, actor, id, 'update', true);
    if (row.trigger !== 'other') throw problem('TRIGGER_APPROVAL_NOT_NEEDED');
    if (row.triggerApprovedAt) throw problem('TRIGGER_ALREADY_APPROVED');
    const now = ctx.clock.now();
    const updated = await updateInspection(tx, row.id, {
      triggerApprovedById: actor.id,
      triggerApprovedByName: actor.displayName,
      triggerApprovedAt: now,
    });
    await auditInspection(
      tx,
      actor,
      row,
      'inspection.trigger.approved',
      { trigger: row.trigger, description: row.triggerDescription ?? '' },
      now,
    );
    return inspectionView(updated!);
  });

export const approveTriggerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inspections/:id/trigger-approval',
      {
        schema: {
          tags: ['inspections'],
          summary: '部门负责人批准“其他渠道”的重点执法来源（措施第五项“等渠道”）',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: ZInspectionSchema },
        },
      },
      async (request) => approveOtherTrigger(ctx, requireActor(request), request.params.id),
    );
  };
