import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { ZBooleanQuerySchema } from '../../platform/http/paging.ts';
import { assertMayUse } from '../../platform/policy/policy.ts';
import { supervisionCatalog } from '@inspecta/domain';
import {
  answerComplaint,
  complaintsAboutOfficer,
  getComplaint,
  listComplaints,
  receiveComplaint,
} from './complaints.ts';
import {
  completeCorrection,
  getReviewRound,
  listReviewRounds,
  openReviewRound,
  orderCorrection,
  reviewSheet,
  sampleReviewRound,
  scoreReviewedFile,
} from './reviews.ts';
import { supervisionStatistics } from './statistics.ts';

// issue 17 items 3, 8, 9 (measures 18, 29): complaints about enforcement, case-file review, and the figures that
// watch leniency as closely as excess.

const tags = ['supervision'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const ZTerritorySchema = z.string().regex(/^\d{6}$/, { error: '行政区划代码应为 6 位数字' });
const text = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

const ZComplaintSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  channel: z.string(),
  channelName: z.string(),
  channelReference: z.string().nullable(),
  complainant: z.string().nullable(),
  summary: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  dueVerified: z.boolean(),
  dueSource: z.string(),
  overdue: z.boolean(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  inspectionId: z.uuid().nullable(),
  inspection: z.object({ id: z.uuid(), enterpriseName: z.string(), plannedOn: z.string() }).nullable(),
  penaltyCaseId: z.uuid().nullable(),
  penaltyCase: z.object({ id: z.uuid(), reference: z.string(), enterpriseName: z.string() }).nullable(),
  // the accountability records opened from it (measure 30), shown to those who may read them
  accountabilityRecords: z.array(z.object({ id: z.uuid(), kindName: z.string(), statusName: z.string() })),
  reviewQueued: z.boolean(),
  reviewFileId: z.uuid().nullable(),
  status: z.enum(['open', 'answered']),
  statusName: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answeredByName: z.string().nullable(),
  receivedByName: z.string(),
  createdAt: z.string(),
});

const ZRoundSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  kind: z.enum(['routine', 'special']),
  kindName: z.string(),
  topic: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  sampleSize: z.number().int(),
  status: z.enum(['opened', 'sampled']),
  statusName: z.string(),
  algorithm: z.string(),
  pool: z.array(z.string()),
  poolHash: z.string(),
  complaintDriven: z.array(z.string()),
  publicEntropy: z.string().nullable(),
  seed: z.string().nullable(),
  selected: z.array(z.string()).nullable(),
  openedByName: z.string(),
  openedAt: z.string(),
  sampledAt: z.string().nullable(),
  sampledByName: z.string().nullable(),
  files: z.number().int(),
  scored: z.number().int(),
});

const ZCorrectionSchema = z.object({
  id: z.uuid(),
  requirement: z.string(),
  dueOn: z.string(),
  orderedByName: z.string(),
  orderedAt: z.string(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  completedByName: z.string().nullable(),
  overdue: z.boolean(),
});

const ZReviewFileSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  fileKind: z.enum(['penalty_case', 'inspection']),
  fileKindName: z.string(),
  fileId: z.uuid(),
  key: z.string(),
  label: z.string(),
  basis: z.enum(['random', 'complaint']),
  basisName: z.string(),
  complaintIds: z.array(z.string()),
  handlerNames: z.array(z.string()),
  status: z.enum(['pending', 'scored']),
  reviewerName: z.string().nullable(),
  vetoFailed: z.array(z.string()),
  points: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  grade: z.enum(['veto_failed', 'failed', 'passed', 'good']).nullable(),
  gradeName: z.string().nullable(),
  findings: z.string().nullable(),
  scoredAt: z.string().nullable(),
  handledByMe: z.boolean(),
  corrections: z.array(ZCorrectionSchema),
});

const ZSheetItemSchema = z.object({ code: z.string(), name: z.string() });
const ZSheetSchema = z.object({
  code: z.string(),
  name: z.string(),
  source: z.string(),
  verified: z.boolean(),
  passPoints: z.number(),
  goodPoints: z.number(),
  vetoItems: z.array(ZSheetItemSchema),
  pointItems: z.array(ZSheetItemSchema.extend({ group: z.string(), points: z.number() })),
});

const ZCaseLinkSchema = z.object({
  inspectionId: z.uuid(),
  enterpriseName: z.string(),
  on: z.string(),
  findings: z.number().int(),
  orders: z.number().int(),
  penalties: z.number().int(),
  caseIds: z.array(z.string()),
});
const metricNames = [
  'findingRate',
  'ordersPerInspection',
  'penaltiesPerFinding',
  'fineToBenchmark',
  'repeatVisitRate',
  'complaintRate',
] as const;
const ZUnitSchema = z.object({
  key: z.string(),
  name: z.string(),
  inspections: z.number().int(),
  inspectionsWithFindings: z.number().int(),
  findings: z.number().int(),
  orders: z.number().int(),
  penalties: z.number().int(),
  fineFen: z.number(),
  benchmarkFen: z.number(),
  repeatVisits: z.number().int(),
  complaints: z.number().int(),
  metrics: z.object(
    Object.fromEntries(metricNames.map((m) => [m, z.number().nullable()])) as Record<
      (typeof metricNames)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  assessed: z.boolean(),
  flags: z.array(
    z.object({
      metric: z.enum(metricNames),
      metricName: z.string(),
      side: z.enum(['lenient', 'severe']),
      sideName: z.string(),
      value: z.number(),
      peerMean: z.number(),
      peerDeviation: z.number(),
      cases: z.array(ZCaseLinkSchema),
    }),
  ),
});

export const supervisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/complaints',
      {
        schema: {
          tags,
          summary: '执法投诉（本辖区）：渠道、答复期限、是否逾期（措施第二十九项）',
          querystring: z.object({
            status: z.enum(['open', 'answered']).optional(),
            overdue: ZBooleanQuerySchema.optional(),
          }),
          response: { 200: z.object({ items: z.array(ZComplaintSchema) }) },
        },
      },
      async (request) => listComplaints(ctx, requireActor(request), request.query),
    );
    app.post(
      '/complaints',
      {
        schema: {
          tags,
          summary:
            '登记执法投诉：按渠道的目录期限计算答复期限；涉及执法人员、检查或处罚决定的，列入下次案卷评查',
          body: z.strictObject({
            channel: z.string().max(40),
            channelReference: z.string().trim().max(100).nullish(),
            complainant: z.string().trim().max(100).nullish(),
            summary: text(4000, '请填写投诉内容'),
            receivedOn: ZDateSchema,
            territory: ZTerritorySchema.optional(),
            officerId: z.string().max(64).nullish(),
            inspectionId: z.string().max(64).nullish(),
            penaltyCaseId: z.string().max(64).nullish(),
          }),
          response: { 201: ZComplaintSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await receiveComplaint(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/complaints/channels',
      {
        schema: {
          tags,
          summary: '投诉渠道及其答复期限（目录；待法制审核）',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  unit: z.enum(['workdays', 'days']),
                  count: z.number().int(),
                  source: z.string(),
                  verified: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        assertMayUse(requireActor(request), 'complaint', 'read');
        return {
          items: supervisionCatalog.complaintChannels.map((channel) => ({
            code: channel.code,
            name: channel.name,
            unit: channel.answer.unit,
            count: channel.answer.count,
            source: channel.source,
            verified: channel.verified,
          })),
        };
      },
    );
    app.get(
      '/complaints/:id',
      {
        schema: {
          tags,
          summary: '一件执法投诉',
          params: ZIdParamsSchema,
          response: { 200: ZComplaintSchema },
        },
      },
      async (request) => getComplaint(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/complaints/:id/answer',
      {
        schema: {
          tags,
          summary: '答复执法投诉',
          params: ZIdParamsSchema,
          body: z.strictObject({ answer: text(4000, '请填写答复内容'), answeredOn: ZDateSchema }),
          response: { 200: ZComplaintSchema },
        },
      },
      async (request) => answerComplaint(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/officers/:id/complaints',
      {
        schema: {
          tags,
          summary: '涉及某执法人员的投诉（供追责问责记录引用）',
          params: ZIdParamsSchema,
          response: {
            200: z.object({ officerId: z.uuid(), officerName: z.string(), items: z.array(ZComplaintSchema) }),
          },
        },
      },
      async (request) => complaintsAboutOfficer(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/case-reviews/sheet',
      {
        schema: {
          tags,
          summary: '案卷评查评分表（否决项、评分项；待法制审核）',
          response: { 200: ZSheetSchema },
        },
      },
      async (request) => {
        requireActor(request);
        return reviewSheet();
      },
    );
    app.get(
      '/case-reviews',
      {
        schema: {
          tags,
          summary: '案卷评查与专项执法检查（本辖区及下级）',
          response: { 200: z.object({ items: z.array(ZRoundSchema) }) },
        },
      },
      async (request) => listReviewRounds(ctx, requireActor(request)),
    );
    app.post(
      '/case-reviews',
      {
        schema: {
          tags,
          summary: '发起案卷评查：固定并公布被评查单位该期间已结案件和已办结检查的案卷池及其摘要',
          body: z.strictObject({
            territory: ZTerritorySchema.optional(),
            kind: z.enum(['routine', 'special']),
            topic: z.string().trim().max(200).nullish(),
            periodFrom: ZDateSchema,
            periodTo: ZDateSchema,
            sampleSize: z.number().int().min(1).max(500),
            fileKinds: z
              .array(z.enum(['penalty_case', 'inspection']))
              .min(1)
              .max(2),
          }),
          response: { 201: ZRoundSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openReviewRound(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/case-reviews/:id',
      {
        schema: {
          tags,
          summary: '一轮案卷评查：公布的抽取输入、抽中的案卷、评分、问题与整改',
          params: ZIdParamsSchema,
          response: {
            200: z.object({ round: ZRoundSchema, files: z.array(ZReviewFileSchema), sheet: ZSheetSchema }),
          },
        },
      },
      async (request) => getReviewRound(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/case-reviews/:id/sample',
      {
        schema: {
          tags,
          summary: '以公开随机数抽取评查案卷（与双随机抽查同一抽取算法），并加入因投诉评查的案卷',
          params: ZIdParamsSchema,
          body: z.strictObject({ publicEntropy: text(200, '请填写公开随机数（如当日公布的开奖号码）') }),
          response: { 200: ZRoundSchema },
        },
      },
      async (request) => sampleReviewRound(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/case-review-files/:id/score',
      {
        schema: {
          tags,
          summary: '案卷评分：先否决项，后评分项；记录评查发现的问题',
          params: ZIdParamsSchema,
          body: z.strictObject({
            vetoFailed: z.array(z.string().max(60)).max(50),
            points: z.record(z.string().max(60), z.number()),
            findings: z.string().trim().max(4000),
          }),
          response: { 200: ZReviewFileSchema },
        },
      },
      async (request) => scoreReviewedFile(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/case-review-files/:id/corrections',
      {
        schema: {
          tags,
          summary: '评查后责令整改，写明要求和期限',
          params: ZIdParamsSchema,
          body: z.strictObject({ requirement: text(2000, '请填写整改要求'), dueOn: ZDateSchema }),
          response: { 201: ZCorrectionSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await orderCorrection(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/case-review-corrections/:id/complete',
      {
        schema: {
          tags,
          summary: '登记评查整改完成情况',
          params: ZIdParamsSchema,
          body: z.strictObject({ completedOn: ZDateSchema, note: text(2000, '请填写整改完成情况') }),
          response: { 200: ZCorrectionSchema },
        },
      },
      async (request) => completeCorrection(ctx, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/supervision/statistics',
      {
        schema: {
          tags,
          summary:
            '宽严两端的执法监督统计：各单位、各执法人员的问题发现率、整改指令、处罚、罚款与基准、重复检查、投诉率及异常提示',
          querystring: z.object({ from: ZDateSchema, to: ZDateSchema }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              thresholds: z.object({
                standardDeviations: z.number(),
                minInspections: z.number(),
                minPeers: z.number(),
                source: z.string(),
                verified: z.boolean(),
              }),
              metrics: z.array(z.object({ code: z.string(), name: z.string() })),
              bureaus: z.array(ZUnitSchema),
              officers: z.array(ZUnitSchema.extend({ officerId: z.uuid().nullable() })),
            }),
          },
        },
      },
      async (request) => supervisionStatistics(ctx, requireActor(request), request.query),
    );
  };
