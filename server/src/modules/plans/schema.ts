import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ZPlanStatusSchema,
  type AnnualPlan,
  type LinkedItem,
  type PlanRecord,
  type PlanStatus,
} from '@inspecta/domain';
import { oneOf } from '../../platform/db/one-of.ts';
import { organisations } from '../organisations/schema.ts';

// measure 1: the annual supervision plan, one row per version; a published plan is adjusted only by a new
// version with a reason, and every version stays on record.
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    territory: text('territory').notNull(),
    version: integer('version').notNull(),
    // copied from record.status, for filtering
    status: text('status').$type<PlanStatus>().notNull(),
    // the domain's workflow record (dates, approval document number, adjustment reason)
    record: jsonb('record').$type<PlanRecord>().notNull(),
    // what the plan was computed from: the workdays entered per category and the roster counted
    input: jsonb('input').$type<AnnualPlanInputRecord>().notNull(),
    // the domain's output, formula lines included
    document: jsonb('document').$type<AnnualPlan>().notNull(),
    // county plans: the city plan linked to, and the items it already covers (衔接)
    link: jsonb('link').$type<AnnualPlanLink | null>(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
    computedByName: text('computed_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('annual_plans_territory_year_version').on(table.territory, table.year, table.version),
    index('annual_plans_status_idx').on(table.status, table.year),
    oneOf('annual_plans_status_check', table.status, ZPlanStatusSchema.options),
  ],
);

export type AnnualPlanInputRecord = {
  workdays: Record<string, number>;
  officers: { officerId: string; name: string; mayInspect: boolean; reason: string | null }[];
  eligibilityDate: string;
  ungradedEnterprises: number;
};

export type AnnualPlanLink = { cityPlanId: string; cityPlanVersion: number; excluded: LinkedItem[] };

// measure 2: the next month's plan of one enforcement unit, drawn from the annual plan in force.
export const monthlyPlans = pgTable(
  'monthly_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    territory: text('territory').notNull(),
    // the enforcement unit (the drafting unit head's organisation)
    unitId: uuid('unit_id').references(() => organisations.id),
    unitName: text('unit_name').notNull(),
    annualPlanId: uuid('annual_plan_id')
      .notNull()
      .references(() => annualPlans.id),
    status: text('status').$type<PlanStatus>().notNull(),
    record: jsonb('record').$type<PlanRecord>().notNull(),
    // the enterprises the unit may inspect under this plan (measure 5 guard)
    enterpriseIds: jsonb('enterprise_ids').$type<string[]>().notNull(),
    items: jsonb('items').$type<MonthlyPlanItemsRecord>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdByName: text('created_by_name').notNull(),
  },
  (table) => [
    uniqueIndex('monthly_plans_unit_month').on(table.territory, table.unitName, table.year, table.month),
    index('monthly_plans_year_month_idx').on(table.year, table.month),
    oneOf('monthly_plans_status_check', table.status, ZPlanStatusSchema.options),
  ],
);

export type MonthlyPlanEnterprise = { enterpriseId: string; name: string; territory: string };

export type MonthlyPlanItemsRecord = {
  keyInspections: MonthlyPlanEnterprise[];
  // batches of the month: a stratum drawn whole is listed; a partial stratum waits for the draw (issue 6)
  batches: {
    code: string;
    size: number;
    listed: MonthlyPlanEnterprise[];
    toDraw: { key: string; k: number; candidates: number }[];
  }[];
};
