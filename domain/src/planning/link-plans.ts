import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { isWithinTerritory, territoryLevel } from '../territory/territory-code.ts';
import type { TerritoryCode } from '../territory/territory-code.ts';
import type { AnnualPlan } from './annual-plan-types.ts';

// measure 1: each bureau's annual plan dovetails with the plan one level up (衔接); 安监总政法〔2017〕150号
// 第四条: plans interlock with no duplication or gap in objects, content or timing. An enterprise the city
// already covers for a matter is not planned again by the county for that matter, and the county plan shows
// which city plan item covers it.

// double_random_pool: the enterprise may be drawn; the others are planned visits.
export type PlanItemKind =
  'key_inspection' | 'double_random_listed' | 'double_random_drawn' | 'double_random_pool';

export type PlanItem = {
  enterpriseId: string;
  territory: TerritoryCode;
  matter: string;
  kind: PlanItemKind;
  month: number | null;
};

export type PlanCoverage = { planId: string; territory: TerritoryCode; year: number; items: PlanItem[] };

export type PlanLink = { planId: string; territory: TerritoryCode; kind: PlanItemKind; month: number | null };

export type LinkedItem = { item: PlanItem; coveredBy: PlanLink };

export type LinkPlansRefusalCode = 'PLAN_LINK_YEAR_MISMATCH' | 'PLAN_LINK_NOT_UPPER_LEVEL';

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第一项（应当与上一级年度计划做好衔接）；' +
  '《安全生产年度监督检查计划编制办法》(安监总政法〔2017〕150号) 第四条';

const covers = (item: PlanItem): boolean => item.kind !== 'double_random_pool';

const itemKey = (item: { enterpriseId: string; matter: string }): string =>
  `${item.enterpriseId}\u0000${item.matter}`;

// The plan as items, one per enterprise and matter. A stratum drawn whole (k = all) is a planned visit; a
// stratum drawn in part, or a pool tier no batch draws from this year, is the pool.
export const annualPlanItems = (plan: AnnualPlan): PlanItem[] => {
  const keyItems = plan.keyInspections.flatMap((entry) =>
    entry.matters.map((matter): PlanItem => ({
      enterpriseId: entry.enterpriseId,
      territory: entry.territory,
      matter,
      kind: 'key_inspection',
      month: entry.months[0] ?? null,
    })),
  );
  const placed = new Map<string, { kind: PlanItemKind; month: number }>();
  for (const batch of plan.batches)
    for (const stratum of batch.strata)
      for (const id of stratum.enterpriseIds)
        placed.set(id, {
          kind: stratum.k === stratum.enterpriseIds.length ? 'double_random_listed' : 'double_random_pool',
          month: batch.month,
        });
  const generalItems = plan.generalPool.flatMap((entry) => {
    const place = placed.get(entry.enterpriseId);
    return entry.matters.map((matter): PlanItem => ({
      enterpriseId: entry.enterpriseId,
      territory: entry.territory,
      matter,
      kind: place?.kind ?? 'double_random_pool',
      month: place?.month ?? null,
    }));
  });
  return [...keyItems, ...generalItems];
};

export const linkCountyPlan = (options: {
  cityPlan: PlanCoverage;
  countyPlan: PlanCoverage;
}): Ok<{ items: PlanItem[]; excluded: LinkedItem[] }> | Refusal<LinkPlansRefusalCode> => {
  const { cityPlan, countyPlan } = options;
  if (cityPlan.year !== countyPlan.year)
    return refuse({
      code: 'PLAN_LINK_YEAR_MISMATCH',
      measure: 1,
      basis: BASIS,
      message: `县级计划为 ${countyPlan.year} 年，市级计划为 ${cityPlan.year} 年，只能与同一年度的计划衔接`,
    });
  if (
    // checked first: it answers false for a malformed code, so territoryLevel below never throws
    !isWithinTerritory(cityPlan.territory, countyPlan.territory) ||
    territoryLevel(cityPlan.territory) !== 'city' ||
    territoryLevel(countyPlan.territory) !== 'county'
  )
    return refuse({
      code: 'PLAN_LINK_NOT_UPPER_LEVEL',
      measure: 1,
      basis: BASIS,
      message: `${countyPlan.territory} 的计划只能与其上一级（所属地级市）的计划衔接，而不是 ${cityPlan.territory}`,
    });
  const cityCovering = new Map<string, PlanItem>();
  for (const item of cityPlan.items) if (covers(item)) cityCovering.set(itemKey(item), item);
  const items: PlanItem[] = [];
  const excluded: LinkedItem[] = [];
  for (const item of countyPlan.items) {
    const city = cityCovering.get(itemKey(item));
    if (city === undefined) {
      items.push(item);
    } else {
      excluded.push({
        item,
        coveredBy: {
          planId: cityPlan.planId,
          territory: cityPlan.territory,
          kind: city.kind,
          month: city.month,
        },
      });
    }
  }
  return ok({ items, excluded });
};

export type PlanOverlap = {
  enterpriseId: string;
  matter: string;
  plans: { planId: string; territory: TerritoryCode; kind: PlanItemKind }[];
};

// The city's view of its counties' plans: enterprises in no plan at all (gaps), the same enterprise and
// matter in two plans (overlaps: two counties, or a county repeating a visit the city plans), and county
// items outside the county's territory.
export const comparePlans = (options: {
  cityPlan: PlanCoverage | null;
  countyPlans: readonly PlanCoverage[];
  enterprises: readonly { enterpriseId: string; territory: TerritoryCode }[];
}): {
  gaps: { enterpriseId: string; territory: TerritoryCode }[];
  overlaps: PlanOverlap[];
  outOfTerritory: { planId: string; item: PlanItem }[];
} => {
  const plans = [...(options.cityPlan ? [options.cityPlan] : []), ...options.countyPlans];
  const planned = new Set(plans.flatMap((plan) => plan.items.map((item) => item.enterpriseId)));
  const gaps = options.enterprises.filter((enterprise) => !planned.has(enterprise.enterpriseId));

  const byKey = new Map<string, PlanOverlap>();
  for (const plan of plans) {
    const seen = new Set<string>();
    for (const item of plan.items) {
      const key = itemKey(item);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byKey.get(key) ?? { enterpriseId: item.enterpriseId, matter: item.matter, plans: [] };
      entry.plans.push({ planId: plan.planId, territory: plan.territory, kind: item.kind });
      byKey.set(key, entry);
    }
  }
  const cityId = options.cityPlan?.planId;
  const overlaps = [...byKey.values()].filter(({ plans: holders }) => {
    const counties = holders.filter((holder) => holder.planId !== cityId);
    const cityCovers = holders.some(
      (holder) => holder.planId === cityId && holder.kind !== 'double_random_pool',
    );
    return counties.length >= 2 || (cityCovers && counties.length >= 1);
  });

  const outOfTerritory = options.countyPlans.flatMap((plan) =>
    plan.items
      .filter((item) => !isWithinTerritory(plan.territory, item.territory))
      .map((item) => ({ planId: plan.planId, item })),
  );
  return { gaps, overlaps, outOfTerritory };
};
