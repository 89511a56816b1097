import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { attachment, docxContentType } from '../../platform/http/downloads.ts';
import { pageOf } from '../../platform/http/paging.ts';
import { penaltyCatalogView, ZPenaltyCatalogViewSchema } from './catalog-view.ts';
import {
  ZCaseActionSchema,
  ZCaseDetailSchema,
  ZCaseDocumentInputSchema,
  ZCaseDocumentParamsSchema,
  ZCaseDocumentSchema,
  ZCaseDocumentsSchema,
  ZCaseFactsSchema,
  ZCaseIdParamsSchema,
  ZCaseListQuerySchema,
  ZCaseSummarySchema,
  ZEvidenceInputSchema,
  ZObservationOutcomeSchema,
  ZOpenCaseSchema,
  ZSeizureDecisionSchema,
  ZSeizureExtensionSchema,
  ZSeizureInputSchema,
  ZSeizureParamsSchema,
  ZSeizureReleaseSchema,
  ZTestingPeriodInputSchema,
  ZSupplySuspensionDecisionSchema,
  ZSupplySuspensionInputSchema,
  ZSupplySuspensionLiftSchema,
  ZSupplySuspensionParamsSchema,
} from './model.ts';
import {
  decideSupplySuspension,
  liftSupplySuspension,
  proposeSupplySuspension,
} from './supply-suspensions.ts';
import {
  decideExtension,
  decideSeizure,
  proposeSeizure,
  recordTestingPeriod,
  releaseSeizure,
  requestExtension,
} from './seizures.ts';
import {
  actOnCase,
  recordObservation,
  draftProposal,
  getCase,
  listCases,
  openCase,
  recordEvidence,
  recordFacts,
} from './service.ts';

import { caseDocumentFile, issueCaseDocument, listCaseDocuments } from './documents/service.ts';
import { performanceRoutes } from './performance/routes.ts';
import { discretionTierRoutes } from './discretion-tiers/routes.ts';
import { firmnessRoutes } from './firmness/routes.ts';

const tags = ['penalty-cases'];

// issue 15 (measures 14–18, 22): penalty cases from 立案 to 结案, and the catalogue the proposals rest on.
export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // 履行: payments, 暂缓/分期, 催告 and the court application (issue 15 item 3 after service)
    await app.register(performanceRoutes(ctx));
    app.get(
      '/penalty-cases',
      {
        schema: {
          tags,
          summary: '行政处罚案件（辖区）',
          querystring: ZCaseListQuerySchema,
          response: { 200: pageOf(ZCaseSummarySchema) },
        },
      },
      async (request) => listCases(ctx, requireActor(request), request.query),
    );
    app.post(
      '/penalty-cases',
      {
        schema: {
          tags,
          summary: '立案：由移交立案审查事项（法制审核）或逾期未整改的整改指令',
          body: ZOpenCaseSchema,
          response: { 201: ZCaseDetailSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await openCase(ctx, requireActor(request), request.body)),
    );
    app.get(
      '/penalty-cases/:id',
      {
        schema: {
          tags,
          summary: '案件详情：裁量建议、期限、证据、类案分布',
          params: ZCaseIdParamsSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => getCase(ctx, requireActor(request), request.params.id),
    );
    app.put(
      '/penalty-cases/:id/facts',
      {
        schema: {
          tags,
          summary: '记录违法行为、发生日期与裁量情节（调查取证阶段）',
          params: ZCaseIdParamsSchema,
          body: ZCaseFactsSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordFacts(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/evidence',
      {
        schema: {
          tags,
          summary: '登记证据（照片、记录、询问笔录等）',
          params: ZCaseIdParamsSchema,
          body: ZEvidenceInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordEvidence(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/proposal',
      {
        schema: {
          tags,
          summary: '生成裁量建议（阶次、金额、理由及依据）',
          params: ZCaseIdParamsSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => draftProposal(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/penalty-cases/:id/observation',
      {
        schema: {
          tags,
          summary: '记录观察期回访结果（措施第十四项：不予处罚后的观察期）',
          params: ZCaseIdParamsSchema,
          body: ZObservationOutcomeSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => recordObservation(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/seizures',
      {
        schema: {
          tags,
          summary: '提出查封、扣押（列明场所、设施或者财物及其与违法行为的关联），报负责人批准',
          params: ZCaseIdParamsSchema,
          body: ZSeizureInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => proposeSeizure(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/seizures/:seizureId/decision',
      {
        schema: {
          tags,
          summary: '负责人批准或者不批准查封、扣押（批准之日起实施，期限三十日）',
          params: ZSeizureParamsSchema,
          body: ZSeizureDecisionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        decideSeizure(ctx, requireActor(request), request.params.id, request.params.seizureId, request.body),
    );
    app.post(
      '/penalty-cases/:id/seizures/:seizureId/extension',
      {
        schema: {
          tags,
          summary: '申请延长查封、扣押期限（一次，不超过三十日，届满前）',
          params: ZSeizureParamsSchema,
          body: ZSeizureExtensionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        requestExtension(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.seizureId,
          request.body,
        ),
    );
    app.post(
      '/penalty-cases/:id/seizures/:seizureId/extension/decision',
      {
        schema: {
          tags,
          summary: '负责人批准或者不批准延长查封、扣押期限',
          params: ZSeizureParamsSchema,
          body: ZSeizureDecisionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        decideExtension(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.seizureId,
          request.body,
        ),
    );
    app.post(
      '/penalty-cases/:id/seizures/:seizureId/testing-periods',
      {
        schema: {
          tags,
          summary:
            '登记检测、检验、检疫或者技术鉴定的期间（不计入查封、扣押期限，行政强制法第二十五条第三款）',
          params: ZSeizureParamsSchema,
          body: ZTestingPeriodInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        recordTestingPeriod(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.seizureId,
          request.body,
        ),
    );
    app.post(
      '/penalty-cases/:id/seizures/:seizureId/release',
      {
        schema: {
          tags,
          summary: '解除查封、扣押（行政强制法第二十八条）',
          params: ZSeizureParamsSchema,
          body: ZSeizureReleaseSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        releaseSeizure(ctx, requireActor(request), request.params.id, request.params.seizureId, request.body),
    );
    app.post(
      '/penalty-cases/:id/actions',
      {
        schema: {
          tags,
          summary: '案件办理：提交法制审核、审核、集体讨论、告知、听证、决定、送达、结案',
          params: ZCaseIdParamsSchema,
          body: ZCaseActionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => actOnCase(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/supply-suspensions',
      {
        schema: {
          tags,
          summary:
            '提出停止供电、停止供应民用爆炸物品措施（安全生产法第七十条：拒不执行停产停业等决定，有现实危险，且能保证安全）',
          params: ZCaseIdParamsSchema,
          body: ZSupplySuspensionInputSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) => proposeSupplySuspension(ctx, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/penalty-cases/:id/supply-suspensions/:suspensionId/decision',
      {
        schema: {
          tags,
          summary: '主要负责人批准或者不批准停止供电、供应措施',
          params: ZSupplySuspensionParamsSchema,
          body: ZSupplySuspensionDecisionSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        decideSupplySuspension(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.suspensionId,
          request.body,
        ),
    );
    app.post(
      '/penalty-cases/:id/supply-suspensions/:suspensionId/lift',
      {
        schema: {
          tags,
          summary: '企业履行决定、消除隐患后解除停止供电、供应措施',
          params: ZSupplySuspensionParamsSchema,
          body: ZSupplySuspensionLiftSchema,
          response: { 200: ZCaseDetailSchema },
        },
      },
      async (request) =>
        liftSupplySuspension(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.suspensionId,
          request.body,
        ),
    );
    app.get(
      '/penalty-cases/:id/documents',
      {
        schema: {
          tags,
          summary: '案件文书：已出具的（带文书编号）和当前可以出具的',
          params: ZCaseIdParamsSchema,
          response: { 200: ZCaseDocumentsSchema },
        },
      },
      async (request) => listCaseDocuments(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/penalty-cases/:id/documents',
      {
        schema: {
          tags,
          summary:
            '出具案件文书（立案审批表、询问笔录、告知书、决定书、信用修复告知书、催缴通知书、查封扣押文书、结案审批表）；每案或每个事项一份的文书再次出具时返回已有的一份（200）',
          params: ZCaseIdParamsSchema,
          body: ZCaseDocumentInputSchema,
          response: {
            201: z.object({ document: ZCaseDocumentSchema }),
            200: z.object({ document: ZCaseDocumentSchema }),
          },
        },
      },
      async (request, reply) => {
        const { document, created } = await issueCaseDocument(
          ctx,
          requireActor(request),
          request.params.id,
          request.body,
        );
        return reply.code(created ? 201 : 200).send({ document });
      },
    );
    app.get(
      '/case-documents/:id.docx',
      {
        schema: {
          tags,
          summary: '下载一份案件文书 (.docx，A4 公文版式)',
          params: ZCaseDocumentParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await caseDocumentFile(ctx, requireActor(request), request.params.id);
        return reply
          .type(docxContentType)
          .header('content-disposition', attachment(file.fileName))
          .send(file.data);
      },
    );
    // measure 15: 按日连续处罚 (第一百一十二条) and 提请关闭 (第一百一十三条)
    await app.register(firmnessRoutes(ctx));
    app.get(
      '/penalty-catalog',
      {
        schema: {
          tags,
          summary: '违法行为目录、裁量阶次与不予处罚清单（含待法制审核的条目）',
          response: { 200: ZPenaltyCatalogViewSchema },
        },
      },
      async (request) => penaltyCatalogView(requireActor(request)),
    );
    // issue 15 item 2: the legal reviewer's edits of the discretion tiers
    await app.register(discretionTierRoutes(ctx));
  };
