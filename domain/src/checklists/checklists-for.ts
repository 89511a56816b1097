import { checklistCatalog } from './checklist-catalog.ts';
import type { Checklist, ChecklistCatalog, ChecklistFeature } from './checklist-catalog.ts';

export type ChecklistsForOptions = {
  // the inspection matters (检查事项) the inspection covers
  matters: readonly string[];
  // the enterprise's industry code; a checklist limited to industries needs one of them
  industry?: string;
  features?: readonly ChecklistFeature[];
  catalog?: ChecklistCatalog;
};

// measure 8: the checklists an inspection uses, in catalogue order. A checklist applies when the inspection
// covers one of its matters, and, where it names industries or features, the enterprise has one of each.
export const checklistsFor = ({
  matters,
  industry,
  features = [],
  catalog = checklistCatalog,
}: ChecklistsForOptions): Checklist[] =>
  catalog.checklists.filter(({ appliesTo }) => {
    if (!appliesTo.matters.some((matter) => matters.includes(matter))) return false;
    if (appliesTo.industries && (industry === undefined || !appliesTo.industries.includes(industry)))
      return false;
    if (appliesTo.features && !appliesTo.features.some((feature) => features.includes(feature))) return false;
    return true;
  });

export type ChecklistEnterprise = {
  dustWorkers: number;
  usesLiquidAmmonia: boolean;
  hasDeepWellCasting: boolean;
};

// The features an enterprise record implies (the fields of the server's enterprises table).
export const checklistFeatures = (enterprise: ChecklistEnterprise): ChecklistFeature[] => [
  ...(enterprise.dustWorkers > 0 ? (['dust_explosion'] as const) : []),
  ...(enterprise.usesLiquidAmmonia ? (['liquid_ammonia'] as const) : []),
  ...(enterprise.hasDeepWellCasting ? (['deep_well_casting'] as const) : []),
];
