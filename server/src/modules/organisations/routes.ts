import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOrganisationKindSchema } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { shanghaiDate, ZDateSchema } from '../../platform/http/dates.ts';
import {
  ZOrganisationCreateSchema,
  ZOrganisationUpdateSchema,
  ZOrganisationViewSchema,
  ZRuleAnswerSchema,
} from './model.ts';
import {
  checkSubject,
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './service.ts';

const tags = ['organisations'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });

export const organisationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/organisations',
      {
        schema: {
          tags,
          summary: '执法主体与机构列表',
          querystring: z.object({
            kind: ZOrganisationKindSchema.optional(),
            territory: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: z.object({ items: z.array(ZOrganisationViewSchema) }) },
        },
      },
      async (request) => listOrganisations(ctx, requireActor(request), request.query),
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: '新增机构',
          body: ZOrganisationCreateSchema,
          response: { 201: ZOrganisationViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOrganisation(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: '机构详情',
          params: ZIdParamsSchema,
          response: { 200: ZOrganisationViewSchema },
        },
      },
      async (request) => getOrganisation(ctx, requireActor(request), request.params.id),
    );
    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: '修改机构',
          params: ZIdParamsSchema,
          body: ZOrganisationUpdateSchema,
          response: { 200: ZOrganisationViewSchema },
        },
      },
      async (request) => updateOrganisation(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/organisations/:id/subject-check',
      {
        schema: {
          tags,
          summary: '检查主体资格校验（措施九）',
          params: ZIdParamsSchema,
          querystring: z.object({ matter: z.string().min(1).max(64), date: ZDateSchema.optional() }),
          response: { 200: ZRuleAnswerSchema },
        },
      },
      async (request) =>
        checkSubject(
          ctx,
          requireActor(request),
          request.params.id,
          request.query.matter,
          request.query.date ?? shanghaiDate(ctx.clock.now()),
        ),
    );
  };
