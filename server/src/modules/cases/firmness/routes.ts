import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { ZCaseDetailSchema, ZCaseIdParamsSchema } from '../model.ts';
import { pageOf } from '../../../platform/http/paging.ts';
import { listClosureProposals } from './closure-list.ts';
import {
  ZClosureListItemSchema,
  ZClosureListQuerySchema,
  ZClosureOnFactsSchema,
  ZClosureProposalSentSchema,
  ZCorrectionRefusalSchema,
} from './model.ts';
import {
  openFollowUpCase,
  recordClosureOnFacts,
  recordClosureProposalSent,
  recordCorrectionRefusal,
} from './service.ts';

const tags = ['penalty-cases'];

// measure 15: 安全生产法 第一百一十二条 (按日连续处罚) and 第一百一十三条 (提请关闭) on a decided case.
export const firmnessRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/penalty-cases/:id/correction-refusal',
      {
        schema: {
          tags,
          summary:
            '记录复查认定拒不改正，计算按日连续处罚（安全生产法第一百一十二条：被责令改正且受到罚款处罚，拒不改正的）',
          params: ZCaseIdParamsSchema,
          body: ZCorrectionRefusalSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordCorrectionRefusal(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/follow-up-case',
      {
        schema: {
          tags,
          summary: '据按日连续处罚的计算另行立案（一次；新案件按一般程序办理），返回新案件',
          params: ZCaseIdParamsSchema,
          response: { 201: ZCaseDetailSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openFollowUpCase(ctx, requireActor(request), request.params.id)),
    );
    app.post(
      '/penalty-cases/:id/closure-proposal',
      {
        schema: {
          tags,
          summary: '负责人记录已提请地方人民政府予以关闭（安全生产法第一百一十三条第一款；须符合所列情形）',
          params: ZCaseIdParamsSchema,
          body: ZClosureProposalSentSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        recordClosureProposalSent(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/closure-proposals-on-facts',
      {
        schema: {
          tags,
          summary:
            '负责人据所述事实记录已提请地方人民政府予以关闭（安全生产法第一百一十三条第一款第（二）至（四）项：整顿后仍不具备条件、导致重大以上事故、拒不执行停产停业整顿决定）',
          params: ZCaseIdParamsSchema,
          body: ZClosureOnFactsSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordClosureOnFacts(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/penalty-closure-proposals',
      {
        schema: {
          tags,
          summary:
            '辖区内提请关闭的企业（安全生产法第一百一十三条第一款：第（一）项按处罚记录计算，第（二）至（四）项为已记录的提请）',
          querystring: ZClosureListQuerySchema,
          response: { 200: pageOf(ZClosureListItemSchema) },
        },
      },
      async (request) => listClosureProposals(ctx, requireActor(request), request.query),
    );
  };
