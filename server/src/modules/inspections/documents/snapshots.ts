import type { DocumentType } from '@inspecta/domain';

// Issue 5 item 8: what each standard document says, frozen when it is issued (inspection_documents.snapshot).
// The docx is rendered from the snapshot alone (plus the signature image it names), so a document printed a
// year later says exactly what was issued, whatever happened to the records since.

export type EnterpriseLine = {
  name: string;
  creditCode: string;
  address: string;
  legalRepresentative: string;
};
export type OfficerLine = { name: string; certificate: string; organisationName?: string };

// 安全生产法 第六十八条: the enterprise head signs the record, or the refusal to sign is recorded.
export type AcknowledgementLine =
  | { signed: true; signerName: string; signatureFileId: string | null; at: string | null }
  | { signed: false; signerName: string; refusalNote: string; at: string | null };

// Filled in by issueDocument: the bureau whose number the document carries.
export type IssuerLine = { bureauName: string };

export type OnsitePlanSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  scheduledAt: string;
  site: string;
  // names, not codes: the document says what the officer read
  matters: string[];
  officers: OfficerLine[];
  checklists: { code: string; version: string }[];
  mode: 'on_site' | 'remote' | 'written';
  visitReason: string | null;
  unannounced: boolean;
  unannouncedReason: string | null;
  subjectName: string;
  draftedByName: string;
  approvedByName: string | null;
  approvedAt: string | null;
};

export type InspectionNoticeSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  scheduledAt: string;
  site: string;
  matters: string[];
  officers: OfficerLine[];
  subjectName: string;
  // what the enterprise should prepare, when the plan says so
  preparation: string | null;
  contact: string | null;
};

export type FindingLine = {
  itemCode: string;
  description: string;
  basis: string;
  howToFix: string;
  major: boolean;
};

export type InspectionRecordSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  startedAt: string | null;
  endedAt: string;
  place: string;
  matters: string[];
  checklist: {
    itemCode: string;
    itemName: string | null;
    outcome: 'conforming' | 'finding' | 'not_applicable';
    note: string | null;
  }[];
  findings: (FindingLine & { handling: 'fixed_on_spot' | 'ordered'; orderNumber: string | null })[];
  officers: OfficerLine[];
  acknowledgement: AcknowledgementLine | null;
  // 安全生产法 第六十八条: a remote or written check is recorded in writing too (measure 7)
  remote?: RemoteCheckLine;
};

export type RemoteCheckLine = {
  mode: 'remote' | 'written';
  checkedOn: string;
  violation: boolean;
  note: string;
  next: 'visit' | 'order' | null;
};

export type RectificationOrderSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  inspectedOn: string;
  problems: FindingLine[];
  requirements: string;
  deadline: string;
  deadlineWorkdays: number | null;
  reviewArrangement: string;
  officers: OfficerLine[];
};

export type RectificationReviewSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  orderNumber: string;
  orderIssuedOn: string;
  reviewedOn: string;
  results: { description: string; passed: boolean; note: string | null }[];
  passed: boolean;
  comment: string;
  officers: OfficerLine[];
  acknowledgement: AcknowledgementLine | null;
};

export type DocumentSnapshots = {
  onsite_plan: OnsitePlanSnapshot;
  inspection_notice: InspectionNoticeSnapshot;
  inspection_record: InspectionRecordSnapshot;
  rectification_order: RectificationOrderSnapshot;
  rectification_review: RectificationReviewSnapshot;
};

// What a caller passes: everything but the issuer, which issueDocument fills in from the bureau.
export type SnapshotInput<T extends DocumentType> = Omit<DocumentSnapshots[T], 'bureauName'>;

// A document as stored: enough to render it and to name the file.
export type IssuedDocument<T extends DocumentType = DocumentType> = {
  id: string;
  inspectionId: string;
  territory: string;
  organisationId: string;
  type: T;
  year: number;
  sequence: number;
  number: string;
  snapshot: DocumentSnapshots[T];
  subjectId: string | null;
  issuedAt: Date;
  issuedByName: string;
};

// The file a document's signature points at, when it has one (the image is embedded, not referenced).
export const signatureFileIdOf = (document: IssuedDocument): string | null => {
  const snapshot = document.snapshot as { acknowledgement?: AcknowledgementLine | null };
  const acknowledgement = snapshot.acknowledgement;
  return acknowledgement?.signed ? acknowledgement.signatureFileId : null;
};
