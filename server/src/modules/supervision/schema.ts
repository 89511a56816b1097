import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { ReviewFileKind, ReviewGrade } from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { officers } from '../officers/schema.ts';
import { inspections } from '../inspections/schema.ts';
import { penaltyCases } from '../cases/schema.ts';

// measure 29: a complaint about enforcement, received on a channel, answered by the day its channel's catalogue
// entry gives; one about an officer or a decision is queued for the next case-file review.
export const COMPLAINT_STATUSES = ['open', 'answered'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const enforcementComplaints = pgTable(
  'enforcement_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    channel: text('channel').notNull(),
    channelReference: text('channel_reference'),
    complainant: text('complainant'),
    summary: text('summary').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueVerified: boolean('due_verified').notNull(),
    officerId: uuid('officer_id').references(() => officers.id),
    officerName: text('officer_name'),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    penaltyCaseId: uuid('penalty_case_id').references(() => penaltyCases.id),
    reviewQueued: boolean('review_queued').notNull(),
    reviewFileId: uuid('review_file_id').references((): AnyPgColumn => caseReviewFiles.id),
    status: text('status').$type<ComplaintStatus>().notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredByName: text('answered_by_name'),
    receivedById: uuid('received_by_id').notNull(),
    receivedByName: text('received_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('enforcement_complaints_territory_idx').on(table.territory, table.status, table.dueOn),
    index('enforcement_complaints_officer_idx').on(table.officerId),
    oneOf('enforcement_complaints_status_check', table.status, COMPLAINT_STATUSES),
  ],
);

export const REVIEW_ROUND_KINDS = ['routine', 'special'] as const;
export type ReviewRoundKind = (typeof REVIEW_ROUND_KINDS)[number];
export const REVIEW_ROUND_STATUSES = ['opened', 'sampled'] as const;
export type ReviewRoundStatus = (typeof REVIEW_ROUND_STATUSES)[number];

// 案卷评查: a round over one bureau's closed penalty cases and concluded inspections of a period; the pool and its
// hash are fixed when it opens, the entropy, seed and selection when it is sampled.
export const caseReviewRounds = pgTable(
  'case_review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    kind: text('kind').$type<ReviewRoundKind>().notNull(),
    topic: text('topic'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    sampleSize: integer('sample_size').notNull(),
    pool: jsonb('pool').$type<string[]>().notNull(),
    poolHash: text('pool_hash').notNull(),
    // the files complaints named, reviewed besides the random part: { key, complaintIds }
    complaintDriven: jsonb('complaint_driven').$type<{ key: string; complaintIds: string[] }[]>().notNull(),
    publicEntropy: text('public_entropy'),
    seed: text('seed'),
    selected: jsonb('selected').$type<string[]>(),
    status: text('status').$type<ReviewRoundStatus>().notNull(),
    openedById: uuid('opened_by_id').notNull(),
    openedByName: text('opened_by_name').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    sampledAt: timestamp('sampled_at', { withTimezone: true, mode: 'date' }),
    sampledByName: text('sampled_by_name'),
  },
  (table) => [
    index('case_review_rounds_territory_idx').on(table.territory, table.openedAt),
    oneOf('case_review_rounds_kind_check', table.kind, REVIEW_ROUND_KINDS),
    oneOf('case_review_rounds_status_check', table.status, REVIEW_ROUND_STATUSES),
  ],
);

export const REVIEW_BASES = ['random', 'complaint'] as const;
export type ReviewBasis = (typeof REVIEW_BASES)[number];
export const REVIEW_FILE_STATUSES = ['pending', 'scored'] as const;
export type ReviewFileStatus = (typeof REVIEW_FILE_STATUSES)[number];

export const caseReviewFiles = pgTable(
  'case_review_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => caseReviewRounds.id),
    territory: text('territory').notNull(),
    fileKind: text('file_kind').$type<ReviewFileKind>().notNull(),
    fileId: uuid('file_id').notNull(),
    label: text('label').notNull(),
    handlerIds: jsonb('handler_ids').$type<string[]>().notNull(),
    handlerNames: jsonb('handler_names').$type<string[]>().notNull(),
    basis: text('basis').$type<ReviewBasis>().notNull(),
    complaintIds: jsonb('complaint_ids').$type<string[]>().notNull(),
    status: text('status').$type<ReviewFileStatus>().notNull(),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    vetoFailed: jsonb('veto_failed').$type<string[]>(),
    points: jsonb('points').$type<Record<string, number>>(),
    total: doublePrecision('total'),
    grade: text('grade').$type<ReviewGrade>(),
    findings: text('findings'),
    scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('case_review_files_round_idx').on(table.roundId),
    unique('case_review_files_round_file_unique').on(table.roundId, table.fileKind, table.fileId),
    oneOf('case_review_files_kind_check', table.fileKind, ['penalty_case', 'inspection']),
    oneOf('case_review_files_basis_check', table.basis, REVIEW_BASES),
    oneOf('case_review_files_status_check', table.status, REVIEW_FILE_STATUSES),
  ],
);

export const caseReviewCorrections = pgTable(
  'case_review_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewFileId: uuid('review_file_id')
      .notNull()
      .references(() => caseReviewFiles.id),
    territory: text('territory').notNull(),
    requirement: text('requirement').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    orderedByName: text('ordered_by_name').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    completionNote: text('completion_note'),
    completedByName: text('completed_by_name'),
  },
  (table) => [index('case_review_corrections_file_idx').on(table.reviewFileId)],
);
