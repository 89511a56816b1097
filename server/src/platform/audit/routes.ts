import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { requireActor } from '../http/actor.ts';
import { assertMayUse } from '../policy/policy.ts';
import { scopeCondition } from '../db/scope.ts';
import { pageOf, ZPageQuerySchema } from '../http/paging.ts';
import { auditEvents } from './schema.ts';
import { chainPendingEvents, verifyAuditChain } from './service.ts';
import { entityNameOf, entityNames, listAuditEvents } from './repository.ts';
import { auditActionLabel, auditActions, currentActionName } from './actions.ts';

const tags = ['audit'];

const ZAuditEventSchema = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  // as stored (events written before the naming grammar keep their old name)
  action: z.string(),
  // the action's current name and its Chinese label
  actionName: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  // the entity's name as it reads today (enterprise, inspection's enterprise and date, plan, user…), when known
  entityName: z.string().nullable(),
  territory: z.string(),
  chain: z.string(),
  // the event's link in its chain; null for the moment between its commit and the chainer's pass
  chainSeq: z.number().int().nullable(),
  payload: z.unknown(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
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
            actorName: z.string().trim().max(50).optional(),
          }),
          response: { 200: pageOf(ZAuditEventSchema) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const query = request.query;
        // the events committed since the chainer's last pass are chained before they are shown
        await chainPendingEvents(ctx.db);
        const { rows, total } = await listAuditEvents(ctx.db, {
          scope: scopeCondition(actor, 'audit', { territory: auditEvents.territory }),
          entityType: query.entityType,
          entityId: query.entityId,
          action: query.action,
          actorName: query.actorName,
          page: query.page,
          pageSize: query.pageSize,
        });
        const names = await entityNames(ctx.db, rows);
        return {
          items: rows.map((row) => ({
            ...row,
            at: row.at.toISOString(),
            actionName: currentActionName(row.action) ?? row.action,
            actionLabel: auditActionLabel(row.action),
            entityName: entityNameOf(names, row),
          })),
          total,
          page: query.page,
          pageSize: query.pageSize,
          totalIsLowerBound: false,
        };
      },
    );

    // issue 13 item 4: every action with its Chinese label, for the audit viewer's filter
    app.get(
      '/audit/actions',
      {
        schema: {
          tags,
          summary: '审计事件的操作类型及其中文名称',
          response: { 200: z.array(z.object({ name: z.string(), label: z.string() })) },
        },
      },
      async (request) => {
        assertMayUse(requireActor(request), 'audit', 'read');
        return Object.entries(auditActions).map(([name, action]) => ({ name, label: action.label }));
      },
    );

    // Verifies every bureau's chain (and the legacy global one) in full.
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
              chains: z.number().int(),
              // committed events not yet in a chain (their transactions committed during the verification)
              unchained: z.number().int(),
              firstBroken: z
                .object({
                  seq: z.number().int().nullable(),
                  id: z.string().nullable(),
                  chain: z.string(),
                  chainSeq: z.number().int(),
                  reason: z.string(),
                })
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
