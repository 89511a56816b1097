import { createHash } from 'node:crypto';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import { problem } from '../../platform/problems/problem.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { EvidenceKind, GeoPoint } from './schema.ts';
import { findEvidenceSummary, insertEvidenceFile } from './repository.ts';

// Issue 5 items 6 and 10: photos, signatures and proofs, stored with their SHA-256, size and type checked by
// content (not by the name or the header the client sends), the camera's EXIF time kept. The id is the
// client's: an upload replayed after a lost response stores nothing twice, and a record that references a
// file uploaded before a crash still finds it.

export { EVIDENCE_KINDS, type EvidenceKind } from './schema.ts';

export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;

const ALLOWED: Record<EvidenceKind, readonly string[]> = {
  photo: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
  signature: ['image/png'],
  proof: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
  document: ['application/pdf', 'image/jpeg', 'image/png'],
};

const KIND_NAMES: Record<EvidenceKind, string> = {
  photo: '现场照片',
  signature: '签名',
  proof: '整改材料',
  document: '文书扫描件',
};

export const sha256Of = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

// EXIF DateTimeOriginal as the camera wrote it (local time, no zone): kept as text, never reinterpreted.
const exifTime = async (data: Buffer, mediaType: string): Promise<string | null> => {
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/heic' && mediaType !== 'image/webp') return null;
  try {
    const tags = (await exifr.parse(data, {
      pick: ['DateTimeOriginal', 'CreateDate'],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    const value = tags?.DateTimeOriginal ?? tags?.CreateDate;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
};

export type StoredEvidence = {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  takenAt: string | null;
  replayed: boolean;
};

export const checkEvidence = async (kind: EvidenceKind, data: Buffer) => {
  if (data.length === 0) throw problem('FILE_EMPTY');
  if (data.length > MAX_EVIDENCE_BYTES) {
    throw problem('FILE_TOO_LARGE', {
      detail: `上传的文件过大：${(data.length / 1024 / 1024).toFixed(1)} MB，单个文件不超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
    });
  }
  const detected = await fileTypeFromBuffer(data);
  const mediaType = detected?.mime ?? 'application/octet-stream';
  if (!ALLOWED[kind].includes(mediaType)) {
    throw problem('FILE_TYPE_NOT_ALLOWED', {
      kind: KIND_NAMES[kind],
      allowed: ALLOWED[kind].map((t) => t.split('/')[1]!.toUpperCase()).join('、'),
      detected: detected?.ext?.toUpperCase() ?? '无法识别的格式',
    });
  }
  return { mediaType, sha256: sha256Of(data), takenAt: await exifTime(data, mediaType) };
};

// Reads the multipart parts of one upload: the form fields, checked against the schema, and the one file, in
// whatever order the client sent them. `missingFile` names the file the user is asked for when none came.
export const readEvidenceUpload = async <TFields>(
  parts: AsyncIterableIterator<Multipart>,
  schema: z.ZodType<TFields>,
  missingFile: string,
): Promise<{ fields: TFields; data: Buffer; fileName: string | null }> => {
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
  if (!file) throw problem('FILE_MISSING', { file: missingFile });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
    }));
    throw problem('VALIDATION_FAILED', {
      detail: errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('；'),
      errors,
    });
  }
  return { fields: parsed.data, ...file };
};

export const storeEvidence = async (
  tx: Tx,
  input: {
    id: string;
    inspectionId: string;
    territory: string;
    kind: EvidenceKind;
    data: Buffer;
    fileName: string | null;
    location: GeoPoint | null;
    byName: string;
    at: Date;
    enterpriseVisible: boolean;
  },
): Promise<StoredEvidence> => {
  const checked = await checkEvidence(input.kind, input.data);
  const existing = await findEvidenceSummary(tx, input.id);
  if (existing) {
    if (existing.sha256 !== checked.sha256 || existing.inspectionId !== input.inspectionId) {
      throw problem('FILE_ID_REUSED');
    }
    return {
      id: existing.id,
      sha256: existing.sha256,
      size: existing.size,
      mediaType: existing.mediaType,
      takenAt: existing.takenAt,
      replayed: true,
    };
  }
  await insertEvidenceFile(tx, {
    id: input.id,
    inspectionId: input.inspectionId,
    territory: input.territory,
    kind: input.kind,
    sha256: checked.sha256,
    size: input.data.length,
    mediaType: checked.mediaType,
    fileName: input.fileName,
    takenAt: checked.takenAt,
    location: input.location,
    data: input.data,
    uploadedAt: input.at,
    uploadedByName: input.byName,
    enterpriseVisible: input.enterpriseVisible,
  });
  return {
    id: input.id,
    sha256: checked.sha256,
    size: input.data.length,
    mediaType: checked.mediaType,
    takenAt: checked.takenAt,
    replayed: false,
  };
};
