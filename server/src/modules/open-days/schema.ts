import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  OPEN_DAY_KINDS,
  PARTICIPANT_CATEGORIES,
  type OpenDayKind,
  type ParticipantCategory,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { users } from '../../platform/auth/schema.ts';
import { inspections } from '../inspections/schema.ts';

// Measure 28: open days (执法开放日) and media observations, who took part, which inspections they joined as
// observers, and their suggestions with the bureau's answer.
export const openDays = pgTable(
  'open_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    organisationName: text('organisation_name').notNull(),
    kind: text('kind').$type<OpenDayKind>().notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    summary: text('summary').notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('open_days_territory_idx').on(table.territory, table.heldOn),
    oneOf('open_days_kind_check', table.kind, OPEN_DAY_KINDS),
  ],
);

// a participant; one with an account (a social supervisor's) reads the inspections of its events
export const openDayParticipants = pgTable(
  'open_day_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openDayId: uuid('open_day_id')
      .notNull()
      .references(() => openDays.id),
    territory: text('territory').notNull(),
    category: text('category').$type<ParticipantCategory>().notNull(),
    name: text('name').notNull(),
    affiliation: text('affiliation').notNull(),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('open_day_participants_open_day_idx').on(table.openDayId),
    index('open_day_participants_user_idx').on(table.userId),
    uniqueIndex('open_day_participants_user_once_idx').on(table.openDayId, table.userId),
    oneOf('open_day_participants_category_check', table.category, PARTICIPANT_CATEGORIES),
  ],
);

export const openDayInspections = pgTable(
  'open_day_inspections',
  {
    openDayId: uuid('open_day_id')
      .notNull()
      .references(() => openDays.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    territory: text('territory').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'open_day_inspections_pk', columns: [table.openDayId, table.inspectionId] }),
    index('open_day_inspections_inspection_idx').on(table.inspectionId),
  ],
);

export const openDaySuggestions = pgTable(
  'open_day_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openDayId: uuid('open_day_id')
      .notNull()
      .references(() => openDays.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => openDayParticipants.id),
    territory: text('territory').notNull(),
    text: text('text').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    answeredById: uuid('answered_by_id'),
    answeredByName: text('answered_by_name'),
  },
  (table) => [index('open_day_suggestions_open_day_idx').on(table.openDayId)],
);
