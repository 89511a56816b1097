import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  sum,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/client.ts';
import { territoryCondition } from '../../platform/db/scope.ts';
import { findings, inspections, rectificationOrders } from '../inspections/schema.ts';
import { penaltyCases, penaltyPublications } from '../cases/schema.ts';
import { draws } from '../draws/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { openDays, openDaySuggestions } from '../open-days/schema.ts';
import { annualReports, type AnnualReportFigures } from './schema.ts';

// All of the portal's own SQL (measure 29): the inspection results and credit repairs it publishes, the bureaus,
// the year's figures and the annual reports.

// 'completed': an inspection recorded whole (legacy rows and other departments' visits)
const CONCLUDED = ['concluded', 'closed', 'completed'] as const;

// our bureaus' concluded inspections (another department's, entered for the burden view, are theirs to publish);
// a double-random batch's inspections only once the batch's results are published (the draw's own step, issue 6
// item 13), so the portal never tells whom a batch still under way selected
export const listConcludedInspections = (
  db: Db | Tx,
  options: { territory?: string | undefined; limit: number; offset: number },
) =>
  db
    .select({
      id: inspections.id,
      territory: inspections.territory,
      enterpriseName: inspections.enterpriseName,
      organisationName: inspections.organisationName,
      matters: inspections.matters,
      completedOn: inspections.completedOn,
      resultSummary: inspections.resultSummary,
    })
    .from(inspections)
    .leftJoin(draws, eq(draws.id, inspections.drawId))
    .where(
      and(
        inArray(inspections.stage, [...CONCLUDED]),
        isNotNull(inspections.completedOn),
        isNull(inspections.departmentType),
        or(isNull(inspections.drawId), isNotNull(draws.resultsPublishedAt)),
        options.territory ? territoryCondition(options.territory, inspections.territory) : undefined,
      ),
    )
    .orderBy(desc(inspections.completedOn), desc(inspections.id))
    .limit(options.limit)
    .offset(options.offset);

// decisions whose publication ended by credit repair (令第36号 第三条: 终止公示), newest first
export const listRepairedPublications = (
  db: Db | Tx,
  options: { territory?: string | undefined; limit: number },
) =>
  db
    .select()
    .from(penaltyPublications)
    .where(
      and(
        isNotNull(penaltyPublications.repairedOn),
        isNull(penaltyPublications.withdrawnOn),
        options.territory ? territoryCondition(options.territory, penaltyPublications.territory) : undefined,
      ),
    )
    .orderBy(desc(penaltyPublications.repairedOn))
    .limit(options.limit);

export const listBureaus = (db: Db | Tx) =>
  db
    .select({ id: organisations.id, name: organisations.name, territory: organisations.territory })
    .from(organisations)
    .where(eq(organisations.kind, 'bureau'))
    .orderBy(asc(organisations.territory));

export const findBureau = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({ id: organisations.id, name: organisations.name, territory: organisations.territory })
      .from(organisations)
      .where(and(eq(organisations.id, id), eq(organisations.kind, 'bureau')))
  )[0];

const n = (rows: { n: number | string | null }[]) => Number(rows[0]?.n ?? 0);

// The annual figures' one filter: rows of the bureau's territory whose date falls in the year (a date column
// compared with the year's first and last day, or an instant with its bounds in Beijing time).
const yearFilter = (territory: string, year: number) => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const start = new Date(`${year}-01-01T00:00:00+08:00`);
  const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  return {
    onDay: (territoryColumn: Column, dayColumn: Column, ...more: (SQL | undefined)[]) =>
      and(territoryCondition(territory, territoryColumn), gte(dayColumn, from), lte(dayColumn, to), ...more),
    atInstant: (territoryColumn: Column, instantColumn: Column) =>
      and(
        territoryCondition(territory, territoryColumn),
        gte(instantColumn, start),
        sql`${instantColumn} < ${end.toISOString()}`,
      ),
  };
};

// 公示办法 第十七条: the year's figures of a bureau's territory
export const yearFigures = async (
  db: Db | Tx,
  territory: string,
  year: number,
): Promise<AnnualReportFigures> => {
  const inYear = yearFilter(territory, year);
  const countOf = (table: PgTable, where: SQL | undefined) =>
    db.select({ n: count() }).from(table).where(where);
  const concluded = inYear.onDay(
    inspections.territory,
    inspections.completedOn,
    inArray(inspections.stage, [...CONCLUDED]),
    isNull(inspections.departmentType),
  );
  const [
    inspectionsConcluded,
    inspectionsWithFindings,
    findingCount,
    orders,
    decisions,
    fines,
    withdrawn,
    repaired,
    drawCount,
    openDayCount,
    answered,
  ] = await Promise.all([
    countOf(inspections, concluded),
    db
      .select({ n: sql<number>`count(distinct ${inspections.id})` })
      .from(inspections)
      .innerJoin(findings, eq(findings.inspectionId, inspections.id))
      .where(concluded),
    db
      .select({ n: count() })
      .from(findings)
      .innerJoin(inspections, eq(findings.inspectionId, inspections.id))
      .where(concluded),
    countOf(
      rectificationOrders,
      inYear.atInstant(rectificationOrders.territory, rectificationOrders.issuedAt),
    ),
    countOf(
      penaltyCases,
      inYear.onDay(
        penaltyCases.territory,
        penaltyCases.decidedOn,
        isNotNull(penaltyCases.decisionTier),
        sql`${penaltyCases.decisionTier} <> 'no_penalty'`,
      ),
    ),
    db
      .select({ n: sum(penaltyCases.decisionAmountFen) })
      .from(penaltyCases)
      .where(inYear.onDay(penaltyCases.territory, penaltyCases.decidedOn)),
    countOf(
      penaltyPublications,
      inYear.onDay(penaltyPublications.territory, penaltyPublications.withdrawnOn),
    ),
    countOf(penaltyPublications, inYear.onDay(penaltyPublications.territory, penaltyPublications.repairedOn)),
    countOf(
      draws,
      and(territoryCondition(territory, draws.territory), eq(draws.year, year), isNotNull(draws.drawnAt)),
    ),
    countOf(openDays, inYear.onDay(openDays.territory, openDays.heldOn)),
    countOf(
      openDaySuggestions,
      inYear.atInstant(openDaySuggestions.territory, openDaySuggestions.answeredAt),
    ),
  ]);
  return {
    inspectionsConcluded: n(inspectionsConcluded),
    inspectionsWithFindings: n(inspectionsWithFindings),
    findings: n(findingCount),
    rectificationOrders: n(orders),
    penaltyDecisions: n(decisions),
    fineTotalFen: n(fines),
    publicationsWithdrawn: n(withdrawn),
    creditRepairs: n(repaired),
    draws: n(drawCount),
    openDays: n(openDayCount),
    suggestionsAnswered: n(answered),
  };
};

export type AnnualReportRow = typeof annualReports.$inferSelect;

export const findAnnualReport = async (db: Db | Tx, organisationId: string, year: number, lock = false) => {
  const query = db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.organisationId, organisationId), eq(annualReports.year, year)));
  return (lock ? await query.for('update') : await query)[0];
};

export const listAnnualReportsOf = (db: Db | Tx, scope: SQL | undefined) =>
  db
    .select()
    .from(annualReports)
    .where(scope)
    .orderBy(desc(annualReports.year), asc(annualReports.territory));

export const annualReportColumns = { territory: annualReports.territory };

export const listPublishedAnnualReports = (db: Db | Tx) =>
  db
    .select()
    .from(annualReports)
    .where(eq(annualReports.status, 'published'))
    .orderBy(desc(annualReports.year), asc(annualReports.territory));

export const upsertAnnualReport = async (tx: Tx, values: typeof annualReports.$inferInsert) =>
  (
    await tx
      .insert(annualReports)
      .values(values)
      .onConflictDoUpdate({
        target: [annualReports.organisationId, annualReports.year],
        set: {
          figures: values.figures,
          analysis: values.analysis,
          generatedAt: values.generatedAt,
          generatedByName: values.generatedByName,
        },
      })
      .returning()
  )[0]!;

export const markPublished = async (
  tx: Tx,
  id: string,
  set: Pick<
    typeof annualReports.$inferInsert,
    'publishedOn' | 'publishedAt' | 'publishedById' | 'publishedByName'
  >,
) =>
  (
    await tx
      .update(annualReports)
      .set({ ...set, status: 'published' })
      .where(eq(annualReports.id, id))
      .returning()
  )[0]!;
