import {
  annualPlanItems,
  comparePlans,
  territoryName,
  type PlanCoverage,
  type TerritoryCode,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { problem } from '../../platform/problems/problem.ts';
import { assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { listAnnualPlansOfYearUnder, listEnterprisesUnder } from './repository.ts';
import type { AnnualPlanRow } from './annual-plan-store.ts';

// measure 1 (衔接): the city's view of all its county plans for a year: enterprises in no plan (gaps),
// the same enterprise and matter in two plans (overlaps), and county items outside the county.
export const comparePlansOfYear = async (ctx: AppContext, actor: Actor, year: number) => {
  assertMayUse(actor, 'annual_plan', 'read');
  if (!actor.territory.endsWith('00') || actor.territory.endsWith('0000')) {
    throw problem('CITY_ONLY');
  }
  const prefix = actor.territory.slice(0, 4);
  const rows = await listAnnualPlansOfYearUnder(ctx.db, year, prefix);
  // the newest version of each bureau's plan
  const latest = new Map<string, AnnualPlanRow>();
  for (const row of rows) if (!latest.has(row.territory)) latest.set(row.territory, row);
  const coverage = (row: AnnualPlanRow): PlanCoverage => ({
    planId: row.id,
    territory: row.territory as TerritoryCode,
    year: row.year,
    items: annualPlanItems(row.document),
  });
  const city = latest.get(actor.territory);
  const counties = [...latest.values()].filter((row) => row.territory !== actor.territory);
  const registry = await listEnterprisesUnder(ctx.db, prefix);
  const names = new Map(registry.map((row) => [row.enterpriseId, row.name]));
  const result = comparePlans({
    cityPlan: city ? coverage(city) : null,
    countyPlans: counties.map(coverage),
    enterprises: registry.map((row) => ({
      enterpriseId: row.enterpriseId,
      territory: row.territory as TerritoryCode,
    })),
  });
  const describe = (enterpriseId: string, territory: string) => ({
    enterpriseId,
    name: names.get(enterpriseId) ?? enterpriseId,
    territory,
    territoryName: territoryName(territory) ?? territory,
  });
  return {
    year,
    plans: [...latest.values()].map((row) => ({
      id: row.id,
      territory: row.territory,
      territoryName: territoryName(row.territory) ?? row.territory,
      version: row.version,
      status: row.status,
    })),
    bureausWithoutPlan: [actor.territory, ...new Set(registry.map((row) => row.territory))]
      .filter((code, index, all) => all.indexOf(code) === index && !latest.has(code))
      .map((code) => ({ territory: code, territoryName: territoryName(code) ?? code })),
    gaps: result.gaps.map((gap) => describe(gap.enterpriseId, gap.territory)),
    overlaps: result.overlaps.map((overlap) => ({
      ...describe(overlap.enterpriseId, overlap.plans[0]?.territory ?? ''),
      matter: overlap.matter,
      plans: overlap.plans.map((plan) => ({
        ...plan,
        territoryName: territoryName(plan.territory) ?? plan.territory,
      })),
    })),
    outOfTerritory: result.outOfTerritory.map(({ planId, item }) => ({
      planId,
      ...describe(item.enterpriseId, item.territory),
      matter: item.matter,
    })),
  };
};
