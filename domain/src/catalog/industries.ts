import { z } from 'zod';
import industriesJson from '@inspecta/catalog/industries.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from './catalog-entry.ts';

export const ZIndustryGroupSchema = z.enum(['非煤矿山', '危险化学品', '烟花爆竹', '工贸', '其他']);

export type IndustryGroup = z.infer<typeof ZIndustryGroupSchema>;

export const ZIndustrySchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  group: ZIndustryGroupSchema,
  // a narrower industry named on its own (钢铁 within 冶金, 铝加工 within 有色)
  parent: ZCatalogCodeSchema.optional(),
});

export type Industry = z.infer<typeof ZIndustrySchema>;

export const ZIndustryCatalogSchema = z
  .object({
    version: ZCatalogVersionSchema,
    entries: z.array(ZIndustrySchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
  })
  .refine(
    ({ entries }) =>
      entries.every(
        (entry) => entry.parent === undefined || entries.some((other) => other.code === entry.parent),
      ),
    { error: '上级行业代码必须在行业目录中', path: ['entries'] },
  );

export type IndustryCatalog = z.infer<typeof ZIndustryCatalogSchema>;

export const parseIndustryCatalog = (data: unknown): IndustryCatalog => ZIndustryCatalogSchema.parse(data);

// catalog/industries.json, checked when the module loads: a malformed catalogue stops the program at start.
export const industryCatalog: IndustryCatalog = parseIndustryCatalog(industriesJson);

export const industryByCode = (catalog: IndustryCatalog, code: string): Industry | undefined =>
  catalog.entries.find((entry) => entry.code === code);
