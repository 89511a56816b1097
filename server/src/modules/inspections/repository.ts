import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  OPEN_STAGES,
  STAGES_BEFORE_VISIT,
  stagesWithStatus,
  type InspectionKind,
  type InspectionStage,
  type InspectionStatus,
} from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import { orderBy } from '../../platform/db/order-by.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { storedActionNames } from '../../platform/audit/actions.ts';
import { enterprises } from '../enterprises/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { evidenceFiles, inspections, mergeDecisions, onsitePlans, visitRatings } from './schema.ts';

// The inspection's own rows (inspections, merge decisions) and what planning one reads of others.

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionInsert = typeof inspections.$inferInsert;
export type MergeDecisionRow = typeof mergeDecisions.$inferSelect;
export type MergeDecisionInsert = typeof mergeDecisions.$inferInsert;

export const findInspectionById = async (
  db: Db | Tx,
  id: string,
  lock = false,
): Promise<InspectionRow | undefined> => {
  const query = db.select().from(inspections).where(eq(inspections.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
};

// Locked, in the order the database returns them.
export const lockInspectionsByIds = (tx: Tx, ids: string[]): Promise<InspectionRow[]> =>
  tx.select().from(inspections).where(inArray(inspections.id, ids)).for('update');

export const updateInspection = async (
  db: Db | Tx,
  id: string,
  set: Partial<InspectionInsert>,
): Promise<InspectionRow | undefined> => {
  const [row] = await db.update(inspections).set(set).where(eq(inspections.id, id)).returning();
  return row;
};

export const updateInspections = async (
  db: Db | Tx,
  ids: string[],
  set: Partial<InspectionInsert>,
): Promise<void> => {
  await db.update(inspections).set(set).where(inArray(inspections.id, ids));
};

export const insertInspection = async (db: Db | Tx, values: InspectionInsert): Promise<InspectionRow> => {
  const [row] = await db.insert(inspections).values(values).returning();
  return row!;
};

// Serialises planning for one enterprise, so two officers cannot both take its last allowed inspection.
export const lockEnterprise = (tx: Tx, enterpriseId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(7391100, hashtext(${enterpriseId}))`);

// Every active legal reviewer; the caller keeps those whose territory covers the record.
export const findActiveLegalReviewers = (db: Db | Tx) =>
  db
    .select({ id: users.id, territory: users.territory })
    .from(users)
    .where(and(eq(users.role, 'legal_reviewer'), eq(users.active, true)));

export const findEnterpriseForPlanning = async (db: Db | Tx, id: string) => {
  const [row] = await db
    .select({
      id: enterprises.id,
      territory: enterprises.territory,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
    })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row;
};

export const findEnterpriseSummary = async (db: Db | Tx, id: string) => {
  const [row] = await db
    .select({ id: enterprises.id, territory: enterprises.territory, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row;
};

export const findEnterpriseRow = async (db: Db | Tx, id: string) => {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
};

export const findOrganisationRow = async (db: Db | Tx, id: string) => {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
};

export const findOrganisationSummary = async (db: Db | Tx, id: string) => {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      departmentType: organisations.departmentType,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
};

export const findOrganisationsByIds = (db: Db | Tx, ids: string[]) =>
  db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      active: organisations.active,
      departmentType: organisations.departmentType,
      territory: organisations.territory,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids));

// The other open (planned) inspections of the enterprise in the year.
export const findOtherPlannedInYear = (db: Db | Tx, row: InspectionRow): Promise<InspectionRow[]> =>
  db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, row.enterpriseId),
        eq(inspections.year, row.year),
        inArray(inspections.stage, OPEN_STAGES),
        ne(inspections.id, row.id),
      ),
    );

// The other open (planned) inspections of the enterprise in the month of the row's planned day.
export const findOtherPlannedInMonth = (db: Db | Tx, row: InspectionRow, month: string) =>
  db
    .select({ id: inspections.id })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, row.enterpriseId),
        inArray(inspections.stage, OPEN_STAGES),
        ne(inspections.id, row.id),
        sql`to_char(${inspections.plannedOn}, 'YYYY-MM') = ${month}`,
      ),
    );

export const findDeclinedMergesOfEnterprise = (db: Db | Tx, enterpriseId: string) =>
  db
    .select({ inspectionIds: mergeDecisions.inspectionIds })
    .from(mergeDecisions)
    .where(and(eq(mergeDecisions.enterpriseId, enterpriseId), eq(mergeDecisions.decision, 'declined')));

export const findDeclinedMergesOfEnterprises = (db: Db | Tx, enterpriseIds: string[]) =>
  db
    .select({ inspectionIds: mergeDecisions.inspectionIds })
    .from(mergeDecisions)
    .where(and(inArray(mergeDecisions.enterpriseId, enterpriseIds), eq(mergeDecisions.decision, 'declined')));

// Open (planned) inspections in scope of the enterprises that have two or more of them in a year.
export const findOpenInCrowdedEnterprises = (db: Db | Tx, scope: SQL | undefined) => {
  const crowded = db
    .select({ enterpriseId: inspections.enterpriseId })
    .from(inspections)
    .where(and(scope, inArray(inspections.stage, OPEN_STAGES)))
    .groupBy(inspections.enterpriseId, inspections.year)
    .having(sql`count(*) >= 2`);
  return db
    .select()
    .from(inspections)
    .where(and(scope, inArray(inspections.stage, OPEN_STAGES), inArray(inspections.enterpriseId, crowded)));
};

export const insertMergeDecision = async (
  db: Db | Tx,
  values: MergeDecisionInsert,
): Promise<MergeDecisionRow> => {
  const [row] = await db.insert(mergeDecisions).values(values).returning();
  return row!;
};

export type InspectionFilter = {
  scope: SQL | undefined;
  enterpriseId?: string | undefined;
  year?: number | undefined;
  status?: InspectionStatus | undefined;
  kind?: InspectionKind | undefined;
  drawId?: string | undefined;
  stages?: InspectionStage[] | undefined;
  plannedFrom?: string | undefined;
  plannedTo?: string | undefined;
  // planned before this date and not yet visited
  overdueBefore?: string | undefined;
  q?: string | undefined;
  officer?: string | undefined;
  // the latest on-site plan returned, drafted by this user
  returnedTo?: string | undefined;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listInspectionRows = async (
  db: Db | Tx,
  filter: InspectionFilter,
  paging: { page: number; pageSize: number; sort?: string | undefined },
) => {
  const where = and(
    filter.scope,
    filter.enterpriseId === undefined ? undefined : eq(inspections.enterpriseId, filter.enterpriseId),
    filter.year === undefined ? undefined : eq(inspections.year, filter.year),
    filter.status === undefined ? undefined : inArray(inspections.stage, stagesWithStatus(filter.status)),
    filter.kind === undefined ? undefined : eq(inspections.kind, filter.kind),
    filter.drawId === undefined ? undefined : eq(inspections.drawId, filter.drawId),
    filter.stages === undefined || filter.stages.length === 0
      ? undefined
      : inArray(inspections.stage, filter.stages),
    filter.plannedFrom === undefined ? undefined : gte(inspections.plannedOn, filter.plannedFrom),
    filter.plannedTo === undefined ? undefined : lte(inspections.plannedOn, filter.plannedTo),
    filter.overdueBefore === undefined
      ? undefined
      : and(
          lt(inspections.plannedOn, filter.overdueBefore),
          inArray(inspections.stage, [...STAGES_BEFORE_VISIT]),
        ),
    !filter.q
      ? undefined
      : or(
          ilike(inspections.enterpriseName, likePattern(filter.q)),
          eq(inspections.creditCode, filter.q.toUpperCase()),
        ),
    !filter.officer
      ? undefined
      : sql`exists (select 1 from jsonb_array_elements(${inspections.team}) as member where member->>'name' ilike ${likePattern(filter.officer)} or member->>'certificate' = ${filter.officer})`,
    filter.returnedTo === undefined
      ? undefined
      : sql`exists (select 1 from ${onsitePlans} as returned where returned.inspection_id = ${inspections.id} and returned.status = 'rejected' and returned.drafted_by_id = ${filter.returnedTo} and not exists (select 1 from ${onsitePlans} as later where later.inspection_id = returned.inspection_id and later.version > returned.version))`,
  );
  const order = orderBy(
    paging.sort,
    {
      plannedOn: inspections.plannedOn,
      enterpriseName: inspections.enterpriseName,
      createdAt: inspections.createdAt,
    },
    '-plannedOn',
    inspections.id,
  );
  const rows = await db
    .select()
    .from(inspections)
    .where(where)
    .orderBy(...order)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(where);
  return { rows, total: total?.n ?? 0 };
};

// The enterprise's inspections in a year, in planned order; `status` narrows them to one status.
export const findInspectionsOfEnterpriseYear = (
  db: Db | Tx,
  enterpriseId: string,
  year: number,
  status?: InspectionStatus,
): Promise<InspectionRow[]> =>
  db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, enterpriseId),
        eq(inspections.year, year),
        status === undefined ? undefined : inArray(inspections.stage, stagesWithStatus(status)),
      ),
    )
    .orderBy(asc(inspections.plannedOn), asc(inspections.id));

export const findInspectionsOfEnterpriseInStages = (
  db: Db | Tx,
  enterpriseId: string,
  stages: readonly InspectionStage[],
) =>
  db
    .select()
    .from(inspections)
    .where(and(eq(inspections.enterpriseId, enterpriseId), inArray(inspections.stage, stages)))
    .orderBy(asc(inspections.plannedOn));

// issue 13 item 1: the enterprise's visits it may still rate: the team arrived, the visit is over, no rating yet.
export const findVisitsToRate = (db: Db | Tx, enterpriseId: string, stages: readonly InspectionStage[]) =>
  db
    .select({
      id: inspections.id,
      organisationName: inspections.organisationName,
      plannedOn: inspections.plannedOn,
    })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, enterpriseId),
        inArray(inspections.stage, stages),
        sql`${inspections.checkedInAt} is not null`,
        sql`not exists (select 1 from ${visitRatings} where ${visitRatings.inspectionId} = ${inspections.id})`,
      ),
    )
    .orderBy(asc(inspections.plannedOn));

// The approved on-site plans of the inspections, latest version first.
export const findApprovedPlansOf = (db: Db | Tx, inspectionIds: string[]) =>
  db
    .select()
    .from(onsitePlans)
    .where(and(inArray(onsitePlans.inspectionId, inspectionIds), eq(onsitePlans.status, 'approved')))
    .orderBy(desc(onsitePlans.version));

// measure 12: the inspection's own events, those that name it in their payload, and the draw that chose it.
export const findTimelineEvents = (db: Db | Tx, inspectionId: string, drawId: string | null) =>
  db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.entityType, 'inspection'), eq(auditEvents.entityId, inspectionId)),
        sql`${auditEvents.payload} ->> 'inspectionId' = ${inspectionId}`,
        drawId
          ? and(
              eq(auditEvents.entityType, 'draw'),
              eq(auditEvents.entityId, drawId),
              inArray(auditEvents.action, storedActionNames('draw.performed')),
            )
          : sql`false`,
      ),
    )
    .orderBy(asc(auditEvents.seq));

export const findEvidenceSummary = async (db: Db | Tx, id: string) => {
  const [row] = await db
    .select({
      id: evidenceFiles.id,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
      mediaType: evidenceFiles.mediaType,
      takenAt: evidenceFiles.takenAt,
      inspectionId: evidenceFiles.inspectionId,
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.id, id));
  return row;
};

export const insertEvidenceFile = async (
  db: Db | Tx,
  values: typeof evidenceFiles.$inferInsert,
): Promise<void> => {
  await db.insert(evidenceFiles).values(values);
};
