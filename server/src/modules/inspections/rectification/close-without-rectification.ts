import { rectificationTransition } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { mayCloseOrderWithoutRectification, type Actor } from '../../../platform/policy/policy.ts';
import { problem, refused } from '../../../platform/problems/problem.ts';
import { auditInspection } from '../inspection-store.ts';
import type { TRectificationOrder } from './model.ts';
import { loadOrder, orderViews } from './order-store.ts';
import { updateOrder } from './repository.ts';

// measure 13: a unit head or the bureau head may close an order without rectification (the enterprise closed down,
// the case took it over…), with the reason on record. It is never shown as rectified. Issue 12 item 7: never the
// head who issued the order (separation of duties, platform/policy/duties.ts).

export const closeWithoutRectification = async (
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<TRectificationOrder> => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const order = await loadOrder(tx, actor, orderId, 'approve', true);
    if (
      !mayCloseOrderWithoutRectification(actor, {
        issuedBy: { id: order.issuedById, name: order.issuedByName },
      })
    )
      throw problem('ORDER_CLOSED_BY_ISSUER', { measure: 13 });
    const next = rectificationTransition(order.status, 'close_without_rectification', reason);
    if (!next.ok) throw refused(next);
    const updated = await updateOrder(tx, order.id, { status: next.to });
    await auditInspection(
      tx,
      actor,
      { id: order.inspectionId, territory: order.territory },
      'rectification.order.closed_unrectified',
      { orderId: order.id, reason, from: order.status },
      now,
    );
    return (await orderViews(tx, [updated!], now))[0]!;
  });
};
