import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { workbench, WORKBENCH_ITEMS } from './service.ts';

const ZWorkbenchSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      key: z.enum(WORKBENCH_ITEMS),
      link: z.string(),
      urgent: z.boolean(),
      count: z.number().int(),
      rows: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          date: z.string().nullable(),
          inspectionId: z.string().nullable(),
          // a row that opens its penalty case
          caseId: z.string().optional(),
        }),
      ),
    }),
  ),
  unreadNotifications: z.number().int(),
});

export const workbenchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/workbench',
      {
        config: { readsMayLag: true },
        schema: {
          tags: ['workbench'],
          summary: '工作台：当前用户待办的事项（每项的数量、前几条与筛选后的列表链接）',
          response: { 200: ZWorkbenchSchema },
        },
      },
      async (request) => workbench(ctx, requireActor(request)),
    );
  };
