import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { shanghaiDate, ZDateSchema } from '../../platform/http/dates.ts';
import { pageOf, ZBooleanQuerySchema, ZPageQuerySchema } from '../../platform/http/paging.ts';
import { ZRuleAnswerSchema } from '../organisations/index.ts';
import {
  ZCertificateInputSchema,
  ZCertificateStatusChangeSchema,
  ZOfficerCreateSchema,
  ZOfficerUpdateSchema,
  ZOfficerViewSchema,
  ZRemovalSchema,
} from './model.ts';
import {
  addCertificate,
  changeCertificateStatus,
  createOfficer,
  getOfficer,
  listOfficers,
  officerEligibility,
  removeFromRoster,
  updateOfficer,
} from './service.ts';

const tags = ['officers'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });

export const officerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        schema: {
          tags,
          summary: '执法人员列表',
          querystring: ZPageQuerySchema.omit({ sort: true }).extend({
            q: z.string().max(50).optional(),
            organisationId: z.string().max(64).optional(),
            territory: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
            onRoster: ZBooleanQuerySchema.optional(),
          }),
          response: { 200: pageOf(ZOfficerViewSchema) },
        },
      },
      async (request) => listOfficers(ctx, requireActor(request), request.query),
    );
    app.post(
      '/officers',
      {
        schema: {
          tags,
          summary: '新增执法人员',
          body: ZOfficerCreateSchema,
          response: { 201: ZOfficerViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOfficer(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/officers/:id',
      {
        schema: {
          tags,
          summary: '执法人员详情',
          params: ZIdParamsSchema,
          response: { 200: ZOfficerViewSchema },
        },
      },
      async (request) => getOfficer(ctx, requireActor(request), request.params.id),
    );
    app.patch(
      '/officers/:id',
      {
        schema: {
          tags,
          summary: '修改执法人员',
          params: ZIdParamsSchema,
          body: ZOfficerUpdateSchema,
          response: { 200: ZOfficerViewSchema },
        },
      },
      async (request) => updateOfficer(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/officers/:id/certificates',
      {
        schema: {
          tags,
          summary: '登记执法证',
          params: ZIdParamsSchema,
          body: ZCertificateInputSchema,
          response: { 201: ZOfficerViewSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addCertificate(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.patch(
      '/officers/:id/certificates/:certificateId',
      {
        schema: {
          tags,
          summary: '变更执法证状态（暂扣、吊销、恢复）',
          params: z.object({ id: z.string().max(64), certificateId: z.string().max(64) }),
          body: ZCertificateStatusChangeSchema,
          response: { 200: ZOfficerViewSchema },
        },
      },
      async (request) =>
        changeCertificateStatus(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.certificateId,
          request.body,
        ),
    );
    app.post(
      '/officers/:id/removal',
      {
        schema: {
          tags,
          summary: '调离执法岗位（措施十）',
          params: ZIdParamsSchema,
          body: ZRemovalSchema,
          response: { 200: ZOfficerViewSchema },
        },
      },
      async (request) => removeFromRoster(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/officers/:id/eligibility',
      {
        schema: {
          tags,
          summary: '执法资格校验（措施十）',
          params: ZIdParamsSchema,
          querystring: z.object({ date: ZDateSchema.optional() }),
          response: { 200: ZRuleAnswerSchema },
        },
      },
      async (request) =>
        officerEligibility(
          ctx,
          requireActor(request),
          request.params.id,
          request.query.date ?? shanghaiDate(ctx.clock.now()),
        ),
    );
  };
