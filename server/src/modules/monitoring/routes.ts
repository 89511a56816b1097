import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adaptEvents,
  adaptRealtimeData,
  adaptVideoAlarms,
  evaluateReading,
  parseAlarmBatch,
  monitoringCatalog,
  ZAlarmKindSchema,
  ZNormalisedAlarmSchema,
  ZSourceKindSchema,
  type EnvelopeResult,
  type NormalisedAlarm,
} from '@inspecta/domain/monitoring';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { problem } from '../../platform/problems/problem.ts';
import { ingestAlarms, type IncomingItem } from './ingest-alarms.ts';
import { openTargetedInspection } from './open-inspection.ts';
import { visitsSavedReport } from './visits-saved.ts';
import { ZDateSchema } from '../../platform/http/dates.ts';
import { findPointsOfSource, type SourceRow } from './repository.ts';
import {
  answerIncidentQuestion,
  getMonitoringIncident,
  INCIDENT_STEPS,
  listIncidentQuestions,
  listMonitoringIncidents,
  listMonitoringPoints,
  listMonitoringSources,
  registerMonitoringPoint,
  registerMonitoringSource,
  takeIncidentStep,
} from './service.ts';
import {
  createIncidentFeed,
  defaultStreamTiming,
  markIncidentsRead,
  streamIncidents,
  unreadIncidents,
  type StreamTiming,
} from './incident-stream.ts';
import {
  SIGNATURE_HEADER,
  SOURCE_HEADER,
  TIMESTAMP_HEADER,
  verifySourceRequest,
} from './source-signature.ts';

const tags = ['monitoring'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
const ZThresholdsSchema = z.strictObject({
  highHigh: z.number().finite().optional(),
  high: z.number().finite().optional(),
  low: z.number().finite().optional(),
  lowLow: z.number().finite().optional(),
});
const ZSourceSchema = z.object({
  id: z.uuid(),
  kind: ZSourceKindSchema,
  kindName: z.string(),
  name: z.string(),
  territory: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
const ZIncidentSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  sourceName: z.string(),
  pointCode: z.string(),
  pointName: z.string(),
  unit: z.string().nullable(),
  kind: z.string(),
  kindName: z.string(),
  level: z.string(),
  levelName: z.string(),
  priority: z.string(),
  priorityName: z.string(),
  state: z.string(),
  stateName: z.string(),
  alarmCount: z.number().int(),
  summary: z.string(),
  openedAt: z.string(),
  lastAlarmAt: z.string(),
  clearedAt: z.string().nullable(),
  dueBy: z.string(),
  overdue: z.boolean(),
  escalations: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closingNote: z.string().nullable(),
  toAcknowledgeMinutes: z.number().int().nullable(),
  toAnswerMinutes: z.number().int().nullable(),
  toCloseMinutes: z.number().int().nullable(),
  inspectionId: z.uuid().nullable(),
  handlingTerritory: z.string(),
  handlingTerritoryName: z.string(),
  escalationSteps: z.number().int(),
  escalatedAt: z.string().nullable(),
});
const ZSourceFiguresSchema = z.object({
  sourceKind: z.string(),
  sourceName: z.string(),
  ended: z.number().int(),
  falseAlarms: z.number().int(),
  falseAlarmRate: z.number().nullable(),
});
const ZVisitsSavedFiguresSchema = z.object({
  incidents: z.number().int(),
  remoteChecks: z.number().int(),
  visitsAvoided: z.number().int(),
  targetedVisits: z.number().int(),
  handlingMedianMinutes: z.number().nullable(),
  handlingP90Minutes: z.number().nullable(),
  acknowledgeMedianMinutes: z.number().nullable(),
  sources: z.array(ZSourceFiguresSchema),
});
const ZMonthSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
const ZOutcomeSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), message: z.string() })),
  opened: z.number().int(),
  merged: z.number().int(),
  cleared: z.number().int(),
  incidentIds: z.array(z.uuid()),
});
const ZNoteSchema = z.string().trim().max(1000);
const signedHeaders = z.object({
  [SOURCE_HEADER]: z.string().max(64).optional(),
  [TIMESTAMP_HEADER]: z.string().max(16).optional(),
  [SIGNATURE_HEADER]: z.string().max(128).optional(),
});

// The routes a monitoring source calls (no session: the request's signature says who it is). The body is
// kept as received, to check its signature, and parsed here.
const sourceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      (request as unknown as { rawBody: Buffer }).rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(problem('MALFORMED_JSON'), undefined);
      }
    });
    const verified = async (request: Parameters<typeof verifySourceRequest>[1]): Promise<SourceRow> =>
      verifySourceRequest(
        ctx,
        request,
        (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0),
      );
    const withRaw = (items: ReturnType<typeof parseAlarmBatch>, raws: readonly unknown[]): IncomingItem[] =>
      items.map((item) => (item.ok ? { ...item, raw: raws[item.index] } : item));

    app.post(
      '/monitoring/ingest/alarms',
      {
        schema: {
          tags,
          summary: '监测来源推送一条报警（请求须签名）',
          headers: signedHeaders,
          body: z.unknown(),
          response: { 200: ZOutcomeSchema },
        },
      },
      async (request) => {
        const source = await verified(request);
        return ingestAlarms(ctx, source, withRaw(parseAlarmBatch([request.body]), [request.body]));
      },
    );
    app.post(
      '/monitoring/ingest/alarms/batch',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '监测来源批量推送报警（每次最多 1000 条，逐条报告结果；请求须签名）',
          headers: signedHeaders,
          body: z.object({ alarms: z.array(z.unknown()) }),
          response: { 200: ZOutcomeSchema },
        },
      },
      async (request) => {
        const source = await verified(request);
        const { alarms } = request.body;
        if (alarms.length > 1000) throw problem('MONITORING_BATCH_TOO_LARGE');
        return ingestAlarms(ctx, source, withRaw(parseAlarmBatch(alarms), alarms));
      },
    );

    // The provincial upload style (FACTS-4 §6.4): the answer it expects is {"code":200,"msg":"操作成功"}, with the
    // per-item outcome beside it.
    const provincial = async (
      request: Parameters<typeof verifySourceRequest>[1],
      adapt: (source: SourceRow) => Promise<EnvelopeResult<NormalisedAlarm>>,
    ) => {
      const source = await verified(request);
      const adapted = await adapt(source);
      if (!adapted.ok)
        throw problem('BAD_REQUEST', { errors: [{ path: ['data'], message: adapted.message }] });
      const raws = (request.body as { data: unknown[] }).data;
      const items: IncomingItem[] = adapted.items.map((item) =>
        item.ok ? { ...item, raw: raws[item.index] } : item,
      );
      return { code: 200, msg: '操作成功', ...(await ingestAlarms(ctx, source, items)) };
    };
    const ZProvincialAnswer = ZOutcomeSchema.extend({ code: z.number().int(), msg: z.string() });
    app.post(
      '/monitoring/ingest/provincial/eventsData',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '省级接口格式：报警与解除（请求须签名）',
          headers: signedHeaders,
          body: z.unknown(),
          response: { 200: ZProvincialAnswer },
        },
      },
      async (request) =>
        provincial(request, async (source) => {
          const kinds = new Map(
            (await findPointsOfSource(ctx.db, source.id)).map((point) => [point.code, point.kind]),
          );
          return adaptEvents(request.body, (code) => kinds.get(code) ?? 'fault');
        }),
    );
    app.post(
      '/monitoring/ingest/provincial/videosData',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '省级接口格式：视频智能识别报警（请求须签名）',
          headers: signedHeaders,
          body: z.unknown(),
          response: { 200: ZProvincialAnswer },
        },
      },
      async (request) => provincial(request, async () => adaptVideoAlarms(request.body)),
    );
    app.post(
      '/monitoring/ingest/provincial/rtsData',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: '省级接口格式：实时数据（超限即报警，回到限值内即解除；请求须签名）',
          headers: signedHeaders,
          body: z.unknown(),
          response: { 200: ZProvincialAnswer },
        },
      },
      async (request) =>
        provincial(request, async (source) => {
          const readings = adaptRealtimeData(request.body);
          if (!readings.ok) return readings;
          const points = new Map(
            (await findPointsOfSource(ctx.db, source.id)).map((point) => [point.code, point]),
          );
          return {
            ok: true,
            items: readings.items.map((item) => {
              if (!item.ok) return item;
              const point = points.get(item.value.pointCode);
              if (!point)
                return {
                  index: item.index,
                  ok: false as const,
                  message: `监测点“${item.value.pointCode}”未在本系统登记`,
                };
              const judged = evaluateReading(point, item.value, monitoringCatalog.triage);
              const parsed = ZNormalisedAlarmSchema.parse({
                externalId: `rts:${item.value.pointCode}:${item.value.at}`,
                enterpriseCode: item.value.enterpriseCode,
                pointCode: point.code,
                at: item.value.at,
                status: judged.status,
                kind: point.kind,
                value: item.value.value,
                ...(judged.status === 'alarm' ? { level: judged.level, threshold: judged.threshold } : {}),
                ...(point.unit ? { unit: point.unit } : {}),
              });
              return { index: item.index, ok: true as const, value: parsed };
            }),
          };
        }),
    );
  };

const ZUnreadSchema = z.object({ count: z.number().int(), eventId: z.number().int() });

export const monitoringRoutes =
  (ctx: AppContext, options: { streamTiming?: Partial<StreamTiming> } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(sourceRoutes(ctx));

    // issue 16 item 4: the officers' event stream (one LISTEN per process, ended when the app closes)
    const feed = createIncidentFeed(ctx, (error) =>
      app.log.error({ err: error }, 'incident feed: LISTEN failed'),
    );
    app.addHook('preClose', async () => feed.close());
    const timing = { ...defaultStreamTiming, ...options.streamTiming };
    app.get(
      '/monitoring/incident-events',
      {
        schema: {
          tags,
          summary:
            '线索事件流（Server-Sent Events：ready 带当前编号与未读数，incident 为本辖区新增或变化的线索，unread 为未读数；断线重连带 Last-Event-ID 续传）',
          headers: z.object({
            'last-event-id': z
              .string()
              .regex(/^\d{1,15}$/, '应为事件编号')
              .optional(),
          }),
        },
      },
      async (request, reply) => {
        const lastEventId = request.headers['last-event-id'];
        await streamIncidents({
          ctx,
          feed,
          actor: requireActor(request),
          reply,
          lastEventId: lastEventId === undefined ? undefined : Number(lastEventId),
          timing,
        });
      },
    );
    app.get(
      '/monitoring/incident-events/unread',
      {
        schema: {
          tags,
          summary: '未读线索数（本辖区待接收、且在上次查看之后新增或变化的线索）',
          response: { 200: ZUnreadSchema },
        },
      },
      async (request) => unreadIncidents(ctx, requireActor(request)),
    );
    app.post(
      '/monitoring/incident-events/read',
      {
        schema: {
          tags,
          summary: '标记已查看到某一事件编号',
          body: z.strictObject({ eventId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
          response: { 200: ZUnreadSchema },
        },
      },
      async (request) => markIncidentsRead(ctx, requireActor(request), request.body.eventId),
    );

    app.get(
      '/monitoring/sources',
      {
        schema: {
          tags,
          summary: '监测预警来源',
          response: { 200: z.object({ items: z.array(ZSourceSchema) }) },
        },
      },
      async (request) => ({ items: await listMonitoringSources(ctx, requireActor(request)) }),
    );
    app.post(
      '/monitoring/sources',
      {
        schema: {
          tags,
          summary: '登记监测预警来源（管理员；签名密钥只在此次返回）',
          body: z.strictObject({
            kind: ZSourceKindSchema,
            name: z.string().trim().min(1).max(100),
            territory: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 201: ZSourceSchema.extend({ signingKey: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registerMonitoringSource(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/monitoring/sources/:id/points',
      {
        schema: {
          tags,
          summary: '来源的监测点',
          params: ZIdParamsSchema,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  code: z.string(),
                  name: z.string(),
                  kind: z.string(),
                  kindName: z.string(),
                  unit: z.string().nullable(),
                  enterpriseId: z.uuid(),
                  thresholds: ZThresholdsSchema,
                  lastSeenAt: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        items: await listMonitoringPoints(ctx, requireActor(request), request.params.id),
      }),
    );
    app.post(
      '/monitoring/sources/:id/points',
      {
        schema: {
          tags,
          summary: '登记监测点（对应企业、类型、单位与报警限值）',
          params: ZIdParamsSchema,
          body: z.strictObject({
            code: ZNormalisedAlarmSchema.shape.pointCode,
            name: z.string().trim().min(1).max(100),
            enterpriseId: z.string().max(64),
            kind: ZAlarmKindSchema,
            unit: z.string().trim().max(16).optional(),
            thresholds: ZThresholdsSchema,
          }),
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registerMonitoringPoint(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.get(
      '/monitoring/incidents',
      {
        config: { readsMayLag: true },
        schema: {
          tags,
          summary: '监测预警线索（本辖区）',
          querystring: z.object({
            status: z.enum(['waiting', 'closed', 'escalated']).optional(),
            enterpriseId: z.uuid().optional(),
            // the lead a targeted inspection came from (measure 5, 平台动态监测)
            inspectionId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: z.object({ items: z.array(ZIncidentSchema) }) },
        },
      },
      async (request) => ({
        items: await listMonitoringIncidents(ctx, requireActor(request), request.query),
      }),
    );
    app.get(
      '/monitoring/incidents/:id',
      {
        schema: {
          tags,
          summary: '线索详情与报警序列',
          params: ZIdParamsSchema,
          response: {
            200: ZIncidentSchema.extend({
              series: z.array(
                z.object({
                  at: z.string(),
                  status: z.string(),
                  level: z.string().nullable(),
                  value: z.number().nullable(),
                  threshold: z.number().nullable(),
                  content: z.string().nullable(),
                  raw: z.unknown(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => getMonitoringIncident(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/monitoring/incidents/:id/steps',
      {
        schema: {
          tags,
          summary: '处置线索：接收、要求企业说明、远程核查办结、排除误报',
          params: ZIdParamsSchema,
          body: z.strictObject({ step: z.enum(INCIDENT_STEPS), note: ZNoteSchema.optional() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await takeIncidentStep(
          ctx,
          requireActor(request),
          request.params.id,
          request.body.step,
          request.body.note ?? null,
        );
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/monitoring/incidents/:id/inspection',
      {
        schema: {
          tags,
          summary: '线索转重点执法检查（来源“平台动态监测”，不受检查频次限制；措施第五项）',
          params: ZIdParamsSchema,
          body: z.strictObject({ plannedOn: ZDateSchema.optional(), note: ZNoteSchema.optional() }),
          response: { 201: z.object({ inspectionId: z.uuid(), frequencyCapExempt: z.boolean() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await openTargetedInspection(ctx, requireActor(request), request.params.id, {
            ...(request.body.plannedOn ? { plannedOn: request.body.plannedOn } : {}),
            note: request.body.note || null,
          }),
        ),
    );
    app.get(
      '/monitoring/visits-saved',
      {
        schema: {
          tags,
          summary: '减少现场检查统计：按月、按辖区的远程核查、免于到场、转现场检查、处置用时与误报率',
          querystring: z
            .object({
              from: ZMonthSchema,
              to: ZMonthSchema,
              territory: z
                .string()
                .regex(/^\d{6}$/, '属地应为六位行政区划代码')
                .optional(),
            })
            .refine((query) => query.from <= query.to, { message: '起始月份不得晚于截止月份', path: ['to'] }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              rows: z.array(
                ZVisitsSavedFiguresSchema.extend({
                  month: z.string(),
                  territory: z.string(),
                  territoryName: z.string(),
                }),
              ),
              total: ZVisitsSavedFiguresSchema,
            }),
          },
        },
      },
      async (request) => visitsSavedReport(ctx, requireActor(request), request.query),
    );
    app.get(
      '/monitoring/questions',
      {
        schema: {
          tags,
          summary: '执法人员要求本企业说明的监测报警（企业账号）',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  pointName: z.string(),
                  kindName: z.string(),
                  summary: z.string(),
                  question: z.string(),
                  answer: z.string().nullable(),
                  answeredAt: z.string().nullable(),
                  waiting: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await listIncidentQuestions(ctx, requireActor(request)) }),
    );
    app.post(
      '/monitoring/questions/:id/answer',
      {
        schema: {
          tags,
          summary: '企业在线说明',
          params: ZIdParamsSchema,
          body: z.strictObject({ answer: z.string().trim().min(2, '请写明说明内容').max(2000) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await answerIncidentQuestion(ctx, requireActor(request), request.params.id, request.body.answer);
        return reply.status(204).send(null);
      },
    );
  };
