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

// Filled in by issueDocument: the bureau whose number the document carries, and for an order or a decision the
// remedy sentence naming that bureau's reviewing government and court (issue 11 item 10), frozen with the rest.
// Documents issued before issue 11 have no `remedy` and render as they did.
export type IssuerLine = { bureauName: string; remedy?: string };

// 安全生产法 第六十五条第一款第（三）项: the three measures an officer may order for a major hidden danger.
export const EMERGENCY_MEASURE_NAMES = {
  evacuation: '责令从危险区域内撤出作业人员',
  suspension: '责令暂时停产停业',
  stop_use: '责令停止使用相关设施、设备',
} as const;
export type EmergencyMeasureKind = keyof typeof EMERGENCY_MEASURE_NAMES;

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
  // issue 14 item 2: the approver's own words (absent on plans issued before; printed as 同意。)
  approvalOpinion?: string | null;
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
  findings: (FindingLine & {
    handling: 'fixed_on_spot' | 'ordered';
    orderNumber: string | null;
    // issue 11 item 9: the emergency measures ordered for it, each with its decision's number
    measures?: { kind: EmergencyMeasureKind; decisionNumber: string | null }[];
    // measure 14: found by the enterprise's own check or an expert's guidance, not by this inspection
    foundBy?: FindingFoundBy;
  })[];
  officers: OfficerLine[];
  acknowledgement: AcknowledgementLine | null;
  // FACTS-3 §5.2: the record opens with the officers' identification statement and names the site head's
  // position (安全生产法 第六十七条第二款); absent from records issued before issue 11
  identification?: string;
  siteHead?: { name: string; position: string | null } | null;
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

export type FindingFoundBy = 'inspection' | 'enterprise_self_check' | 'expert_guidance';

// 安全生产法 第六十五条第一款第（三）项: a 现场处理措施决定书 for the measures decided in one sitting.
export type OnsiteMeasuresDecisionSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  decidedOn: string;
  measures: { kind: EmergencyMeasureKind; finding: string; note: string; decidedAt: string }[];
  basis: string;
  officers: OfficerLine[];
};

export type RectificationOrderSnapshot = IssuerLine & {
  enterprise: EnterpriseLine;
  inspectedOn: string;
  problems: FindingLine[];
  requirements: string;
  deadline: string;
  deadlineWorkdays: number | null;
  // issue 11 item 12: counted into a year whose holidays were not yet published (absent on older documents)
  deadlinePendingYears?: number[];
  reviewArrangement: string;
  officers: OfficerLine[];
  // the articles the order rests on, from the catalogue at issue (absent before issue 11)
  basis?: string;
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
  onsite_measures_decision: OnsiteMeasuresDecisionSnapshot;
};

// What a caller passes: everything but the issuer, which issueDocument fills in from the bureau.
export type SnapshotInput<T extends DocumentType> = Omit<DocumentSnapshots[T], 'bureauName' | 'remedy'>;

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
