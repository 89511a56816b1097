import { DOCUMENT_TYPE_INFO, remedyNotice, type DocumentType } from '@inspecta/domain';
import { allocateDocumentNumber } from '../../../platform/documents/numbering.ts';
import { problem } from '../../../platform/problems/problem.ts';
import type { Tx } from '../../../platform/db/client.ts';
import type { InspectionRow } from '../inspection-store.ts';
import { auditInspection } from '../inspection-store.ts';
import type { DocumentSnapshots, IssuedDocument, SnapshotInput } from './snapshots.ts';
import { findIssuingBureau, insertDocument } from './repository.ts';

// Issue 5 item 8: a standard document of an inspection, numbered by the platform (platform/documents/numbering.ts)
// in the caller's transaction, with its snapshot frozen and its issue audited.

// Issue 11 item 10: the orders and decisions tell the enterprise how to challenge them (the word the remedy
// sentence uses for the document).
const REMEDY_DOCUMENTS: Partial<Record<DocumentType, { document: string; documentTitle: string }>> = {
  rectification_order: { document: '指令', documentTitle: '指令书' },
  onsite_measures_decision: { document: '决定', documentTitle: '决定书' },
};

export type IssueDocumentOptions<T extends DocumentType> = {
  inspection: Pick<InspectionRow, 'id' | 'territory' | 'organisationId' | 'subjectOrganisationId'>;
  type: T;
  snapshot: SnapshotInput<T>;
  // the order or review the document belongs to, when an inspection has several
  subjectId?: string | null;
  // the request's clock: the number's year and the issue time
  at: Date;
};

// The bureau that inspects (its subject, measure 9) numbers the documents; else the planning department.
export const issuingBureauOf = async (
  tx: Tx,
  inspection: Pick<InspectionRow, 'organisationId' | 'subjectOrganisationId'>,
) => {
  const organisationId = inspection.subjectOrganisationId ?? inspection.organisationId;
  return organisationId ? findIssuingBureau(tx, organisationId) : undefined;
};

export const issueDocument = async <T extends DocumentType>(
  tx: Tx,
  actor: { id: string | null; displayName: string },
  options: IssueDocumentOptions<T>,
): Promise<IssuedDocument<T>> => {
  const { inspection, type } = options;
  const at = options.at;
  const bureau = await issuingBureauOf(tx, inspection);
  if (!bureau) {
    throw problem('DOCUMENT_NO_ISSUING_BUREAU', { document: DOCUMENT_TYPE_INFO[type].name });
  }
  const { year, sequence, number } = await allocateDocumentNumber(tx, { bureau, type, at });
  const remedyFor = REMEDY_DOCUMENTS[type];
  const snapshot = {
    ...options.snapshot,
    bureauName: bureau.name,
    ...(remedyFor ? { remedy: remedyNotice({ territory: bureau.territory, ...remedyFor }).text } : {}),
  } as DocumentSnapshots[T];
  const row = await insertDocument(tx, {
    inspectionId: inspection.id,
    territory: inspection.territory,
    organisationId: bureau.id,
    type,
    year,
    sequence,
    number,
    snapshot,
    subjectId: options.subjectId ?? null,
    issuedAt: at,
    issuedByName: actor.displayName,
  });
  await auditInspection(
    tx,
    actor,
    inspection,
    'inspection.document.issued',
    { documentId: row.id, type, number, subjectId: options.subjectId ?? null },
    at,
  );
  return { ...row, type, snapshot } as IssuedDocument<T>;
};
