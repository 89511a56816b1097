import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { problem } from '../../platform/problems/problem.ts';
import { pageOf, ZBooleanQuerySchema, ZPageQuerySchema } from '../../platform/http/paging.ts';
import { ZEnterpriseCreateSchema, ZEnterpriseSchema, ZEnterpriseUpdateSchema } from './model.ts';
import {
  createEnterprise,
  enterpriseViewsForExport,
  getEnterprise,
  listEnterprises,
  updateEnterprise,
  type RegradeEnterprise,
  type KeyStatusesOfNew,
  type RegradeEnterprises,
} from './service.ts';
import { importEnterprises } from './import-enterprises.ts';
import { writeEnterpriseSheet } from './xlsx.ts';
import { attachment, streamWorkbook, xlsxContentType } from '../../platform/http/downloads.ts';

const ZFilterSchema = z.object({
  q: z.string().max(100).optional(),
  territory: z
    .string()
    .regex(/^\d{6}$/, '属地应为六位行政区划代码')
    .optional(),
  industry: z.string().max(64).optional(),
  isKey: ZBooleanQuerySchema.optional(),
});

const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const tags = ['enterprises'];

export const enterpriseRoutes =
  (
    ctx: AppContext,
    regradeEnterprise: RegradeEnterprise,
    regradeEnterprises: RegradeEnterprises,
    keyStatusesOfNew: KeyStatusesOfNew,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/enterprises',
      {
        config: { readsMayLag: true },
        schema: {
          tags,
          summary: '企业列表与搜索',
          querystring: ZPageQuerySchema.extend(ZFilterSchema.shape),
          response: { 200: pageOf(ZEnterpriseSchema) },
        },
      },
      async (request) => listEnterprises(ctx, requireActor(request), request.query),
    );

    app.post(
      '/enterprises',
      {
        schema: {
          tags,
          summary: '新增企业',
          body: ZEnterpriseCreateSchema,
          response: { 201: ZEnterpriseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createEnterprise(ctx, requireActor(request), request.body, regradeEnterprise)),
    );

    app.get(
      '/enterprises/export.xlsx',
      { schema: { tags, summary: '导出企业库 (.xlsx)', querystring: ZFilterSchema } },
      async (request, reply) => {
        const views = enterpriseViewsForExport(ctx, requireActor(request), request.query);
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment(`企业库-${new Date().toISOString().slice(0, 10)}.xlsx`))
          .send(streamWorkbook((workbook) => writeEnterpriseSheet(workbook, views())));
      },
    );

    app.get(
      '/enterprises/import-template.xlsx',
      { schema: { tags, summary: '企业导入模板 (.xlsx)' } },
      async (request, reply) => {
        requireActor(request);
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment('企业导入模板.xlsx'))
          .send(streamWorkbook((workbook) => writeEnterpriseSheet(workbook, null)));
      },
    );

    app.post(
      '/enterprises/import',
      {
        config: { multipartFields: z.object({}) },
        schema: {
          tags,
          summary: '导入企业 (.xlsx，multipart 字段 file)；任一行有误则全部不导入',
          consumes: ['multipart/form-data'],
          response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const file = await request.file();
        if (!file) throw problem('FILE_MISSING', { file: '导入的 .xlsx 文件' });
        const buffer = await file.toBuffer();
        return importEnterprises(ctx, actor, buffer, { regradeEnterprises, keyStatusesOfNew });
      },
    );

    app.get(
      '/enterprises/:id',
      {
        schema: { tags, summary: '企业详情', params: ZIdParamsSchema, response: { 200: ZEnterpriseSchema } },
      },
      async (request) => getEnterprise(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/enterprises/:id',
      {
        schema: {
          tags,
          summary: '修改企业',
          params: ZIdParamsSchema,
          body: ZEnterpriseUpdateSchema,
          response: { 200: ZEnterpriseSchema },
        },
      },
      async (request) =>
        updateEnterprise(ctx, requireActor(request), request.params.id, request.body, regradeEnterprise),
    );
  };
