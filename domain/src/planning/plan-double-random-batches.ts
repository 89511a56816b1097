import { yearOf } from '../calendar/iso-day.ts';
import type {
  BatchStratum,
  DoubleRandomBatch,
  GeneralPoolEntry,
  PlanningEnterprise,
  RotationTier,
} from './annual-plan-types.ts';
import { DEFAULT_MATTERS } from './schedule-key-inspections.ts';

// measure 5: enterprises other than key ones are spot-checked by double-random draw (双随机) at the set
// ratio. 粤应急规〔2021〕4号: each general enterprise at least once every three years; the period is the
// grading allowance's minimum (catalog/grading.json), the ratio catalog/planning.json's doubleRandom.
//
// Rotation: an enterprise not inspected within the period's earlier years comes first. If it has been in
// the pool for the whole period it is due this year (rotation_due) and is always planned, even above the
// ratio, or it would go four years without an inspection; one listed more recently and never inspected
// (not_recently_inspected) comes next; the rest (open) fill what the ratio leaves.

export const rotationTier = (enterprise: PlanningEnterprise, year: number): RotationTier => {
  const { count, perYears } = enterprise.grading.allowance.minimum;
  if (count === 0) return 'open';
  const windowStart = year - perYears + 1;
  const last = enterprise.lastInspectedOn;
  if (last != null && yearOf(last) >= windowStart) return 'open';
  const listed = enterprise.listedOn;
  return listed == null || yearOf(listed) <= windowStart ? 'rotation_due' : 'not_recently_inspected';
};

const TIERS: readonly RotationTier[] = ['rotation_due', 'not_recently_inspected', 'open'];

// k split over the chunks in proportion to their sizes (largest remainders first), never above a chunk's size.
const apportion = (k: number, sizes: readonly number[]): number[] => {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  const shares = sizes.map((size) => (k * size) / total);
  const result = shares.map(Math.floor);
  const order = shares
    .map((share, index) => ({ index, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  let left = k - result.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left === 0) break;
    if ((result[index] ?? 0) < (sizes[index] ?? 0)) {
      result[index] = (result[index] ?? 0) + 1;
      left -= 1;
    }
  }
  return result;
};

// Round-robin by id: every batch gets a like slice of each tier, and no enterprise sits in two batches, so no
// general enterprise is planned twice in a year.
const deal = <T>(items: readonly T[], hands: number): T[][] =>
  Array.from({ length: hands }, (_, hand) => items.filter((_, index) => index % hands === hand));

export type PlannedBatches = {
  pool: GeneralPoolEntry[];
  batches: DoubleRandomBatch[];
  planned: number;
  rotationDue: number;
};

export const planDoubleRandomBatches = (options: {
  year: number;
  enterprises: readonly PlanningEnterprise[];
  ratio: { numerator: number; denominator: number };
  months: readonly number[];
  workdaysPerInspection: number;
}): PlannedBatches => {
  const { year, ratio, workdaysPerInspection } = options;
  const months = [...new Set(options.months)].sort((a, b) => a - b);
  const pool = [...options.enterprises]
    .sort((a, b) => a.enterpriseId.localeCompare(b.enterpriseId))
    .map((enterprise): GeneralPoolEntry => ({
      enterpriseId: enterprise.enterpriseId,
      name: enterprise.name,
      territory: enterprise.territory,
      unit: enterprise.unit ?? null,
      matters: enterprise.matters ?? DEFAULT_MATTERS,
      tier: rotationTier(enterprise, year),
      lastInspectedOn: enterprise.lastInspectedOn,
    }));
  const ids = (tier: RotationTier) => pool.filter((entry) => entry.tier === tier).map((e) => e.enterpriseId);
  const tierIds = new Map(TIERS.map((tier) => [tier, ids(tier)]));
  const due = tierIds.get('rotation_due')?.length ?? 0;
  const quota = Math.ceil((pool.length * ratio.numerator) / ratio.denominator);
  const planned = Math.min(pool.length, Math.max(quota, due));

  // how many of each tier the year takes: all due ones, then the not recently inspected, then the rest
  let left = planned;
  const takes = new Map<RotationTier, number>();
  for (const tier of TIERS) {
    const take = Math.min(left, tierIds.get(tier)?.length ?? 0);
    takes.set(tier, take);
    left -= take;
  }

  const strataByBatch: BatchStratum[][] = months.map(() => []);
  for (const tier of TIERS) {
    const hands = deal(tierIds.get(tier) ?? [], months.length);
    const ks = apportion(
      takes.get(tier) ?? 0,
      hands.map((hand) => hand.length),
    );
    hands.forEach((enterpriseIds, index) => {
      const k = ks[index] ?? 0;
      if (k > 0) strataByBatch[index]?.push({ key: tier, enterpriseIds, k });
    });
  }

  const batches = months.flatMap((month, index): DoubleRandomBatch[] => {
    const strata = strataByBatch[index] ?? [];
    const size = strata.reduce((total, stratum) => total + stratum.k, 0);
    if (size === 0) return [];
    return [
      {
        code: `${year}-${String(month).padStart(2, '0')}`,
        month,
        size,
        ratio: { numerator: ratio.numerator, denominator: ratio.denominator },
        share: size / pool.length,
        strata,
        workdays: size * workdaysPerInspection,
      },
    ];
  });
  return { pool, batches, planned, rotationDue: due };
};
