import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/one-of.ts';
import { organisations } from '../organisations/schema.ts';

// 公示办法 第十七条 (measure 29): a bureau's report on a year, generated from the year's figures by its legal
// reviewer or head and published by the bureau head by 31 January of the next year. One per bureau and year; a
// draft is regenerated until it is published, then it stays as published.
export type AnnualReportFigures = {
  inspectionsConcluded: number;
  inspectionsWithFindings: number;
  findings: number;
  rectificationOrders: number;
  penaltyDecisions: number;
  fineTotalFen: number;
  publicationsWithdrawn: number;
  creditRepairs: number;
  draws: number;
  openDays: number;
  suggestionsAnswered: number;
};

export const ANNUAL_REPORT_STATUSES = ['draft', 'published'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];

export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    territory: text('territory').notNull(),
    year: integer('year').notNull(),
    figures: jsonb('figures').$type<AnnualReportFigures>().notNull(),
    analysis: text('analysis').notNull(),
    status: text('status').$type<AnnualReportStatus>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull(),
    generatedByName: text('generated_by_name').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedById: uuid('published_by_id'),
    publishedByName: text('published_by_name'),
  },
  (table) => [
    uniqueIndex('annual_reports_organisation_year_idx').on(table.organisationId, table.year),
    oneOf('annual_reports_status_check', table.status, ANNUAL_REPORT_STATUSES),
  ],
);
