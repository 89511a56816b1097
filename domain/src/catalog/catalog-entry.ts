import { z } from 'zod';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// Every catalogue entry says where it comes from (document title and article) and from when it applies.
// verified: false marks what a legal reviewer must still confirm (shown as 待核实 in the UI).
export const ZCatalogProvenanceSchema = z.object({
  source: z.string().min(1),
  effective: ZIsoDateSchema,
  verified: z.boolean(),
  note: z.string().min(1).optional(),
});

export type CatalogProvenance = z.infer<typeof ZCatalogProvenanceSchema>;

// A decision records the catalogue version it used, so the version must be present.
export const ZCatalogVersionSchema = z.string().min(1);

export const ZCatalogCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: '代码应为小写英文字母、数字和下划线' });

export const duplicateCodes = (entries: readonly { code: string }[]): string[] => {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { code } of entries) {
    if (seen.has(code)) duplicates.add(code);
    seen.add(code);
  }
  return [...duplicates];
};

export const uniqueCodesCheck = {
  check: (entries: readonly { code: string }[]): boolean => duplicateCodes(entries).length === 0,
  message: '目录中的代码不得重复',
};
