import type { EvidenceKind } from '../schema.ts';

// how a document names each kind of evidence
export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, string> = {
  photo: '照片',
  record: '检查记录',
  inquiry_record: '询问笔录',
  document: '书证',
  other: '其他',
};
