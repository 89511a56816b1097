import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planExecution } from '@inspecta/domain';
import { z } from 'zod';
import { comparePlansOfYear } from './comparison.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { attachment, docxContentType, xlsxContentType } from '../../platform/http/downloads.ts';
import { annualPlanDetail, loadAnnualPlan } from './annual-plan-store.ts';
import { annualPlanTitle, annualPlanWorkbook } from './export-xlsx.ts';
import { annualPlanDocx } from './export-docx.ts';
import {
  ZAnnualPlanDetailSchema,
  ZAnnualPlanSummarySchema,
  ZApproveAnnualSchema,
  ZComputeAnnualPlanSchema,
  ZExecutionSchema,
  ZFileSchema,
  ZPublicAnnualPlanSchema,
  ZPublishSchema,
  ZReasonBodySchema,
  ZSubmitAnnualSchema,
} from './model.ts';
import { monthlyPlanRoutes } from './monthly-routes.ts';
import { computeAnnualPlanFor, listAnnualPlans, publishedAnnualPlans } from './service.ts';
import { moveAnnualPlan, reviseAnnualPlan, todayIn } from './workflow.ts';
import { anonymous } from '../../platform/http/openapi.ts';

const tags = ['plans'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const detail = { 200: ZAnnualPlanDetailSchema };

const ZComparedEnterpriseSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  territory: z.string(),
  territoryName: z.string(),
});

export const planRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/annual-plans/compute',
      {
        schema: {
          tags,
          summary: '计算年度监督检查计划（法制审核；草稿可重新计算）',
          body: ZComputeAnnualPlanSchema,
          response: { 201: ZAnnualPlanDetailSchema },
        },
      },
      async (request, reply) => {
        const row = await computeAnnualPlanFor(ctx, requireActor(request), request.body);
        return reply.status(201).send(await annualPlanDetail(ctx, row));
      },
    );
    app.get(
      '/annual-plans',
      {
        schema: {
          tags,
          summary: '年度监督检查计划（各版本）',
          querystring: z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() }),
          response: { 200: z.object({ items: z.array(ZAnnualPlanSummarySchema) }) },
        },
      },
      async (request) => listAnnualPlans(ctx, requireActor(request), request.query.year),
    );
    app.get(
      '/annual-plans/comparison',
      {
        schema: {
          tags,
          summary: '市级：各县（市、区）计划衔接比对——未列入任何计划的企业、重复列入的企业（措施一）',
          querystring: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
          response: {
            200: z.object({
              year: z.number().int(),
              plans: z.array(
                z.object({
                  id: z.uuid(),
                  territory: z.string(),
                  territoryName: z.string(),
                  version: z.number().int(),
                  status: z.string(),
                }),
              ),
              bureausWithoutPlan: z.array(z.object({ territory: z.string(), territoryName: z.string() })),
              gaps: z.array(ZComparedEnterpriseSchema),
              overlaps: z.array(
                ZComparedEnterpriseSchema.extend({
                  matter: z.string(),
                  plans: z.array(
                    z.object({
                      planId: z.string(),
                      territory: z.string(),
                      territoryName: z.string(),
                      kind: z.string(),
                    }),
                  ),
                }),
              ),
              outOfTerritory: z.array(
                ZComparedEnterpriseSchema.extend({ planId: z.string(), matter: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => comparePlansOfYear(ctx, requireActor(request), request.query.year),
    );
    app.get(
      '/annual-plans/:id',
      {
        schema: {
          tags,
          summary: '年度计划详情：计算式、重点企业与月份、双随机批次、提示与缺口',
          params: ZIdParamsSchema,
          response: detail,
        },
      },
      async (request) =>
        annualPlanDetail(ctx, await loadAnnualPlan(ctx.db, requireActor(request), request.params.id, 'read')),
    );

    const move = (
      path: string,
      summary: string,
      body: z.ZodType,
      toAction: (body: never, today: string) => Parameters<typeof moveAnnualPlan>[3],
    ) =>
      app.post(
        path,
        { schema: { tags, summary, params: ZIdParamsSchema, body, response: detail } },
        async (request) => {
          const { id } = request.params as { id: string };
          const row = await moveAnnualPlan(
            ctx,
            requireActor(request),
            id,
            toAction(request.body as never, todayIn(ctx)),
          );
          return annualPlanDetail(ctx, row);
        },
      );
    move(
      '/annual-plans/:id/submit',
      '报送本级人民政府批准（须填写领导集体讨论通过日期）',
      ZSubmitAnnualSchema,
      (body: z.infer<typeof ZSubmitAnnualSchema>, today) => ({
        type: 'submit',
        submittedOn: body.submittedOn ?? today,
        discussedOn: body.discussedOn ?? null,
      }),
    );
    move(
      '/annual-plans/:id/return',
      '退回修改（须写明理由）',
      ZReasonBodySchema,
      (body: z.infer<typeof ZReasonBodySchema>) => ({ type: 'return', reason: body.reason }),
    );
    move(
      '/annual-plans/:id/approve',
      '记录同级人民政府批准（文号与日期）',
      ZApproveAnnualSchema,
      (body: z.infer<typeof ZApproveAnnualSchema>) => ({
        type: 'approve',
        documentNumber: body.documentNumber ?? null,
        approvedOn: body.approvedOn ?? null,
      }),
    );
    move(
      '/annual-plans/:id/file',
      '记录报上一级主管部门备案（备案日期）',
      ZFileSchema,
      (body: z.infer<typeof ZFileSchema>) => ({ type: 'file', filedOn: body.filedOn ?? null }),
    );
    move(
      '/annual-plans/:id/publish',
      '公布（公示平台可见总数与检查事项）',
      ZPublishSchema,
      (body: z.infer<typeof ZPublishSchema>, today) => ({
        type: 'publish',
        publishedOn: body.publishedOn ?? today,
      }),
    );

    app.post(
      '/annual-plans/:id/revisions',
      {
        schema: {
          tags,
          summary: '以新版本调整已公布的计划（须写明理由；原版本保留）',
          params: ZIdParamsSchema,
          body: ZReasonBodySchema,
          response: { 201: ZAnnualPlanDetailSchema },
        },
      },
      async (request, reply) => {
        const row = await reviseAnnualPlan(
          ctx,
          requireActor(request),
          request.params.id,
          request.body.reason,
        );
        return reply.status(201).send(await annualPlanDetail(ctx, row));
      },
    );
    app.get(
      '/annual-plans/:id/execution',
      {
        schema: {
          tags,
          summary: '计划执行情况（按月、科室、属地、类别；重点企业覆盖，10月起预警）',
          params: ZIdParamsSchema,
          querystring: z.object({ asOf: ZDateSchema.optional() }),
          response: { 200: ZExecutionSchema },
        },
      },
      async (request) => {
        const row = await loadAnnualPlan(ctx.db, requireActor(request), request.params.id, 'read');
        // no inspection is recorded yet (the inspection capability comes later): actual is empty
        const execution = planExecution({
          plan: row.document,
          actual: [],
          asOf: request.query.asOf ?? todayIn(ctx),
        });
        return { planId: row.id, ...execution };
      },
    );
    app.get(
      '/annual-plans/:id/export.xlsx',
      { schema: { tags, summary: '导出年度计划 (.xlsx)', params: ZIdParamsSchema } },
      async (request, reply) => {
        const row = await loadAnnualPlan(ctx.db, requireActor(request), request.params.id, 'read');
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment(`${annualPlanTitle(row)}.xlsx`))
          .send(annualPlanWorkbook(row));
      },
    );
    app.get(
      '/annual-plans/:id/export.docx',
      {
        schema: {
          tags,
          summary: '导出年度计划公文 (.docx)：标题、文号、正文与表格',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        const row = await loadAnnualPlan(ctx.db, requireActor(request), request.params.id, 'read');
        return reply
          .type(docxContentType)
          .header('content-disposition', attachment(`${annualPlanTitle(row)}.docx`))
          .send(await annualPlanDocx(row));
      },
    );
    app.get(
      '/public/annual-plans',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '已公布的年度监督检查计划：总数与检查事项（无需登录，不含企业与人员信息）',
          response: { 200: z.object({ items: z.array(ZPublicAnnualPlanSchema) }) },
        },
      },
      async () => publishedAnnualPlans(ctx),
    );

    await app.register(monthlyPlanRoutes(ctx));
  };
