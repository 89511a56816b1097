import { DOCUMENT_TYPE_INFO, type DocumentType } from '@inspecta/domain';
import JSZip from 'jszip';
import type { AppContext } from '../../../platform/http/context.ts';
import { isUuid } from '../../../platform/http/paging.ts';
import {
  actsForOwnEnterprise,
  mayReadFileOnlyDocuments,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { notFound } from '../../../platform/problems/problem.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { loadInspection, type InspectionRow } from '../inspection-store.ts';
import type { inspectionDocuments } from '../schema.ts';
import { findInspectionById } from '../repository.ts';
import { findDocumentById, findInspectionTitle, findSignatureData, listDocumentsOf } from './repository.ts';
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
  if (!actsForOwnEnterprise(actor)) return loadInspection(db, actor, id, 'read');
  if (!isUuid(id) || !actor.enterpriseId) throw notFound('检查');
  const row = await findInspectionById(db, id);
  if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('检查');
  return row;
};

const visibleTo = (actor: Actor, type: string) =>
  mayReadFileOnlyDocuments(actor) || !ENTERPRISE_HIDDEN.includes(type as DocumentType);

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
  const rows = await listDocumentsOf(db, inspection.id);
  return rows.filter((row) => visibleTo(actor, row.type));
};

export const listDocuments = async (ctx: AppContext, actor: Actor, inspectionId: string) => ({
  items: (await documentsOf(ctx.db, actor, inspectionId)).map(toDocumentItem),
});

const render = async (db: Db, row: typeof inspectionDocuments.$inferSelect) => {
  const doc = row as unknown as IssuedDocument;
  const signatureId = signatureFileIdOf(doc);
  const signature = signatureId ? await findSignatureData(db, row.inspectionId, signatureId) : undefined;
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
  const row = await findDocumentById(ctx.db, id);
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
  const inspection = await findInspectionTitle(ctx.db, inspectionId);
  return {
    fileName: `${inspection?.enterpriseName ?? '检查'} 检查文书（${rows.length}份）.zip`,
    data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  };
};
