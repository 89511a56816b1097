import { z } from 'zod';
import { monthOf, yearOf } from '../calendar/iso-day.ts';
import { isAfter, ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ZTerritoryCodeSchema } from '../territory/territory-code.ts';
import type { TerritoryCode } from '../territory/territory-code.ts';
import type { AnnualPlan } from './annual-plan-types.ts';
import { planningCatalog, workdaysPerInspection } from './planning-catalog.ts';
import type { PlanningCatalog } from './planning-catalog.ts';

// measure 2: the supervision unit watches how plans are carried out (计划执行情况); measure 5: every key
// enterprise covered in the year, with a warning while the year runs out (catalog/planning.json, execution).

export const ZInspectionKindSchema = z.enum(['key', 'double_random', 'targeted', 'other']);
export type InspectionKind = z.infer<typeof ZInspectionKindSchema>;

export const ZActualInspectionSchema = z.object({
  inspectionId: z.string().min(1),
  enterpriseId: z.string().min(1),
  date: ZIsoDateSchema,
  unit: z.string().min(1).nullable(),
  territory: ZTerritoryCodeSchema,
  // key: the city-organised full-coverage inspection of measure 5; double_random: a batch's draw
  kind: ZInspectionKindSchema,
  batchCode: z.string().min(1).nullable().optional(),
  // person-workdays spent, in the unit of the plan's formula
  workdays: z.number().nonnegative(),
});
export type ActualInspection = z.infer<typeof ZActualInspectionSchema>;

// Planned double-random counts by unit or county are expectations (k × the group's share of its stratum), so
// they may be fractional; by month they are the batch sizes.
export type ExecutionRow = {
  key: string;
  planned: { keyInspections: number; doubleRandom: number; workdays: number };
  actual: { keyInspections: number; doubleRandom: number; targeted: number; other: number; workdays: number };
};

export type UncoveredKeyEnterprise = {
  enterpriseId: string;
  name: string;
  territory: TerritoryCode;
  unit: string | null;
  plannedMonths: number[];
  // a planned month has passed without the inspection
  behindSchedule: boolean;
};

export type PlanExecution = {
  year: number;
  asOf: IsoDate;
  keyCoverage: { total: number; covered: number; share: number };
  uncoveredKeyEnterprises: UncoveredKeyEnterprise[];
  coverageWarning: boolean;
  batches: { code: string; month: number; size: number; done: number; complete: boolean }[];
  workdays: { planned: number; used: number };
  byMonth: ExecutionRow[];
  byUnit: ExecutionRow[];
  byTerritory: ExecutionRow[];
  byKind: ExecutionRow[];
};

const NO_UNIT = '（未指定科室）';

const emptyRow = (key: string): ExecutionRow => ({
  key,
  planned: { keyInspections: 0, doubleRandom: 0, workdays: 0 },
  actual: { keyInspections: 0, doubleRandom: 0, targeted: 0, other: 0, workdays: 0 },
});

const ACTUAL_FIELD = {
  key: 'keyInspections',
  double_random: 'doubleRandom',
  targeted: 'targeted',
  other: 'other',
} as const;

export const planExecution = (
  options: { plan: AnnualPlan; actual: readonly ActualInspection[]; asOf: IsoDate },
  context: { catalog: PlanningCatalog } = { catalog: planningCatalog },
): PlanExecution => {
  const { plan, asOf } = options;
  const perKey = workdaysPerInspection(context.catalog, 'key').workdays;
  const perGeneral = workdaysPerInspection(context.catalog, 'general').workdays;
  const actual = options.actual.filter((row) => yearOf(row.date) === plan.year && !isAfter(row.date, asOf));

  const tables = {
    month: new Map<string, ExecutionRow>(),
    unit: new Map<string, ExecutionRow>(),
    territory: new Map<string, ExecutionRow>(),
    kind: new Map<string, ExecutionRow>(),
  };
  const row = (table: Map<string, ExecutionRow>, key: string): ExecutionRow => {
    const found = table.get(key) ?? emptyRow(key);
    table.set(key, found);
    return found;
  };
  for (let month = 1; month <= 12; month += 1) row(tables.month, String(month));
  for (const kind of ZInspectionKindSchema.options) row(tables.kind, kind);

  const addPlanned = (rows: ExecutionRow[], key: number, doubleRandom: number) => {
    for (const target of rows) {
      target.planned.keyInspections += key;
      target.planned.doubleRandom += doubleRandom;
      target.planned.workdays += key * perKey + doubleRandom * perGeneral;
    }
  };
  for (const entry of plan.keyInspections) {
    const groups = [row(tables.unit, entry.unit ?? NO_UNIT), row(tables.territory, entry.territory)];
    addPlanned([...groups, row(tables.kind, 'key')], entry.inspections, 0);
    for (const month of entry.months) addPlanned([row(tables.month, String(month))], 1, 0);
  }
  const poolById = new Map(plan.generalPool.map((entry) => [entry.enterpriseId, entry]));
  for (const batch of plan.batches) {
    addPlanned([row(tables.month, String(batch.month)), row(tables.kind, 'double_random')], 0, batch.size);
    for (const stratum of batch.strata) {
      const expected = stratum.k / stratum.enterpriseIds.length;
      for (const id of stratum.enterpriseIds) {
        const entry = poolById.get(id);
        if (entry === undefined) continue;
        addPlanned(
          [row(tables.unit, entry.unit ?? NO_UNIT), row(tables.territory, entry.territory)],
          0,
          expected,
        );
      }
    }
  }

  for (const inspection of actual) {
    const field = ACTUAL_FIELD[inspection.kind];
    for (const target of [
      row(tables.month, String(monthOf(inspection.date))),
      row(tables.unit, inspection.unit ?? NO_UNIT),
      row(tables.territory, inspection.territory),
      row(tables.kind, inspection.kind),
    ]) {
      target.actual[field] += 1;
      target.actual.workdays += inspection.workdays;
    }
  }

  const coveredIds = new Set(actual.filter((r) => r.kind === 'key').map((r) => r.enterpriseId));
  const asOfMonth = yearOf(asOf) > plan.year ? 13 : monthOf(asOf);
  const uncoveredKeyEnterprises = plan.keyInspections
    .filter((entry) => entry.inspections > 0 && !coveredIds.has(entry.enterpriseId))
    .map((entry) => ({
      enterpriseId: entry.enterpriseId,
      name: entry.name,
      territory: entry.territory,
      unit: entry.unit,
      plannedMonths: entry.months,
      behindSchedule: entry.months.some((month) => month < asOfMonth),
    }));
  const total = plan.keyInspections.filter((entry) => entry.inspections > 0).length;
  const batches = plan.batches.map((batch) => {
    const done = new Set(
      actual
        .filter((r) => r.kind === 'double_random' && r.batchCode === batch.code)
        .map((r) => r.enterpriseId),
    ).size;
    return { code: batch.code, month: batch.month, size: batch.size, done, complete: done >= batch.size };
  });
  const sorted = (table: Map<string, ExecutionRow>) =>
    [...table.values()].sort((a, b) => a.key.localeCompare(b.key));
  return {
    year: plan.year,
    asOf,
    keyCoverage: {
      total,
      covered: total - uncoveredKeyEnterprises.length,
      share: total === 0 ? 1 : (total - uncoveredKeyEnterprises.length) / total,
    },
    uncoveredKeyEnterprises,
    coverageWarning: uncoveredKeyEnterprises.length > 0 && asOfMonth >= context.catalog.execution.fromMonth,
    batches,
    workdays: {
      planned: plan.totals.keyWorkdaysNeeded + plan.totals.generalWorkdaysNeeded,
      used: actual.reduce((sum, r) => sum + r.workdays, 0),
    },
    byMonth: [...tables.month.values()],
    byUnit: sorted(tables.unit),
    byTerritory: sorted(tables.territory),
    byKind: [...tables.kind.values()],
  };
};
