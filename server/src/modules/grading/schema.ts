import { getTableColumns, sql } from 'drizzle-orm';
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
import {
  RISK_GRADE_ORDER,
  ZEnforcementClassSchema,
  ZEnforcementLevelSchema,
  type EnforcementClass,
  type EnforcementLevel,
  type GradingResult,
  type RiskGrade,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { users } from '../../platform/auth/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { factKinds, type FactKind } from './facts.ts';

// what moved a grade, and what started a run over every enterprise, and how that run ended
export const GRADE_TRIGGERS = ['fact', 'registry', 'regrade', 'seed'] as const;
export type GradeTrigger = (typeof GRADE_TRIGGERS)[number];
export const REGRADE_KINDS = ['nightly', 'manual', 'seed'] as const;
export type RegradeKind = (typeof REGRADE_KINDS)[number];
export const REGRADE_STATUSES = ['running', 'done', 'failed', 'skipped'] as const;
export type RegradeStatus = (typeof REGRADE_STATUSES)[number];

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
    kind: text('kind').$type<FactKind>().notNull(),
    data: jsonb('data').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    retractedAt: timestamp('retracted_at', { withTimezone: true, mode: 'date' }),
    retractionReason: text('retraction_reason'),
  },
  (table) => [
    index('enterprise_facts_enterprise_idx').on(table.enterpriseId),
    oneOf('enterprise_facts_kind_check', table.kind, factKinds),
  ],
);

// Each distinct grading result once, under its digest. Grading is a function of a few inputs, so a million
// enterprises share a few thousand results: a grade row names its result instead of carrying a ~2 KB copy
// (issue 18 item 4; a first grading writes a short row per enterprise and each new result once).
export const gradeResults = pgTable('grade_results', {
  digest: text('digest').primaryKey(),
  result: jsonb('result').$type<GradingResult>().notNull(),
});

// The grade in force, one row per enterprise; `digest` names its result and tells a regrade whether anything
// changed.
export const enterpriseGrades = pgTable(
  'enterprise_grades',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    class: text('class').$type<EnforcementClass>().notNull(),
    riskGrade: text('risk_grade').$type<RiskGrade>().notNull(),
    enforcementLevel: text('enforcement_level').$type<EnforcementLevel>().notNull(),
    score: doublePrecision('score').notNull(),
    digest: text('digest')
      .notNull()
      .references(() => gradeResults.digest),
    catalogVersion: text('catalog_version').notNull(),
    gradedOn: date('graded_on', { mode: 'string' }).notNull(),
    gradedAt: timestamp('graded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('enterprise_grades_territory_idx').on(table.territory, table.class, table.riskGrade),
    oneOf('enterprise_grades_class_check', table.class, ZEnforcementClassSchema.options),
    oneOf('enterprise_grades_risk_grade_check', table.riskGrade, RISK_GRADE_ORDER),
    oneOf(
      'enterprise_grades_enforcement_level_check',
      table.enforcementLevel,
      ZEnforcementLevelSchema.options,
    ),
  ],
);

// The columns of a grade with the result it names, for a select joined to grade_results on the digest.
export const gradeWithResult = { ...getTableColumns(enterpriseGrades), result: gradeResults.result };

export const gradeChanges = pgTable(
  'grade_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    trigger: text('trigger').$type<GradeTrigger>().notNull(),
    fromGrade: jsonb('from_grade'),
    toGrade: jsonb('to_grade').notNull(),
    summary: text('summary').notNull(),
    runId: uuid('run_id').references(() => regradeRuns.id),
  },
  (table) => [
    index('grade_changes_enterprise_idx').on(table.enterpriseId, table.at),
    oneOf('grade_changes_trigger_check', table.trigger, GRADE_TRIGGERS),
  ],
);

// At most one run is 'running' at a time, across every server (the partial unique index).
export const regradeRuns = pgTable(
  'regrade_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<RegradeKind>().notNull(),
    forDate: date('for_date', { mode: 'string' }).notNull(),
    status: text('status').$type<RegradeStatus>().notNull(),
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
    oneOf('regrade_runs_kind_check', table.kind, REGRADE_KINDS),
    oneOf('regrade_runs_status_check', table.status, REGRADE_STATUSES),
  ],
);
