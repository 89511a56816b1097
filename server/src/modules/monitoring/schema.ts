import {
  bigint,
  bigserial,
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
import type { AlarmKind, AlarmLevel, IncidentState, Priority, SourceKind } from '@inspecta/domain/monitoring';
import {
  ALARM_KINDS,
  ALARM_LEVELS,
  INCIDENT_STATES,
  PRIORITIES,
  SOURCE_KINDS,
} from '@inspecta/domain/monitoring';
import { oneOf } from '../../platform/db/one-of.ts';
import { enterprises } from '../enterprises/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { inspections } from '../inspections/schema.ts';

// measures 19–21: a registered monitoring source (a system that sends alarms, a video platform, a drone team),
// with the key it signs its requests with. The key is shown once, when the source is registered.
export const monitoringSources = pgTable(
  'monitoring_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<SourceKind>().notNull(),
    name: text('name').notNull(),
    territory: text('territory').notNull(),
    signingKey: text('signing_key').notNull(),
    active: integer('active').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [oneOf('monitoring_sources_kind_check', table.kind, SOURCE_KINDS)],
);

// A monitoring point of a source: whose it is, what it measures, and its limits.
export const monitoringPoints = pgTable(
  'monitoring_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => monitoringSources.id),
    code: text('code').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<AlarmKind>().notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    thresholds: jsonb('thresholds')
      .$type<{ highHigh?: number; high?: number; low?: number; lowLow?: number }>()
      .notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('monitoring_points_source_code').on(table.sourceId, table.code),
    index('monitoring_points_enterprise_idx').on(table.enterpriseId),
    oneOf('monitoring_points_kind_check', table.kind, ALARM_KINDS),
  ],
);

// A lead that links alarms: one point and kind, merged while they keep coming, handled by an officer.
export const monitoringIncidents = pgTable(
  'monitoring_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => monitoringSources.id),
    pointId: uuid('point_id')
      .notNull()
      .references(() => monitoringPoints.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    territory: text('territory').notNull(),
    kind: text('kind').$type<AlarmKind>().notNull(),
    level: text('level').$type<AlarmLevel>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    state: text('state').$type<IncidentState>().notNull(),
    alarmCount: integer('alarm_count').notNull(),
    summary: text('summary').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastAlarmAt: timestamp('last_alarm_at', { withTimezone: true, mode: 'date' }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedByName: text('acknowledged_by_name'),
    question: text('question'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedByName: text('closed_by_name'),
    closingNote: text('closing_note'),
    // measure 5 (平台动态监测): the targeted inspection the lead became
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    // the bureau that answers for it: its territory, or the one above after it went up the chain unhandled
    handlingTerritory: text('handling_territory').notNull(),
    escalationSteps: integer('escalation_steps').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    // measures 3, 20: the grading fact that feeds the lead into the enterprise's dynamic risk (retracted when the
    // lead is dismissed as a false alarm)
    riskFactId: uuid('risk_fact_id'),
  },
  (table) => [
    index('monitoring_incidents_enterprise_closed_idx').on(table.enterpriseId, table.state, table.closedAt),
    index('monitoring_incidents_opened_idx').on(table.openedAt),
    index('monitoring_incidents_territory_state_idx').on(table.territory, table.state, table.openedAt),
    index('monitoring_incidents_point_state_idx').on(table.pointId, table.kind, table.state),
    oneOf('monitoring_incidents_state_check', table.state, INCIDENT_STATES),
    oneOf('monitoring_incidents_level_check', table.level, ALARM_LEVELS),
    oneOf('monitoring_incidents_priority_check', table.priority, PRIORITIES),
  ],
);

// Every signal as received: the normalised alarm beside the raw item it came from, once per (source, external id).
export const monitoringAlarms = pgTable(
  'monitoring_alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => monitoringSources.id),
    externalId: text('external_id').notNull(),
    pointId: uuid('point_id')
      .notNull()
      .references(() => monitoringPoints.id),
    incidentId: uuid('incident_id').references(() => monitoringIncidents.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').$type<'alarm' | 'clear'>().notNull(),
    kind: text('kind').$type<AlarmKind>().notNull(),
    level: text('level').$type<AlarmLevel>(),
    value: doublePrecision('value'),
    threshold: doublePrecision('threshold'),
    content: text('content'),
    raw: jsonb('raw').notNull(),
  },
  (table) => [
    uniqueIndex('monitoring_alarms_source_external').on(table.sourceId, table.externalId),
    index('monitoring_alarms_incident_idx').on(table.incidentId, table.at),
  ],
);

// issue 16 item 4: each committed change of an incident, numbered in commit order (written by the database's
// trigger of migration 0054, never by the code), the officers' event stream and its Last-Event-ID.
export const monitoringIncidentEvents = pgTable('monitoring_incident_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  incidentId: uuid('incident_id').notNull(),
  territory: text('territory').notNull(),
  change: text('change').$type<'opened' | 'updated'>().notNull(),
  state: text('state').$type<IncidentState>().notNull(),
  // the database's time when the trigger wrote it (migration 0057): the minute scan trims the old ones
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

// The last event an officer has seen: what changed after it and still waits is unread.
export const monitoringReadMarks = pgTable('monitoring_read_marks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
});
