import { and, asc, count, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import {
  actsForOwnEnterprise,
  assertMayUse,
  mayReadOwnRectificationOrders,
  scopeCondition,
  seesOrdersAsEnterprise,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import { rectificationOrders } from '../schema.ts';
import { loadReadableInspection } from '../documents/service.ts';
import type { ZOrderListQuerySchema } from './model.ts';
import { loadOrder, orderViews } from './order-store.ts';

// measure 13: the territory's orders, with those past their deadline and the escalated ones (移交立案候选) first
// when asked; the enterprise's own orders in its portal.

const overdueCondition = (today: string): SQL =>
  and(inArray(rectificationOrders.status, ['issued', 'failed']), lt(rectificationOrders.deadline, today))!;

export const listOrders = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZOrderListQuerySchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const conditions: (SQL | undefined)[] = [
    scopeCondition(actor, 'rectification', { territory: rectificationOrders.territory }),
  ];
  if (query.status) conditions.push(eq(rectificationOrders.status, query.status));
  if (query.overdue) conditions.push(overdueCondition(today));
  if (query.candidates)
    conditions.push(or(eq(rectificationOrders.status, 'escalated'), overdueCondition(today)));
  if (query.inspectionId) conditions.push(eq(rectificationOrders.inspectionId, query.inspectionId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(rectificationOrders)
      .where(where)
      .orderBy(
        asc(rectificationOrders.deadline),
        desc(rectificationOrders.issuedAt),
        asc(rectificationOrders.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(rectificationOrders).where(where),
  ]);
  return {
    items: await orderViews(ctx.db, rows, now),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

export const listEnterpriseOrders = async (ctx: AppContext, actor: Actor) => {
  if (!mayReadOwnRectificationOrders(actor) || !actor.enterpriseId) throw forbidden();
  const rows = await ctx.db
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.enterpriseId, actor.enterpriseId))
    .orderBy(desc(rectificationOrders.issuedAt), asc(rectificationOrders.id))
    .limit(200);
  return { items: await orderViews(ctx.db, rows, ctx.clock.now(), { enterprise: true }) };
};

export const inspectionOrders = async (ctx: AppContext, actor: Actor, inspectionId: string) => {
  const inspection = await loadReadableInspection(ctx.db, actor, inspectionId);
  if (!actsForOwnEnterprise(actor)) assertMayUse(actor, 'rectification', 'read');
  const rows = await ctx.db
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.inspectionId, inspection.id))
    .orderBy(asc(rectificationOrders.issuedAt), asc(rectificationOrders.id));
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
