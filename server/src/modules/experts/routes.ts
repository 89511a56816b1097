import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DISPATCH_ORIGINS, DISPATCH_STATES, RATING_MAX, RATING_MIN } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import {
  confirmHazardFixed,
  declineRequest,
  dispatchOnFinding,
  dispatchOnRequest,
  expertCatalogView,
  getExpertDispatch,
  listExpertDatabase,
  dispatchCandidates,
  listExpertDispatches,
  rateExpertVisit,
  recordExpertConflict,
  recordExpertQualification,
  recordExpertVisit,
  registerExpert,
  requestExpertHelp,
  updateExpertRecord,
} from './service.ts';

// measure 23: the expert database and the dispatches of its experts (measure 14: the mark of a major hidden
// danger an expert found and the enterprise fixed in time).

const tags = ['experts'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const text = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

const ZExpertSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  name: z.string(),
  employer: z.string(),
  phone: z.string(),
  fields: z.array(z.object({ code: z.string(), name: z.string() })),
  active: z.boolean(),
  hasAccount: z.boolean(),
  qualifiedToday: z.boolean(),
  qualifications: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      kindName: z.string(),
      number: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      validToday: z.boolean(),
    }),
  ),
  conflicts: z.array(
    z.object({
      id: z.uuid(),
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      reason: z.string(),
      recordedByName: z.string(),
    }),
  ),
});

const ZHazardSchema = z.object({
  id: z.string(),
  description: z.string(),
  major: z.boolean(),
  dueOn: z.string().nullable(),
  fixedOn: z.string().nullable(),
  noPenaltyMark: z.boolean(),
  noPenaltyBasis: z.string().nullable(),
});

const ZDispatchSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  enterpriseAddress: z.string(),
  origin: z.enum(DISPATCH_ORIGINS),
  originName: z.string(),
  findingId: z.uuid().nullable(),
  findingDescription: z.string().nullable(),
  request: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string().nullable(),
  state: z.enum(DISPATCH_STATES),
  stateName: z.string(),
  expertId: z.uuid().nullable(),
  expertName: z.string().nullable(),
  plannedOn: z.string().nullable(),
  dispatchedByName: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  visitedOn: z.string().nullable(),
  visitNote: z.string().nullable(),
  advice: z.string().nullable(),
  hazards: z.array(ZHazardSchema),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  mayRecordVisit: z.boolean(),
  mayConfirmFix: z.boolean(),
  mayRate: z.boolean(),
  mayDispatch: z.boolean(),
});

const ZCatalogEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  source: z.string(),
  verified: z.boolean(),
});

export const expertRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/experts/catalog',
      {
        schema: {
          tags,
          summary: '专家库目录：专业领域、资格种类、措施第十四项不予处罚标记的依据',
          response: {
            200: z.object({
              version: z.string(),
              fields: z.array(ZCatalogEntrySchema),
              qualifications: z.array(ZCatalogEntrySchema),
              noPenaltyMark: z.object({ source: z.string(), wording: z.string(), verified: z.boolean() }),
            }),
          },
        },
      },
      async (request) => {
        requireActor(request);
        return expertCatalogView();
      },
    );
    app.get(
      '/experts',
      {
        schema: {
          tags,
          summary: '安全生产专家库（本辖区及上级）',
          response: { 200: z.object({ items: z.array(ZExpertSchema) }) },
        },
      },
      async (request) => ({ items: await listExpertDatabase(ctx, requireActor(request)) }),
    );
    app.post(
      '/experts',
      {
        schema: {
          tags,
          summary: '专家入库（措施第二十三项）',
          body: z.strictObject({
            name: text(50, '请填写专家姓名'),
            employer: optionalText(100),
            phone: optionalText(30),
            fields: z.array(z.string().max(64)).min(1, { error: '请至少选择一个专业领域' }).max(20),
            userId: z.string().max(64).optional(),
          }),
          response: { 201: ZExpertSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await registerExpert(ctx, requireActor(request), request.body)),
    );
    app.patch(
      '/experts/:id',
      {
        schema: {
          tags,
          summary: '修改专家的专业领域、联系电话或在库状态',
          params: ZIdParamsSchema,
          body: z.strictObject({
            fields: z.array(z.string().max(64)).min(1).max(20).optional(),
            active: z.boolean().optional(),
            phone: z.string().trim().max(30).optional(),
          }),
          response: { 200: ZExpertSchema },
        },
      },
      async (request) => updateExpertRecord(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/experts/:id/qualifications',
      {
        schema: {
          tags,
          summary: '登记专家资格及有效期',
          params: ZIdParamsSchema,
          body: z.strictObject({
            kind: z.string().max(64),
            number: optionalText(64),
            validFrom: ZDateSchema,
            validTo: ZDateSchema,
          }),
          response: { 201: ZExpertSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordExpertQualification(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/experts/:id/conflicts',
      {
        schema: {
          tags,
          summary: '登记专家与企业的利益冲突：登记后不再派往该企业',
          params: ZIdParamsSchema,
          body: z.strictObject({
            enterpriseId: z.string().max(64),
            reason: text(500, '请填写利益冲突的情形'),
          }),
          response: { 201: ZExpertSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordExpertConflict(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.get(
      '/expert-dispatches',
      {
        schema: {
          tags,
          summary: '专家帮扶：执法人员看本辖区的，专家看派给自己的，企业看本企业的',
          // the dispatches on the findings of one inspection (its page)
          querystring: z.object({ inspectionId: z.string().max(64).optional() }),
          response: { 200: z.object({ items: z.array(ZDispatchSchema) }) },
        },
      },
      async (request) => ({
        items: await listExpertDispatches(ctx, requireActor(request), request.query),
      }),
    );
    app.get(
      '/expert-dispatches/candidates',
      {
        schema: {
          tags,
          summary: '针对检查发现的问题可派遣的专家（资格有效期、回避情形逐一说明）',
          querystring: z.object({ findingId: z.string().max(64) }),
          response: {
            200: z.object({
              findingId: z.uuid(),
              findingDescription: z.string(),
              majorHiddenDanger: z.boolean(),
              enterpriseId: z.uuid(),
              enterpriseName: z.string(),
              items: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  employer: z.string(),
                  fields: z.array(z.string()),
                  eligible: z.boolean(),
                  refusal: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => dispatchCandidates(ctx, requireActor(request), request.query.findingId),
    );
    app.get(
      '/expert-dispatches/:id',
      {
        schema: {
          tags,
          summary: '一次专家帮扶',
          params: ZIdParamsSchema,
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) => getExpertDispatch(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/expert-dispatches',
      {
        schema: {
          tags,
          summary: '针对检查发现的问题派遣专家帮扶（科室负责人、部门负责人）',
          body: z.strictObject({
            findingId: z.string().max(64),
            expertId: z.string().max(64),
            plannedOn: ZDateSchema.optional(),
          }),
          response: { 201: ZDispatchSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await dispatchOnFinding(ctx, requireActor(request), request.body)),
    );
    app.post(
      '/expert-dispatches/requests',
      {
        schema: {
          tags,
          summary: '企业申请专家帮扶',
          body: z.strictObject({ request: text(1000, '请说明需要专家帮扶的事项') }),
          response: { 201: ZDispatchSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requestExpertHelp(ctx, requireActor(request), request.body)),
    );
    app.post(
      '/expert-dispatches/:id/dispatch',
      {
        schema: {
          tags,
          summary: '按企业申请派遣专家',
          params: ZIdParamsSchema,
          body: z.strictObject({ expertId: z.string().max(64), plannedOn: ZDateSchema.optional() }),
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) => dispatchOnRequest(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/expert-dispatches/:id/decline',
      {
        schema: {
          tags,
          summary: '不予派遣（说明理由）',
          params: ZIdParamsSchema,
          body: z.strictObject({ reason: text(500, '请填写不予派遣的理由') }),
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) => declineRequest(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/expert-dispatches/:id/visit',
      {
        schema: {
          tags,
          summary: '专家记录帮扶服务：情况、建议、发现的隐患（仅被派遣的专家本人）',
          params: ZIdParamsSchema,
          body: z.strictObject({
            visitedOn: ZDateSchema,
            visitNote: text(4000, '请填写帮扶服务情况'),
            advice: text(4000, '请填写指导建议'),
            hazards: z
              .array(
                z.strictObject({
                  description: text(1000, '请描述隐患'),
                  major: z.boolean(),
                  dueOn: ZDateSchema.nullish(),
                }),
              )
              .max(50),
          }),
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) => recordExpertVisit(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/expert-dispatches/:id/hazards/:hazardId/fixed',
      {
        schema: {
          tags,
          summary: '专家确认隐患已整改：重大事故隐患在期限内整改完毕的，标记为措施第十四项不予处罚情形',
          params: z.object({ id: z.string().max(64), hazardId: z.string().max(64) }),
          body: z.strictObject({ fixedOn: ZDateSchema }),
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) =>
        confirmHazardFixed(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.hazardId,
          request.body,
        ),
    );
    app.post(
      '/expert-dispatches/:id/rating',
      {
        schema: {
          tags,
          summary: '企业评价专家帮扶',
          params: ZIdParamsSchema,
          body: z.strictObject({
            rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
            comment: optionalText(1000),
          }),
          response: { 200: ZDispatchSchema },
        },
      },
      async (request) => rateExpertVisit(ctx, requireActor(request), request.params.id, request.body),
    );
  };
