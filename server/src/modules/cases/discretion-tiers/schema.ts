import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { TIERS, type Tier } from '@inspecta/domain';
import { oneOf } from '../../../platform/db/one-of.ts';

// issue 15 item 2 (measure 17): the legal reviewer's edits of a violation's discretion tiers, one row per tier
// edited, never updated or deleted: the history is the rows. territory is the city bureau's code (the tiers are
// the city's 适用规则, read by every district of the city). Percents as the catalogue's schemes count them.
export const discretionTierEdits = pgTable(
  'discretion_tier_edits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    violationCode: text('violation_code').notNull(),
    tier: text('tier').$type<Tier>().notNull(),
    fromPercent: doublePrecision('from_percent'),
    toPercent: doublePrecision('to_percent'),
    pointPercent: doublePrecision('point_percent'),
    mitigatedPercentOfMinimum: doublePrecision('mitigated_percent_of_minimum'),
    conditions: text('conditions').notNull(),
    source: text('source').notNull(),
    verified: boolean('verified').notNull(),
    effective: date('effective', { mode: 'string' }).notNull(),
    editorId: uuid('editor_id').notNull(),
    editorName: text('editor_name').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    // the order of the city's edits of the violation (the rows of one edit share it)
    sequence: integer('sequence').notNull(),
  },
  (table) => [
    uniqueIndex('discretion_tier_edits_sequence_idx').on(
      table.territory,
      table.violationCode,
      table.sequence,
      table.tier,
    ),
    index('discretion_tier_edits_violation_idx').on(table.territory, table.violationCode, table.effective),
    oneOf('discretion_tier_edits_tier_check', table.tier, TIERS),
    check(
      'discretion_tier_edits_band_check',
      sql`(${table.fromPercent} is null) = (${table.toPercent} is null) and (${table.fromPercent} is null) = (${table.pointPercent} is null)`,
    ),
    check(
      'discretion_tier_edits_verified_source_check',
      sql`not ${table.verified} or length(trim(${table.source})) > 0`,
    ),
  ],
);
