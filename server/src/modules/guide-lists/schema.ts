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
import {
  GUIDE_LIST_STATUSES,
  ZEnforcementClassSchema,
  ZEnforcementLevelSchema,
  type EnforcementClass,
  type EnforcementLevel,
  type GuideListStatus,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { enterprises } from '../enterprises/schema.ts';

// an entry put on the list by the key-enterprise rules, or added by hand with a reason
// rule: key by a verified criterion; manual: added by the legal reviewer with a reason; proposed: met only
// unverified criteria, so listed as a proposal (not on the list) until the legal reviewer adds it (issue 11 item 4)
export const GUIDE_LIST_ORIGINS = ['rule', 'manual', 'proposed'] as const;
export type GuideListOrigin = (typeof GUIDE_LIST_ORIGINS)[number];

// measure 4: the key-enterprise guide list (重点企业指导名单), one per year and bureau.
export const guideLists = pgTable(
  'guide_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    territory: text('territory').notNull(),
    status: text('status').$type<GuideListStatus>().notNull(),
    catalogVersion: text('catalog_version').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedByName: text('approved_by_name'),
    approvalComment: text('approval_comment'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('guide_lists_year_territory').on(table.year, table.territory),
    oneOf('guide_lists_status_check', table.status, GUIDE_LIST_STATUSES),
  ],
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
    class: text('class').$type<EnforcementClass>().notNull(),
    enforcementLevel: text('enforcement_level').$type<EnforcementLevel>().notNull(),
    ruleReasons: jsonb('rule_reasons').$type<string[]>().notNull(),
    origin: text('origin').$type<GuideListOrigin>().notNull(),
    removed: boolean('removed').notNull().default(false),
    reason: text('reason'),
  },
  (table) => [
    index('guide_list_entries_list_idx').on(table.listId, table.territory, table.name),
    oneOf('guide_list_entries_class_check', table.class, ZEnforcementClassSchema.options),
    oneOf(
      'guide_list_entries_enforcement_level_check',
      table.enforcementLevel,
      ZEnforcementLevelSchema.options,
    ),
    oneOf('guide_list_entries_origin_check', table.origin, GUIDE_LIST_ORIGINS),
  ],
);
