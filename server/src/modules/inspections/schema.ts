import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// An inspection of one enterprise by one department, whatever its mode (measures 5, 6, 8). Planned here
// by a draw, a key-enterprise plan, a targeted trigger or another department; its on-site lifecycle
// (measures 6–13) extends this row.
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // the enterprise's territory: scoping follows the enterprise, as for enterprise records
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    // the department that planned it (our bureau or, for the burden view, another department)
    organisationId: uuid('organisation_id'),
    organisationName: text('organisation_name').notNull(),
    departmentType: text('department_type'),
    // 'key' | 'double_random' | 'targeted' | 'other' (domain ZInspectionKindSchema)
    kind: text('kind').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    matters: jsonb('matters').$type<string[]>().notNull(),
    // 'planned' | 'merged' | 'completed' | 'cancelled'
    status: text('status').notNull(),
    // measure 5: the targeted trigger that exempts it from the frequency cap, recorded with its reference
    trigger: text('trigger'),
    triggerReference: text('trigger_reference'),
    // the cap in force when it was planned, and whether it was over it (then a trigger is required)
    capAtPlanning: integer('cap_at_planning'),
    overCap: integer('over_cap').notNull().default(0),
    drawId: uuid('draw_id'),
    // officers by certificate number (measure 12: at least two)
    team: jsonb('team').$type<InspectionTeamMember[]>().notNull().default([]),
    // measure 6: joint inspection with other departments
    partners: jsonb('partners').$type<InspectionPartner[]>().notNull().default([]),
    mergedIntoId: uuid('merged_into_id'),
    completedOn: date('completed_on', { mode: 'string' }),
    resultSummary: text('result_summary'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    // issue 5 (measures 6–13): the on-site lifecycle (domain/src/inspection/lifecycle.ts), beside `status`
    stage: text('stage').notNull().default('planned'),
    // measure 9: the inspecting subject (bureau with legal standing, or entrusted organisation)
    subjectOrganisationId: uuid('subject_organisation_id'),
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
    enterpriseId: uuid('enterprise_id').notNull(),
    period: text('period').notNull(),
    inspectionIds: jsonb('inspection_ids').$type<string[]>().notNull(),
    // 'merged' | 'declined'
    decision: text('decision').notNull(),
    reason: text('reason'),
    intoId: uuid('into_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByName: text('decided_by_name').notNull(),
  },
  (table) => [index('merge_decisions_enterprise_idx').on(table.enterpriseId, table.period)],
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
    inspectionId: uuid('inspection_id').notNull(),
    territory: text('territory').notNull(),
    version: integer('version').notNull(),
    // 'draft' | 'submitted' | 'approved' | 'rejected'
    status: text('status').notNull(),
    content: jsonb('content').$type<OnsitePlanContent>().notNull(),
    draftedAt: timestamp('drafted_at', { withTimezone: true, mode: 'date' }).notNull(),
    draftedByName: text('drafted_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByName: text('decided_by_name'),
    comment: text('comment'),
  },
  (table) => [uniqueIndex('onsite_plans_inspection_version').on(table.inspectionId, table.version)],
);

export type OnsitePlanContent = {
  scheduledAt: string;
  site: string;
  matters: string[];
  officers: { certificate: string; officerId: string | null; name: string }[];
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
  organisationId: uuid('organisation_id'),
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
    inspectionId: uuid('inspection_id').notNull(),
    territory: text('territory').notNull(),
    // 'photo' | 'signature' | 'proof' | 'document'
    kind: text('kind').notNull(),
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
  (table) => [index('evidence_files_inspection_idx').on(table.inspectionId)],
);

export type GeoPoint = { latitude: number; longitude: number; accuracy?: number | null };

// measure 12: one row per checklist item answered on site (conforming, finding, not applicable). The id is the
// client's, so the offline queue can replay an entry any number of times.
export const checklistEntries = pgTable(
  'checklist_entries',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id').notNull(),
    itemCode: text('item_code').notNull(),
    // 'conforming' | 'finding' | 'not_applicable'
    outcome: text('outcome').notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
    location: jsonb('location').$type<GeoPoint | null>(),
    // a later answer to the same item supersedes an earlier one; both stay on record
    supersedes: uuid('supersedes'),
  },
  (table) => [index('checklist_entries_inspection_idx').on(table.inspectionId, table.itemCode)],
);

// measure 13: a finding, fed back on the spot with its item, basis and how to fix it.
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id').notNull(),
    territory: text('territory').notNull(),
    itemCode: text('item_code').notNull(),
    description: text('description').notNull(),
    majorHiddenDanger: boolean('major_hidden_danger').notNull(),
    basis: text('basis').notNull(),
    howToFix: text('how_to_fix').notNull(),
    // 'open' | 'fixed_on_spot' | 'ordered'
    status: text('status').notNull(),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    fixProofIds: jsonb('fix_proof_ids').$type<string[]>().notNull().default([]),
    bodyCameraRefs: jsonb('body_camera_refs').$type<string[]>().notNull().default([]),
    location: jsonb('location').$type<GeoPoint | null>(),
    // 安全生产法 第六十五条 measures taken for a major hidden danger (evacuation, temporary suspension)
    emergencyMeasures: jsonb('emergency_measures').$type<EmergencyMeasure[]>().notNull().default([]),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('findings_inspection_idx').on(table.inspectionId)],
);

export type EmergencyMeasure = {
  kind: 'evacuation' | 'suspension';
  decidedAt: string;
  note: string;
  decidedByName: string;
};

// measure 13: 责令限期整改指令书 and its follow-up (整改复查). "Rectified" (proof reviewed and passed) and
// "closed without rectification" are distinct terminal states.
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    findingIds: jsonb('finding_ids').$type<string[]>().notNull(),
    requirements: text('requirements').notNull(),
    deadlineWorkdays: integer('deadline_workdays'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    // 'issued' | 'proof_submitted' | 'rectified' | 'failed' | 'escalated' | 'closed_without_rectification'
    status: text('status').notNull(),
    proofs: jsonb('proofs').$type<RectificationProof[]>().notNull().default([]),
    reviews: jsonb('reviews').$type<RectificationReview[]>().notNull().default([]),
    escalation: jsonb('escalation').$type<{ at: string; reason: string } | null>(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedByName: text('issued_by_name').notNull(),
  },
  (table) => [
    index('rectification_orders_inspection_idx').on(table.inspectionId),
    index('rectification_orders_enterprise_idx').on(table.enterpriseId, table.status),
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

// measure 8 (documents): gapless numbers per bureau, document type and year, allocated inside the issuing
// transaction: a rolled-back issue gives its number back, a committed one is never reused.
export const documentCounters = pgTable(
  'document_counters',
  {
    organisationId: uuid('organisation_id').notNull(),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.type, table.year] })],
);

export const inspectionDocuments = pgTable(
  'inspection_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    territory: text('territory').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    // 'onsite_plan' | 'inspection_notice' | 'inspection_record' | 'rectification_order' | 'rectification_review'
    type: text('type').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    // what the document says, frozen at issue: the docx is rendered from it, always the same
    snapshot: jsonb('snapshot').notNull(),
    // the order or review it belongs to, when there are several per inspection
    subjectId: uuid('subject_id'),
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
  ],
);

// The enterprise's anonymous rating of a visit: no user, no enterprise column; one per inspection.
export const visitRatings = pgTable('visit_ratings', {
  id: uuid('id').primaryKey().defaultRandom(),
  inspectionId: uuid('inspection_id').notNull().unique(),
  territory: text('territory').notNull(),
  organisationName: text('organisation_name').notNull(),
  officerCertificates: jsonb('officer_certificates').$type<string[]>().notNull(),
  score: integer('score').notNull(),
  comment: text('comment'),
  month: text('month').notNull(),
});
