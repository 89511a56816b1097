import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import { attachment, docxContentType } from '../../../platform/http/downloads.ts';
import { ZDocumentIdParamsSchema, ZInspectionDocumentSchema } from './model.ts';
import { documentFile, documentsZip, listDocuments } from './service.ts';

const tags = ['documents'];

// Issue 5 item 8: the numbered enforcement documents of an inspection, and their docx.
export const documentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/inspections/:id/documents',
      {
        schema: {
          tags,
          summary: '一次检查的执法文书（带文书编号）；企业用户仅本企业，且不含现场检查方案',
          params: ZDocumentIdParamsSchema,
          response: { 200: z.object({ items: z.array(ZInspectionDocumentSchema) }) },
        },
      },
      async (request) => listDocuments(ctx, requireActor(request), request.params.id),
    );
    app.get(
      '/inspections/:id/documents.zip',
      {
        schema: {
          tags,
          summary: '下载该检查的全部文书（每份一个 .docx，打包为 .zip）',
          params: ZDocumentIdParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await documentsZip(ctx, requireActor(request), request.params.id);
        return reply
          .type('application/zip')
          .header('content-disposition', attachment(file.fileName))
          .send(file.data);
      },
    );
    app.get(
      '/documents/:id.docx',
      {
        schema: {
          tags,
          summary: '下载一份执法文书 (.docx，A4 公文版式，含现场签名)',
          params: ZDocumentIdParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await documentFile(ctx, requireActor(request), request.params.id);
        return reply
          .type(docxContentType)
          .header('content-disposition', attachment(file.fileName))
          .send(file.data);
      },
    );
  };
