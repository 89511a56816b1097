import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { attachment } from '../../../platform/http/downloads.ts';
import { isUuid, pageOf } from '../../../platform/http/paging.ts';
import { notFound } from '../../../platform/problems/problem.ts';
import { findProofFile } from './repository.ts';
import { closeWithoutRectification } from './close-without-rectification.ts';
import { closeInspection, concludeInspection } from './conclude-inspection.ts';
import { issueRectificationOrder } from './issue-order.ts';
import { getOrder, inspectionOrders, listEnterpriseOrders, listOrders } from './list-orders.ts';
import {
  ZCloseResultSchema,
  ZCloseWithoutSchema,
  ZConcludeResultSchema,
  ZIdParamsSchema,
  ZIssueOrderSchema,
  ZOrderFileParamsSchema,
  ZOrderListQuerySchema,
  ZRectificationOrderSchema,
  ZReviewOrderSchema,
  ZProofFieldsSchema,
} from './model.ts';
import { loadOrder } from './order-store.ts';
import { reviewOrder } from './review-order.ts';
import { readProofUpload, submitProof } from './submit-proof.ts';
import { ZNoBodySchema } from '../../../platform/http/paging.ts';

const tags = ['rectification'];
const ZItemsSchema = z.object({ items: z.array(ZRectificationOrderSchema) });

// measure 13: rectification orders, proof, review, escalation; and the end of the visit (record, close).
export const rectificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/inspections/:id/rectification-orders',
      {
        schema: {
          tags,
          summary:
            '对未当场整改的问题下达责令限期整改指令书（整改要求、期限：工作日数或日期），同时编号出具文书（措施十三）',
          params: ZIdParamsSchema,
          body: ZIssueOrderSchema,
          response: { 201: ZRectificationOrderSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await issueRectificationOrder(ctx, requireActor(request), request.params.id, request.body)),
    );
    app.get(
      '/inspections/:id/rectification-orders',
      {
        schema: {
          tags,
          summary: '一次检查的整改指令（辖区执法人员；企业用户仅本企业）',
          params: ZIdParamsSchema,
          response: { 200: ZItemsSchema },
        },
      },
      async (request) => inspectionOrders(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/rectification-orders',
      {
        schema: {
          tags,
          summary: '辖区整改指令：按状态、逾期筛选；candidates=true 为移交立案候选（已移交或已逾期）',
          querystring: ZOrderListQuerySchema,
          response: { 200: pageOf(ZRectificationOrderSchema) },
        },
      },
      async (request) => listOrders(ctx, requireActor(request), request.query),
    );
    app.get(
      '/enterprise/rectification-orders',
      {
        schema: {
          tags,
          summary: '本企业收到的整改指令（企业用户）：问题、整改指引、要求、期限与复查结果',
          response: { 200: ZItemsSchema },
        },
      },
      async (request) => listEnterpriseOrders(ctx, requireActor(request)),
    );
    app.get(
      '/rectification-orders/:id',
      {
        schema: {
          tags,
          summary: '整改指令详情',
          params: ZIdParamsSchema,
          response: { 200: ZRectificationOrderSchema },
        },
      },
      async (request) => getOrder(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/rectification-orders/:id/proofs',
      {
        config: { multipartFields: ZProofFieldsSchema },
        schema: {
          tags,
          summary:
            '企业上传整改材料（multipart：id、note、file；照片或 PDF，每次一个文件）；首个文件即提交复查，复查前续传的文件并入同一次提交；同一编号重传不重复保存',
          consumes: ['multipart/form-data'],
          params: ZIdParamsSchema,
          response: { 201: ZRectificationOrderSchema, 200: ZRectificationOrderSchema },
        },
      },
      async (request, reply) => {
        const result = await submitProof(
          ctx,
          requireActor(request),
          request.params.id,
          await readProofUpload(request.parts()),
        );
        return reply.status(result.replayed ? 200 : 201).send(result.order);
      },
    );
    app.get(
      '/rectification-orders/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: '查看整改材料（辖区执法人员与本企业）',
          params: ZOrderFileParamsSchema,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
        },
      },
      async (request, reply) => {
        const order = await loadOrder(ctx.db, requireActor(request), request.params.id, 'read');
        const { fileId } = request.params;
        if (!isUuid(fileId) || !order.proofs.some((proof) => proof.fileIds.includes(fileId)))
          throw notFound('整改材料');
        const file = await findProofFile(ctx.db, order.inspectionId, fileId);
        if (!file) throw notFound('整改材料');
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachment(file.fileName ?? fileId).replace('attachment', 'inline'))
          .send(file.data);
      },
    );
    app.post(
      '/rectification-orders/:id/review',
      {
        schema: {
          tags,
          summary: '整改复查：通过或不通过（须写明情况），同时编号出具整改复查意见书',
          params: ZIdParamsSchema,
          body: ZReviewOrderSchema,
          response: { 200: ZRectificationOrderSchema },
        },
      },
      async (request) => reviewOrder(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/rectification-orders/:id/close-without-rectification',
      {
        schema: {
          tags,
          summary: '未经整改关闭（执法队负责人、局领导；须写明理由），与“已整改”分开显示',
          params: ZIdParamsSchema,
          body: ZCloseWithoutSchema,
          response: { 200: ZRectificationOrderSchema },
        },
      },
      async (request) =>
        closeWithoutRectification(ctx, requireActor(request), request.params.id, request.body.reason),
    );
    app.post(
      '/inspections/:id/conclude',
      {
        schema: {
          tags,
          summary: '出具现场检查记录（须企业负责人签字或记录拒签，且每个问题已当场整改或已下达整改指令）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZConcludeResultSchema },
        },
      },
      async (request) => concludeInspection(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/inspections/:id/close',
      {
        schema: {
          tags,
          summary: '结束检查（每份整改指令已复查通过、移交立案或未经整改关闭）',
          params: ZIdParamsSchema,
          body: ZNoBodySchema,
          response: { 200: ZCloseResultSchema },
        },
      },
      async (request) => closeInspection(ctx, requireActor(request), request.params.id),
    );
  };
