import {
  and,
  type Column,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { InspectionStage, RectificationStatus } from '@inspecta/domain';
import type { Db } from '../../platform/db/client.ts';
import { inspections, onsitePlans, rectificationOrders, visitRatings } from '../inspections/schema.ts';
import { draws } from '../draws/schema.ts';
import { guideLists } from '../guide-lists/schema.ts';
import { monthlyPlans } from '../plans/schema.ts';
import { alias } from 'drizzle-orm/pg-core';
import { observationDue, penaltyCases, seizureDue } from '../cases/index.ts';

// What waits for a user, counted where it lives: each query returns the number and the first few rows.
// Builds the actor's read scope over a table's territory (and enterprise) column, from the policy.
export type Scoper = (columns: { territory: Column; id?: Column }) => SQL | undefined;

export type WaitingRow = {
  id: string;
  title: string;
  date: string | null;
  inspectionId: string | null;
  // a row that opens its penalty case
  caseId?: string;
};
export type Waiting = { count: number; rows: WaitingRow[] };

const sample = 5;

const counted = async (
  countQuery: Promise<{ n: number }[]>,
  rowsQuery: Promise<WaitingRow[]>,
): Promise<Waiting> => {
  const [[total], rows] = await Promise.all([countQuery, rowsQuery]);
  return { count: total?.n ?? 0, rows };
};

export const inspectionsAtStages = (
  db: Db,
  filter: {
    scope: Scoper;
    stages: InspectionStage[];
    plannedFrom?: string;
    plannedTo?: string;
    plannedBefore?: string;
  },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: inspections.territory, id: inspections.enterpriseId }),
    inArray(inspections.stage, filter.stages),
    filter.plannedFrom === undefined ? undefined : gte(inspections.plannedOn, filter.plannedFrom),
    filter.plannedTo === undefined ? undefined : lte(inspections.plannedOn, filter.plannedTo),
    filter.plannedBefore === undefined ? undefined : lt(inspections.plannedOn, filter.plannedBefore),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .where(where),
    db
      .select({
        id: inspections.id,
        title: inspections.enterpriseName,
        date: inspections.plannedOn,
        inspectionId: inspections.id,
      })
      .from(inspections)
      .where(where)
      .orderBy(inspections.plannedOn, inspections.id)
      .limit(sample),
  );
};

const newer = alias(onsitePlans, 'newer_plan');
// a later version supersedes this one
const isLatestPlan = (db: Db) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(newer)
      .where(and(eq(newer.inspectionId, onsitePlans.inspectionId), gt(newer.version, onsitePlans.version))),
  );

// measure 11: submitted plans a head may decide (never one the user drafted), and returned plans of the drafter.
export const onsitePlansWaiting = (
  db: Db,
  filter: {
    scope: Scoper;
    status: 'submitted' | 'rejected';
    draftedBy?: string;
    notDraftedBy?: string;
  },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: inspections.territory, id: inspections.enterpriseId }),
    eq(onsitePlans.status, filter.status),
    isLatestPlan(db),
    filter.draftedBy === undefined ? undefined : eq(onsitePlans.draftedById, filter.draftedBy),
    filter.notDraftedBy === undefined
      ? undefined
      : or(isNull(onsitePlans.draftedById), ne(onsitePlans.draftedById, filter.notDraftedBy)),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(onsitePlans)
      .innerJoin(inspections, eq(inspections.id, onsitePlans.inspectionId))
      .where(where),
    db
      .select({
        id: onsitePlans.id,
        title: inspections.enterpriseName,
        date: inspections.plannedOn,
        inspectionId: inspections.id,
      })
      .from(onsitePlans)
      .innerJoin(inspections, eq(inspections.id, onsitePlans.inspectionId))
      .where(where)
      .orderBy(inspections.plannedOn, onsitePlans.id)
      .limit(sample),
  );
};

export const ordersWaiting = (
  db: Db,
  filter: {
    scope: Scoper;
    statuses: RectificationStatus[];
    deadlineBefore?: string;
    deadlineFrom?: string;
    deadlineTo?: string;
  },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: rectificationOrders.territory, id: rectificationOrders.enterpriseId }),
    inArray(rectificationOrders.status, filter.statuses),
    filter.deadlineBefore === undefined ? undefined : lt(rectificationOrders.deadline, filter.deadlineBefore),
    filter.deadlineFrom === undefined ? undefined : gte(rectificationOrders.deadline, filter.deadlineFrom),
    filter.deadlineTo === undefined ? undefined : lte(rectificationOrders.deadline, filter.deadlineTo),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationOrders)
      .where(where),
    db
      .select({
        id: rectificationOrders.id,
        title: inspections.enterpriseName,
        date: rectificationOrders.deadline,
        inspectionId: rectificationOrders.inspectionId,
      })
      .from(rectificationOrders)
      .innerJoin(inspections, eq(inspections.id, rectificationOrders.inspectionId))
      .where(where)
      .orderBy(rectificationOrders.deadline, rectificationOrders.id)
      .limit(sample),
  );
};

// measures 5, 6: draws frozen and waiting for their session, or drawn with results not yet published.
export const drawsWaiting = (
  db: Db,
  filter: { scope: Scoper; stage: 'to_perform' | 'to_publish' },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: draws.territory }),
    filter.stage === 'to_perform'
      ? eq(draws.status, 'frozen')
      : and(eq(draws.status, 'drawn'), isNull(draws.resultsPublishedAt)),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(draws)
      .where(where),
    db
      .select({
        id: draws.id,
        title: draws.title,
        date: sql<string | null>`null`,
        inspectionId: sql<string | null>`null`,
      })
      .from(draws)
      .where(where)
      .orderBy(desc(draws.createdAt))
      .limit(sample),
  );
};

// measure 4: guide lists drafted and not yet approved, or approved and not yet published.
export const guideListsWaiting = (
  db: Db,
  filter: { scope: Scoper; status: 'draft' | 'approved' },
): Promise<Waiting> => {
  const where = and(filter.scope({ territory: guideLists.territory }), eq(guideLists.status, filter.status));
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(guideLists)
      .where(where),
    db
      .select({
        id: guideLists.id,
        title: sql<string>`${guideLists.year} || '年重点企业指导名单'`,
        date: sql<string | null>`null`,
        inspectionId: sql<string | null>`null`,
      })
      .from(guideLists)
      .where(where)
      .orderBy(desc(guideLists.year))
      .limit(sample),
  );
};

// measure 2: next month's plans still to submit (drafts) or to file (submitted), the earliest month first
export const monthlyPlansWaiting = (
  db: Db,
  filter: { scope: Scoper; status: 'draft' | 'submitted' },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: monthlyPlans.territory }),
    eq(monthlyPlans.status, filter.status),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(monthlyPlans)
      .where(where),
    db
      .select({
        id: monthlyPlans.id,
        title: sql<string>`${monthlyPlans.year} || '年' || ${monthlyPlans.month} || '月工作计划（' || ${monthlyPlans.unitName} || '）'`,
        date: sql<string | null>`null`,
        inspectionId: sql<string | null>`null`,
      })
      .from(monthlyPlans)
      .where(where)
      .orderBy(monthlyPlans.year, monthlyPlans.month)
      .limit(sample),
  );
};

// issue 13 item 1: the enterprise's visits over (the team arrived) that it has not rated yet
export const visitsToRate = (
  db: Db,
  filter: { scope: Scoper; stages: readonly InspectionStage[] },
): Promise<Waiting> => {
  const where = and(
    filter.scope({ territory: inspections.territory, id: inspections.enterpriseId }),
    inArray(inspections.stage, [...filter.stages]),
    sql`${inspections.checkedInAt} is not null`,
    notExists(
      db
        .select({ one: sql`1` })
        .from(visitRatings)
        .where(eq(visitRatings.inspectionId, inspections.id)),
    ),
  );
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .where(where),
    db
      .select({
        id: inspections.id,
        title: inspections.organisationName,
        date: inspections.plannedOn,
        inspectionId: inspections.id,
      })
      .from(inspections)
      .where(where)
      .orderBy(inspections.plannedOn, inspections.id)
      .limit(sample),
  );
};

// Penalty cases matching `condition` in the actor's scope, earliest `date` first.
const casesWaiting = (
  db: Db,
  scope: Scoper,
  condition: SQL,
  date: typeof penaltyCases.openedOn | typeof penaltyCases.observationFollowUpOn,
): Promise<Waiting> => {
  const where = and(scope({ territory: penaltyCases.territory }), condition);
  return counted(
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(penaltyCases)
      .where(where),
    db
      .select({
        id: penaltyCases.id,
        title: penaltyCases.enterpriseName,
        date,
        inspectionId: sql<string | null>`null`,
      })
      .from(penaltyCases)
      .where(where)
      .orderBy(date, penaltyCases.id)
      .limit(sample),
  );
};

// measure 14: observation periods whose follow-up visit falls within the coming days, nothing recorded yet
export const observationsWaiting = (db: Db, filter: { scope: Scoper; dueBy: string }): Promise<Waiting> =>
  casesWaiting(db, filter.scope, observationDue(filter.dueBy), penaltyCases.observationFollowUpOn);

// measure 16: cases with a 查封、扣押 in force ending within the coming days or already past its last day
export const seizuresEnding = (db: Db, filter: { scope: Scoper; dueBy: string }): Promise<Waiting> =>
  casesWaiting(db, filter.scope, seizureDue(filter.dueBy), penaltyCases.openedOn);
