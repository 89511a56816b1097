import { z } from 'zod';
import { ZCatalogCodeSchema } from '../catalog/catalog-entry.ts';
import { ZEnforcementClassSchema, ZEnforcementLevelSchema } from '../grading/grading-codes.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ZTerritoryCodeSchema } from '../territory/territory-code.ts';
import type { TerritoryCode } from '../territory/territory-code.ts';

// The annual supervision plan (年度监督检查计划, measure 1) and what it is computed from.

// The part of a grading result (domain/grading) the plan needs: class, who leads, and the allowance.
export const ZPlanningGradingSchema = z.object({
  class: ZEnforcementClassSchema,
  enforcementLevel: ZEnforcementLevelSchema,
  allowance: z.object({
    minimum: z.object({ count: z.number().int().nonnegative(), perYears: z.number().int().positive() }),
    minimumVerified: z.boolean(),
    cap: z.number().int().nonnegative().nullable(),
    capVerified: z.boolean(),
  }),
});

export const ZPlanningEnterpriseSchema = z.object({
  enterpriseId: z.string().min(1),
  name: z.string().min(1),
  territory: ZTerritoryCodeSchema,
  // the enforcement unit (科室) answerable for it, when known
  unit: z.string().min(1).nullable().optional(),
  // inspection matter codes (catalog/inspection-matters.json); default work_safety_general
  matters: z.array(ZCatalogCodeSchema).min(1).optional(),
  grading: ZPlanningGradingSchema,
  // the last inspection of it by this bureau's system (any kind); null: none on record
  lastInspectedOn: ZIsoDateSchema.nullable(),
  // when it entered the supervised pool (registered, licensed, moved in); null or absent: long before
  listedOn: ZIsoDateSchema.nullable().optional(),
});

export type PlanningEnterprise = z.infer<typeof ZPlanningEnterpriseSchema>;

// Officers whose certificates let them inspect in the plan year (measure 10): a roster with the flag, or a count.
export const ZPlanningOfficersSchema = z.union([
  z.object({ count: z.number().int().nonnegative() }),
  z.object({ roster: z.array(z.object({ officerId: z.string().min(1), mayInspect: z.boolean() })) }),
]);

export const ZWorkdayEntrySchema = z.object({
  category: ZCatalogCodeSchema,
  workdays: z.number().int().nonnegative(),
});

export type WorkdayEntry = z.infer<typeof ZWorkdayEntrySchema>;

export const ZComputeAnnualPlanInputSchema = z.object({
  year: z.number().int().min(1000).max(9999),
  bureau: z.object({ territory: ZTerritoryCodeSchema, name: z.string().min(1) }),
  officers: ZPlanningOfficersSchema,
  otherEnforcementWorkdays: z.array(ZWorkdayEntrySchema),
  nonEnforcementWorkdays: z.array(ZWorkdayEntrySchema),
  enterprises: z.array(ZPlanningEnterpriseSchema),
  // override the catalogue's default schedule
  keyInspectionMonths: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  batchMonths: z.array(z.number().int().min(1).max(12)).min(1).optional(),
});

export type ComputeAnnualPlanInput = z.infer<typeof ZComputeAnnualPlanInputSchema>;

// One number of the formula with its Chinese label and where it comes from.
export type FormulaTerm = {
  code: string;
  label: string;
  value: number;
  source: string;
  verified: boolean;
};

// result = first (operator term)…; the UI prints "248 × 40 = 9,920" from it, each term labelled.
export type FormulaLine = {
  result: FormulaTerm;
  first: FormulaTerm;
  rest: { operator: '+' | '−' | '×'; term: FormulaTerm }[];
};

export type PlanFormula = { lines: FormulaLine[]; text: string[] };

export type KeyInspectionEntry = {
  enterpriseId: string;
  name: string;
  territory: TerritoryCode;
  unit: string | null;
  matters: string[];
  enforcementLevel: PlanningEnterprise['grading']['enforcementLevel'];
  // months of the year, one per planned inspection; empty only when the cap allows none (see warnings)
  months: number[];
  inspections: number;
  workdays: number;
};

// Why a general enterprise sits where it does in the rotation (粤应急规〔2021〕4号: once every three years).
export type RotationTier = 'rotation_due' | 'not_recently_inspected' | 'open';

export type GeneralPoolEntry = {
  enterpriseId: string;
  name: string;
  territory: TerritoryCode;
  unit: string | null;
  matters: string[];
  tier: RotationTier;
  lastInspectedOn: IsoDate | null;
};

// A stratum as the draw (issue 6) takes it: k enterprises drawn from enterpriseIds; k = all for rotation_due.
export type BatchStratum = { key: RotationTier; enterpriseIds: string[]; k: number };

export type DoubleRandomBatch = {
  code: string;
  month: number;
  size: number;
  // the configured annual ratio (catalog/planning.json, doubleRandom), and the share of the whole general
  // pool this batch inspects
  ratio: { numerator: number; denominator: number };
  share: number;
  strata: BatchStratum[];
  workdays: number;
};

export type PlanWarningCode =
  | 'WORKDAYS_SHORTFALL'
  | 'KEY_MINIMUM_EXCEEDS_CAP'
  | 'GENERAL_CAP_ZERO'
  | 'NO_CERTIFIED_OFFICERS'
  | 'UNVERIFIED_CATALOG_VALUES'
  | 'CALENDAR_PENDING';

export type PlanWarning = {
  code: PlanWarningCode;
  measure: number;
  message: string;
  enterpriseIds: string[];
  catalogCodes: string[];
};

export type PlanShortfall = { workdays: number; keyEnterprises: number; generalEnterprises: number };

export type AnnualPlanTotals = {
  statutoryWorkdays: number;
  certifiedOfficers: number;
  totalWorkdays: number;
  otherEnforcementWorkdays: number;
  nonEnforcementWorkdays: number;
  inspectionWorkdays: number;
  keyInspectionWorkdays: number;
  generalInspectionWorkdays: number;
  keyWorkdaysNeeded: number;
  generalWorkdaysNeeded: number;
  // positive: reserve (留有余地); negative: shortfall
  workdayBalance: number;
  keyEnterprises: number;
  keyInspections: number;
  generalPool: number;
  generalPlanned: number;
  rotationDue: number;
};

export type AnnualPlan = {
  year: number;
  bureau: { territory: TerritoryCode; name: string };
  catalogVersion: string;
  totals: AnnualPlanTotals;
  formula: PlanFormula;
  ratio: { numerator: number; denominator: number; verified: boolean };
  keyInspections: KeyInspectionEntry[];
  generalPool: GeneralPoolEntry[];
  batches: DoubleRandomBatch[];
  shortfall: PlanShortfall | null;
  warnings: PlanWarning[];
  // issue 11 item 12: the year had no holiday table when computed (weekends only, 待国务院公布); absent on
  // plans computed before the field existed
  calendarPending?: boolean;
};
