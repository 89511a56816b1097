import { and, desc, eq, inArray } from 'drizzle-orm';
import { PLAN_STATUS_NAMES, territoryName, type PlanStatus } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertCan, type Action, type Actor } from '../../platform/policy/policy.ts';
import { notFound } from '../../platform/http/problem.ts';
import { isUuid } from '../../platform/http/paging.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { annualPlans } from './schema.ts';
import { enterprises } from '../enterprises/schema.ts';

// Reading annual plans and shaping them for the API.

export type AnnualPlanRow = typeof annualPlans.$inferSelect;

// An annual plan's items may be inspected once approved (measure 1: 经批准的计划).
export const inForceStatuses: PlanStatus[] = ['approved', 'filed', 'published'];

export const loadAnnualPlan = async (
  db: Db | Tx,
  actor: Actor,
  id: string,
  action: Action,
): Promise<AnnualPlanRow> => {
  if (!isUuid(id)) throw notFound('年度计划');
  const [row] = await db.select().from(annualPlans).where(eq(annualPlans.id, id));
  return assertCan(actor, 'annual_plan', action, row, '年度计划');
};

// The newest version of a bureau's plan for the year that is in force, if any.
export const annualPlanInForce = async (
  db: Db | Tx,
  territory: string,
  year: number,
): Promise<AnnualPlanRow | undefined> => {
  const [row] = await db
    .select()
    .from(annualPlans)
    .where(
      and(
        eq(annualPlans.territory, territory),
        eq(annualPlans.year, year),
        inArray(annualPlans.status, inForceStatuses),
      ),
    )
    .orderBy(desc(annualPlans.version))
    .limit(1);
  return row;
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
  const versions = await ctx.db
    .select({ id: annualPlans.id, version: annualPlans.version, status: annualPlans.status })
    .from(annualPlans)
    .where(and(eq(annualPlans.territory, row.territory), eq(annualPlans.year, row.year)))
    .orderBy(annualPlans.version);
  const { document } = row;
  const excludedIds = row.link?.excluded.map(({ item }) => item.enterpriseId) ?? [];
  const names = new Map(
    excludedIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: enterprises.id, name: enterprises.name })
            .from(enterprises)
            .where(inArray(enterprises.id, excludedIds))
        ).map((e) => [e.id, e.name] as const),
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
