import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/http/paging.ts';
import { inspections } from '../inspections/schema.ts';
import { enforcementComplaints } from '../supervision/schema.ts';
import { accountabilityPersons, accountabilityRecords } from './schema.ts';

export type RecordRow = typeof accountabilityRecords.$inferSelect;
export type RecordInsert = typeof accountabilityRecords.$inferInsert;
export type PersonRow = typeof accountabilityPersons.$inferSelect;
export type PersonInsert = typeof accountabilityPersons.$inferInsert;

export type RecordFilter = {
  scope: SQL | undefined;
  status?: RecordRow['status'] | undefined;
  officerId?: string | undefined;
  complaintId?: string | undefined;
  q?: string | undefined;
};

const recordWhere = (db: Db | Tx, filter: RecordFilter) =>
  and(
    filter.scope,
    filter.status ? eq(accountabilityRecords.status, filter.status) : undefined,
    filter.complaintId ? eq(accountabilityRecords.complaintId, filter.complaintId) : undefined,
    // the records naming this officer
    filter.officerId
      ? inArray(
          accountabilityRecords.id,
          db
            .select({ id: accountabilityPersons.recordId })
            .from(accountabilityPersons)
            .where(eq(accountabilityPersons.officerId, filter.officerId)),
        )
      : undefined,
    filter.q
      ? or(
          ilike(accountabilityRecords.facts, containsPattern(filter.q)),
          ilike(accountabilityRecords.originReference, containsPattern(filter.q)),
        )
      : undefined,
  );

export const listRecordRows = async (
  db: Db,
  filter: RecordFilter,
  paging: { page: number; pageSize: number },
): Promise<{ rows: RecordRow[]; total: number }> => {
  const where = recordWhere(db, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(accountabilityRecords)
      .where(where)
      .orderBy(desc(accountabilityRecords.createdAt), desc(accountabilityRecords.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(accountabilityRecords).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

export const findRecordById = async (db: Db | Tx, id: string, lock = false) => {
  const query = db.select().from(accountabilityRecords).where(eq(accountabilityRecords.id, id));
  return (lock ? await query.for('update') : await query)[0];
};

export const findPersonsOf = (db: Db | Tx, recordIds: string[]): Promise<PersonRow[]> =>
  recordIds.length
    ? db
        .select()
        .from(accountabilityPersons)
        .where(inArray(accountabilityPersons.recordId, recordIds))
        .orderBy(asc(accountabilityPersons.officerName), asc(accountabilityPersons.id))
    : Promise.resolve([]);

export const insertRecord = async (tx: Tx, values: RecordInsert): Promise<RecordRow> => {
  const [row] = await tx.insert(accountabilityRecords).values(values).returning();
  return row!;
};

export const updateRecord = async (tx: Tx, id: string, values: Partial<RecordInsert>): Promise<RecordRow> => {
  const [row] = await tx
    .update(accountabilityRecords)
    .set(values)
    .where(eq(accountabilityRecords.id, id))
    .returning();
  return row!;
};

export const replacePersons = async (tx: Tx, recordId: string, persons: Omit<PersonInsert, 'recordId'>[]) => {
  await tx.delete(accountabilityPersons).where(eq(accountabilityPersons.recordId, recordId));
  if (persons.length)
    await tx.insert(accountabilityPersons).values(persons.map((person) => ({ ...person, recordId })));
};

export const markPersonApplied = (tx: Tx, id: string, values: Partial<PersonInsert>) =>
  tx.update(accountabilityPersons).set(values).where(eq(accountabilityPersons.id, id));

// the inspection a record concerns, as the record names it (the policy has checked the actor may read it)
export const findInspectionSummary = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: inspections.id,
        territory: inspections.territory,
        enterpriseName: inspections.enterpriseName,
        plannedOn: inspections.plannedOn,
      })
      .from(inspections)
      .where(eq(inspections.id, id))
  )[0];

// the complaint a record names (measure 29), as the record shows it; the policy checks the actor may read it
export const findComplaintSummary = async (db: Db | Tx, id: string) =>
  (
    await db
      .select({
        id: enforcementComplaints.id,
        territory: enforcementComplaints.territory,
        channel: enforcementComplaints.channel,
        channelReference: enforcementComplaints.channelReference,
        summary: enforcementComplaints.summary,
        receivedOn: enforcementComplaints.receivedOn,
      })
      .from(enforcementComplaints)
      .where(eq(enforcementComplaints.id, id))
  )[0];

// the records opened from these complaints, within the scope given
export const findRecordsOfComplaints = (db: Db | Tx, scope: SQL | undefined, complaintIds: string[]) =>
  complaintIds.length
    ? db
        .select({
          id: accountabilityRecords.id,
          complaintId: accountabilityRecords.complaintId,
          kind: accountabilityRecords.kind,
          status: accountabilityRecords.status,
          createdAt: accountabilityRecords.createdAt,
        })
        .from(accountabilityRecords)
        .where(and(scope, inArray(accountabilityRecords.complaintId, complaintIds)))
        .orderBy(asc(accountabilityRecords.createdAt), asc(accountabilityRecords.id))
    : Promise.resolve([]);
