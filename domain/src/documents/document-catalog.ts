import { z } from 'zod';
import documentsJson from '@inspecta/catalog/documents.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';

// Issue 11 items 10 and 15: what the enforcement documents cite, the remedy sentence with each bureau's
// reviewing government and court, and the number pattern with its type codes and region abbreviations — all
// catalogue data a legal reviewer corrects in one place (catalog/documents.json), never strings in code.

export const CITATION_CONFIDENCES = ['verified', 'partial', 'unverified'] as const;

export const ZCitationSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  law: z.string().min(1),
  article: z.string().min(1).nullable(),
  // how a document names it: 《中华人民共和国安全生产法》第六十八条
  citation: z.string().min(1),
  text: z.string().min(1),
  // true: the official words; false: our summary (要旨) until a reviewer puts the words in
  quotation: z.boolean(),
  confidence: z.enum(CITATION_CONFIDENCES),
}).refine((entry) => !entry.verified || (entry.quotation && entry.confidence === 'verified'), {
  message: '已核实的引用必须是官方原文（quotation: true, confidence: verified）',
});
export type Citation = z.infer<typeof ZCitationSchema>;

export const ZBureauDocumentDataSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  territory: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  reviewBody: z.string().min(1),
  court: z.string().min(1),
  regionAbbreviation: z.string().min(1),
});
export type BureauDocumentData = z.infer<typeof ZBureauDocumentDataSchema>;

const ZNumberTypeSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  documentType: z.string().min(1),
  typeCode: z.string().min(1),
});

export const ZDocumentCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: z.string(),
  note: z.string().optional(),
  citations: z.array(ZCitationSchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  remedy: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string().min(1),
    template: z
      .string()
      .refine((t) => ['{reviewBody}', '{court}'].every((slot) => t.includes(slot)), {
        message: '救济告知须含 {reviewBody}（复议机关）和 {court}（受诉法院）',
      })
      .refine((t) => t.includes('六十日') && t.includes('六个月'), {
        message: '救济告知须写明六十日（行政复议法第二十条）和六个月（行政诉讼法第四十六条）',
      }),
    citations: z.array(ZCatalogCodeSchema).min(1),
  }),
  bureaus: z.array(ZBureauDocumentDataSchema).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  numbering: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string().min(1),
    template: z
      .string()
      .refine((t) => ['{region}', '{typeCode}', '{year}', '{sequence}'].every((slot) => t.includes(slot)), {
        message: '编号格式须含 {region}、{typeCode}、{year}、{sequence}',
      }),
    types: z.array(ZNumberTypeSchema).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  }),
});
export type DocumentCatalog = z.infer<typeof ZDocumentCatalogSchema>;

export const parseDocumentCatalog = (data: unknown): DocumentCatalog => {
  const catalog = ZDocumentCatalogSchema.parse(data);
  const codes = new Set(catalog.citations.map((entry) => entry.code));
  const missing = catalog.remedy.citations.filter((code) => !codes.has(code));
  if (missing.length > 0) throw new Error(`救济告知引用了目录中没有的条文：${missing.join(', ')}`);
  return catalog;
};

// catalog/documents.json, checked when the module loads.
export const documentCatalog: DocumentCatalog = parseDocumentCatalog(documentsJson);

export const citationByCode = (code: string, catalog: DocumentCatalog = documentCatalog): Citation => {
  const entry = catalog.citations.find((citation) => citation.code === code);
  if (!entry) throw new Error(`目录中没有引用 ${code}`);
  return entry;
};

// How a document cites it: 《…》第六十八条
export const cite = (code: string, catalog: DocumentCatalog = documentCatalog): string =>
  citationByCode(code, catalog).citation;
