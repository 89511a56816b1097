import type { Witness } from '@inspecta/domain';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  DrawExclusion,
  DrawRecord,
  DrawReplacement,
  DrawSelection,
  DrawStratum,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { enterprises } from '../enterprises/schema.ts';
import { officers } from '../officers/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const DRAW_STATUSES = ['frozen', 'drawn', 'cancelled'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

// measures 5, 6, 12: a double-random draw (双随机). The pools are frozen first and their hashes published
// (status 'frozen'); at the draw session the public entropy and witnesses are entered and the selection is
// computed once (status 'drawn'). A draw is never deleted nor run again; a cancellation needs the bureau
// head's approval and stays on public record beside the draw. The inspecta-draw-v1 record is assembled from
// `pools` and `result` (docs/draw-algorithm.md), so a million codes are stored once.
export const draws = pgTable(
  'draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    // the drawing bureau (organisation id) and its name, as published
    organisationId: uuid('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    // where the strata came from: an annual plan's batch, or criteria over the enterprise register
    source: jsonb('source').$type<DrawSource>().notNull(),
    // inspection matters of the batch (catalog/inspection-matters.json codes)
    matters: jsonb('matters').$type<string[]>().notNull(),
    // 'frozen' → 'drawn' | 'cancelled'
    status: text('status').$type<DrawStatus>().notNull(),
    pools: jsonb('pools').$type<DrawPools>().notNull(),
    poolHash: text('pool_hash').notNull(),
    inspectorPoolHash: text('inspector_pool_hash').notNull(),
    enterpriseCount: integer('enterprise_count').notNull(),
    sampleSize: integer('sample_size').notNull(),
    inspectorCount: integer('inspector_count').notNull(),
    inspectionDate: date('inspection_date', { mode: 'string' }).notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }).notNull(),
    frozenByName: text('frozen_by_name').notNull(),
    result: jsonb('result').$type<DrawResult | null>(),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }),
    drawnByName: text('drawn_by_name'),
    // measure 6: partner departments' teams, each drawn from its own roster by the same algorithm
    partners: jsonb('partners').$type<DrawPartner[]>().notNull().default([]),
    // item 9: officers who recused after the draw, each replaced by continuing the sampler
    replacements: jsonb('replacements').$type<DrawReplacementEntry[]>().notNull().default([]),
    cancellation: jsonb('cancellation').$type<DrawCancellation | null>(),
    // item 13: results of the batch, published within 20 workdays of completion (公示办法 art. 21)
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('draws_territory_idx').on(table.territory, table.year, table.month),
    index('draws_status_idx').on(table.status),
    oneOf('draws_status_check', table.status, DRAW_STATUSES),
  ],
);

export type DrawSource =
  | { kind: 'annual_plan_batch'; annualPlanId: string; batchCode: string }
  | { kind: 'criteria'; strata: { key: string; criteria: DrawCriteria }[] };

export type DrawCriteria = {
  territory?: string;
  industry?: string;
  enforcementClass?: string;
  riskGrade?: string;
};

// A stratum as stored: its codes as one text, a code a line in code-point order (`lines`, so a code can hold
// no line break), and how many there are. Draws frozen before kept them as a JSON array (`codes`); a
// million codes as one string cost a fraction of a million array elements to write, read and parse.
export type StoredStratum = { key: string; k: number; size: number; lines: string } | DrawStratum;

export type DrawPools = {
  strata: StoredStratum[];
  // enterprises left out of the pools because they reached their annual inspection cap (measure 5)
  atCap: { code: string; count: number; cap: number }[];
  inspectors: string[];
  exclusions: DrawExclusion[];
  teamSize: number;
  maxAssignmentsPerInspector: number;
};

export type DrawResult = {
  publicEntropy: string;
  // as published (issue 11 item 11); draws made before kept the names as entered
  witnesses: string[];
  seed: string;
  selected: DrawSelection[];
  // issue 12 item 9: the SHA-256 of the full published record, committed at the session (absent before)
  resultHash?: string;
  // the witnesses as entered, kept internal
  witnessDetails?: Witness[];
};

// measure 6: a partner department's roster is frozen with the pools; at the session its teams are drawn by the
// same algorithm over the selected enterprises (one stratum, all of them), giving a record of its own.
export type DrawPartner = {
  organisationId: string;
  organisationName: string;
  departmentType: string | null;
  inspectors: string[];
  inspectorPoolHash: string;
  record: DrawRecord | null;
};

export type DrawReplacementEntry = DrawReplacement & {
  reason: string;
  recordedAt: string;
  recordedByName: string;
};

export type DrawCancellation = {
  reason: string;
  requestedAt: string;
  requestedByName: string;
  status: 'requested' | 'approved' | 'rejected';
  decidedAt: string | null;
  decidedByName: string | null;
  comment: string | null;
};

// Declared conflicts of interest (回避, 行政处罚法 第四十三条): the officer is excluded from draws for the enterprise.
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    reason: text('reason').notNull(),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByName: text('created_by_name').notNull(),
  },
  (table) => [index('conflict_declarations_enterprise_idx').on(table.enterpriseId)],
);
