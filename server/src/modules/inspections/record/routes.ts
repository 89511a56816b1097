import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { acknowledgeRecord } from './acknowledge.ts';
import { readEvidence, readUpload, uploadEvidence } from './files.ts';
import { readRecordForm } from './form.ts';
import { ZResumptionSchema } from '../case-referral/model.ts';
import { resumeAfterReview } from './resume-after-review.ts';
import {
  EMERGENCY_MEASURE_KINDS,
  ZAcknowledgementResultSchema,
  ZAcknowledgementSchema,
  ZInspectionFileParamsSchema,
  ZRecordFormSchema,
  ZSyncBatchSchema,
  ZSyncResultSchema,
  ZUploadResultSchema,
  ZUploadFieldsSchema,
} from './model.ts';
import { syncRecord } from './sync.ts';

// The on-site record on the officer's phone (issue 5 items 6, 7, 10; measures 12, 13).

const tags = ['onsite'];
const ZParamsSchema = z.object({ id: z.string() });

export const recordRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/inspections/:id/form',
      {
        schema: {
          tags,
          summary:
            '现场检查表（一表通查）：本次检查合并后的检查项、每项最新结果、发现的问题及其依据和整改指引（措施八、十二、十三）',
          params: ZParamsSchema,
          response: { 200: ZRecordFormSchema },
        },
      },
      async (request) => readRecordForm(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/inspections/:id/sync',
      {
        schema: {
          tags,
          summary:
            '同步手机离线记录的一批检查项、问题和第六十五条措施；按手机端编号幂等，重放不重复记录（措施十二、十三）',
          params: ZParamsSchema,
          body: ZSyncBatchSchema,
          response: { 200: ZSyncResultSchema },
        },
      },
      async (request) => syncRecord(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/inspections/:id/files',
      {
        config: { multipartFields: ZUploadFieldsSchema },
        schema: {
          tags,
          summary:
            '上传现场照片、签名或整改材料（multipart：id、kind、takenAt?、latitude?、longitude?、file）；按内容判断类型，不超过 8 MB，保留拍摄时间；同一编号重传不重复保存',
          consumes: ['multipart/form-data'],
          params: ZParamsSchema,
          response: { 201: ZUploadResultSchema, 200: ZUploadResultSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const stored = await uploadEvidence(ctx, actor, request.params.id, await readUpload(request.parts()));
        return reply.status(stored.replayed ? 200 : 201).send(stored);
      },
    );
    app.get(
      '/inspections/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: '查看本次检查的照片、签名或材料（辖区执法人员）',
          params: ZInspectionFileParamsSchema,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
        },
      },
      async (request, reply) => {
        const file = await readEvidence(ctx, requireActor(request), request.params.id, request.params.fileId);
        return reply
          .type(file.mediaType)
          .header('content-length', file.size)
          .header('etag', `"${file.sha256}"`)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline')
          .send(file.data);
      },
    );
    app.post(
      '/inspections/:id/acknowledgement',
      {
        schema: {
          tags,
          summary:
            '企业负责人签字确认检查记录，或记录拒绝签字的情况和见证人（安全生产法第六十八条：拒签记录在案，不影响检查）',
          params: ZParamsSchema,
          body: ZAcknowledgementSchema,
          response: { 200: ZAcknowledgementResultSchema },
        },
      },
      async (request) => acknowledgeRecord(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/inspections/:id/findings/:findingId/resumption',
      {
        schema: {
          tags,
          summary:
            '重大事故隐患排除后，经审查同意恢复生产经营和使用（安全生产法第六十五条第一款第（三）项；科室负责人或部门负责人）',
          params: z.object({ id: z.string().max(64), findingId: z.string().max(64) }),
          body: ZResumptionSchema,
          response: {
            200: z.object({
              findingId: z.string(),
              resumption: z.object({ approvedAt: z.string(), approvedByName: z.string(), note: z.string() }),
              lifted: z.array(z.enum(EMERGENCY_MEASURE_KINDS)),
            }),
          },
        },
      },
      async (request) =>
        resumeAfterReview(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.findingId,
          request.body,
        ),
    );
  };
