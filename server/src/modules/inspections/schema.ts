import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.ts';
import {
  CASE_REFERRAL_STATUSES,
  DOCUMENT_TYPES,
  FINDING_SOURCES,
  INSPECTION_STAGES,
  RECTIFICATION_STATUSES,
  TARGETED_TRIGGERS,
  ZInspectionKindSchema,
  type CaseReferralStatus,
  type DocumentType,
  type FindingSource,
  type InspectionKind,
  type InspectionStage,
  type RectificationStatus,
  type UrgentStart,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { draws } from '../draws/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { DEPARTMENT_TYPES, organisations } from '../organisations/schema.ts';

// The values of the records' own status and kind columns, kept to these by CHECK constraints.
export const ONSITE_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type OnsitePlanStatus = (typeof ONSITE_PLAN_STATUSES)[number];
export const EVIDENCE_KINDS = ['photo', 'signature', 'proof', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const ENTRY_OUTCOMES = ['conforming', 'finding', 'not_applicable'] as const;
export type EntryOutcome = (typeof ENTRY_OUTCOMES)[number];
export const FINDING_STATUSES = ['open', 'fixed_on_spot', 'ordered'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const MERGE_DECISIONS = ['merged', 'declined'] as const;
export type MergeDecision = (typeof MERGE_DECISIONS)[number];

// An inspection of one enterprise by one department, whatever its mode (measures 5, 6, 8). Planned here
// by a draw, a key-enterprise plan, a targeted trigger or another department; its on-site lifecycle
// (measures 6–13) extends this row.
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // the enterprise's territory: scoping follows the enterprise, as for enterprise records
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    // the department that planned it (our bureau or, for the burden view, another department)
    organisationId: uuid('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    departmentType: text('department_type'),
    kind: text('kind').$type<InspectionKind>().notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    matters: jsonb('matters').$type<string[]>().notNull(),
    // measure 5: the targeted trigger that exempts it from the frequency cap, recorded with its reference
    trigger: text('trigger'),
    triggerReference: text('trigger_reference'),
    // measure 5 "等渠道": an "other" trigger is described and approved by the bureau head
    triggerDescription: text('trigger_description'),
    triggerApprovedById: uuid('trigger_approved_by_id').references(() => users.id),
    triggerApprovedByName: text('trigger_approved_by_name'),
    triggerApprovedAt: timestamp('trigger_approved_at', { withTimezone: true, mode: 'date' }),
    // the cap in force when it was planned, and whether it was over it (then a trigger is required)
    capAtPlanning: integer('cap_at_planning'),
    overCap: boolean('over_cap').notNull().default(false),
    // issue 11 item 4: why it went beyond a cap that was still unverified, for the legal reviewer
    overCapReason: text('over_cap_reason'),
    drawId: uuid('draw_id').references(() => draws.id),
    // officers by certificate number (measure 12: at least two)
    team: jsonb('team').$type<InspectionTeamMember[]>().notNull().default([]),
    // measure 6: joint inspection with other departments
    partners: jsonb('partners').$type<InspectionPartner[]>().notNull().default([]),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => inspections.id),
    completedOn: date('completed_on', { mode: 'string' }),
    resultSummary: text('result_summary'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    // the one lifecycle column (domain/src/inspection/lifecycle.ts); the coarse status the lists count by
    // (planned, completed, merged, cancelled) is read from it (domain/src/inspection/status.ts)
    stage: text('stage').$type<InspectionStage>().notNull().default('planned'),
    // measure 9: the inspecting subject (bureau with legal standing, or entrusted organisation)
    subjectOrganisationId: uuid('subject_organisation_id').references(() => organisations.id),
    // measure 7: a remote or written check, and its outcome
    remoteCheck: jsonb('remote_check').$type<{
      mode: 'remote' | 'written';
      checkedOn: string;
      violation: boolean;
      note: string;
    } | null>(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    checkInLocation: jsonb('check_in_location').$type<{
      latitude: number;
      longitude: number;
      accuracy?: number | null;
    } | null>(),
    // 安全生产法 第六十八条: the enterprise head's signature, or the refusal to sign with who witnessed it
    acknowledgement: jsonb('acknowledgement').$type<{
      signed: boolean;
      signerName: string;
      // FACTS-3 §5.2: the site head's position (职务), recorded since issue 11
      signerPosition?: string | null;
      signatureFileId: string | null;
      refusalNote: string | null;
      at: string;
    } | null>(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('inspections_enterprise_year_idx').on(table.enterpriseId, table.year),
    index('inspections_territory_year_idx').on(table.territory, table.year),
    index('inspections_draw_idx').on(table.drawId),
    oneOf('inspections_kind_check', table.kind, ZInspectionKindSchema.options),
    oneOf('inspections_stage_check', table.stage, INSPECTION_STAGES),
    oneOf('inspections_department_type_check', table.departmentType, DEPARTMENT_TYPES),
    oneOf('inspections_trigger_check', table.trigger, TARGETED_TRIGGERS),
  ],
);

export type InspectionTeamMember = {
  certificate: string;
  officerId: string | null;
  name: string;
  organisationName: string;
};
export type InspectionPartner = {
  organisationId: string;
  organisationName: string;
  departmentType: string | null;
  team: InspectionTeamMember[];
};

// measure 8: a proposal to merge inspections of one enterprise in one period, decided once.
export const mergeDecisions = pgTable(
  'merge_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: text('period').notNull(),
    inspectionIds: jsonb('inspection_ids').$type<string[]>().notNull(),
    decision: text('decision').$type<MergeDecision>().notNull(),
    reason: text('reason'),
    intoId: uuid('into_id').references(() => inspections.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByName: text('decided_by_name').notNull(),
  },
  (table) => [
    index('merge_decisions_enterprise_idx').on(table.enterpriseId, table.period),
    oneOf('merge_decisions_decision_check', table.decision, MERGE_DECISIONS),
  ],
);

// Issue 5, measures 6–13: the inspection itself. The inspection row (above) carries
// the lifecycle state (domain/src/inspection); these tables hold what happens to it, each row written once and
// never overwritten, so the timeline (measure 12) can be read back from them and from the audit chain.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// measure 11: the on-site inspection plan (现场检查方案), one row per version; approval by the department head.
export const onsitePlans = pgTable(
  'onsite_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<OnsitePlanStatus>().notNull(),
    content: jsonb('content').$type<OnsitePlanContent>().notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true, mode: 'date' }).notNull(),
    draftedByName: text('drafted_by_name').notNull(),
    // separation of duties: the drafter never approves (older versions keep only the name)
    draftedById: uuid('drafted_by_id').references(() => users.id),
    // measure 11 "原则上": an urgent visit started before approval, approved afterwards (事后补批)
    urgent: jsonb('urgent').$type<UrgentStart | null>(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByName: text('decided_by_name'),
    comment: text('comment'),
  },
  (table) => [
    uniqueIndex('onsite_plans_inspection_version').on(table.inspectionId, table.version),
    oneOf('onsite_plans_status_check', table.status, ONSITE_PLAN_STATUSES),
  ],
);

export type OnsitePlanContent = {
  scheduledAt: string;
  site: string;
  matters: string[];
  // measure 6: organisationName, the department each officer comes from (a joint team's partners too); plans
  // drafted before it was recorded lack it
  officers: { certificate: string; officerId: string | null; name: string; organisationName?: string }[];
  // checklist codes and versions of the merged form (catalog/checklists.json)
  checklists: { code: string; version: string }[];
  // measure 6/7: how the matter is checked, and why a visit is needed when a remote check found nothing
  mode: 'on_site' | 'remote' | 'written';
  visitReason: string | null;
  // 四不两直: an unannounced visit records its reason; otherwise the notice goes in advance
  unannounced: boolean;
  unannouncedReason: string | null;
  subjectOrganisationId: string;
  subjectName: string;
};

// The bureau's signing key (Ed25519) for check-in codes (亮码入企). The private key never leaves the server.
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
});

// Files (photos, signatures, proofs), content-addressed by SHA-256 and keyed by the client's id, so an upload
// replayed after a lost response stores nothing twice.
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    fileName: text('file_name'),
    // EXIF DateTimeOriginal as written by the camera, when present
    takenAt: text('taken_at'),
    location: jsonb('location').$type<GeoPoint | null>(),
    data: bytea('data').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    // who may see it: staff of the territory, and the enterprise for its own proofs and documents
    enterpriseVisible: boolean('enterprise_visible').notNull().default(false),
  },
  (table) => [
    index('evidence_files_inspection_idx').on(table.inspectionId),
    oneOf('evidence_files_kind_check', table.kind, EVIDENCE_KINDS),
  ],
);

export type GeoPoint = { latitude: number; longitude: number; accuracy?: number | null };

// measure 12: one row per checklist item answered on site (conforming, finding, not applicable). The id is the
// client's, so the offline queue can replay an entry any number of times.
export const checklistEntries = pgTable(
  'checklist_entries',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemCode: text('item_code').notNull(),
    outcome: text('outcome').$type<EntryOutcome>().notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
    location: jsonb('location').$type<GeoPoint | null>(),
    // a later answer to the same item supersedes an earlier one; both stay on record
    supersedes: uuid('supersedes').references((): AnyPgColumn => checklistEntries.id),
  },
  (table) => [
    index('checklist_entries_inspection_idx').on(table.inspectionId, table.itemCode),
    oneOf('checklist_entries_outcome_check', table.outcome, ENTRY_OUTCOMES),
  ],
);

// measure 13: a finding, fed back on the spot with its item, basis and how to fix it.
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    itemCode: text('item_code').notNull(),
    description: text('description').notNull(),
    majorHiddenDanger: boolean('major_hidden_danger').notNull(),
    basis: text('basis').notNull(),
    howToFix: text('how_to_fix').notNull(),
    status: text('status').$type<FindingStatus>().notNull(),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    fixProofIds: jsonb('fix_proof_ids').$type<string[]>().notNull().default([]),
    bodyCameraRefs: jsonb('body_camera_refs').$type<string[]>().notNull().default([]),
    location: jsonb('location').$type<GeoPoint | null>(),
    // 安全生产法 第六十五条 measures taken for a major hidden danger (evacuation, temporary suspension)
    emergencyMeasures: jsonb('emergency_measures').$type<EmergencyMeasure[]>().notNull().default([]),
    // measure 14: who found it (this inspection, the enterprise's own check, an expert helping)
    foundBy: text('found_by').$type<FindingSource>().notNull().default('inspection'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('findings_inspection_idx').on(table.inspectionId),
    oneOf('findings_status_check', table.status, FINDING_STATUSES),
    oneOf('findings_found_by_check', table.foundBy, FINDING_SOURCES),
  ],
);

// measure 15 (安全生产法 第一百零二条): a major hidden danger found by an enforcement inspection opens a
// 移交立案审查 item, one per finding, that only a legal reviewer settles (a case with its reference, or the
// reason none is due with the rule cited); the inspection cannot close while one is open.
export const caseReferrals = pgTable(
  'case_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    findingId: uuid('finding_id')
      .notNull()
      .unique()
      .references(() => findings.id),
    territory: text('territory').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    description: text('description').notNull(),
    status: text('status').$type<CaseReferralStatus>().notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    caseReference: text('case_reference'),
    reason: text('reason'),
    basis: text('basis'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByName: text('decided_by_name'),
  },
  (table) => [
    index('case_referrals_territory_status_idx').on(table.territory, table.status),
    index('case_referrals_inspection_idx').on(table.inspectionId),
    oneOf('case_referrals_status_check', table.status, CASE_REFERRAL_STATUSES),
  ],
);

export type EmergencyMeasure = {
  kind: 'evacuation' | 'suspension' | 'stop_use';
  decidedAt: string;
  note: string;
  decidedByName: string;
  // issue 11 item 9: the 现场处理措施决定书 that ordered it (absent on measures recorded before)
  decisionDocumentId?: string;
  decisionNumber?: string;
  // 安全生产法 第六十五条第一款第（三）项 "经审查同意，方可恢复": the recorded review that lets work resume
  resumption?: { approvedAt: string; approvedByName: string; note: string };
};

// measure 13: 责令限期整改指令书 and its follow-up (整改复查). "Rectified" (proof reviewed and passed) and
// "closed without rectification" are distinct terminal states.
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    findingIds: jsonb('finding_ids').$type<string[]>().notNull(),
    requirements: text('requirements').notNull(),
    deadlineWorkdays: integer('deadline_workdays'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    // issue 11 item 12: years the deadline was counted into without a holiday table (weekends only,
    // 待国务院公布); emptied when the tables are entered and the deadline recomputed
    deadlinePendingYears: jsonb('deadline_pending_years').$type<number[]>().notNull().default([]),
    status: text('status').$type<RectificationStatus>().notNull(),
    proofs: jsonb('proofs').$type<RectificationProof[]>().notNull().default([]),
    reviews: jsonb('reviews').$type<RectificationReview[]>().notNull().default([]),
    escalation: jsonb('escalation').$type<{ at: string; reason: string } | null>(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedByName: text('issued_by_name').notNull(),
    // null on orders issued before it was recorded; told when the deadline is recomputed
    // separation of duties: the issuer never closes the order without rectification
    issuedById: uuid('issued_by_id').references(() => users.id),
  },
  (table) => [
    index('rectification_orders_inspection_idx').on(table.inspectionId),
    index('rectification_orders_enterprise_idx').on(table.enterpriseId, table.status),
    oneOf('rectification_orders_status_check', table.status, RECTIFICATION_STATUSES),
  ],
);

export type RectificationProof = {
  fileIds: string[];
  note: string;
  submittedAt: string;
  submittedByName: string;
};
export type RectificationReview = {
  passed: boolean;
  comment: string;
  reviewedAt: string;
  reviewedByName: string;
};

export const inspectionDocuments = pgTable(
  'inspection_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').$type<DocumentType>().notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    // what the document says, frozen at issue: the docx is rendered from it, always the same
    snapshot: jsonb('snapshot').notNull(),
    // the order or review it belongs to, when there are several per inspection
    subjectId: uuid('subject_id').references(() => rectificationOrders.id),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedByName: text('issued_by_name').notNull(),
  },
  (table) => [
    uniqueIndex('inspection_documents_number').on(
      table.organisationId,
      table.type,
      table.year,
      table.sequence,
    ),
    index('inspection_documents_inspection_idx').on(table.inspectionId),
    oneOf('inspection_documents_type_check', table.type, DOCUMENT_TYPES),
  ],
);

// The enterprise's anonymous rating of a visit: no user, no enterprise column; one per inspection.
export const visitRatings = pgTable('visit_ratings', {
  id: uuid('id').primaryKey().defaultRandom(),
  inspectionId: uuid('inspection_id')
    .notNull()
    .unique()
    .references(() => inspections.id),
  territory: text('territory').notNull(),
  organisationName: text('organisation_name').notNull(),
  officerCertificates: jsonb('officer_certificates').$type<string[]>().notNull(),
  score: integer('score').notNull(),
  comment: text('comment'),
  month: text('month').notNull(),
});

// measure 11: a unit head approves on-site plans only under a delegation the bureau head records, with its
// scope (the territory and the kinds of inspection) and its term.
export const planApprovalDelegations = pgTable(
  'plan_approval_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => users.id),
    delegateName: text('delegate_name').notNull(),
    kinds: jsonb('kinds').$type<InspectionKind[]>().notNull(),
    scopeNote: text('scope_note').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    grantedById: uuid('granted_by_id')
      .notNull()
      .references(() => users.id),
    grantedByName: text('granted_by_name').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('plan_approval_delegations_delegate_idx').on(table.delegateId, table.validTo),
    check('plan_approval_delegations_term_check', sql`${table.validTo} >= ${table.validFrom}`),
  ],
);
