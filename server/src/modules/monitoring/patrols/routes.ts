import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZPatrolAreaKindSchema,
  ZPatrolAreaSchema,
  ZPatrolRouteSchema,
  ZPatrolScheduleSchema,
} from '@inspecta/domain/monitoring';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { readEvidenceUpload } from '../../inspections/index.ts';
import { findingsOfIncident, territoryMap } from './map.ts';
import { reportDroneFinding, ZFindingUploadFieldsSchema } from './report-finding.ts';
import {
  completeDroneMission,
  getDroneMission,
  listDroneMissions,
  listPilots,
  planDroneMission,
  readFindingPhoto,
} from './service.ts';

// measure 21 and issue 16 item 7: drone patrols, their findings, and the territory's map.

const tags = ['monitoring'];
const ZIdParamsSchema = z.object({ id: z.string().max(64) });
// a GeoJSON position, [longitude, latitude]
const ZPositionSchema = z.array(z.number()).min(2).max(2);
const ZPolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(ZPositionSchema)),
});
const ZLineSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(ZPositionSchema),
});
const ZMissionSchema = z.object({
  id: z.uuid(),
  territory: z.string(),
  title: z.string(),
  areaKind: ZPatrolAreaKindSchema,
  areaKindName: z.string(),
  area: ZPolygonSchema,
  route: ZLineSchema,
  schedule: z.object({ date: z.string(), startTime: z.string(), endTime: z.string() }),
  pilotId: z.uuid(),
  pilotName: z.string(),
  state: z.enum(['planned', 'completed']),
  stateName: z.string(),
  plannedByName: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
const ZFindingSchema = z.object({
  id: z.uuid(),
  missionId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  kind: z.string(),
  kindName: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  takenAt: z.string(),
  note: z.string(),
  insideArea: z.boolean(),
  photoUrl: z.string(),
  photoMediaType: z.string(),
  uploadedByName: z.string(),
  incidentId: z.uuid().nullable(),
  incidentStateName: z.string().nullable(),
});

export const patrolRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/drone-missions/pilots',
      {
        schema: {
          tags,
          summary: '可指定为飞手的本辖区执法人员',
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.uuid(), displayName: z.string(), territory: z.string(), role: z.string() }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await listPilots(ctx, requireActor(request)) }),
    );
    app.get(
      '/drone-missions',
      {
        schema: {
          tags,
          summary: '无人机巡查任务（本辖区）',
          response: {
            200: z.object({ items: z.array(ZMissionSchema.extend({ findingCount: z.number().int() })) }),
          },
        },
      },
      async (request) => ({ items: await listDroneMissions(ctx, requireActor(request)) }),
    );
    app.post(
      '/drone-missions',
      {
        schema: {
          tags,
          summary: '安排无人机巡查：在地图上划定巡查区域与航线，确定日期、时段和飞手（措施第二十一项）',
          body: z.strictObject({
            title: z.string().trim().min(2, { error: '请填写任务名称' }).max(100),
            areaKind: ZPatrolAreaKindSchema,
            area: ZPatrolAreaSchema,
            route: ZPatrolRouteSchema,
            schedule: ZPatrolScheduleSchema,
            pilotId: z.string().max(64),
            territory: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 201: ZMissionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await planDroneMission(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/drone-missions/:id',
      {
        schema: {
          tags,
          summary: '巡查任务详情与发现',
          params: ZIdParamsSchema,
          response: {
            200: ZMissionSchema.extend({ mayReport: z.boolean(), findings: z.array(ZFindingSchema) }),
          },
        },
      },
      async (request) => getDroneMission(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/drone-missions/:id/findings',
      {
        config: { multipartFields: ZFindingUploadFieldsSchema },
        schema: {
          tags,
          summary:
            '飞手上传巡查发现（multipart：id、kind、enterpriseId、latitude、longitude、takenAt、note、file 照片）；生成或并入监测预警线索；同一编号重传不重复保存',
          consumes: ['multipart/form-data'],
          params: ZIdParamsSchema,
          response: {
            201: z.object({ id: z.uuid(), replayed: z.boolean() }),
            200: z.object({ id: z.uuid(), replayed: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readEvidenceUpload(request.parts(), ZFindingUploadFieldsSchema, '巡查照片');
        const result = await reportDroneFinding(ctx, actor, request.params.id, upload);
        return reply.status(result.replayed ? 200 : 201).send(result);
      },
    );
    app.post(
      '/drone-missions/:id/completion',
      {
        schema: {
          tags,
          summary: '飞手完成巡查',
          params: ZIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await completeDroneMission(ctx, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/drone-findings/:id/photo',
      {
        schema: {
          tags,
          summary: '巡查发现的照片（辖区执法人员）',
          params: ZIdParamsSchema,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
        },
      },
      async (request, reply) => {
        const photo = await readFindingPhoto(ctx, requireActor(request), request.params.id);
        return reply
          .type(photo.mediaType)
          .header('content-length', photo.data.length)
          .header('etag', `"${photo.sha256}"`)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .send(photo.data);
      },
    );
    app.get(
      '/monitoring/incidents/:id/drone-findings',
      {
        schema: {
          tags,
          summary: '线索所依据的无人机巡查发现（照片、位置、时间）',
          params: ZIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZFindingSchema) }) },
        },
      },
      async (request) => ({ items: await findingsOfIncident(ctx, requireActor(request), request.params.id) }),
    );
    app.get(
      '/monitoring/map',
      {
        schema: {
          tags,
          summary: '辖区一张图：企业位置、待处置线索、巡查区域与航线、巡查发现',
          response: {
            200: z.object({
              enterprises: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  territory: z.string(),
                  isKey: z.boolean(),
                  latitude: z.number(),
                  longitude: z.number(),
                }),
              ),
              incidents: z.array(
                z.object({
                  id: z.uuid(),
                  enterpriseId: z.uuid(),
                  enterpriseName: z.string(),
                  kind: z.string(),
                  kindName: z.string(),
                  level: z.string(),
                  levelName: z.string(),
                  stateName: z.string(),
                  summary: z.string(),
                  lastAlarmAt: z.string(),
                  latitude: z.number(),
                  longitude: z.number(),
                  photoUrl: z.string().nullable(),
                }),
              ),
              missions: z.array(ZMissionSchema.extend({ findingCount: z.number().int() })),
              findings: z.array(ZFindingSchema),
              unplacedIncidents: z.number().int(),
            }),
          },
        },
      },
      async (request) => territoryMap(ctx, requireActor(request)),
    );
  };
