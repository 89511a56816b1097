import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  ACCOUNTABILITY_KINDS,
  ACCOUNTABILITY_ORIGINS,
  ACCOUNTABILITY_STATUSES,
  CERTIFICATE_EFFECTS,
  CORRECTION_KINDS,
  type AccountabilityKind,
  type AccountabilityOrigin,
  type AccountabilityStatus,
  type CertificateEffect,
  type CorrectionKind,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { inspections } from '../inspections/schema.ts';
import { penaltyCases } from '../cases/schema.ts';
import { officers } from '../officers/schema.ts';
import { enforcementComplaints } from '../supervision/schema.ts';

// measure 30: one record per wrongful act of the enforcement staff, its correction, the people responsible
// and their sanctions, the referral to discipline inspection; drafted, submitted, approved by another person.
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    kind: text('kind').$type<AccountabilityKind>().notNull(),
    facts: text('facts').notNull(),
    origin: text('origin').$type<AccountabilityOrigin>().notNull(),
    originReference: text('origin_reference').notNull().default(''),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    penaltyCaseId: uuid('penalty_case_id').references(() => penaltyCases.id),
    // the complaint about enforcement the record was opened from (measure 29), beside the free-text reference
    complaintId: uuid('complaint_id').references(() => enforcementComplaints.id),
    correctionKind: text('correction_kind').$type<CorrectionKind>(),
    correctionDetail: text('correction_detail').notNull().default(''),
    correctionDeadline: date('correction_deadline', { mode: 'string' }),
    correctionCompletedOn: date('correction_completed_on', { mode: 'string' }),
    correctionCompletionNote: text('correction_completion_note'),
    referredOn: date('referred_on', { mode: 'string' }),
    referralNote: text('referral_note'),
    status: text('status').$type<AccountabilityStatus>().notNull(),
    draftedById: uuid('drafted_by_id').notNull(),
    draftedByName: text('drafted_by_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    approvedById: uuid('approved_by_id'),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvalNote: text('approval_note'),
    returnedNote: text('returned_note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('accountability_records_territory_idx').on(table.territory, table.createdAt),
    index('accountability_records_complaint_idx').on(table.complaintId),
    oneOf('accountability_records_kind_check', table.kind, ACCOUNTABILITY_KINDS),
    oneOf('accountability_records_origin_check', table.origin, ACCOUNTABILITY_ORIGINS),
    oneOf('accountability_records_correction_check', table.correctionKind, CORRECTION_KINDS),
    oneOf('accountability_records_status_check', table.status, ACCOUNTABILITY_STATUSES),
  ],
);

// the people responsible: one row per officer, with the sanction (a catalogue code) and what it did to his
// certificate on approval
export const accountabilityPersons = pgTable(
  'accountability_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => accountabilityRecords.id),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    officerName: text('officer_name').notNull(),
    sanction: text('sanction').notNull(),
    sanctionNote: text('sanction_note').notNull().default(''),
    certificateEffect: text('certificate_effect').$type<CertificateEffect>(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('accountability_persons_record_idx').on(table.recordId),
    index('accountability_persons_officer_idx').on(table.officerId),
    oneOf('accountability_persons_effect_check', table.certificateEffect, CERTIFICATE_EFFECTS),
  ],
);
