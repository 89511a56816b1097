import {
  burdenLevel,
  INSPECTION_STAGE_NAMES,
  inspectionStatusOf,
  territoryName,
  type BurdenLevel,
} from '@inspecta/domain';
import type { Db, Tx } from '../../platform/db/client.ts';
import {
  countCountedByEnterprise,
  countCountedByEnterpriseYear,
  findGradeCaps,
} from './burden.repository.ts';
import type { inspections } from './schema.ts';

// Issue 6 item 10: an enterprise's inspections in a calendar year, by every department and in every mode,
// against the annual cap of its grade (measures 5, 24; catalog/grading.json inspectionAllowance.caps).

export type EnterpriseBurden = {
  enterpriseId: string;
  year: number;
  // planned and completed inspections, all departments; merged and cancelled ones do not count
  count: number;
  level: BurdenLevel;
  // null: the grade sets no cap, or the enterprise is not graded yet
  cap: number | null;
  capVerified: boolean;
  capSource: string | null;
  overCap: boolean;
  // one more inspection would go beyond the cap (then it needs a targeted trigger, measure 5)
  wouldExceedCap: boolean;
};

type Cap = { cap: number | null; capVerified: boolean; capSource: string | null };

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export const burdenFrom = (
  enterpriseId: string,
  year: number,
  counted: number,
  cap: Cap,
): EnterpriseBurden => ({
  enterpriseId,
  year,
  count: counted,
  level: burdenLevel(counted),
  ...cap,
  overCap: cap.cap !== null && counted > cap.cap,
  wouldExceedCap: cap.cap !== null && counted + 1 > cap.cap,
});

// The caps of the grades in force, with the catalogue entry each comes from.
export const capsOf = async (db: Db | Tx, enterpriseIds: readonly string[]): Promise<Map<string, Cap>> => {
  const caps = new Map<string, Cap>();
  for (const ids of chunks(enterpriseIds, 5000)) {
    const rows = await findGradeCaps(db, ids);
    for (const row of rows)
      caps.set(row.enterpriseId, { cap: row.cap, capVerified: row.capVerified, capSource: row.capSource });
  }
  return caps;
};

const noCap: Cap = { cap: null, capVerified: false, capSource: null };

// Counts and caps of many enterprises in two queries, whatever their number: what a draw asks before it
// turns its selection into inspections ("which of these would be over the cap?").
export const burdenOf = async (
  db: Db | Tx,
  enterpriseIds: readonly string[],
  year: number,
): Promise<Map<string, EnterpriseBurden>> => {
  const unique = [...new Set(enterpriseIds)];
  const counts = new Map<string, number>();
  for (const ids of chunks(unique, 5000)) {
    const rows = await countCountedByEnterprise(db, ids, year);
    for (const row of rows) counts.set(row.enterpriseId, row.n);
  }
  const caps = await capsOf(db, unique);
  return new Map(unique.map((id) => [id, burdenFrom(id, year, counts.get(id) ?? 0, caps.get(id) ?? noCap)]));
};

// Counts per enterprise and year, for rows of a list that each show their enterprise's level.
export const countsByEnterpriseYear = async (
  db: Db | Tx,
  keys: readonly { enterpriseId: string; year: number }[],
) => {
  const result = new Map<string, number>();
  const ids = [...new Set(keys.map((key) => key.enterpriseId))];
  const years = [...new Set(keys.map((key) => key.year))];
  if (ids.length === 0) return result;
  const rows = await countCountedByEnterpriseYear(db, ids, years);
  for (const row of rows) result.set(`${row.enterpriseId}:${row.year}`, row.n);
  return result;
};

type InspectionRow = typeof inspections.$inferSelect;

export const inspectionView = (row: InspectionRow) => ({
  id: row.id,
  territory: row.territory,
  territoryName: territoryName(row.territory) ?? row.territory,
  enterpriseId: row.enterpriseId,
  enterpriseName: row.enterpriseName,
  creditCode: row.creditCode,
  organisationId: row.organisationId,
  organisationName: row.organisationName,
  departmentType: row.departmentType,
  kind: row.kind,
  plannedOn: row.plannedOn,
  year: row.year,
  matters: row.matters,
  status: inspectionStatusOf(row.stage),
  stage: row.stage,
  stageName: INSPECTION_STAGE_NAMES[row.stage],
  trigger: row.trigger,
  triggerReference: row.triggerReference,
  triggerDescription: row.triggerDescription,
  triggerApprovedByName: row.triggerApprovedByName,
  triggerApprovedAt: row.triggerApprovedAt?.toISOString() ?? null,
  capAtPlanning: row.capAtPlanning,
  overCap: row.overCap,
  overCapReason: row.overCapReason,
  drawId: row.drawId,
  partners: row.partners.map(({ organisationId, organisationName, departmentType }) => ({
    organisationId,
    organisationName,
    departmentType,
  })),
  team: row.team,
  mergedIntoId: row.mergedIntoId,
  completedOn: row.completedOn,
  resultSummary: row.resultSummary,
  createdAt: row.createdAt.toISOString(),
  createdByName: row.createdByName,
});
