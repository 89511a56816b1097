import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/schema.ts';

// measure 3 (动态管理): the facts that drive an enterprise's grade, append-only; a mistaken record is
// retracted with a reason, never deleted, so the history explains every past grade.
export const enterpriseFacts = pgTable(
  'enterprise_facts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedById: uuid('recorded_by_id'),
    recordedByName: text('recorded_by_name').notNull(),
    retractedAt: timestamp('retracted_at', { withTimezone: true, mode: 'date' }),
    retractionReason: text('retraction_reason'),
  },
  (table) => [index('enterprise_facts_enterprise_idx').on(table.enterpriseId)],
);

// The grade in force, one row per enterprise; `digest` tells a regrade whether anything changed.
export const enterpriseGrades = pgTable(
  'enterprise_grades',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    class: text('class').notNull(),
    riskGrade: text('risk_grade').notNull(),
    enforcementLevel: text('enforcement_level').notNull(),
    score: doublePrecision('score').notNull(),
    result: jsonb('result').notNull(),
    digest: text('digest').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    gradedOn: date('graded_on', { mode: 'string' }).notNull(),
    gradedAt: timestamp('graded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('enterprise_grades_territory_idx').on(table.territory, table.class, table.riskGrade)],
);

export const gradeChanges = pgTable(
  'grade_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    trigger: text('trigger').notNull(),
    fromGrade: jsonb('from_grade'),
    toGrade: jsonb('to_grade').notNull(),
    summary: text('summary').notNull(),
    runId: uuid('run_id'),
  },
  (table) => [index('grade_changes_enterprise_idx').on(table.enterpriseId, table.at)],
);

// At most one run is 'running' at a time, across every server (the partial unique index).
export const regradeRuns = pgTable(
  'regrade_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    forDate: date('for_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    startedByName: text('started_by_name').notNull(),
    error: text('error'),
  },
  (table) => [
    uniqueIndex('regrade_runs_one_running')
      .on(table.status)
      .where(sql`status = 'running'`),
  ],
);
