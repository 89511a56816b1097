import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.enum(['pglite', 'postgresql']),
              version: z.string(),
            }),
          },
        },
      },
      async () => {
        await ctx.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: ctx.databaseKind, version: ctx.version };
      },
    );
  };
