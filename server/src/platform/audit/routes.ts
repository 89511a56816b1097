import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { requireActor } from '../auth/authenticate.ts';
import { assertMayUse, scopeCondition } from '../policy/policy.ts';
import { pageOf, ZPageQuerySchema } from '../http/paging.ts';
import { auditEvents } from './schema.ts';
import { verifyAuditChain } from './service.ts';

const tags = ['audit'];

const ZAuditEventSchema = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  territory: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit/events',
      {
        schema: {
          tags,
          summary: '审计事件（法制审核人员）',
          querystring: ZPageQuerySchema.omit({ sort: true }).extend({
            entityType: z.string().max(64).optional(),
            entityId: z.string().max(64).optional(),
            action: z.string().max(64).optional(),
          }),
          response: { 200: pageOf(ZAuditEventSchema) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const query = request.query;
        const where = and(
          scopeCondition(actor, 'audit', { territory: auditEvents.territory }),
          query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
          query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
          query.action ? eq(auditEvents.action, query.action) : undefined,
        );
        const [rows, [total]] = await Promise.all([
          ctx.db
            .select()
            .from(auditEvents)
            .where(where)
            .orderBy(desc(auditEvents.seq))
            .limit(query.pageSize)
            .offset((query.page - 1) * query.pageSize),
          ctx.db.select({ n: count() }).from(auditEvents).where(where),
        ]);
        return {
          items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
          total: total?.n ?? 0,
          page: query.page,
          pageSize: query.pageSize,
          totalIsLowerBound: false,
        };
      },
    );

    // The chain is one for the whole database, so only it as a whole can be verified.
    app.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: '校验审计哈希链',
          response: {
            200: z.object({
              intact: z.boolean(),
              count: z.number().int(),
              firstBroken: z
                .object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() })
                .optional(),
            }),
          },
        },
      },
      async (request) => {
        assertMayUse(requireActor(request), 'audit', 'read');
        return verifyAuditChain(ctx.db);
      },
    );
  };
