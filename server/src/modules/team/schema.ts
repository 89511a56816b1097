import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  SELECTION_KINDS,
  TEAM_QUALIFICATION_KINDS,
  type SelectionKind,
  type TeamQualificationKind,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { users } from '../../platform/auth/schema.ts';
import { officers } from '../officers/schema.ts';
import { penaltyCases } from '../cases/schema.ts';

// measures 25 and 26: the qualifications the officers module does not hold (registered safety engineers, legal
// advisers, public lawyers, technical inspectors, social supervisors), training courses and who attended, and the
// 执法能手 / 典型案例 selections with their nominations and votes.

export const teamQualifications = pgTable(
  'team_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    kind: text('kind').$type<TeamQualificationKind>().notNull(),
    personName: text('person_name').notNull(),
    officerId: uuid('officer_id').references(() => officers.id),
    number: text('number').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('team_qualifications_territory_idx').on(table.territory, table.kind),
    oneOf('team_qualifications_kind_check', table.kind, TEAM_QUALIFICATION_KINDS),
  ],
);

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    organiser: text('organiser').notNull().default(''),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('training_courses_territory_idx').on(table.territory, table.heldOn)],
);

export const trainingAttendances = pgTable(
  'training_attendances',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.courseId, table.officerId] })],
);

export const selections = pgTable(
  'selections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    kind: text('kind').$type<SelectionKind>().notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    places: integer('places').notNull(),
    state: text('state').$type<'open' | 'closed'>().notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('selections_territory_idx').on(table.territory, table.year),
    oneOf('selections_kind_check', table.kind, SELECTION_KINDS),
    oneOf('selections_state_check', table.state, ['open', 'closed']),
  ],
);

export const selectionNominations = pgTable(
  'selection_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    selectionId: uuid('selection_id')
      .notNull()
      .references(() => selections.id),
    // 执法能手: the officer's account; 典型案例: the closed penalty case (its handler is the nominee's account)
    nomineeUserId: uuid('nominee_user_id').references(() => users.id),
    caseId: uuid('case_id').references(() => penaltyCases.id),
    nomineeName: text('nominee_name').notNull(),
    reason: text('reason').notNull(),
    nominatedByName: text('nominated_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('selection_nominations_selection_idx').on(table.selectionId),
    uniqueIndex('selection_nominations_user_idx').on(table.selectionId, table.nomineeUserId),
    uniqueIndex('selection_nominations_case_idx').on(table.selectionId, table.caseId),
  ],
);

export const selectionVotes = pgTable(
  'selection_votes',
  {
    selectionId: uuid('selection_id')
      .notNull()
      .references(() => selections.id),
    voterId: uuid('voter_id')
      .notNull()
      .references(() => users.id),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => selectionNominations.id),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  // one vote per voter in a selection
  (table) => [primaryKey({ columns: [table.selectionId, table.voterId] })],
);
