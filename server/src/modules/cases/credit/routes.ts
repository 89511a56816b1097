import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { anonymous } from '../../../platform/http/openapi.ts';
import {
  ZIdParamsSchema,
  ZPublicDecisionSchema,
  ZPublicWithdrawalSchema,
  ZWithdrawalInputSchema,
  ZPublicPenaltyQuerySchema,
  ZPublicationViewSchema,
  ZRepairApplicationInputSchema,
  ZRepairApplicationSchema,
  ZRepairDecisionSchema,
  ZListingDecisionSchema,
  ZListingRecommendationSchema,
  ZListingRemovalSchema,
  ZPublicListingSchema,
} from './model.ts';
import { ZCaseDetailSchema, ZCaseIdParamsSchema } from '../model.ts';
import { decideListing, listPublicSeriousDishonesty, recommendListing, removeListing } from './listing.ts';
import {
  applyForRepair,
  decideRepair,
  listOwnPublications,
  listPublicDecisions,
  withdrawPublication,
} from './service.ts';

const tags = ['penalty-cases'];

// issue 15 item 10 (measure 22): published penalty decisions (public), the enterprise's credit repair, and the
// bureau's decision on it.
export const creditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/penalty-decisions',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：行政处罚决定公示（不含个人信息；已信用修复或公示期满的不再公示）',
          querystring: ZPublicPenaltyQuerySchema,
          response: {
            200: z.object({
              items: z.array(ZPublicDecisionSchema),
              // 行政处罚法 第四十八条第二款: decisions withdrawn, with the reason made public
              withdrawals: z.array(ZPublicWithdrawalSchema),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
          },
        },
      },
      async (request) => listPublicDecisions(ctx, request.query),
    );
    app.get(
      '/my-enterprise/penalty-publications',
      {
        schema: {
          tags,
          summary: '本企业被公示的行政处罚信息及信用修复（企业账号）',
          response: { 200: z.object({ items: z.array(ZPublicationViewSchema) }) },
        },
      },
      async (request) => listOwnPublications(ctx, requireActor(request)),
    );
    app.post(
      '/my-enterprise/penalty-publications/:id/repair',
      {
        schema: {
          tags,
          summary: '申请信用修复（最短公示期届满、处罚决定已履行，并作出信用承诺）',
          params: ZIdParamsSchema,
          body: ZRepairApplicationInputSchema,
          response: { 201: ZRepairApplicationSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await applyForRepair(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/credit-repair-applications/:id/decision',
      {
        schema: {
          tags,
          summary: '法制审核人员审核信用修复申请；准予修复的，终止公示',
          params: ZIdParamsSchema,
          body: ZRepairDecisionSchema,
          response: { 200: ZPublicationViewSchema },
        },
      },
      async (request) => decideRepair(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/publication/withdrawal',
      {
        schema: {
          tags,
          summary:
            '行政处罚决定被变更、撤销、确认违法或者确认无效的，撤回公示并公开说明理由（行政处罚法第四十八条第二款）',
          params: ZIdParamsSchema,
          body: ZWithdrawalInputSchema,
          response: { 200: ZPublicationViewSchema },
        },
      },
      async (request) => withdrawPublication(ctx, requireActor(request), request.params.id, request.body),
    );
    // 令第11号: the bureau's answer to a listing the decision matched, and the public list
    app.post(
      '/penalty-cases/:id/serious-dishonesty/recommendation',
      {
        schema: {
          tags,
          summary: '提出是否列入安全生产严重失信主体名单的意见（写明是否“性质恶劣、情节严重”）',
          params: ZCaseIdParamsSchema,
          body: ZListingRecommendationSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recommendListing(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/serious-dishonesty/decision',
      {
        schema: {
          tags,
          summary: '负责人决定是否列入安全生产严重失信主体名单（与意见不一致的须写明理由）',
          params: ZCaseIdParamsSchema,
          body: ZListingDecisionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => decideListing(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/serious-dishonesty/removal',
      {
        schema: {
          tags,
          summary: '移出安全生产严重失信主体名单（期满或者提前移出）',
          params: ZCaseIdParamsSchema,
          body: ZListingRemovalSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => removeListing(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/public/serious-dishonesty-list',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：安全生产严重失信主体名单（列入期间内的企业）',
          querystring: ZPublicPenaltyQuerySchema.pick({ territory: true }),
          response: { 200: z.object({ items: z.array(ZPublicListingSchema) }) },
        },
      },
      async (request) => listPublicSeriousDishonesty(ctx, request.query),
    );
  };
