import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { requireActor } from '../http/actor.ts';
import { notFound } from '../problems/problem.ts';
import { isUuid, ZNoBodySchema } from '../http/paging.ts';
import { countUnreadForUser, listLatestForUser, markReadForUser } from './repository.ts';

const tags = ['notifications'];
const ZNotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

// A user's own notifications only: the query is scoped by the session's user, never by a parameter.
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: '我的站内提醒',
          response: { 200: z.object({ items: z.array(ZNotificationSchema), unread: z.number().int() }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const [rows, unread] = await Promise.all([
          listLatestForUser(ctx.db, actor.id, 50),
          countUnreadForUser(ctx.db, actor.id),
        ]);
        return {
          items: rows.map((row) => ({
            ...row,
            createdAt: row.createdAt.toISOString(),
            readAt: row.readAt?.toISOString() ?? null,
          })),
          unread,
        };
      },
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: '标记为已读',
          params: z.object({ id: z.string().max(64) }),
          body: ZNoBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const updated = isUuid(request.params.id)
          ? await markReadForUser(ctx.db, request.params.id, actor.id, ctx.clock.now())
          : false;
        if (!updated) throw notFound('提醒');
        return reply.status(204).send(null);
      },
    );
  };
