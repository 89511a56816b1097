import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/http/actor.ts';
import type { AppContext } from '../../../platform/http/context.ts';
import { ZCaseDetailSchema, ZCaseIdParamsSchema } from '../model.ts';
import {
  ZArrangementParamsSchema,
  ZCourtApplicationInputSchema,
  ZFineArrangementDecisionSchema,
  ZFineArrangementInputSchema,
  ZFinePaymentInputSchema,
  ZFineReminderInputSchema,
} from './model.ts';
import {
  applyForArrangement,
  decideArrangement,
  recordCourtApplication,
  recordPayment,
  recordReminder,
} from './service.ts';

const tags = ['penalty-cases'];

// issue 15 item 3 after service: paying the fine, 暂缓/分期, 催告 and the court application; each answers the case.
export const performanceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/penalty-cases/:id/fine-payments',
      {
        schema: {
          tags,
          summary: '记录罚款缴纳（缴款日期、金额、缴款凭证；不早于送达，不超过未缴罚款）',
          params: ZCaseIdParamsSchema,
          body: ZFinePaymentInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordPayment(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/fine-arrangements',
      {
        schema: {
          tags,
          summary: '记录当事人暂缓或者分期缴纳罚款的申请（行政处罚法第六十六条第二款）',
          params: ZCaseIdParamsSchema,
          body: ZFineArrangementInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => applyForArrangement(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/fine-arrangements/:arrangementId/decision',
      {
        schema: {
          tags,
          summary: '负责人批准或者不批准暂缓、分期缴纳（记录申请的人员不得批准）',
          params: ZArrangementParamsSchema,
          body: ZFineArrangementDecisionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        decideArrangement(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.arrangementId,
          request.body,
        ),
    );
    app.post(
      '/penalty-cases/:id/fine-reminder',
      {
        schema: {
          tags,
          summary: '记录催告书送达（缴纳期限届满后仍未缴纳；行政强制法第五十四条）',
          params: ZCaseIdParamsSchema,
          body: ZFineReminderInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordReminder(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/court-enforcement',
      {
        schema: {
          tags,
          summary: '记录申请人民法院强制执行（催告书送达十日后；行政强制法第五十三条、第五十四条）',
          params: ZCaseIdParamsSchema,
          body: ZCourtApplicationInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordCourtApplication(ctx, requireActor(request), request.params.id, request.body),
    );
  };
