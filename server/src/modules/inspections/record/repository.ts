import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { enterprises } from '../../enterprises/schema.ts';
import { checklistEntries, evidenceFiles, findings, inspections, onsitePlans } from '../schema.ts';

// The on-site record: checklist entries, findings and the files they name, and the form they are written on.

export type FindingRow = typeof findings.$inferSelect;
type InspectionRow = typeof inspections.$inferSelect;

export const findApprovedPlanContent = async (db: Db | Tx, inspectionId: string) => {
  const [plan] = await db
    .select({ content: onsitePlans.content })
    .from(onsitePlans)
    .where(and(eq(onsitePlans.inspectionId, inspectionId), eq(onsitePlans.status, 'approved')))
    .orderBy(desc(onsitePlans.version))
    .limit(1);
  return plan;
};

export const findEnterpriseFeatures = async (db: Db | Tx, enterpriseId: string) => {
  const [enterprise] = await db
    .select({
      industry: enterprises.industry,
      dustWorkers: enterprises.dustWorkers,
      usesLiquidAmmonia: enterprises.usesLiquidAmmonia,
      hasDeepWellCasting: enterprises.hasDeepWellCasting,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return enterprise;
};

export const listEntriesOf = (db: Db | Tx, inspectionId: string) =>
  db
    .select()
    .from(checklistEntries)
    .where(eq(checklistEntries.inspectionId, inspectionId))
    .orderBy(asc(checklistEntries.recordedAt), asc(checklistEntries.syncedAt));

export const listFindingsOf = (db: Db | Tx, inspectionId: string): Promise<FindingRow[]> =>
  db
    .select()
    .from(findings)
    .where(eq(findings.inspectionId, inspectionId))
    .orderBy(asc(findings.recordedAt), asc(findings.id));

export const listFilesOf = (db: Db | Tx, inspectionId: string) =>
  db
    .select({
      id: evidenceFiles.id,
      kind: evidenceFiles.kind,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
      mediaType: evidenceFiles.mediaType,
      takenAt: evidenceFiles.takenAt,
      uploadedAt: evidenceFiles.uploadedAt,
      uploadedByName: evidenceFiles.uploadedByName,
    })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.inspectionId, inspectionId))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));

// The file's content, when it belongs to the inspection.
export const findFileContent = async (db: Db | Tx, inspectionId: string, fileId: string) => {
  const [file] = await db
    .select({
      data: evidenceFiles.data,
      mediaType: evidenceFiles.mediaType,
      sha256: evidenceFiles.sha256,
      size: evidenceFiles.size,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.inspectionId, inspectionId)));
  return file;
};

export const findFileKind = async (db: Db | Tx, inspectionId: string, fileId: string) => {
  const [file] = await db
    .select({ kind: evidenceFiles.kind })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.inspectionId, inspectionId)));
  return file;
};

// Which of the ids are files of the inspection.
export const findFileIdsOf = (db: Db | Tx, inspectionId: string, ids: string[]) =>
  db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.inspectionId, inspectionId), inArray(evidenceFiles.id, ids)));

export const updateAcknowledgement = async (
  db: Db | Tx,
  inspectionId: string,
  acknowledgement: InspectionRow['acknowledgement'],
): Promise<void> => {
  await db.update(inspections).set({ acknowledgement }).where(eq(inspections.id, inspectionId));
};

export const findEntriesByIds = (db: Db | Tx, ids: string[]) =>
  db
    .select({ id: checklistEntries.id, inspectionId: checklistEntries.inspectionId })
    .from(checklistEntries)
    .where(inArray(checklistEntries.id, ids));

export const findFindingsByIds = (db: Db | Tx, ids: string[]): Promise<FindingRow[]> =>
  db.select().from(findings).where(inArray(findings.id, ids));

export const listEntryAnswersOf = (db: Db | Tx, inspectionId: string) =>
  db
    .select({
      id: checklistEntries.id,
      itemCode: checklistEntries.itemCode,
      recordedAt: checklistEntries.recordedAt,
    })
    .from(checklistEntries)
    .where(eq(checklistEntries.inspectionId, inspectionId));

export const insertEntry = async (
  db: Db | Tx,
  values: typeof checklistEntries.$inferInsert,
): Promise<void> => {
  await db.insert(checklistEntries).values(values);
};

export const insertFinding = async (db: Db | Tx, values: typeof findings.$inferInsert): Promise<void> => {
  await db.insert(findings).values(values);
};

export const updateFinding = async (
  db: Db | Tx,
  id: string,
  set: Partial<typeof findings.$inferInsert>,
): Promise<void> => {
  await db.update(findings).set(set).where(eq(findings.id, id));
};

export const findEmergencyMeasures = async (db: Db | Tx, findingId: string) => {
  const [current] = await db
    .select({ emergencyMeasures: findings.emergencyMeasures })
    .from(findings)
    .where(eq(findings.id, findingId));
  return current;
};
