import { and, eq } from 'drizzle-orm';
import type { MultipartFile, Multipart } from '@fastify/multipart';
import type { z } from 'zod';
import { transition, type InspectionStage } from '@inspecta/domain';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../app/policy.ts';
import { notFound, Problem, refused } from '../app/problem.ts';
import { isUuid } from '../app/paging.ts';
import { auditInspection, loadInspection } from './inspection-store.ts';
import { storeEvidence, type StoredEvidence } from './files.ts';
import { RECORDING_STAGES } from './record-form.ts';
import { ZUploadFieldsSchema } from './record-model.ts';
import { evidenceFiles } from './schema.ts';

// Issue 5 items 6 and 10: a photo, signature or proof uploaded from the phone under the phone's own id
// (an upload replayed after a lost answer stores nothing twice), before the batch that names it.

type UploadFields = z.infer<typeof ZUploadFieldsSchema>;

// Reads the multipart parts: the form fields and the one file, in whatever order the client sent them.
export const readUpload = async (
  parts: AsyncIterableIterator<Multipart>,
): Promise<{ fields: UploadFields; data: Buffer; fileName: string | null }> => {
  const raw: Record<string, string> = {};
  let file: { data: Buffer; fileName: string | null } | null = null;
  for await (const part of parts) {
    if (part.type === 'file') {
      const upload = part as MultipartFile;
      // over the multipart limit this throws FST_REQ_FILE_TOO_LARGE (413, app/errors.ts)
      file = { data: await upload.toBuffer(), fileName: upload.filename || null };
    } else if (typeof part.value === 'string') {
      raw[part.fieldname] = part.value;
    }
  }
  if (!file) throw new Problem(400, 'FILE_MISSING', '请选择要上传的文件');
  const parsed = ZUploadFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
    }));
    throw new Problem(400, 'VALIDATION_FAILED', '提交的内容不符合要求', {
      detail: errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('；'),
      errors,
    });
  }
  return { fields: parsed.data, ...file };
};

export const uploadEvidence = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
  upload: { fields: UploadFields; data: Buffer; fileName: string | null },
): Promise<StoredEvidence> => {
  const now = ctx.clock.now();
  const { fields } = upload;
  return ctx.db.transaction(async (tx) => {
    const row = await loadInspection(tx, actor, inspectionId, 'update');
    const location =
      fields.latitude !== undefined && fields.longitude !== undefined
        ? { latitude: fields.latitude, longitude: fields.longitude, accuracy: fields.accuracy ?? null }
        : null;
    const stored = await storeEvidence(tx, {
      id: fields.id,
      inspectionId: row.id,
      territory: row.territory,
      kind: fields.kind,
      data: upload.data,
      fileName: upload.fileName,
      location,
      byName: actor.displayName,
      at: now,
      enterpriseVisible: false,
    });
    if (stored.replayed) return stored;
    // measure 12: evidence is taken on site, between arrival and the conclusion
    if (!RECORDING_STAGES.includes(row.stage as InspectionStage)) {
      const refusal = transition(row.stage as InspectionStage, 'record_findings');
      if (!refusal.ok) throw refused(refusal);
    }
    await auditInspection(
      tx,
      { id: actor.id, displayName: actor.displayName },
      row,
      'inspection.evidence',
      {
        fileId: stored.id,
        kind: fields.kind,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: stored.mediaType,
        takenAt: stored.takenAt,
        clientTakenAt: fields.takenAt ?? null,
        location,
      },
      now,
    );
    return stored;
  });
};

export const readEvidence = async (ctx: AppContext, actor: Actor, inspectionId: string, fileId: string) => {
  const row = await loadInspection(ctx.db, actor, inspectionId, 'read');
  if (!isUuid(fileId)) throw notFound('文件');
  const [file] = await ctx.db
    .select({
      data: evidenceFiles.data,
      mediaType: evidenceFiles.mediaType,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.inspectionId, row.id)));
  if (!file) throw notFound('文件');
  return file;
};
