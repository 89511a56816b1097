import {
  industryByCode,
  industryCatalog,
  inspectionMatterCatalog,
  keyIndustryCriteriaCatalog,
  keyIndustryReasons,
  type KeyIndustryProfile,
} from '@inspecta/domain';

// The catalogue versions this server runs with, and the lookups its capabilities share.
export const industries = () => industryCatalog.entries;
export const industryName = (code: string): string | undefined => industryByCode(industryCatalog, code)?.name;
export const inspectionMatters = () => inspectionMatterCatalog.entries;

// measure 4: the criteria an enterprise meets, as stored beside it.
export const keyReasons = (profile: KeyIndustryProfile) =>
  keyIndustryReasons(profile, keyIndustryCriteriaCatalog.entries).map((reason) => ({
    code: reason.criterion,
    name: reason.name,
  }));
