import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { pingDatabase } from './repository.ts';
import { anonymous } from '../http/openapi.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          security: anonymous,
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
        await pingDatabase(ctx.db);
        return { status: 'ok' as const, database: ctx.databaseKind, version: ctx.version };
      },
    );
  };
