import { z } from 'zod';
import governanceJson from '@inspecta/catalog/governance.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import type { CatalogProvenance } from '../catalog/catalog-entry.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// catalog/governance.json: how often an enterprise is inspected is shown (burden levels), which inspections are
// proposed for merging (measure 8), and when a draw's results are published (measure 12), each with its source.

const named = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string().min(1) });

export const MERGE_PERIODS = ['month', 'quarter', 'year'] as const;
export const ZMergePeriodSchema = z.enum(MERGE_PERIODS);
export type MergePeriod = z.infer<typeof ZMergePeriodSchema>;

export const ZGovernanceCatalogSchema = z
  .object({
    version: ZCatalogVersionSchema,
    effective: ZIsoDateSchema,
    note: z.string().min(1).optional(),
    burden: named.extend({
      yellowFrom: z.number().int().min(1),
      redFrom: z.number().int().min(1),
    }),
    merge: named.extend({ period: ZMergePeriodSchema }),
    publication: named.extend({ workdays: z.number().int().positive() }),
    publicationReminder: named.extend({ workdaysBefore: z.number().int().nonnegative() }),
    // measure 11 "原则上": how long after an urgent visit starts the bureau head's approval is due
    urgentVisit: named.extend({ hours: z.number().int().positive() }),
    // measure 11 "按计划实施": the days around the plan's date on which the enterprise may register the arrival
    arrivalWindow: named.extend({
      daysBefore: z.number().int().min(0).max(30),
      daysAfter: z.number().int().min(0).max(30),
    }),
  })
  .superRefine((catalog, context) => {
    if (catalog.burden.redFrom <= catalog.burden.yellowFrom)
      context.addIssue({ code: 'custom', message: '红色提示的次数须大于黄色提示的次数', path: ['burden'] });
    if (catalog.publicationReminder.workdaysBefore >= catalog.publication.workdays)
      context.addIssue({
        code: 'custom',
        message: '提前提醒的工作日数须小于公示期限',
        path: ['publicationReminder'],
      });
  });

export type GovernanceCatalog = z.infer<typeof ZGovernanceCatalogSchema>;

export const parseGovernanceCatalog = (data: unknown): GovernanceCatalog =>
  ZGovernanceCatalogSchema.parse(data);

// catalog/governance.json, checked when the module loads.
export const governanceCatalog: GovernanceCatalog = parseGovernanceCatalog(governanceJson);

export type GovernanceCatalogEntry = CatalogProvenance & { code: string; name: string };

// Every entry with a source, for listing what is still 待核实.
export const governanceCatalogEntries = (catalog: GovernanceCatalog): GovernanceCatalogEntry[] => [
  catalog.burden,
  catalog.merge,
  catalog.publication,
  catalog.publicationReminder,
  catalog.urgentVisit,
  catalog.arrivalWindow,
];
