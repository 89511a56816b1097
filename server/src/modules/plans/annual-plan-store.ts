import { PLAN_STATUS_NAMES, territoryName, type PlanStatus } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertCan, type Action, type Actor } from '../../platform/policy/policy.ts';
import { notFound } from '../../platform/problems/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import {
  findAnnualPlanById,
  findEnterpriseNamesByIds,
  findNewestAnnualPlanWithStatus,
  listAnnualPlanVersions,
  type AnnualPlanRow,
} from './repository.ts';

// Reading annual plans and shaping them for the API.

export type { AnnualPlanRow };

// An annual plan's items may be inspected once approved (measure 1: 经批准的计划).
export const inForceStatuses: PlanStatus[] = ['approved', 'filed', 'published'];

export const loadAnnualPlan = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: Action,
): Promise<AnnualPlanRow> => {
  if (!isUuid(id)) throw notFound('年度计划');
  const row = await findAnnualPlanById(db, id);
  return assertCan(actor, 'annual_plan', action, row, '年度计划');
};

// The newest version of a bureau's plan for the year that is in force, if any.
export const annualPlanInForce = async (
  db: Db | Tx,
  territory: string,
  year: number,
): Promise<AnnualPlanRow | undefined> => {
  return findNewestAnnualPlanWithStatus(db, territory, year, inForceStatuses);
};

export const annualPlanSummary = (row: AnnualPlanRow) => {
  const { kind: _kind, version: _version, status: _status, ...record } = row.record;
  return {
    id: row.id,
    year: row.year,
    territory: row.territory,
    territoryName: territoryName(row.territory) ?? row.territory,
    version: row.version,
    status: row.status,
    statusName: PLAN_STATUS_NAMES[row.status],
    record,
    totals: row.document.totals,
    shortfall: row.document.shortfall,
    catalogVersion: row.document.catalogVersion,
    computedAt: row.computedAt.toISOString(),
    computedByName: row.computedByName,
  };
};

export const annualPlanDetail = async (ctx: AppContext, row: AnnualPlanRow) => {
  const versions = await listAnnualPlanVersions(ctx.db, row.territory, row.year);
  const { document } = row;
  const excludedIds = row.link?.excluded.map(({ item }) => item.enterpriseId) ?? [];
  const names = new Map(
    (await findEnterpriseNamesByIds(ctx.db, excludedIds)).map((e) => [e.id, e.name] as const),
  );
  return {
    ...annualPlanSummary(row),
    input: row.input,
    formula: document.formula,
    ratio: document.ratio,
    keyInspections: document.keyInspections,
    batches: document.batches.map(({ strata, ...batch }) => ({
      ...batch,
      strata: strata.map((stratum) => ({
        key: stratum.key,
        k: stratum.k,
        candidates: stratum.enterpriseIds.length,
      })),
    })),
    warnings: document.warnings,
    calendarPending: document.calendarPending ?? false,
    link: row.link
      ? {
          ...row.link,
          excluded: row.link.excluded.map(({ item, coveredBy }) => ({
            enterpriseId: item.enterpriseId,
            name: names.get(item.enterpriseId) ?? item.enterpriseId,
            matter: item.matter,
            coveredBy,
          })),
        }
      : null,
    versions: versions.map((v) => ({ ...v, status: v.status })),
  };
};
