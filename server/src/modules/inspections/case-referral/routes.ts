import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { pageOf } from '../../../platform/http/paging.ts';
import {
  ZCaseReferralDecisionSchema,
  ZCaseReferralIdParamsSchema,
  ZCaseReferralListQuerySchema,
  ZCaseReferralSchema,
} from './model.ts';
import { decideReferral, listCaseReferrals } from './service.ts';

const tags = ['case-referrals'];

// measure 15 (安全生产法 第一百零二条): major hidden dangers referred for a case (移交立案审查), settled by the legal
// reviewer alone.
export const caseReferralRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/case-referrals',
      {
        schema: {
          tags,
          summary: '重大事故隐患移交立案审查事项（辖区；待办在前）',
          querystring: ZCaseReferralListQuerySchema,
          response: { 200: pageOf(ZCaseReferralSchema) },
        },
      },
      async (request) => listCaseReferrals(ctx, requireActor(request), request.query),
    );
    app.post(
      '/case-referrals/:id/decision',
      {
        schema: {
          tags,
          summary:
            '法制审核办结移交立案审查：立案（填写立案编号）或不予立案（写明理由并引用依据）（措施十五；安全生产法第一百零二条）',
          params: ZCaseReferralIdParamsSchema,
          body: ZCaseReferralDecisionSchema,
          response: { 200: ZCaseReferralSchema },
        },
      },
      async (request) => decideReferral(ctx, requireActor(request), request.params.id, request.body),
    );
  };
