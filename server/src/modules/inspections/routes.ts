import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { pageOf } from '../../platform/http/paging.ts';
import { bureauBurden, enterpriseBurden } from './burden-service.ts';
import { declineMerge, listMergeProposals, mergeInspections } from './merge-service.ts';
import {
  ZBurdenQuerySchema,
  ZBurdenRowSchema,
  ZDeclineMergeSchema,
  ZEnterpriseBurdenSchema,
  ZIdParamsSchema,
  ZInspectionRowSchema,
  ZListQuerySchema,
  ZMergedSchema,
  ZMergeDecisionSchema,
  ZMergeProposalSchema,
  ZMergeSchema,
  ZPlanInspectionSchema,
  ZPlannedInspectionSchema,
  ZProposalQuerySchema,
  ZYearQuerySchema,
} from './model.ts';
import { approveTriggerRoutes } from './approve-trigger.ts';
import { getInspection, listInspections, listInspectionsForExport, planInspection } from './service.ts';
import { writeInspectionSheet } from './export-xlsx.ts';
import { attachment, streamWorkbook, xlsxContentType } from '../../platform/http/downloads.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';

const tags = ['inspections'];

export const inspectionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(approveTriggerRoutes(ctx));
    app.post(
      '/inspections',
      {
        schema: {
          tags,
          summary:
            '安排一次行政检查：超出年度检查上限的须有重点执法来源（措施五、二十四）；返回同一时期已安排的其他检查（措施八）',
          body: ZPlanInspectionSchema,
          response: { 201: ZPlannedInspectionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await planInspection(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/inspections',
      {
        config: { readsMayLag: true },
        schema: {
          tags,
          summary: '行政检查列表（每行带该企业本年检查次数与黄/红提示）',
          querystring: ZListQuerySchema,
          response: { 200: pageOf(ZInspectionRowSchema) },
        },
      },
      async (request) => listInspections(ctx, requireActor(request), request.query),
    );
    app.get(
      '/inspections/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出筛选后的行政检查列表 (.xlsx，至多 5000 条)',
          querystring: ZListQuerySchema.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const list = await listInspectionsForExport(ctx, requireActor(request), request.query);
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment(`行政检查-${shanghaiDate(ctx.clock.now())}.xlsx`))
          .send(streamWorkbook((workbook) => writeInspectionSheet(workbook, list.items)));
      },
    );
    app.get(
      '/inspections/burden',
      {
        schema: {
          tags,
          summary: '企业年度受检情况：各部门、各方式检查次数与年度上限（按次数从多到少）',
          querystring: ZBurdenQuerySchema,
          response: { 200: pageOf(ZBurdenRowSchema) },
        },
      },
      async (request) => bureauBurden(ctx, requireActor(request), request.query),
    );
    app.get(
      '/enterprises/:id/burden',
      {
        schema: {
          tags,
          summary: '一家企业本年受检情况（辖区执法人员；企业用户仅本企业、仅已完成的检查）',
          params: ZIdParamsSchema,
          querystring: ZYearQuerySchema,
          response: { 200: ZEnterpriseBurdenSchema },
        },
      },
      async (request) => enterpriseBurden(ctx, requireActor(request), request.params.id, request.query.year),
    );
    app.get(
      '/inspections/merge-proposals',
      {
        schema: {
          tags,
          summary: '合并检查建议：同一企业同一时期的多次检查（措施八）',
          querystring: ZProposalQuerySchema,
          response: { 200: pageOf(ZMergeProposalSchema) },
        },
      },
      async (request) => listMergeProposals(ctx, requireActor(request), request.query),
    );
    app.post(
      '/inspections/merge',
      {
        schema: {
          tags,
          summary: '合并为一次检查：保留一次，并入全部检查事项与部门，其余标为已合并（措施八）',
          body: ZMergeSchema,
          response: { 200: ZMergedSchema },
        },
      },
      async (request) => mergeInspections(ctx, requireActor(request), request.body),
    );
    app.post(
      '/inspections/merge/decline',
      {
        schema: {
          tags,
          summary: '不合并（须写明理由），该建议不再提出',
          body: ZDeclineMergeSchema,
          response: { 201: ZMergeDecisionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await declineMerge(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/inspections/:id',
      {
        schema: {
          tags,
          summary: '行政检查详情',
          params: ZIdParamsSchema,
          response: { 200: ZInspectionRowSchema },
        },
      },
      async (request) => getInspection(ctx, requireActor(request), request.params.id),
    );
  };
