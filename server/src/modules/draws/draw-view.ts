import {
  DRAW_ALGORITHM,
  WITNESS_ROLES,
  drawWindowClosesOn,
  inspectionMatterName,
  publishedExclusions,
  type DrawRecord,
} from '@inspecta/domain';
import type { OfficersByCertificate } from '../officers/index.ts';
import type { InspectionTeamMember } from './inspection.repository.ts';
import { drawStrata } from './pools.ts';
import type { DrawRow } from './repository.ts';

// measures 5, 6, 12 (issue 6 items 1–9): pools frozen and hashed first, the draw made once at a witnessed
// session from public entropy, the selection turned into planned inspections, never deleted nor redrawn.

const STATUS_NAMES = { frozen: '名单已冻结，待抽取', drawn: '已抽取', cancelled: '已取消' } as const;

// The witnesses as the public sees them (issue 11 item 11). A draw made before roles were recorded kept the
// names as entered, with no way to tell an official from a citizen: each is shown as 见证人.
export const publishedWitnessesOf = (row: DrawRow): string[] =>
  !row.result
    ? []
    : row.result.witnessDetails
      ? row.result.witnesses
      : row.result.witnesses.map(() => WITNESS_ROLES.witness.name);

// The inspecta-draw-v1 record (docs/draw-algorithm.md): what anyone recomputes, with only what verification
// needs of people (the exclusions' reasons as codes, the witnesses by role).
export const recordOf = (row: DrawRow): DrawRecord | null => {
  if (!row.result) return null;
  return {
    algorithm: DRAW_ALGORITHM,
    strata: drawStrata(row.pools.strata),
    inspectors: row.pools.inspectors,
    exclusions: publishedExclusions(row.pools.exclusions),
    teamSize: row.pools.teamSize,
    maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
    inspectionDate: row.inspectionDate,
    publicEntropy: row.result.publicEntropy,
    witnesses: publishedWitnessesOf(row),
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
  witnesses: publishedWitnessesOf(row),
  seed: row.result?.seed ?? null,
  resultHash: row.result?.resultHash ?? null,
  windowClosesOn: drawWindowClosesOn(row.inspectionDate),
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
