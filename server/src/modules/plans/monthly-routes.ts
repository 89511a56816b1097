import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZNoBodySchema } from '../../platform/http/paging.ts';
import { attachment, xlsxContentType } from '../../platform/http/downloads.ts';
import { monthlyPlanWorkbook } from './export-xlsx.ts';
import {
  ZCreateMonthlyPlanSchema,
  ZMonthlyPlanQuerySchema,
  ZMonthlyPlanSchema,
  ZStartCheckResultSchema,
  ZStartCheckSchema,
} from './model.ts';
import {
  checkInspectionStart,
  createMonthlyPlan,
  getMonthlyPlan,
  listMonthlyPlans,
  moveMonthlyPlan,
} from './monthly-service.ts';

// measure 2: the monthly plans, registered by planRoutes; measure 5: the check before an inspection starts.

const tags = ['plans'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });

export const monthlyPlanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/monthly-plans',
      {
        schema: {
          tags,
          summary: '依年度计划制定次月工作计划（科室负责人）',
          body: ZCreateMonthlyPlanSchema,
          response: { 201: ZMonthlyPlanSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createMonthlyPlan(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/monthly-plans',
      {
        schema: {
          tags,
          summary: '月度工作计划（含是否按时报送）',
          querystring: ZMonthlyPlanQuerySchema,
          response: { 200: z.object({ items: z.array(ZMonthlyPlanSchema) }) },
        },
      },
      async (request) => listMonthlyPlans(ctx, requireActor(request), request.query),
    );
    app.get(
      '/monthly-plans/:id',
      {
        schema: {
          tags,
          summary: '月度工作计划详情',
          params: ZIdParamsSchema,
          response: { 200: ZMonthlyPlanSchema },
        },
      },
      async (request) => getMonthlyPlan(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/monthly-plans/:id/export.xlsx',
      { schema: { tags, summary: '导出月度工作计划 (.xlsx)', params: ZIdParamsSchema } },
      async (request, reply) => {
        const plan = await getMonthlyPlan(ctx, requireActor(request), request.params.id);
        return reply
          .type(xlsxContentType)
          .header(
            'content-disposition',
            attachment(`${plan.territoryName}${plan.year}年${plan.month}月工作计划.xlsx`),
          )
          .send(monthlyPlanWorkbook(plan));
      },
    );
    app.post(
      '/monthly-plans/:id/submit',
      {
        schema: {
          tags,
          summary: '报执法监督机构备案（以当日为报送日，逾期标记）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZMonthlyPlanSchema },
        },
      },
      async (request) => moveMonthlyPlan(ctx, requireActor(request), request.params.id, 'submit'),
    );
    app.post(
      '/monthly-plans/:id/file',
      {
        schema: {
          tags,
          summary: '执法监督机构备案（法制审核）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZMonthlyPlanSchema },
        },
      },
      async (request) => moveMonthlyPlan(ctx, requireActor(request), request.params.id, 'file'),
    );
    app.post(
      '/inspections/start-check',
      {
        schema: {
          tags,
          summary: '检查开始前核对：是否列入当月已备案计划，或有重点执法来源（措施第五项）',
          body: ZStartCheckSchema,
          response: { 200: ZStartCheckResultSchema },
        },
      },
      async (request) => checkInspectionStart(ctx, requireActor(request), request.body),
    );
  };
