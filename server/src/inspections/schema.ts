import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// An inspection of one enterprise by one department, whatever its mode (measures 5, 6, 8). Planned here
// by a draw, a key-enterprise plan, a targeted trigger or another department; its on-site lifecycle
// (measures 6–13) extends this row.
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // the enterprise's territory: scoping follows the enterprise, as for enterprise records
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: text('credit_code').notNull(),
    // the department that planned it (our bureau or, for the burden view, another department)
    organisationId: uuid('organisation_id'),
    organisationName: text('organisation_name').notNull(),
    departmentType: text('department_type'),
    // 'key' | 'double_random' | 'targeted' | 'other' (domain ZInspectionKindSchema)
    kind: text('kind').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    matters: jsonb('matters').$type<string[]>().notNull(),
    // 'planned' | 'merged' | 'completed' | 'cancelled'
    status: text('status').notNull(),
    // measure 5: the targeted trigger that exempts it from the frequency cap, recorded with its reference
    trigger: text('trigger'),
    triggerReference: text('trigger_reference'),
    // the cap in force when it was planned, and whether it was over it (then a trigger is required)
    capAtPlanning: integer('cap_at_planning'),
    overCap: integer('over_cap').notNull().default(0),
    drawId: uuid('draw_id'),
    // officers by certificate number (measure 12: at least two)
    team: jsonb('team').$type<InspectionTeamMember[]>().notNull().default([]),
    // measure 6: joint inspection with other departments
    partners: jsonb('partners').$type<InspectionPartner[]>().notNull().default([]),
    mergedIntoId: uuid('merged_into_id'),
    completedOn: date('completed_on', { mode: 'string' }),
    resultSummary: text('result_summary'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    // issue 5 (measures 6–13): the on-site lifecycle (domain/src/inspection/lifecycle.ts), beside `status`
    stage: text('stage').notNull().default('planned'),
    // measure 9: the inspecting subject (bureau with legal standing, or entrusted organisation)
    subjectOrganisationId: uuid('subject_organisation_id'),
    // measure 7: a remote or written check, and its outcome
    remoteCheck: jsonb('remote_check').$type<{
      mode: 'remote' | 'written';
      checkedOn: string;
      violation: boolean;
      note: string;
    } | null>(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    checkInLocation: jsonb('check_in_location').$type<{
      latitude: number;
      longitude: number;
      accuracy?: number | null;
    } | null>(),
    // 安全生产法 第六十八条: the enterprise head's signature, or the refusal to sign with who witnessed it
    acknowledgement: jsonb('acknowledgement').$type<{
      signed: boolean;
      signerName: string;
      signatureFileId: string | null;
      refusalNote: string | null;
      at: string;
    } | null>(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('inspections_enterprise_year_idx').on(table.enterpriseId, table.year),
    index('inspections_territory_year_idx').on(table.territory, table.year),
    index('inspections_draw_idx').on(table.drawId),
  ],
);

export type InspectionTeamMember = {
  certificate: string;
  officerId: string | null;
  name: string;
  organisationName: string;
};
export type InspectionPartner = {
  organisationId: string;
  organisationName: string;
  departmentType: string | null;
  team: InspectionTeamMember[];
};

// measure 8: a proposal to merge inspections of one enterprise in one period, decided once.
export const mergeDecisions = pgTable(
  'merge_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territory: text('territory').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    period: text('period').notNull(),
    inspectionIds: jsonb('inspection_ids').$type<string[]>().notNull(),
    // 'merged' | 'declined'
    decision: text('decision').notNull(),
    reason: text('reason'),
    intoId: uuid('into_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedByName: text('decided_by_name').notNull(),
  },
  (table) => [index('merge_decisions_enterprise_idx').on(table.enterpriseId, table.period)],
);
