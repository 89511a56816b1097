import { DOCUMENT_TYPE_INFO, type DocumentType } from '@inspecta/domain';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { notFound } from '../../../platform/http/problem.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { inspections } from '../schema.ts';
import { loadInspection, type InspectionRow } from '../inspection-store.ts';
import { evidenceFiles, inspectionDocuments } from '../schema.ts';
import type { TInspectionDocument } from './model.ts';
import { documentFileName, renderDocument } from './render-document.ts';
import { signatureFileIdOf, type IssuedDocument } from './snapshots.ts';

// Who reads an inspection's documents: staff of its territory (the policy module), and the enterprise user for
// its own enterprise's inspections — except the on-site plan, which is the bureau's internal approval and, for
// an unannounced visit, must not reach the enterprise before it.

const ENTERPRISE_HIDDEN: readonly DocumentType[] = ['onsite_plan'];

export const loadReadableInspection = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
): Promise<InspectionRow> => {
  if (actor.role !== 'enterprise') return loadInspection(db, actor, id, 'read');
  if (!isUuid(id) || !actor.enterpriseId) throw notFound('检查');
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('检查');
  return row;
};

const visibleTo = (actor: Actor, type: string) =>
  actor.role !== 'enterprise' || !ENTERPRISE_HIDDEN.includes(type as DocumentType);

export const toDocumentItem = (row: typeof inspectionDocuments.$inferSelect): TInspectionDocument => ({
  id: row.id,
  inspectionId: row.inspectionId,
  type: row.type,
  typeName: DOCUMENT_TYPE_INFO[row.type].name,
  number: row.number,
  year: row.year,
  sequence: row.sequence,
  subjectId: row.subjectId,
  issuedAt: row.issuedAt.toISOString(),
  issuedByName: row.issuedByName,
});

const documentsOf = async (db: Db, actor: Actor, inspectionId: string) => {
  const inspection = await loadReadableInspection(db, actor, inspectionId);
  const rows = await db
    .select()
    .from(inspectionDocuments)
    .where(eq(inspectionDocuments.inspectionId, inspection.id))
    .orderBy(
      asc(inspectionDocuments.issuedAt),
      asc(inspectionDocuments.type),
      asc(inspectionDocuments.sequence),
    );
  return rows.filter((row) => visibleTo(actor, row.type));
};

export const listDocuments = async (ctx: AppContext, actor: Actor, inspectionId: string) => ({
  items: (await documentsOf(ctx.db, actor, inspectionId)).map(toDocumentItem),
});

const render = async (db: Db, row: typeof inspectionDocuments.$inferSelect) => {
  const doc = row as unknown as IssuedDocument;
  const signatureId = signatureFileIdOf(doc);
  const [signature] = signatureId
    ? await db
        .select({ data: evidenceFiles.data })
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.id, signatureId),
            eq(evidenceFiles.inspectionId, row.inspectionId),
            eq(evidenceFiles.kind, 'signature'),
          ),
        )
    : [];
  return {
    fileName: documentFileName(doc),
    data: await renderDocument(doc, { signature: signature?.data ?? null }),
  };
};

export const documentFile = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; data: Buffer }> => {
  if (!isUuid(id)) throw notFound('文书');
  const [row] = await ctx.db.select().from(inspectionDocuments).where(eq(inspectionDocuments.id, id));
  if (!row || !visibleTo(actor, row.type)) throw notFound('文书');
  await loadReadableInspection(ctx.db, actor, row.inspectionId).catch(() => {
    throw notFound('文书');
  });
  return render(ctx.db, row);
};

// The full set for one inspection in one download (officers today spend half an hour on it).
export const documentsZip = async (
  ctx: AppContext,
  actor: Actor,
  inspectionId: string,
): Promise<{ fileName: string; data: Buffer }> => {
  const rows = await documentsOf(ctx.db, actor, inspectionId);
  if (rows.length === 0) throw notFound('文书');
  const zip = new JSZip();
  for (const row of rows) {
    const file = await render(ctx.db, row);
    zip.file(file.fileName, file.data);
  }
  const [inspection] = await ctx.db
    .select({ enterpriseName: inspections.enterpriseName, plannedOn: inspections.plannedOn })
    .from(inspections)
    .where(eq(inspections.id, inspectionId));
  return {
    fileName: `${inspection?.enterpriseName ?? '检查'} 检查文书（${rows.length}份）.zip`,
    data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  };
};
