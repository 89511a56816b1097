import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  LISTING_RECOMMENDATIONS,
  LISTING_STATUSES,
  type ListingRecommendation,
  type ListingStatus,
} from '@inspecta/domain';
import { oneOf } from '../../../platform/db/one-of.ts';
import { penaltyCases } from '../schema.ts';

// 令第11号 (issue 15 item 10): the bureau's answer to a proposed listing on the serious-dishonesty list, one per
// case: recommended by an officer or legal reviewer with the judgement of 第三条 ("性质恶劣、情节严重" or not), decided
// by a head who did not recommend it, and, once listed, removed on expiry or early. `ends_on` is the listing's end.
export const seriousDishonestyListings = pgTable(
  'serious_dishonesty_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id'),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code'),
    criterionCode: text('criterion_code').notNull(),
    criterion: text('criterion').notNull(),
    recommendation: text('recommendation').$type<ListingRecommendation>().notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<ListingStatus>().notNull(),
    recommendedBy: uuid('recommended_by').notNull(),
    recommendedByName: text('recommended_by_name').notNull(),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
    listedOn: date('listed_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    removedOn: date('removed_on', { mode: 'string' }),
    removalReason: text('removal_reason'),
    removedByName: text('removed_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('serious_dishonesty_listings_case_idx').on(table.caseId),
    index('serious_dishonesty_listings_public_idx').on(table.status, table.endsOn),
    oneOf('serious_dishonesty_listings_status_check', table.status, LISTING_STATUSES),
    oneOf('serious_dishonesty_listings_recommendation_check', table.recommendation, LISTING_RECOMMENDATIONS),
  ],
);
