import { z } from 'zod';
import checklistsJson from '@inspecta/catalog/checklists.json' with { type: 'json' };
import {
  duplicateCodes,
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { industryCatalog } from '../catalog/industries.ts';
import type { IndustryCatalog } from '../catalog/industries.ts';
import { inspectionMatterCatalog } from '../catalog/inspection-matters.ts';
import type { InspectionMatterCatalog } from '../catalog/inspection-matters.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import { officialWordingCatalog, wordingProblems } from './official-wordings.ts';
import type { OfficialWordingCatalog } from './official-wordings.ts';

// measure 8 (一表通查): versioned checklists per industry and inspection matter, in catalog/checklists.json,
// so a legal reviewer corrects an item or its basis without a code change (docs/checklists.md).

// What an enterprise record says about it that brings in a special checklist
// (server enterprises: dustWorkers > 0, usesLiquidAmmonia, hasDeepWellCasting).
export const CHECKLIST_FEATURES = ['dust_explosion', 'liquid_ammonia', 'deep_well_casting'] as const;

export const ZChecklistFeatureSchema = z.enum(CHECKLIST_FEATURES);

export type ChecklistFeature = z.infer<typeof ZChecklistFeatureSchema>;

const PLACEHOLDER_SOURCE = '待法制审核';

// An article of a law that applies from its own effective date, cited beside the older basis it joins
// (《危险化学品安全法》, in force 2026-05-01, beside the 2013 《危险化学品安全管理条例》).
export const ZDatedLegalBasisSchema = z.object({
  basis: z.string().min(1),
  effective: ZIsoDateSchema,
  verified: z.boolean(),
  note: z.string().min(1).optional(),
});

export type DatedLegalBasis = z.infer<typeof ZDatedLegalBasisSchema>;

export const ZChecklistItemSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  // what the officer checks
  text: z.string().min(1),
  majorHiddenDanger: z.boolean(),
  // the criterion the item comes from, cited exactly (document, article, item)
  basis: z.string().min(1),
  // the articles that impose the duty
  legalBasis: z.array(z.string().min(1)).min(1),
  // articles of a newer law cited beside them from its effective date
  datedLegalBasis: z.array(ZDatedLegalBasisSchema).optional(),
  // measure 13: 改哪里、如何改, in words an enterprise can act on
  howToFix: z.string().min(1),
  // items of different checklists that share a duty become one item of a merged form
  duty: ZCatalogCodeSchema.optional(),
}).refine((item) => item.verified || item.note !== undefined, {
  error: '待核实的检查项必须在 note 中说明未核实的原因',
  path: ['note'],
});

export type ChecklistItem = z.infer<typeof ZChecklistItemSchema>;

export const ZChecklistAppliesToSchema = z.object({
  matters: z.array(ZCatalogCodeSchema).min(1),
  industries: z.array(ZCatalogCodeSchema).min(1).optional(),
  features: z.array(ZChecklistFeatureSchema).min(1).optional(),
});

export type ChecklistAppliesTo = z.infer<typeof ZChecklistAppliesToSchema>;

export const ZChecklistSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  // a stored form records this version, so a changed checklist gets a new one
  version: ZCatalogVersionSchema,
  appliesTo: ZChecklistAppliesToSchema,
  items: z.array(ZChecklistItemSchema).min(1),
});

export type Checklist = z.infer<typeof ZChecklistSchema>;

export const ZChecklistCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().min(1).optional(),
  checklists: z.array(ZChecklistSchema).min(1),
});

export type ChecklistCatalog = z.infer<typeof ZChecklistCatalogSchema>;

export type ChecklistReferences = {
  matters: InspectionMatterCatalog;
  industries: IndustryCatalog;
};

export const defaultChecklistReferences: ChecklistReferences = {
  matters: inspectionMatterCatalog,
  industries: industryCatalog,
};

// Everything wrong with a catalogue beyond its shape; empty when consistent.
export const checklistCatalogProblems = (
  catalog: ChecklistCatalog,
  references: ChecklistReferences = defaultChecklistReferences,
  wordings: OfficialWordingCatalog = officialWordingCatalog,
): string[] => {
  const matters = new Set(references.matters.entries.map((entry) => entry.code));
  const industries = new Set(references.industries.entries.map((entry) => entry.code));
  const items = catalog.checklists.flatMap((checklist) => checklist.items);
  return [
    ...duplicateCodes(catalog.checklists).map((code) => `检查表代码重复：${code}`),
    // item codes are unique across the catalogue: a finding names its item by code alone
    ...duplicateCodes(items).map((code) => `检查项代码重复：${code}`),
    ...catalog.checklists.flatMap((checklist) => [
      ...checklist.appliesTo.matters
        .filter((code) => !matters.has(code))
        .map((code) => `检查表 ${checklist.code} 引用的检查事项不在检查事项目录中：${code}`),
      ...(checklist.appliesTo.industries ?? [])
        .filter((code) => !industries.has(code))
        .map((code) => `检查表 ${checklist.code} 引用的行业代码不在行业目录中：${code}`),
      // two items of one checklist with one duty would vanish into each other on the form
      ...duplicateCodes(checklist.items.flatMap((item) => (item.duty ? [{ code: item.duty }] : []))).map(
        (duty) => `检查表 ${checklist.code} 中同一职责出现多次：${duty}`,
      ),
    ]),
    ...items
      .filter((item) => item.verified && item.source.includes(PLACEHOLDER_SOURCE))
      .map((item) => `检查项 ${item.code} 来源为占位，不得标为已核实`),
    ...wordingProblems(items, wordings),
  ];
};

// The articles of an item as the form shows them: its legal basis, then the dated articles with their
// effective date (and 待核实 until a legal reviewer has read the article).
export const formLegalBasis = (item: ChecklistItem): string[] => [
  ...item.legalBasis,
  ...(item.datedLegalBasis ?? []).map(
    (dated) => `${dated.basis}（${dated.effective} 起施行${dated.verified ? '' : '，待核实'}）`,
  ),
];

export const parseChecklistCatalog = (
  data: unknown,
  references: ChecklistReferences = defaultChecklistReferences,
): ChecklistCatalog => {
  const catalog = ZChecklistCatalogSchema.parse(data);
  const problems = checklistCatalogProblems(catalog, references);
  if (problems.length > 0) throw new Error(`catalog/checklists.json: ${problems.join('；')}`);
  return catalog;
};

// catalog/checklists.json, checked when the module loads: a malformed catalogue stops the program at start.
export const checklistCatalog: ChecklistCatalog = parseChecklistCatalog(checklistsJson);

export const checklistByCode = (catalog: ChecklistCatalog, code: string): Checklist | undefined =>
  catalog.checklists.find((checklist) => checklist.code === code);

export const checklistItemByCode = (
  catalog: ChecklistCatalog,
  itemCode: string,
): { checklist: Checklist; item: ChecklistItem } | undefined => {
  for (const checklist of catalog.checklists) {
    const item = checklist.items.find((candidate) => candidate.code === itemCode);
    if (item) return { checklist, item };
  }
  return undefined;
};
