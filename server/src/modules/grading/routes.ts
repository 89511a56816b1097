import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { gradingCatalog, keyIndustryCriteriaCatalog } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { assertMayUse } from '../../platform/policy/policy.ts';
import { ZNoBodySchema } from '../../platform/http/paging.ts';
import { ZFactInputSchema } from './facts.ts';
import {
  getGrade,
  getRun,
  gradingOverview,
  listFacts,
  listRuns,
  recordFact,
  retractFact,
  startRegrade,
} from './service.ts';

const tags = ['grading'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const ZClassSchema = z.enum(['key', 'general']);
const ZRiskGradeSchema = z.enum(['red', 'orange', 'yellow', 'blue']);
const ZLevelSchema = z.enum(['city_organised', 'county']);
const ZSnapshotSchema = z.object({
  class: ZClassSchema,
  riskGrade: ZRiskGradeSchema,
  enforcementLevel: ZLevelSchema,
  score: z.number(),
});
const ZReasonSchema = z.object({
  effect: z.string(),
  factor: z.string(),
  rule: z.string(),
  points: z.number().optional(),
  text: z.string(),
  source: z.string().describe('目录来源（含法制审核人员的工作备注）'),
  basis: z.string().describe('以通俗语言表述的法律依据，供企业和执法人员阅读'),
  verified: z.boolean(),
});
const ZGradeSchema = z.object({
  class: ZClassSchema,
  riskGrade: ZRiskGradeSchema,
  enforcementLevel: ZLevelSchema,
  score: z.number(),
  standardisation: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal('none')]),
  seasons: z.array(z.string()),
  allowance: z.object({
    minimum: z.object({ count: z.number(), perYears: z.number() }),
    minimumVerified: z.boolean(),
    cap: z.number().nullable(),
    capVerified: z.boolean(),
  }),
  reasons: z.array(ZReasonSchema),
  catalogVersion: z.string(),
  gradedOn: z.string(),
  gradedAt: z.string(),
});
const ZFactSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
  recordedByName: z.string(),
  retractedAt: z.string().nullable(),
  retractionReason: z.string().nullable(),
});
const ZChangeSchema = z.object({ summary: z.string() }).nullable();
const ZRunSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['nightly', 'manual', 'seed']),
  forDate: z.string(),
  status: z.enum(['running', 'done', 'failed', 'skipped']),
  total: z.number(),
  processed: z.number(),
  changed: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedByName: z.string(),
  error: z.string().nullable(),
});

export const gradingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/enterprises/:id/grade',
      {
        schema: {
          tags,
          summary: '企业分级分类结果与变化记录（措施三、四）',
          params: ZIdParamsSchema,
          response: {
            200: z.object({
              grade: ZGradeSchema.nullable(),
              history: z.array(
                z.object({
                  id: z.uuid(),
                  at: z.string(),
                  trigger: z.enum(['fact', 'registry', 'regrade', 'seed']),
                  from: ZSnapshotSchema.nullable(),
                  to: ZSnapshotSchema,
                  summary: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => getGrade(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/enterprises/:id/facts',
      {
        schema: {
          tags,
          summary: '分级依据事实记录',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZFactSchema) }) },
        },
      },
      async (request) => listFacts(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/enterprises/:id/facts',
      {
        schema: {
          tags,
          summary: '登记分级依据事实（事故、处罚、标准化等级等），同一事务内重新分级',
          params: ZIdParamsSchema,
          body: ZFactInputSchema,
          response: { 201: z.object({ fact: ZFactSchema, change: ZChangeSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordFact(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/enterprises/:id/facts/:factId/retraction',
      {
        schema: {
          tags,
          summary: '撤销错误登记的事实（须写明理由）',
          params: z.object({ id: z.string().max(64), factId: z.string().max(64) }),
          body: z.strictObject({ reason: z.string().trim().min(1, '请填写撤销理由').max(500) }),
          response: { 200: z.object({ change: ZChangeSchema }) },
        },
      },
      async (request) =>
        retractFact(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.factId,
          request.body.reason,
        ),
    );
    app.get(
      '/grading/overview',
      {
        schema: {
          tags,
          summary: '分级分类总览',
          querystring: z.object({
            territory: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: {
            200: z.object({
              total: z.number(),
              ungraded: z.number(),
              byTerritory: z.array(
                z.object({
                  territory: z.string(),
                  territoryName: z.string(),
                  key: z.number(),
                  general: z.number(),
                  red: z.number(),
                  orange: z.number(),
                  yellow: z.number(),
                  blue: z.number(),
                  total: z.number(),
                }),
              ),
              byClass: z.array(z.object({ class: ZClassSchema, count: z.number() })),
              byRiskGrade: z.array(z.object({ riskGrade: ZRiskGradeSchema, count: z.number() })),
              byLevel: z.array(z.object({ enforcementLevel: ZLevelSchema, count: z.number() })),
            }),
          },
        },
      },
      async (request) => gradingOverview(ctx, requireActor(request), request.query.territory),
    );
    app.post(
      '/grading/regrade',
      {
        schema: {
          tags,
          summary: '全部企业重新分级（管理员；后台运行）',
          body: ZNoBodySchema,
          response: { 202: z.object({ run: ZRunSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(202).send({
          run: await startRegrade(ctx, requireActor(request), (error) =>
            request.log.error({ err: error }, 'regrade failed'),
          ),
        }),
    );
    app.get(
      '/grading/runs',
      { schema: { tags, summary: '分级任务', response: { 200: z.object({ items: z.array(ZRunSchema) }) } } },
      async (request) => listRuns(ctx, requireActor(request)),
    );
    app.get(
      '/grading/runs/:id',
      { schema: { tags, summary: '分级任务进度', params: ZIdParamsSchema, response: { 200: ZRunSchema } } },
      async (request) => getRun(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/catalog/grading',
      {
        schema: {
          tags: ['catalog'],
          summary: '分级分类目录（含来源、生效日期与核实状态）',
          response: { 200: z.object({ grading: z.unknown(), keyIndustryCriteria: z.unknown() }) },
        },
      },
      async (request) => {
        assertMayUse(requireActor(request), 'catalog', 'read');
        return { grading: gradingCatalog, keyIndustryCriteria: keyIndustryCriteriaCatalog };
      },
    );
  };
