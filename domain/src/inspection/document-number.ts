import { territoryName } from '../territory/territories.ts';

// Issue 5 item 8: standard documents carry gapless numbers per bureau, document type and year, in the official
// form 〔年份〕序号号, e.g. 江应急检〔2026〕7号. The type codes and bureau abbreviations below are placeholders
// pending legal review: the national document-number codes are not published (FACTS.md §10 [N]).

export const DOCUMENT_TYPES = [
  'onsite_plan',
  'inspection_notice',
  'inspection_record',
  'rectification_order',
  'rectification_review',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_INFO: Record<DocumentType, { name: string; code: string; verified: false }> = {
  onsite_plan: { name: '现场检查方案', code: '检方', verified: false },
  inspection_notice: { name: '行政检查通知书', code: '检通', verified: false },
  inspection_record: { name: '现场检查记录', code: '检记', verified: false },
  rectification_order: { name: '责令限期整改指令书', code: '责改', verified: false },
  rectification_review: { name: '整改复查意见书', code: '复查', verified: false },
};

// 江门市应急管理局 → 江应急; 蓬江区应急管理局 → 蓬江应急 (placeholder, 待法制审核)
export const bureauAbbreviation = (territory: string): string => {
  const name = territoryName(territory) ?? '';
  if (territory.endsWith('00')) return `${name.slice(0, 1)}应急`;
  return `${name.replace(/[市区县]$/, '')}应急`;
};

export const formatDocumentNumber = (input: {
  territory: string;
  type: DocumentType;
  year: number;
  sequence: number;
}): string =>
  `${bureauAbbreviation(input.territory)}${DOCUMENT_TYPE_INFO[input.type].code}〔${input.year}〕${input.sequence}号`;
