import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import {
  actsForOwnEnterprise,
  assertMayUse,
  mayReadOwnRectificationOrders,
  seesOrdersAsEnterprise,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { scopeCondition } from '../../../platform/db/scope.ts';
import { forbidden } from '../../../platform/problems/problem.ts';
import { rectificationOrders } from '../schema.ts';
import { loadReadableInspection } from '../documents/service.ts';
import type { ZOrderListQuerySchema } from './model.ts';
import { loadOrder, orderViews } from './order-store.ts';
import { listEnterpriseOrderRows, listOrderRows, listOrdersOfInspection } from './repository.ts';

// measure 13: the territory's orders, with those past their deadline and the escalated ones (移交立案候选) first
// when asked; the enterprise's own orders in its portal.

export const listOrders = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZOrderListQuerySchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const { rows, total } = await listOrderRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'rectification', { territory: rectificationOrders.territory }),
      status: query.status,
      overdue: query.overdue,
      candidates: query.candidates,
      inspectionId: query.inspectionId,
      today,
    },
    query,
  );
  return {
    items: await orderViews(ctx.db, rows, now),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

export const listEnterpriseOrders = async (ctx: AppContext, actor: Actor) => {
  if (!mayReadOwnRectificationOrders(actor) || !actor.enterpriseId) throw forbidden();
  const rows = await listEnterpriseOrderRows(ctx.db, actor.enterpriseId);
  return { items: await orderViews(ctx.db, rows, ctx.clock.now(), { enterprise: true }) };
};

export const inspectionOrders = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const inspection = await loadReadableInspection(ctx.db, actor, inspectionId);
  if (!actsForOwnEnterprise(actor)) assertMayUse(actor, 'rectification', 'read');
  const rows = await listOrdersOfInspection(ctx.db, inspection.id);
  return {
    items: await orderViews(ctx.db, rows, ctx.clock.now(), { enterprise: seesOrdersAsEnterprise(actor) }),
  };
};

export const getOrder = async (ctx: AppContext, actor: Actor, id: string) => {
  const row = await loadOrder(ctx.db, actor, id, 'read');
  return (
    await orderViews(ctx.db, [row], ctx.clock.now(), { enterprise: seesOrdersAsEnterprise(actor) })
  )[0]!;
};
