import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCOUNTABILITY_STATUSES } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { pageOf, ZNoBodySchema, ZPageQuerySchema } from '../../platform/http/paging.ts';
import { assertMayUse } from '../../platform/policy/policy.ts';
import {
  ZAccountabilityCatalogViewSchema,
  ZApprovalSchema,
  ZCompletionSchema,
  ZRecordInputSchema,
  ZRecordViewSchema,
  ZReturnSchema,
} from './model.ts';
import {
  approveRecord,
  catalogView,
  completeCorrection,
  draftRecord,
  getRecord,
  listRecords,
  returnRecord,
  reviseRecord,
  submitRecord,
} from './service.ts';

const tags = ['accountability'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });

// Issue 17 item 10 (measure 30): accountability records.
export const accountabilityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accountability-catalog',
      {
        schema: {
          tags,
          summary: '问责目录（履职问题类型、纠正方式、处理方式及其依据）',
          response: { 200: ZAccountabilityCatalogViewSchema },
        },
      },
      async (request) => {
        assertMayUse(requireActor(request), 'accountability_record', 'read');
        return catalogView();
      },
    );
    app.get(
      '/accountability-records',
      {
        schema: {
          tags,
          summary: '问责记录列表（措施三十）',
          querystring: ZPageQuerySchema.omit({ sort: true }).extend({
            status: z.enum(ACCOUNTABILITY_STATUSES).optional(),
            officerId: z.string().max(64).optional(),
            complaintId: z.string().max(64).optional(),
            q: z.string().max(50).optional(),
          }),
          response: { 200: pageOf(ZRecordViewSchema) },
        },
      },
      async (request) => listRecords(ctx, requireActor(request), request.query),
    );
    app.post(
      '/accountability-records',
      {
        schema: {
          tags,
          summary: '起草问责记录',
          body: ZRecordInputSchema,
          response: { 201: ZRecordViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await draftRecord(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/accountability-records/:id',
      {
        schema: {
          tags,
          summary: '问责记录详情',
          params: ZIdParamsSchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => getRecord(ctx, requireActor(request), request.params.id),
    );
    app.patch(
      '/accountability-records/:id',
      {
        schema: {
          tags,
          summary: '修改问责记录草稿（整条替换）',
          params: ZIdParamsSchema,
          body: ZRecordInputSchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => reviseRecord(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/accountability-records/:id/submission',
      {
        schema: {
          tags,
          summary: '提交问责记录审批',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => submitRecord(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/accountability-records/:id/approval',
      {
        schema: {
          tags,
          summary: '批准问责记录（部门负责人，起草人以外）：处理即时生效',
          params: ZIdParamsSchema,
          body: ZApprovalSchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => approveRecord(ctx, requireActor(request), request.params.id, request.body.note),
    );
    app.post(
      '/accountability-records/:id/return',
      {
        schema: {
          tags,
          summary: '退回问责记录',
          params: ZIdParamsSchema,
          body: ZReturnSchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => returnRecord(ctx, requireActor(request), request.params.id, request.body.note),
    );
    app.post(
      '/accountability-records/:id/correction-completion',
      {
        schema: {
          tags,
          summary: '登记纠正措施完成',
          params: ZIdParamsSchema,
          body: ZCompletionSchema,
          response: { 200: ZRecordViewSchema },
        },
      },
      async (request) => completeCorrection(ctx, requireActor(request), request.params.id, request.body),
    );
  };
