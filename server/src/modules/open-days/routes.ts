import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { anonymous } from '../../platform/http/openapi.ts';
import {
  ZAnswerInputSchema,
  ZInspectionParamsSchema,
  ZOpenDayInputSchema,
  ZOpenDayParamsSchema,
  ZOpenDaySchema,
  ZParticipantInputSchema,
  ZParticipantParamsSchema,
  ZPublicOpenDaySchema,
  ZSuggestionInputSchema,
  ZSuggestionParamsSchema,
} from './model.ts';
import {
  addObservedInspection,
  addParticipant,
  answer,
  createOpenDay,
  getOpenDay,
  listOpenDaysOf,
  myObservations,
  publicOpenDays,
  recordSuggestion,
  submitOwnSuggestion,
} from './service.ts';

const tags = ['open-days'];

// Measure 28: open days and media observations (issue 17 item 5).
export const openDayRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/open-days',
      {
        schema: {
          tags,
          summary: '本辖区的执法开放日与媒体观察活动',
          response: { 200: z.object({ items: z.array(ZOpenDaySchema) }) },
        },
      },
      async (request) => listOpenDaysOf(ctx, requireActor(request)),
    );
    app.post(
      '/open-days',
      {
        schema: {
          tags,
          summary: '登记执法开放日或媒体观察活动',
          body: ZOpenDayInputSchema,
          response: { 201: ZOpenDaySchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createOpenDay(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/open-days/:id',
      {
        schema: {
          tags,
          summary: '活动详情',
          params: ZOpenDayParamsSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) => getOpenDay(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/open-days/:id/participants',
      {
        schema: {
          tags,
          summary: '登记参加人员（人大代表、政协委员、社会监督员、职工代表、媒体）；社会监督员可关联其账号',
          params: ZOpenDayParamsSchema,
          body: ZParticipantInputSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) => addParticipant(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/open-days/:id/inspections/:inspectionId',
      {
        schema: {
          tags,
          summary: '安排参加人员以观察员身份观摩一次检查',
          params: ZInspectionParamsSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) =>
        addObservedInspection(ctx, requireActor(request), request.params.id, request.params.inspectionId),
    );
    app.post(
      '/open-days/:id/participants/:participantId/suggestions',
      {
        schema: {
          tags,
          summary: '登记参加人员提出的意见建议',
          params: ZParticipantParamsSchema,
          body: ZSuggestionInputSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) =>
        recordSuggestion(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.participantId,
          request.body,
        ),
    );
    app.post(
      '/open-days/:id/suggestions/:suggestionId/answer',
      {
        schema: {
          tags,
          summary: '答复意见建议（答复后在政务公开门户公开）',
          params: ZSuggestionParamsSchema,
          body: ZAnswerInputSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) =>
        answer(ctx, requireActor(request), request.params.id, request.params.suggestionId, request.body),
    );
    app.get(
      '/my-observations',
      {
        schema: {
          tags,
          summary: '社会监督员：本人参加的活动及其观摩的检查（只读）',
          response: { 200: z.object({ items: z.array(ZOpenDaySchema) }) },
        },
      },
      async (request) => myObservations(ctx, requireActor(request)),
    );
    app.post(
      '/my-observations/:id/suggestions',
      {
        schema: {
          tags,
          summary: '社会监督员：对本人参加的活动提出意见建议',
          params: ZOpenDayParamsSchema,
          body: ZSuggestionInputSchema,
          response: { 200: ZOpenDaySchema },
        },
      },
      async (request) => submitOwnSuggestion(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/public/open-days',
      {
        schema: {
          security: anonymous,
          tags: ['public'],
          summary: '公开：执法开放日与媒体观察活动，及已答复的意见建议（不含个人信息）',
          response: { 200: z.object({ items: z.array(ZPublicOpenDaySchema) }) },
        },
      },
      async () => publicOpenDays(ctx),
    );
  };
