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
  type SQL,
} from 'drizzle-orm';
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

// 公示办法 第十七条: the year's figures of a bureau's territory
export const yearFigures = async (
  db: Db | Tx,
  territory: string,
  year: number,
): Promise<AnnualReportFigures> => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const start = new Date(`${year}-01-01T00:00:00+08:00`);
  const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const concluded = and(
    inArray(inspections.stage, [...CONCLUDED]),
    isNull(inspections.departmentType),
    gte(inspections.completedOn, from),
    lte(inspections.completedOn, to),
    territoryCondition(territory, inspections.territory),
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
    db.select({ n: count() }).from(inspections).where(concluded),
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
    db
      .select({ n: count() })
      .from(rectificationOrders)
      .where(
        and(
          territoryCondition(territory, rectificationOrders.territory),
          gte(rectificationOrders.issuedAt, start),
          sql`${rectificationOrders.issuedAt} < ${end.toISOString()}`,
        ),
      ),
    db
      .select({ n: count() })
      .from(penaltyCases)
      .where(
        and(
          territoryCondition(territory, penaltyCases.territory),
          gte(penaltyCases.decidedOn, from),
          lte(penaltyCases.decidedOn, to),
          isNotNull(penaltyCases.decisionTier),
          sql`${penaltyCases.decisionTier} <> 'no_penalty'`,
        ),
      ),
    db
      .select({ n: sum(penaltyCases.decisionAmountFen) })
      .from(penaltyCases)
      .where(
        and(
          territoryCondition(territory, penaltyCases.territory),
          gte(penaltyCases.decidedOn, from),
          lte(penaltyCases.decidedOn, to),
        ),
      ),
    db
      .select({ n: count() })
      .from(penaltyPublications)
      .where(
        and(
          territoryCondition(territory, penaltyPublications.territory),
          gte(penaltyPublications.withdrawnOn, from),
          lte(penaltyPublications.withdrawnOn, to),
        ),
      ),
    db
      .select({ n: count() })
      .from(penaltyPublications)
      .where(
        and(
          territoryCondition(territory, penaltyPublications.territory),
          gte(penaltyPublications.repairedOn, from),
          lte(penaltyPublications.repairedOn, to),
        ),
      ),
    db
      .select({ n: count() })
      .from(draws)
      .where(
        and(territoryCondition(territory, draws.territory), eq(draws.year, year), isNotNull(draws.drawnAt)),
      ),
    db
      .select({ n: count() })
      .from(openDays)
      .where(
        and(
          territoryCondition(territory, openDays.territory),
          gte(openDays.heldOn, from),
          lte(openDays.heldOn, to),
        ),
      ),
    db
      .select({ n: count() })
      .from(openDaySuggestions)
      .where(
        and(
          territoryCondition(territory, openDaySuggestions.territory),
          gte(openDaySuggestions.answeredAt, start),
          sql`${openDaySuggestions.answeredAt} < ${end.toISOString()}`,
        ),
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
