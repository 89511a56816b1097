import {
  customType,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  DroneFindingKind,
  MissionState,
  PatrolArea,
  PatrolAreaKind,
  PatrolRoute,
} from '@inspecta/domain/monitoring';
import { DRONE_FINDING_KINDS, MISSION_STATES, PATROL_AREA_KINDS } from '@inspecta/domain/monitoring';
import { oneOf } from '../../../platform/db/one-of.ts';
import { users } from '../../../platform/auth/schema.ts';
import { enterprises } from '../../enterprises/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// measure 21: a drone patrol over an area drawn on the map, flown on a day's time window along a route by the
// officer assigned as its pilot.
export const droneMissions = pgTable(
  'drone_missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    title: text('title').notNull(),
    areaKind: text('area_kind').$type<PatrolAreaKind>().notNull(),
    area: jsonb('area').$type<PatrolArea>().notNull(),
    route: jsonb('route').$type<PatrolRoute>().notNull(),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => users.id),
    pilotName: text('pilot_name').notNull(),
    state: text('state').$type<MissionState>().notNull(),
    plannedById: uuid('planned_by_id').notNull(),
    plannedByName: text('planned_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('drone_missions_territory_idx').on(table.territory, table.scheduledOn),
    oneOf('drone_missions_area_kind_check', table.areaKind, PATROL_AREA_KINDS),
    oneOf('drone_missions_state_check', table.state, MISSION_STATES),
  ],
);

// What the pilot saw: a photo with its place and time, of an enterprise, which becomes a monitoring lead. The id
// is the client's, so an upload retried after a lost answer stores nothing twice and still raises its lead.
export const droneFindings = pgTable(
  'drone_findings',
  {
    id: uuid('id').primaryKey(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => droneMissions.id),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').$type<DroneFindingKind>().notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note').notNull(),
    insideArea: boolean('inside_area').notNull(),
    photo: bytea('photo').notNull(),
    photoSha256: text('photo_sha256').notNull(),
    photoMediaType: text('photo_media_type').notNull(),
    photoSize: integer('photo_size').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
  },
  (table) => [
    index('drone_findings_mission_idx').on(table.missionId, table.takenAt),
    oneOf('drone_findings_kind_check', table.kind, DRONE_FINDING_KINDS),
  ],
);
