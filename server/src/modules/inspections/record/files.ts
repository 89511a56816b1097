import type { Multipart } from '@fastify/multipart';
import type { z } from 'zod';
import { transition } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { notFound, refused } from '../../../platform/problems/problem.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import { auditInspection, loadInspection } from '../inspection-store.ts';
import { readEvidenceUpload, storeEvidence, type StoredEvidence } from '../evidence-files.ts';
import { RECORDING_STAGES } from './form.ts';
import { ZUploadFieldsSchema } from './model.ts';
import { findFileContent } from './repository.ts';

// Issue 5 items 6 and 10: a photo, signature or proof uploaded from the phone under the phone's own id
// (an upload replayed after a lost answer stores nothing twice), before the batch that names it.

type UploadFields = z.infer<typeof ZUploadFieldsSchema>;

export const readUpload = (parts: AsyncIterableIterator<Multipart>) =>
  readEvidenceUpload(parts, ZUploadFieldsSchema, '上传的文件');

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
    if (!RECORDING_STAGES.includes(row.stage)) {
      const refusal = transition(row.stage, 'record_findings');
      if (!refusal.ok) throw refused(refusal);
    }
    await auditInspection(
      tx,
      { id: actor.id, displayName: actor.displayName },
      row,
      'inspection.evidence.uploaded',
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
  const file = await findFileContent(ctx.db, row.id, fileId);
  if (!file) throw notFound('文件');
  return file;
};
