import { DOCUMENT_TYPE_INFO, formatDocumentNumber, type DocumentType } from '@inspecta/domain';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { problem } from '../../../platform/problems/problem.ts';
import type { Tx } from '../../../platform/db/client.ts';
import type { InspectionRow } from '../inspection-store.ts';
import { auditInspection } from '../inspection-store.ts';
import type { DocumentSnapshots, IssuedDocument, SnapshotInput } from './snapshots.ts';
import { findIssuingBureau, insertDocument, nextDocumentSequence } from './repository.ts';

// Issue 5 item 8: a standard document gets the next number for its bureau, type and year (江应急检〔2026〕7号),
// allocated in the caller's transaction by one upsert-and-increment on document_counters. The counter row stays
// locked until the transaction ends, so concurrent issues queue and get distinct numbers, and a transaction that
// rolls back gives its number back: the numbers that exist are 1…n with no gap, and none is ever used twice.

export type IssueDocumentOptions<T extends DocumentType> = {
  inspection: Pick<InspectionRow, 'id' | 'territory' | 'organisationId' | 'subjectOrganisationId'>;
  type: T;
  snapshot: SnapshotInput<T>;
  // the order or review the document belongs to, when an inspection has several
  subjectId?: string | null;
  // the request's clock: the number's year and the issue time
  at: Date;
};

export const issueDocument = async <T extends DocumentType>(
  tx: Tx,
  actor: { id: string | null; displayName: string },
  options: IssueDocumentOptions<T>,
): Promise<IssuedDocument<T>> => {
  const { inspection, type } = options;
  const at = options.at;
  // the bureau that inspects (its subject, measure 9) numbers the documents; else the planning department
  const organisationId = inspection.subjectOrganisationId ?? inspection.organisationId;
  const bureau = organisationId ? await findIssuingBureau(tx, organisationId) : undefined;
  if (!bureau) {
    throw problem('DOCUMENT_NO_ISSUING_BUREAU', { document: DOCUMENT_TYPE_INFO[type].name });
  }
  const year = Number(shanghaiDate(at).slice(0, 4));
  const sequence = await nextDocumentSequence(tx, { organisationId: bureau.id, type, year });
  const number = formatDocumentNumber({ territory: bureau.territory, type, year, sequence });
  const snapshot = { ...options.snapshot, bureauName: bureau.name } as DocumentSnapshots[T];
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
