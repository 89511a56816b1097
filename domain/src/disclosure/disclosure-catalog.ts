import { z } from 'zod';
import disclosureJson from '@inspecta/catalog/disclosure.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// catalog/disclosure.json (measure 29): the periods of the Guangdong 公示办法 within which the portal publishes
// (第二十一条: decisions 7 workdays, other enforcement information 20) or withdraws (第二十四条: 3 workdays), the
// annual report's day (第十七条: 31 January), and how personal data is kept out of what is published.

const named = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) });

export const DISCLOSURE_PERIODS = [
  'penalty_decision_publication',
  'inspection_result_publication',
  'publication_withdrawal',
] as const;
export type DisclosurePeriodCode = (typeof DISCLOSURE_PERIODS)[number];

export const ZDisclosureCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().min(1).optional(),
  periods: z
    .array(
      named.extend({
        code: z.enum(DISCLOSURE_PERIODS),
        workdays: z.number().int().positive(),
        from: z.enum(['decided', 'concluded', 'ground']),
      }),
    )
    .refine(
      (periods) => DISCLOSURE_PERIODS.every((code) => periods.some((period) => period.code === code)),
      '公示期限目录须包含处罚决定、检查结果与撤回三项',
    ),
  annualReport: named.extend({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  redaction: named,
});
export type DisclosureCatalog = z.infer<typeof ZDisclosureCatalogSchema>;
export type DisclosurePeriod = DisclosureCatalog['periods'][number];

export const parseDisclosureCatalog = (data: unknown): DisclosureCatalog =>
  ZDisclosureCatalogSchema.parse(data);

export const disclosureCatalog: DisclosureCatalog = parseDisclosureCatalog(disclosureJson);

export const disclosurePeriod = (
  code: DisclosurePeriodCode,
  catalog: DisclosureCatalog = disclosureCatalog,
): DisclosurePeriod => catalog.periods.find((period) => period.code === code)!;
