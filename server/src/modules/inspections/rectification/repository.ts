import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RectificationStatus } from '@inspecta/domain';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { storedActionNames } from '../../../platform/audit/actions.ts';
import { users } from '../../../platform/auth/schema.ts';
import {
  checklistEntries,
  evidenceFiles,
  findings,
  inspectionDocuments,
  inspections,
  rectificationOrders,
  type FindingStatus,
} from '../schema.ts';

// Rectification orders (measure 13), the findings they cover, and what an order's view and the record's
// conclusion read beside them.

export type OrderRow = typeof rectificationOrders.$inferSelect;
export type OrderInsert = typeof rectificationOrders.$inferInsert;

const overdueCondition = (today: string): SQL =>
  and(inArray(rectificationOrders.status, ['issued', 'failed']), lt(rectificationOrders.deadline, today))!;

export const findOrderById = async (db: Db | Tx, id: string, lock = false): Promise<OrderRow | undefined> => {
  const query = db.select().from(rectificationOrders).where(eq(rectificationOrders.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
};

export type OrderFilter = {
  scope: SQL | undefined;
  status?: RectificationStatus | undefined;
  overdue?: boolean | undefined;
  candidates?: boolean | undefined;
  inspectionId?: string | undefined;
  today: string;
};

// Past the deadline first, then the latest issued.
export const listOrderRows = async (
  db: Db | Tx,
  filter: OrderFilter,
  paging: { page: number; pageSize: number },
) => {
  const { today } = filter;
  const conditions: (SQL | undefined)[] = [filter.scope];
  if (filter.status) conditions.push(eq(rectificationOrders.status, filter.status));
  if (filter.overdue) conditions.push(overdueCondition(today));
  if (filter.candidates)
    conditions.push(or(eq(rectificationOrders.status, 'escalated'), overdueCondition(today)));
  if (filter.inspectionId) conditions.push(eq(rectificationOrders.inspectionId, filter.inspectionId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(rectificationOrders)
      .where(where)
      .orderBy(
        asc(rectificationOrders.deadline),
        desc(rectificationOrders.issuedAt),
        asc(rectificationOrders.id),
      )
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(rectificationOrders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

// The enterprise's latest 200 orders, newest first.
export const listEnterpriseOrderRows = (db: Db | Tx, enterpriseId: string): Promise<OrderRow[]> =>
  db
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.enterpriseId, enterpriseId))
    .orderBy(desc(rectificationOrders.issuedAt), asc(rectificationOrders.id))
    .limit(200);

export const listOrdersOfInspection = (db: Db | Tx, inspectionId: string): Promise<OrderRow[]> =>
  db
    .select()
    .from(rectificationOrders)
    .where(eq(rectificationOrders.inspectionId, inspectionId))
    .orderBy(asc(rectificationOrders.issuedAt), asc(rectificationOrders.id));

export const findOrdersOfInspection = (db: Db | Tx, inspectionId: string): Promise<OrderRow[]> =>
  db.select().from(rectificationOrders).where(eq(rectificationOrders.inspectionId, inspectionId));

export const findOrderFindingIdsOf = (db: Db | Tx, inspectionId: string) =>
  db
    .select({ id: rectificationOrders.id, findingIds: rectificationOrders.findingIds })
    .from(rectificationOrders)
    .where(eq(rectificationOrders.inspectionId, inspectionId));

export const insertOrder = async (db: Db | Tx, values: OrderInsert): Promise<OrderRow> => {
  const [order] = await db.insert(rectificationOrders).values(values).returning();
  return order!;
};

export const updateOrder = async (
  db: Db | Tx,
  id: string,
  set: Partial<OrderInsert>,
): Promise<OrderRow | undefined> => {
  const [updated] = await db
    .update(rectificationOrders)
    .set(set)
    .where(eq(rectificationOrders.id, id))
    .returning();
  return updated;
};

// The ids of orders still 'issued' or 'failed' past their deadline.
export const findDueOrderIds = (db: Db | Tx, today: string) =>
  db.select({ id: rectificationOrders.id }).from(rectificationOrders).where(overdueCondition(today));

export const findFindingsOfOrder = (db: Db | Tx, ids: string[]) =>
  db.select().from(findings).where(inArray(findings.id, ids));

// The inspection's findings by id, locked.
export const lockFindingsOf = (db: Db | Tx, inspectionId: string, ids: string[]) =>
  db
    .select()
    .from(findings)
    .where(and(eq(findings.inspectionId, inspectionId), inArray(findings.id, ids)))
    .for('update');

export const setFindingsStatus = async (db: Db | Tx, ids: string[], status: FindingStatus): Promise<void> => {
  await db.update(findings).set({ status }).where(inArray(findings.id, ids));
};

export const listFindingsInRecordOrder = (db: Db | Tx, inspectionId: string) =>
  db.select().from(findings).where(eq(findings.inspectionId, inspectionId)).orderBy(asc(findings.recordedAt));

export const listEntriesInRecordOrder = (db: Db | Tx, inspectionId: string) =>
  db
    .select()
    .from(checklistEntries)
    .where(eq(checklistEntries.inspectionId, inspectionId))
    .orderBy(asc(checklistEntries.recordedAt));

export const findEnterpriseNamesOf = (db: Db | Tx, inspectionIds: string[]) =>
  db
    .select({ id: inspections.id, enterpriseName: inspections.enterpriseName })
    .from(inspections)
    .where(inArray(inspections.id, inspectionIds));

export const findEnterpriseNameOf = async (db: Db | Tx, inspectionId: string) => {
  const [inspection] = await db
    .select({ enterpriseName: inspections.enterpriseName })
    .from(inspections)
    .where(eq(inspections.id, inspectionId));
  return inspection;
};

export const findDocumentsOfSubjects = (db: Db | Tx, subjectIds: string[]) =>
  db.select().from(inspectionDocuments).where(inArray(inspectionDocuments.subjectId, subjectIds));

export const findOrderDocumentNumber = async (db: Db | Tx, orderId: string) => {
  const [orderDocument] = await db
    .select({ number: inspectionDocuments.number })
    .from(inspectionDocuments)
    .where(
      and(eq(inspectionDocuments.subjectId, orderId), eq(inspectionDocuments.type, 'rectification_order')),
    );
  return orderDocument;
};

export const findOrderDocumentNumbersOf = (db: Db | Tx, inspectionId: string) =>
  db
    .select({ subjectId: inspectionDocuments.subjectId, number: inspectionDocuments.number })
    .from(inspectionDocuments)
    .where(
      and(
        eq(inspectionDocuments.inspectionId, inspectionId),
        eq(inspectionDocuments.type, 'rectification_order'),
      ),
    );

export const findLatestRecordDocument = async (db: Db | Tx, inspectionId: string) => {
  const [issued] = await db
    .select()
    .from(inspectionDocuments)
    .where(
      and(
        eq(inspectionDocuments.inspectionId, inspectionId),
        eq(inspectionDocuments.type, 'inspection_record'),
      ),
    )
    .orderBy(desc(inspectionDocuments.issuedAt))
    .limit(1);
  return issued;
};

// The audit events that closed orders of the inspections without rectification (their reason and who).
export const findClosuresOf = (db: Db | Tx, inspectionIds: string[]) =>
  db
    .select({ payload: auditEvents.payload, at: auditEvents.at, actorName: auditEvents.actorName })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.action, storedActionNames('rectification.order.closed_unrectified')),
        inArray(auditEvents.entityId, inspectionIds),
      ),
    );

export const findProofFile = async (db: Db | Tx, inspectionId: string, fileId: string) => {
  const [file] = await db
    .select({
      data: evidenceFiles.data,
      mediaType: evidenceFiles.mediaType,
      fileName: evidenceFiles.fileName,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.inspectionId, inspectionId)));
  return file;
};

// Active unit heads and bureau heads, who hear of escalated orders in their territory.
export const findActiveHeads = (db: Db | Tx) =>
  db
    .select({ id: users.id, territory: users.territory })
    .from(users)
    .where(and(inArray(users.role, ['unit_head', 'bureau_head']), eq(users.active, true)));

// issue 11 item 12: open orders whose deadline was counted into a year without a holiday table, locked.
export const lockOrdersWithPendingDeadlines = (db: Db | Tx) =>
  db
    .select()
    .from(rectificationOrders)
    .where(
      and(
        sql`${rectificationOrders.deadlinePendingYears} <> '[]'::jsonb`,
        inArray(rectificationOrders.status, ['issued', 'proof_submitted', 'failed']),
      ),
    )
    .orderBy(asc(rectificationOrders.issuedAt))
    .for('update');

// The active users who are told of an order's new deadline: its issuer and the enterprise's own accounts.
export const findOrderAudience = (db: Db | Tx, issuerId: string | null, enterpriseId: string) =>
  db
    .select({ id: users.id, territory: users.territory })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        issuerId
          ? or(eq(users.id, issuerId), eq(users.enterpriseId, enterpriseId))
          : eq(users.enterpriseId, enterpriseId),
      ),
    );
