import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { ZCancellationDecisionSchema, ZCancellationRequestSchema } from './model.ts';
import { loadDraw } from './load-draw.ts';
import { updateDraw } from './repository.ts';
import { cancelPlannedInspectionsOfDraw } from './inspection.repository.ts';

// Item 9: a cancellation is requested with a reason and decided by the bureau head; it stays public.
export const requestCancellation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCancellationRequestSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'update', true);
    if (row.status === 'cancelled') throw problem('DRAW_ALREADY_CANCELLED');
    if (row.cancellation?.status === 'requested') throw problem('DRAW_CANCELLATION_PENDING');
    const now = ctx.clock.now();
    const cancellation = {
      reason: body.reason,
      requestedAt: now.toISOString(),
      requestedByName: actor.displayName,
      status: 'requested' as const,
      decidedAt: null,
      decidedByName: null,
      comment: null,
    };
    await updateDraw(tx, row.id, { cancellation });
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.cancellation.requested',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: { reason: body.reason },
      at: now,
    });
    return { ...row, cancellation };
  });

export const decideCancellation = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZCancellationDecisionSchema>,
) =>
  ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'approve', true);
    if (row.cancellation?.status !== 'requested') throw problem('DRAW_NO_CANCELLATION_REQUEST');
    if (!body.approve && body.comment.length < 2) throw problem('DRAW_REJECTION_NEEDS_COMMENT');
    const now = ctx.clock.now();
    const cancellation = {
      ...row.cancellation,
      status: body.approve ? ('approved' as const) : ('rejected' as const),
      decidedAt: now.toISOString(),
      decidedByName: actor.displayName,
      comment: body.comment || null,
    };
    await updateDraw(tx, row.id, { cancellation, status: body.approve ? 'cancelled' : row.status });
    if (body.approve) {
      await cancelPlannedInspectionsOfDraw(tx, row.id);
    }
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.cancellation.decided',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: { approve: body.approve, comment: body.comment },
      at: now,
    });
    return { ...row, cancellation, status: body.approve ? 'cancelled' : row.status };
  });
