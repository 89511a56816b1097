import { industryByCode, industryCatalog, inspectionMatterCatalog } from '@inspecta/domain';

// The catalogue versions this server runs with, and the lookups its capabilities share.
export const industries = () => industryCatalog.entries;
export const industryName = (code: string): string | undefined => industryByCode(industryCatalog, code)?.name;
export const inspectionMatters = () => inspectionMatterCatalog.entries;
