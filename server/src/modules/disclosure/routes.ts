import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { anonymous } from '../../platform/http/openapi.ts';
import { ZNoBodySchema } from '../../platform/http/paging.ts';
import { attachment, xlsxContentType } from '../../platform/http/downloads.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import {
  ZAnnualReportSchema,
  ZBenchmarkQuerySchema,
  ZBenchmarkSchema,
  ZInspectionCapsSchema,
  ZOpenDataParamsSchema,
  ZOpenDataQuerySchema,
  ZPortalSchema,
  ZPublicAnnualReportSchema,
  ZPublicCreditRepairSchema,
  ZPublicInspectionResultSchema,
  ZTerritoryQuerySchema,
  ZYearParamsSchema,
} from './model.ts';
import { openTable, toCsv, toXlsx } from './open-data.ts';
import {
  annualReportsOf,
  benchmarks,
  creditRepairs,
  generateAnnualReport,
  inspectionCaps,
  inspectionResults,
  portal,
  publicAnnualReports,
  publishAnnualReport,
} from './service.ts';

const publicSchema = { security: anonymous, tags: ['public'] };

// Measure 29: the public portal (no login) and the bureau's annual report (issue 17 item 4).
export const disclosureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/portal',
      {
        config: { readsMayLag: true },
        schema: {
          ...publicSchema,
          summary: '公开：政务公开门户（公示期限及其依据、可下载的开放数据）',
          response: { 200: ZPortalSchema },
        },
      },
      async () => portal(ctx),
    );
    app.get(
      '/public/inspection-results',
      {
        config: { readsMayLag: true },
        schema: {
          ...publicSchema,
          summary: '公开：行政检查结果（企业名称、日期、检查事项、结果摘要；不含个人信息）',
          querystring: ZTerritoryQuerySchema,
          response: {
            200: z.object({
              items: z.array(ZPublicInspectionResultSchema),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
          },
        },
      },
      async (request) => inspectionResults(ctx, request.query),
    );
    app.get(
      '/public/credit-repairs',
      {
        schema: {
          ...publicSchema,
          summary: '公开：信用修复结果（已终止公示的行政处罚决定）',
          querystring: ZTerritoryQuerySchema,
          response: { 200: z.object({ items: z.array(ZPublicCreditRepairSchema) }) },
        },
      },
      async (request) => creditRepairs(ctx, request.query),
    );
    app.get(
      '/public/discretion-benchmarks',
      {
        schema: {
          ...publicSchema,
          summary: '公开：行政处罚裁量基准（行政处罚法第三十四条；现行裁量阶次及核实状态）',
          querystring: ZBenchmarkQuerySchema,
          response: {
            200: z.object({
              territory: z.string(),
              territoryName: z.string(),
              on: z.string(),
              items: z.array(ZBenchmarkSchema),
            }),
          },
        },
      },
      async (request) => benchmarks(ctx, request.query),
    );
    app.get(
      '/public/inspection-caps',
      {
        schema: {
          ...publicSchema,
          summary: '公开：各执法部门对企业的年度检查频次上限与最低检查要求',
          response: { 200: ZInspectionCapsSchema },
        },
      },
      async () => inspectionCaps(ctx),
    );
    app.get(
      '/public/annual-reports',
      {
        schema: {
          ...publicSchema,
          summary: '公开：各执法部门上年度行政执法数据及分析报告（每年 1 月 31 日前发布）',
          response: { 200: z.object({ items: z.array(ZPublicAnnualReportSchema) }) },
        },
      },
      async () => publicAnnualReports(ctx),
    );
    app.get(
      '/public/open-data/:dataset',
      {
        schema: {
          ...publicSchema,
          summary: '公开：开放数据下载（.xlsx 或 UTF-8 CSV）',
          params: ZOpenDataParamsSchema,
          querystring: ZOpenDataQuerySchema,
        },
      },
      async (request, reply) => {
        const table = await openTable(ctx, request.params.dataset);
        const name = `${table.name}-${shanghaiDate(ctx.clock.now())}`;
        if (request.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', attachment(`${name}.csv`))
            .send(toCsv(table));
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment(`${name}.xlsx`))
          .send(toXlsx(table));
      },
    );
    app.get(
      '/annual-reports',
      {
        schema: {
          tags: ['annual-reports'],
          summary: '本局年度行政执法数据及分析报告（上年度的待发布或逾期状态）',
          response: { 200: z.object({ items: z.array(ZAnnualReportSchema) }) },
        },
      },
      async (request) => annualReportsOf(ctx, requireActor(request)),
    );
    app.post(
      '/annual-reports/:year/generate',
      {
        schema: {
          tags: ['annual-reports'],
          summary: '按该年度数据生成（或重新生成）本局年度报告（法制审核人员）',
          params: ZYearParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZAnnualReportSchema },
        },
      },
      async (request) => generateAnnualReport(ctx, requireActor(request), request.params.year),
    );
    app.post(
      '/annual-reports/:year/publish',
      {
        schema: {
          tags: ['annual-reports'],
          summary: '局主要负责人发布本局年度报告（公示办法第十七条：1 月 31 日前）',
          params: ZYearParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZAnnualReportSchema },
        },
      },
      async (request) => publishAnnualReport(ctx, requireActor(request), request.params.year),
    );
  };
