import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { organisations } from '../../organisations/schema.ts';
import { evidenceFiles, inspectionDocuments, inspections } from '../schema.ts';

// The inspection's numbered documents, their counters, and what a document says of the enterprise and bureau.

export type DocumentRow = typeof inspectionDocuments.$inferSelect;

export const findDocumentById = async (db: Db | Tx, id: string): Promise<DocumentRow | undefined> => {
  const [row] = await db.select().from(inspectionDocuments).where(eq(inspectionDocuments.id, id));
  return row;
};

// In the order they were issued.
export const listDocumentsOf = (db: Db | Tx, inspectionId: string): Promise<DocumentRow[]> =>
  db
    .select()
    .from(inspectionDocuments)
    .where(eq(inspectionDocuments.inspectionId, inspectionId))
    .orderBy(
      asc(inspectionDocuments.issuedAt),
      asc(inspectionDocuments.type),
      asc(inspectionDocuments.sequence),
    );

export const findSignatureData = async (db: Db | Tx, inspectionId: string, fileId: string) => {
  const [signature] = await db
    .select({ data: evidenceFiles.data })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.id, fileId),
        eq(evidenceFiles.inspectionId, inspectionId),
        eq(evidenceFiles.kind, 'signature'),
      ),
    );
  return signature;
};

export const findInspectionTitle = async (db: Db | Tx, inspectionId: string) => {
  const [inspection] = await db
    .select({ enterpriseName: inspections.enterpriseName, plannedOn: inspections.plannedOn })
    .from(inspections)
    .where(eq(inspections.id, inspectionId));
  return inspection;
};

export const findIssuingBureau = async (db: Db | Tx, organisationId: string) => {
  const [bureau] = await db
    .select({ id: organisations.id, name: organisations.name, territory: organisations.territory })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return bureau;
};

export const insertDocument = async (
  tx: Tx,
  values: typeof inspectionDocuments.$inferInsert,
): Promise<DocumentRow> => {
  const [row] = await tx.insert(inspectionDocuments).values(values).returning();
  return row!;
};

export const findEnterpriseLine = async (db: Db | Tx, enterpriseId: string) => {
  const [row] = await db
    .select({
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      address: enterprises.address,
      legalRepresentative: enterprises.legalRepresentative,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row;
};
