import { z } from 'zod';
import mattersJson from '@inspecta/catalog/inspection-matters.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from './catalog-entry.ts';

// Inspection matters (检查事项): what an inspection covers, and what an entrustment's scope lists.
export const ZInspectionMatterSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
});

export type InspectionMatter = z.infer<typeof ZInspectionMatterSchema>;

export const ZInspectionMatterCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  entries: z.array(ZInspectionMatterSchema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message),
});

export type InspectionMatterCatalog = z.infer<typeof ZInspectionMatterCatalogSchema>;

export const parseInspectionMatterCatalog = (data: unknown): InspectionMatterCatalog =>
  ZInspectionMatterCatalogSchema.parse(data);

// catalog/inspection-matters.json, checked when the module loads.
export const inspectionMatterCatalog: InspectionMatterCatalog = parseInspectionMatterCatalog(mattersJson);

export const inspectionMatterByCode = (
  catalog: InspectionMatterCatalog,
  code: string,
): InspectionMatter | undefined => catalog.entries.find((entry) => entry.code === code);

// The matter's name for display and documents; an unknown code is shown as itself.
export const inspectionMatterName = (
  code: string,
  catalog: InspectionMatterCatalog = inspectionMatterCatalog,
): string => inspectionMatterByCode(catalog, code)?.name ?? code;
