import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { attachment, xlsxContentType } from '../../platform/http/downloads.ts';
import { ZNoBodySchema } from '../../platform/http/paging.ts';
import {
  addGuideListEntry,
  approveGuideList,
  generateGuideList,
  getGuideList,
  guideListForExport,
  listGuideLists,
  publishGuideList,
  regenerateGuideList,
  removeGuideListEntry,
} from './service.ts';
import { publishedGuideList, publishedGuideLists } from './published-guide-lists.ts';
import { anonymous } from '../../platform/http/openapi.ts';
import { guideListTitle, guideListWorkbook } from './export-xlsx.ts';

const tags = ['guide-lists'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const ZStatusSchema = z.enum(['draft', 'approved', 'published']);
const ZClassSchema = z.enum(['key', 'general']);
const ZLevelSchema = z.enum(['city_organised', 'county']);
const ZListSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  territory: z.string(),
  territoryName: z.string(),
  status: ZStatusSchema,
  entryCount: z.number().int(),
  catalogVersion: z.string(),
  generatedAt: z.string(),
  generatedByName: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvalComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
const ZMemberSchema = z.object({ creditCode: z.string(), name: z.string(), territoryName: z.string() });
const ZDetailSchema = ZListSchema.extend({
  entries: z.array(
    z.object({
      id: z.uuid(),
      enterpriseId: z.uuid(),
      name: z.string(),
      creditCode: z.string(),
      territory: z.string(),
      territoryName: z.string(),
      class: ZClassSchema,
      enforcementLevel: ZLevelSchema,
      origin: z.enum(['rule', 'manual', 'proposed']),
      removed: z.boolean(),
      reason: z.string().nullable(),
      ruleReasons: z.array(z.string()),
    }),
  ),
  diff: z.object({
    previousYear: z.number().int(),
    previousListId: z.uuid().nullable(),
    added: z.array(ZMemberSchema),
    removed: z.array(ZMemberSchema),
  }),
});
const ZReasonSchema = z.string().trim().min(1, '请写明理由').max(500);

export const guideListRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/guide-lists',
      {
        schema: {
          tags,
          summary: '重点企业指导名单',
          response: { 200: z.object({ items: z.array(ZListSchema) }) },
        },
      },
      async (request) => listGuideLists(ctx, requireActor(request)),
    );
    app.post(
      '/guide-lists',
      {
        schema: {
          tags,
          summary: '按规则生成某年度名单（法制审核）',
          body: z.strictObject({ year: z.number().int().min(2020).max(2100) }),
          response: { 201: ZListSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await generateGuideList(ctx, requireActor(request), request.body.year)),
    );
    app.get(
      '/guide-lists/:id',
      {
        schema: {
          tags,
          summary: '名单详情（含与上年度的差异）',
          params: ZIdParamsSchema,
          response: { 200: ZDetailSchema },
        },
      },
      async (request) => getGuideList(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/guide-lists/:id/regenerate',
      {
        schema: {
          tags,
          summary: '按规则重新生成（仅草稿；人工增删保留）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZListSchema },
        },
      },
      async (request) => regenerateGuideList(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/guide-lists/:id/entries',
      {
        schema: {
          tags,
          summary: '人工增加企业（须写明理由）',
          params: ZIdParamsSchema,
          body: z.strictObject({ enterpriseId: z.string().max(64), reason: ZReasonSchema }),
          response: { 200: ZDetailSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await addGuideListEntry(
          ctx,
          actor,
          request.params.id,
          request.body.enterpriseId,
          request.body.reason,
        );
        return getGuideList(ctx, actor, request.params.id);
      },
    );
    app.post(
      '/guide-lists/:id/entries/:entryId/removal',
      {
        schema: {
          tags,
          summary: '移出企业（须写明理由）',
          params: z.object({ id: z.string().max(64), entryId: z.string().max(64) }),
          body: z.strictObject({ reason: ZReasonSchema }),
          response: { 200: ZDetailSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await removeGuideListEntry(
          ctx,
          actor,
          request.params.id,
          request.params.entryId,
          request.body.reason,
        );
        return getGuideList(ctx, actor, request.params.id);
      },
    );
    app.post(
      '/guide-lists/:id/approve',
      {
        schema: {
          tags,
          summary: '审批名单',
          params: ZIdParamsSchema,
          body: z.strictObject({ comment: z.string().trim().max(500).optional() }),
          response: { 200: ZDetailSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await approveGuideList(ctx, actor, request.params.id, request.body.comment);
        return getGuideList(ctx, actor, request.params.id);
      },
    );
    app.post(
      '/guide-lists/:id/publish',
      {
        schema: {
          tags,
          summary: '公布名单（公示平台可见）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZDetailSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await publishGuideList(ctx, actor, request.params.id);
        return getGuideList(ctx, actor, request.params.id);
      },
    );
    app.get(
      '/guide-lists/:id/export.xlsx',
      { schema: { tags, summary: '导出名单 (.xlsx)', params: ZIdParamsSchema } },
      async (request, reply) => {
        const { list, entries } = await guideListForExport(ctx, requireActor(request), request.params.id);
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachment(`${guideListTitle(list.year)}.xlsx`))
          .send(guideListWorkbook(list.year, entries));
      },
    );

    app.get(
      '/public/guide-lists',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '已公布的重点企业指导名单（无需登录）',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  year: z.number().int(),
                  territory: z.string(),
                  territoryName: z.string(),
                  publishedAt: z.string(),
                  entryCount: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async () => publishedGuideLists(ctx),
    );
    app.get(
      '/public/guide-lists/:year',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '某年度已公布名单：企业名称、信用代码、属地、分类、层级（无其他数据）',
          params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: {
            200: z.object({
              year: z.number().int(),
              territoryName: z.string(),
              publishedAt: z.string(),
              entries: z.array(
                z.object({
                  name: z.string(),
                  creditCode: z.string(),
                  territoryName: z.string(),
                  class: ZClassSchema,
                  enforcementLevel: ZLevelSchema,
                }),
              ),
            }),
          },
        },
      },
      async (request) => publishedGuideList(ctx, request.params.year),
    );
  };
