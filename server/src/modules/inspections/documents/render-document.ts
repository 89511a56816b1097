import { DOCUMENT_TYPE_INFO } from '@inspecta/domain';
import type { FileChild } from 'docx';
import { officialDocument } from '../../../platform/documents/docx-layout.ts';
import { onsiteMeasuresDecisionBody } from './render-measures.ts';
import { rectificationOrderBody, rectificationReviewBody } from './render-rectification.ts';
import { remoteCheckRecordBody } from './render-remote-record.ts';
import { inspectionNoticeBody, inspectionRecordBody, onsitePlanBody } from './render-visit.ts';
import type { DocumentSnapshots, IssuedDocument } from './snapshots.ts';

// Issue 5 item 8: the docx of an issued document, from its frozen snapshot and nothing else but the signature
// image it names (passed in, so rendering does no I/O). The same document renders the same text every time.

export type RenderableDocument = Pick<IssuedDocument, 'type' | 'number' | 'snapshot' | 'issuedAt'>;
export type RenderAssets = { signature?: Buffer | null };

const body = (doc: RenderableDocument, signature: Buffer | null): FileChild[] => {
  const issuedAt = doc.issuedAt.toISOString();
  switch (doc.type) {
    case 'onsite_plan':
      return onsitePlanBody(doc.number, doc.snapshot as DocumentSnapshots['onsite_plan'], issuedAt);
    case 'inspection_notice':
      return inspectionNoticeBody(
        doc.number,
        doc.snapshot as DocumentSnapshots['inspection_notice'],
        issuedAt,
      );
    case 'inspection_record':
      // a remote or written check has its own record (安全生产法 第六十八条, measure 7)
      if ((doc.snapshot as DocumentSnapshots['inspection_record']).remote)
        return remoteCheckRecordBody(
          doc.number,
          doc.snapshot as DocumentSnapshots['inspection_record'],
          issuedAt,
        );
      return inspectionRecordBody(
        doc.number,
        doc.snapshot as DocumentSnapshots['inspection_record'],
        issuedAt,
        signature,
      );
    case 'rectification_order':
      return rectificationOrderBody(
        doc.number,
        doc.snapshot as DocumentSnapshots['rectification_order'],
        issuedAt,
      );
    case 'rectification_review':
      return rectificationReviewBody(
        doc.number,
        doc.snapshot as DocumentSnapshots['rectification_review'],
        issuedAt,
        signature,
      );
    case 'onsite_measures_decision':
      return onsiteMeasuresDecisionBody(
        doc.number,
        doc.snapshot as DocumentSnapshots['onsite_measures_decision'],
        issuedAt,
      );
  }
};

export const renderDocument = (doc: RenderableDocument, assets: RenderAssets = {}): Promise<Buffer> =>
  officialDocument(`${DOCUMENT_TYPE_INFO[doc.type].name} ${doc.number}`, body(doc, assets.signature ?? null));

// 江应急检记〔2026〕1号 现场检查记录.docx
export const documentFileName = (doc: Pick<IssuedDocument, 'type' | 'number'>): string =>
  `${doc.number} ${DOCUMENT_TYPE_INFO[doc.type].name}.docx`;
