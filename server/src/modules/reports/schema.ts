import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  REPORT_KINDS,
  REPORT_OUTCOMES,
  REPORT_STATES,
  REWARD_KINDS,
  type ReportKind,
  type ReportOutcome,
  type ReportState,
  type RewardKind,
  type RewardStep,
} from '@inspecta/domain/reports';
import { oneOf } from '../../platform/db/one-of.ts';
import { users } from '../../platform/auth/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { inspections } from '../inspections/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Measure 27: a report from the public. The reporter's identity is one AES-256-GCM envelope (identity_cipher)
// under a key kept outside the database; nothing else here names the reporter. The password to follow the
// report is kept as an argon2id hash.
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    receiptCode: text('receipt_code').notNull(),
    passwordHash: text('password_hash').notNull(),
    // the bureau that handles (受理) it: the enterprise's county, or the county the reporter chose
    territory: text('territory').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    enterpriseDescription: text('enterprise_description'),
    content: text('content').notNull(),
    location: text('location'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    anonymous: boolean('anonymous').notNull(),
    employeeOfEnterprise: boolean('employee_of_enterprise').notNull(),
    identityCipher: text('identity_cipher'),
    state: text('state').$type<ReportState>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptedByName: text('accepted_by_name'),
    declineReason: text('decline_reason'),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    extensionRequestedDays: integer('extension_requested_days'),
    extensionRequestedBy: uuid('extension_requested_by').references(() => users.id),
    extensionApprovedByName: text('extension_approved_by_name'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    outcome: text('outcome').$type<ReportOutcome>(),
    findings: text('findings'),
    answeredOn: date('answered_on', { mode: 'string' }),
    // what the reporter reads when following the report
    answer: text('answer'),
    mergedIntoId: uuid('merged_into_id'),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    // issue 17 item 1: the penalty case opened from the report (the foreign key is in migration 0063)
    penaltyCaseId: uuid('penalty_case_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('reports_receipt_code_idx').on(table.receiptCode),
    index('reports_territory_state_idx').on(table.territory, table.state),
    index('reports_enterprise_idx').on(table.enterpriseId),
    oneOf('reports_state_check', table.state, REPORT_STATES),
    oneOf('reports_kind_check', table.kind, REPORT_KINDS),
    oneOf('reports_outcome_check', table.outcome, REPORT_OUTCOMES),
  ],
);

export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    data: bytea('data').notNull(),
  },
  (table) => [index('report_photos_report_idx').on(table.reportId)],
);

// Following a report by its receipt code is rate-limited: one row per attempt, by client address (hashed).
export const reportLookups = pgTable(
  'report_lookups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientHash: text('client_hash').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (table) => [index('report_lookups_client_idx').on(table.clientHash, table.at)],
);

export const REWARD_STATES = ['proposed', 'approved', 'rejected', 'notified', 'paid', 'waived'] as const;
export type RewardState = (typeof REWARD_STATES)[number];

// 谁受理、谁奖励: the reward is the accepting bureau's (territory = the report's).
export const reportRewards = pgTable(
  'report_rewards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<RewardKind>().notNull(),
    fineYuan: numeric('fine_yuan', { precision: 14, scale: 2, mode: 'number' }),
    concealedDeaths: integer('concealed_deaths'),
    accidentGrade: text('accident_grade'),
    employeeUplift: boolean('employee_uplift').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    steps: jsonb('steps').$type<RewardStep[]>().notNull(),
    verified: boolean('verified').notNull(),
    state: text('state').$type<RewardState>().notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
    noticeOn: date('notice_on', { mode: 'string' }),
    collectBy: date('collect_by', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentMethod: text('payment_method'),
    paymentReference: text('payment_reference'),
    paymentByName: text('payment_by_name'),
  },
  (table) => [
    uniqueIndex('report_rewards_report_idx').on(table.reportId),
    oneOf('report_rewards_state_check', table.state, REWARD_STATES),
    oneOf('report_rewards_kind_check', table.kind, REWARD_KINDS),
  ],
);

// 安委〔2024〕7号: an enterprise's internal reporting-reward mechanism and what it paid out.
export const internalReportingSystems = pgTable(
  'internal_reporting_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    channels: text('channels').notNull(),
    rewardRule: text('reward_rule').notNull(),
    registeredByName: text('registered_by_name').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [uniqueIndex('internal_reporting_systems_enterprise_idx').on(table.enterpriseId)],
);

export const internalReportingPayouts = pgTable(
  'internal_reporting_payouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => internalReportingSystems.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountYuan: numeric('amount_yuan', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    hazard: text('hazard').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (table) => [index('internal_reporting_payouts_system_idx').on(table.systemId)],
);
