import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import {
  ZTierEditInputSchema,
  ZTiersQuerySchema,
  ZViolationCodeParamsSchema,
  ZViolationTiersSchema,
} from './model.ts';
import { getViolationTiers, recordTierEdit } from './service.ts';

const tags = ['penalty-cases'];

// issue 15 item 2 (measure 17): a violation's discretion tiers with their history; the city's legal reviewer edits.
export const discretionTierRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/penalty-catalog/violations/:code/tiers',
      {
        schema: {
          tags,
          summary: '违法行为的裁量阶次（本市现行）及修改历史',
          params: ZViolationCodeParamsSchema,
          querystring: ZTiersQuerySchema,
          response: { 200: ZViolationTiersSchema },
        },
      },
      async (request) => getViolationTiers(ctx, requireActor(request), request.params.code, request.query.on),
    );
    app.post(
      '/penalty-catalog/violations/:code/tier-edits',
      {
        schema: {
          tags,
          summary: '修改裁量阶次（市局法制审核人员；留存历史，不覆盖）',
          params: ZViolationCodeParamsSchema,
          body: ZTierEditInputSchema,
          response: { 201: ZViolationTiersSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordTierEdit(ctx, requireActor(request), request.params.code, request.body)),
    );
  };
