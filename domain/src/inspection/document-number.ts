import { documentCatalog, type DocumentCatalog } from '../documents/document-catalog.ts';
import { bureauDocumentData } from '../documents/remedy-notice.ts';
import {
  CASE_DOCUMENT_NAMES,
  CASE_DOCUMENT_TYPES,
  type CaseDocumentType,
} from '../penalty/case-documents.ts';

// Issue 5 item 8, issue 11 item 10: standard documents carry gapless numbers per bureau, document type and year,
// in the national pattern （江）应急责改〔2026〕7号. The pattern, the type codes and each bureau's region
// abbreviation are catalogue data (catalog/documents.json, numbering and bureaus), marked for legal review.

export const DOCUMENT_TYPES = [
  'onsite_plan',
  'inspection_notice',
  'inspection_record',
  'rectification_order',
  'rectification_review',
  'onsite_measures_decision',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const DOCUMENT_NAMES: Record<DocumentType, string> = {
  onsite_plan: '现场检查方案',
  inspection_notice: '行政检查通知书',
  inspection_record: '现场检查记录',
  rectification_order: '责令限期整改指令书',
  rectification_review: '整改复查意见书',
  onsite_measures_decision: '现场处理措施决定书',
};

// Every numbered document, an inspection's or a penalty case's (issue 15 item 11): one counter per bureau, type
// and year (document_counters).
export const NUMBERED_DOCUMENT_TYPES = [...DOCUMENT_TYPES, ...CASE_DOCUMENT_TYPES] as const;
export type NumberedDocumentType = DocumentType | CaseDocumentType;
const NUMBERED_NAMES: Record<NumberedDocumentType, string> = { ...DOCUMENT_NAMES, ...CASE_DOCUMENT_NAMES };

const typeCodeOf = (
  type: NumberedDocumentType,
  catalog: DocumentCatalog,
): { code: string; verified: boolean } => {
  const entry = catalog.numbering.types.find((candidate) => candidate.documentType === type);
  if (!entry) throw new Error(`文书编号目录中没有 ${NUMBERED_NAMES[type]} 的代码`);
  return { code: entry.typeCode, verified: entry.verified };
};

export const DOCUMENT_TYPE_INFO: Record<DocumentType, { name: string; code: string; verified: boolean }> =
  Object.fromEntries(
    DOCUMENT_TYPES.map((type) => [
      type,
      { name: DOCUMENT_NAMES[type], ...typeCodeOf(type, documentCatalog) },
    ]),
  ) as Record<DocumentType, { name: string; code: string; verified: boolean }>;

export const CASE_DOCUMENT_TYPE_INFO: Record<
  CaseDocumentType,
  { name: string; code: string; verified: boolean }
> = Object.fromEntries(
  CASE_DOCUMENT_TYPES.map((type) => [
    type,
    { name: CASE_DOCUMENT_NAMES[type], ...typeCodeOf(type, documentCatalog) },
  ]),
) as Record<CaseDocumentType, { name: string; code: string; verified: boolean }>;

// 江门市应急管理局 → 江; 蓬江区应急管理局 → 蓬江 (catalogue data, 待法制审核)
export const bureauAbbreviation = (territory: string, catalog: DocumentCatalog = documentCatalog): string =>
  bureauDocumentData(territory, catalog).regionAbbreviation;

export const formatDocumentNumber = (
  input: { territory: string; type: NumberedDocumentType; year: number; sequence: number },
  catalog: DocumentCatalog = documentCatalog,
): string =>
  catalog.numbering.template
    .replaceAll('{region}', bureauAbbreviation(input.territory, catalog))
    .replaceAll('{typeCode}', typeCodeOf(input.type, catalog).code)
    .replaceAll('{year}', String(input.year))
    .replaceAll('{sequence}', String(input.sequence));
