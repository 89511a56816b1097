import { DRAW_ALGORITHM, inspectionMatterName, type DrawRecord } from '@inspecta/domain';
import type { OfficersByCertificate } from '../officers/index.ts';
import type { InspectionTeamMember } from './inspection.repository.ts';
import { drawStrata } from './pools.ts';
import type { DrawRow } from './repository.ts';

// measures 5, 6, 12 (issue 6 items 1–9): pools frozen and hashed first, the draw made once at a witnessed
// session from public entropy, the selection turned into planned inspections, never deleted nor redrawn.

const STATUS_NAMES = { frozen: '名单已冻结，待抽取', drawn: '已抽取', cancelled: '已取消' } as const;

// The inspecta-draw-v1 record (docs/draw-algorithm.md): what anyone recomputes.
export const recordOf = (row: DrawRow): DrawRecord | null => {
  if (!row.result) return null;
  return {
    algorithm: DRAW_ALGORITHM,
    strata: drawStrata(row.pools.strata),
    inspectors: row.pools.inspectors,
    exclusions: row.pools.exclusions,
    teamSize: row.pools.teamSize,
    maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
    inspectionDate: row.inspectionDate,
    publicEntropy: row.result.publicEntropy,
    witnesses: row.result.witnesses,
    poolHash: row.poolHash,
    inspectorPoolHash: row.inspectorPoolHash,
    seed: row.result.seed,
    selected: row.result.selected,
  };
};

export const drawSummary = (row: DrawRow) => ({
  id: row.id,
  title: row.title,
  territory: row.territory,
  organisationName: row.organisationName,
  year: row.year,
  month: row.month,
  status: row.status,
  statusName: STATUS_NAMES[row.status],
  inspectionDate: row.inspectionDate,
  matters: row.matters.map((code) => ({ code, name: inspectionMatterName(code) })),
  enterpriseCount: row.enterpriseCount,
  sampleSize: row.sampleSize,
  inspectorCount: row.inspectorCount,
  teamSize: row.pools.teamSize,
  poolHash: row.poolHash,
  inspectorPoolHash: row.inspectorPoolHash,
  frozenAt: row.frozenAt.toISOString(),
  frozenByName: row.frozenByName,
  drawnAt: row.drawnAt?.toISOString() ?? null,
  publicEntropy: row.result?.publicEntropy ?? null,
  witnesses: row.result?.witnesses ?? [],
  seed: row.result?.seed ?? null,
  partners: row.partners.map((p) => ({
    organisationName: p.organisationName,
    departmentType: p.departmentType,
    inspectorPoolHash: p.inspectorPoolHash,
  })),
  cancellation: row.cancellation ?? null,
  resultsPublishedAt: row.resultsPublishedAt?.toISOString() ?? null,
});

export const member = (names: OfficersByCertificate, certificate: string): InspectionTeamMember => {
  const known = names.get(certificate);
  return {
    certificate,
    officerId: known?.officerId ?? null,
    name: known?.name ?? certificate,
    organisationName: known?.organisationName ?? '',
  };
};
