import {
  boolean,
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
import { DISPATCH_ORIGINS, DISPATCH_STATES, type DispatchOrigin, type DispatchState } from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { users } from '../../platform/auth/schema.ts';
import { enterprises } from '../enterprises/schema.ts';
import { findings } from '../inspections/schema.ts';

// measure 23: the city's expert database (江门市安全生产专家库), each expert's qualifications with their validity,
// the enterprises each must keep away from (利益冲突), and the dispatches of an expert to an enterprise.

export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    // the expert's own account (role expert), when it has one
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    employer: text('employer').notNull().default(''),
    phone: text('phone').notNull().default(''),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('experts_territory_idx').on(table.territory),
    uniqueIndex('experts_user_idx').on(table.userId),
  ],
);

export const expertQualifications = pgTable(
  'expert_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    kind: text('kind').notNull(),
    number: text('number').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('expert_qualifications_expert_idx').on(table.expertId)],
);

export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    reason: text('reason').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [uniqueIndex('expert_conflicts_pair_idx').on(table.expertId, table.enterpriseId)],
);

// A hidden danger the expert found while helping, with the day set to fix it and the day it was fixed.
export type DispatchHazard = {
  id: string;
  description: string;
  major: boolean;
  dueOn: string | null;
  fixedOn: string | null;
};

export const expertDispatches = pgTable(
  'expert_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    origin: text('origin').$type<DispatchOrigin>().notNull(),
    findingId: uuid('finding_id').references(() => findings.id),
    request: text('request').notNull().default(''),
    requestedByName: text('requested_by_name'),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }),
    state: text('state').$type<DispatchState>().notNull(),
    expertId: uuid('expert_id').references(() => experts.id),
    plannedOn: date('planned_on', { mode: 'string' }),
    dispatchedById: uuid('dispatched_by_id').references(() => users.id),
    dispatchedByName: text('dispatched_by_name'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    declineReason: text('decline_reason'),
    visitedOn: date('visited_on', { mode: 'string' }),
    visitNote: text('visit_note'),
    advice: text('advice'),
    hazards: jsonb('hazards').$type<DispatchHazard[]>().notNull().default([]),
    visitRecordedAt: timestamp('visit_recorded_at', { withTimezone: true, mode: 'date' }),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('expert_dispatches_territory_idx').on(table.territory, table.state),
    index('expert_dispatches_enterprise_idx').on(table.enterpriseId),
    index('expert_dispatches_expert_idx').on(table.expertId),
    oneOf('expert_dispatches_origin_check', table.origin, DISPATCH_ORIGINS),
    oneOf('expert_dispatches_state_check', table.state, DISPATCH_STATES),
  ],
);
