import {
  boolean,
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

// measure 4: the key-enterprise guide list (重点企业指导名单), one per year and bureau.
export const guideLists = pgTable(
  'guide_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    territory: text('territory').notNull(),
    status: text('status').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedByName: text('approved_by_name'),
    approvalComment: text('approval_comment'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [uniqueIndex('guide_lists_year_territory').on(table.year, table.territory)],
);

export const guideListEntries = pgTable(
  'guide_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => guideLists.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    // copied at generation, so a published list does not change when the registry does
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    territory: text('territory').notNull(),
    class: text('class').notNull(),
    enforcementLevel: text('enforcement_level').notNull(),
    ruleReasons: jsonb('rule_reasons').$type<string[]>().notNull(),
    origin: text('origin').notNull(),
    removed: boolean('removed').notNull().default(false),
    reason: text('reason'),
  },
  (table) => [index('guide_list_entries_list_idx').on(table.listId, table.territory, table.name)],
);
