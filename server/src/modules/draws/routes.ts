import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZNoBodySchema, pageOf } from '../../platform/http/paging.ts';
import {
  ZCancellationDecisionSchema,
  ZCancellationRequestSchema,
  ZConflictSchema,
  ZDetailQuerySchema,
  ZDrawDetailSchema,
  ZDrawListQuerySchema,
  ZDrawSummarySchema,
  ZFreezeDrawSchema,
  ZPerformDrawSchema,
  ZRecusalSchema,
  ZServedRecordSchema,
} from './model.ts';
import { decideCancellation, requestCancellation } from './cancel-draw.ts';
import { declareConflict } from './declare-conflict.ts';
import { drawSummary } from './draw-view.ts';
import { freezeDraw } from './freeze-draw.ts';
import { getDraw, getRecord } from './get-draw.ts';
import { listDraws, listPublicDraws } from './list-draws.ts';
import { performDrawSession } from './perform-draw.ts';
import { publishResults } from './publish-results.ts';
import { recordRecusal } from './record-recusal.ts';
import { anonymous, sessionOptional } from '../../platform/http/openapi.ts';

const tags = ['draws'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const summary = { 200: ZDrawSummarySchema };

export const drawRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/draws',
      {
        schema: {
          tags,
          summary: '冻结抽取名单并公布哈希（双随机第一步，法制审核）',
          description:
            '企业分层名单与执法人员库在此冻结，名单哈希随即公示；此时不产生任何随机结果。已达年度检查上限的企业不入名单。',
          body: ZFreezeDrawSchema,
          response: { 201: ZDrawSummarySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(drawSummary(await freezeDraw(ctx, requireActor(request), request.body))),
    );

    app.post(
      '/draws/:id/perform',
      {
        schema: {
          tags,
          summary: '抽取：录入公开随机数与见证人，计算并公布结果（只能一次）',
          params: ZIdParamsSchema,
          body: ZPerformDrawSchema,
          response: summary,
        },
      },
      async (request) =>
        drawSummary(await performDrawSession(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/draws',
      {
        schema: {
          tags,
          summary: '本辖区的抽取批次',
          querystring: ZDrawListQuerySchema,
          response: { 200: pageOf(ZDrawSummarySchema) },
        },
      },
      async (request) => listDraws(ctx, requireActor(request), request.query),
    );

    app.get(
      '/draws/:id',
      {
        schema: {
          tags,
          summary: '抽取批次详情与结果（分页）',
          params: ZIdParamsSchema,
          querystring: ZDetailQuerySchema,
          response: { 200: ZDrawDetailSchema },
        },
      },
      async (request) => getDraw(ctx, requireActor(request), request.params.id, request.query),
    );

    app.get(
      '/draws/:id/record',
      {
        schema: {
          security: sessionOptional,
          tags,
          summary:
            '抽取记录（inspecta-draw-v1 JSON；本辖区人员抽取后可读，公众待检查办结或抽查期结束后可读）',
          description: '任何人可据此记录按 docs/draw-algorithm.md 重算；npm run verify-draw -- record.json',
          params: ZIdParamsSchema,
          response: { 200: ZServedRecordSchema },
        },
      },
      async (request, reply) => {
        const record = await getRecord(ctx, request.actor, request.params.id);
        // a record may hold a million codes: sent as one string, not walked by the response validator
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `inline; filename="draw-${request.params.id}.json"`)
          .send(JSON.stringify(record) as never);
      },
    );

    app.post(
      '/draws/:id/cancellation',
      {
        schema: {
          tags,
          summary: '申请取消抽取批次（须局长批准，公开显示）',
          params: ZIdParamsSchema,
          body: ZCancellationRequestSchema,
          response: summary,
        },
      },
      async (request) =>
        drawSummary(await requestCancellation(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      '/draws/:id/cancellation/decision',
      {
        schema: {
          tags,
          summary: '局长审批取消申请',
          params: ZIdParamsSchema,
          body: ZCancellationDecisionSchema,
          response: summary,
        },
      },
      async (request) =>
        drawSummary(await decideCancellation(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      '/draws/:id/recusals',
      {
        schema: {
          tags,
          summary: '抽取后回避：按同一抽样序列续抽替换人员',
          params: ZIdParamsSchema,
          body: ZRecusalSchema,
          response: {
            201: z.object({
              enterprise: z.string(),
              recused: z.string(),
              replacement: z.string(),
              i: z.number().int(),
              reason: z.string(),
              recordedAt: z.string(),
              recordedByName: z.string(),
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordRecusal(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      '/draws/:id/results/publish',
      {
        schema: {
          tags,
          summary: '公示本批次检查结果（完成后20个工作日内）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: summary,
        },
      },
      async (request) => drawSummary(await publishResults(ctx, requireActor(request), request.params.id)),
    );

    app.post(
      '/conflicts',
      {
        schema: {
          tags,
          summary: '申报利害关系回避（此后抽取对该企业排除该执法人员）',
          body: ZConflictSchema,
          response: {
            201: z.object({
              id: z.uuid(),
              officerId: z.uuid(),
              enterpriseId: z.uuid(),
              reason: z.string(),
              declaredOn: z.string(),
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await declareConflict(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/public/draws',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：抽取批次（名单哈希、随机数、结果、取消情况）',
          querystring: ZDrawListQuerySchema,
          response: { 200: pageOf(ZDrawSummarySchema) },
        },
      },
      async (request) => listPublicDraws(ctx, request.query),
    );

    app.get(
      '/public/draws/:id',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：抽取批次详情与抽中企业',
          params: ZIdParamsSchema,
          querystring: ZDetailQuerySchema,
          response: { 200: ZDrawDetailSchema },
        },
      },
      async (request) => getDraw(ctx, null, request.params.id, request.query),
    );
  };
