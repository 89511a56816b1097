import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ARRANGEMENT_KINDS,
  ARRANGEMENT_STATUSES,
  type ArrangementKind,
  type ArrangementStatus,
  type Instalment,
} from '@inspecta/domain';
import { oneOf } from '../../../platform/db/one-of.ts';
import { caseDocuments, penaltyCases } from '../schema.ts';

// issue 15 item 3 after service (履行): what the party paid, the 暂缓/分期 it asked for and the bureau's answer, and the
// 催告 and the court application when it did not pay.

export const caseFinePayments = pgTable(
  'case_fine_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    // the bank's receipt or the e-payment reference (缴款凭证)
    reference: text('reference').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('case_fine_payments_case_idx').on(table.caseId)],
);

export const caseFineArrangements = pgTable(
  'case_fine_arrangements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<ArrangementKind>().notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    deferredUntil: date('deferred_until', { mode: 'string' }),
    instalments: jsonb('instalments').$type<Instalment[]>(),
    status: text('status').$type<ArrangementStatus>().notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('case_fine_arrangements_case_idx').on(table.caseId),
    oneOf('case_fine_arrangements_kind_check', table.kind, ARRANGEMENT_KINDS),
    oneOf('case_fine_arrangements_status_check', table.status, ARRANGEMENT_STATUSES),
  ],
);

// one row per case: the application to the people's court
export const caseFineEnforcement = pgTable('case_fine_enforcement', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => penaltyCases.id),
  territory: text('territory').notNull(),
  courtAppliedOn: date('court_applied_on', { mode: 'string' }),
  courtName: text('court_name'),
  courtNote: text('court_note'),
  courtWarnings: jsonb('court_warnings').$type<string[]>(),
  courtRecordedByName: text('court_recorded_by_name'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

// 行政强制法 第五十四条: each 催告 served, with its 罚款催缴通知书 and what was overdue and outstanding on its service day
// (a later one only once that changed). Rows moved from the single reminder of 0048 carry no document or amounts.
export const caseFineReminders = pgTable(
  'case_fine_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    documentId: uuid('document_id').references(() => caseDocuments.id),
    documentNumber: text('document_number'),
    overdueFen: bigint('overdue_fen', { mode: 'number' }),
    outstandingFen: bigint('outstanding_fen', { mode: 'number' }),
    note: text('note'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('case_fine_reminders_case_idx').on(table.caseId, table.servedOn),
    uniqueIndex('case_fine_reminders_document_idx').on(table.documentId),
  ],
);
