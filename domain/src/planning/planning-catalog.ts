import { z } from 'zod';
import planningJson from '@inspecta/catalog/planning.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
  uniqueCodesCheck,
} from '../catalog/catalog-entry.ts';
import type { CatalogProvenance } from '../catalog/catalog-entry.ts';
import { ZEnforcementClassSchema } from '../grading/grading-codes.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';

// catalog/planning.json: the terms, categories and numbers of the annual plan (measures 1, 2, 5), each with
// its source, so a legal reviewer can correct them without a code change.

const entry = ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema });
const named = entry.extend({ name: z.string().min(1) });
const month = z.number().int().min(1).max(12);
const months = z
  .array(month)
  .min(1)
  .refine((list) => new Set(list).size === list.length, { error: '月份不得重复' });
const uniqueList = <T extends z.ZodType<{ code: string }>>(schema: T) =>
  z.array(schema).min(1).refine(uniqueCodesCheck.check, uniqueCodesCheck.message);

// The formula's terms in the order the plan shows them.
export const FORMULA_TERM_CODES = [
  'statutory_workdays',
  'certified_officers',
  'total_workdays',
  'other_enforcement_workdays',
  'non_enforcement_workdays',
  'inspection_workdays',
  'key_inspection_workdays',
  'general_inspection_workdays',
  'workday_balance',
] as const;

export type FormulaTermCode = (typeof FORMULA_TERM_CODES)[number];

// measure 5 names five channels and ends with "等渠道": the list is open. The five named channels come first;
// then channels the measures themselves create (无人机巡查 measure 21, 12345 measure 29), accident investigation,
// a superior's supervision order, and "other", which carries its description and the bureau head's approval.
export const NAMED_TARGETED_TRIGGERS = [
  'special_campaign',
  'emergency',
  'complaint_or_report',
  'referral',
  'platform_monitoring',
] as const;

export const TARGETED_TRIGGERS = [
  ...NAMED_TARGETED_TRIGGERS,
  'drone_patrol',
  'accident_investigation',
  'supervision_order',
  'hotline_12345',
  'other',
] as const;

export const ZTargetedTriggerSchema = z.enum(TARGETED_TRIGGERS);

export type TargetedTrigger = z.infer<typeof ZTargetedTriggerSchema>;

export const ZWorkdayCategorySchema = named;

export type WorkdayCategory = z.infer<typeof ZWorkdayCategorySchema>;

export const ZPlanningCatalogSchema = z
  .object({
    version: ZCatalogVersionSchema,
    effective: ZIsoDateSchema,
    note: z.string().min(1).optional(),
    method: named,
    formula: z.array(named.extend({ code: z.enum(FORMULA_TERM_CODES) })),
    otherEnforcementCategories: uniqueList(named),
    nonEnforcementCategories: uniqueList(named),
    inspectionWorkdays: z.array(
      entry.extend({ class: ZEnforcementClassSchema, workdays: z.number().finite().positive() }),
    ),
    doubleRandom: named.extend({
      numerator: z.number().int().nonnegative(),
      denominator: z.number().int().positive(),
    }),
    rotation: named,
    schedule: named.extend({ keyInspectionMonths: months, batchMonths: months }),
    monthlyPlan: named.extend({
      deadline: z.literal('last_workday_of_previous_month'),
      reminderWorkdaysBefore: z.number().int().nonnegative(),
    }),
    execution: named.extend({ fromMonth: month }),
    targetedTriggers: z.array(named.extend({ code: ZTargetedTriggerSchema })),
  })
  .superRefine((catalog, context) => {
    const fail = (message: string, path: string) =>
      context.addIssue({ code: 'custom', message, path: [path] });
    const formula = catalog.formula.map((term) => term.code);
    if (formula.length !== FORMULA_TERM_CODES.length || FORMULA_TERM_CODES.some((c) => !formula.includes(c)))
      fail('计算式各项须且只能各列一次', 'formula');
    const classes = catalog.inspectionWorkdays.map((row) => row.class);
    if (classes.length !== 2 || !classes.includes('key') || !classes.includes('general'))
      fail('重点、一般两类须且只能各有一项单次检查工作日', 'inspectionWorkdays');
    if (catalog.doubleRandom.numerator > catalog.doubleRandom.denominator)
      fail('抽查比例不得大于 1', 'doubleRandom');
    const triggers = catalog.targetedTriggers.map((trigger) => trigger.code);
    if (triggers.length !== TARGETED_TRIGGERS.length || TARGETED_TRIGGERS.some((t) => !triggers.includes(t)))
      fail('各类重点执法来源须且只能各列一次', 'targetedTriggers');
  });

export type PlanningCatalog = z.infer<typeof ZPlanningCatalogSchema>;

export const parsePlanningCatalog = (data: unknown): PlanningCatalog => ZPlanningCatalogSchema.parse(data);

// catalog/planning.json, checked when the module loads.
export const planningCatalog: PlanningCatalog = parsePlanningCatalog(planningJson);

export type PlanningCatalogEntry = CatalogProvenance & { code: string; name?: string };

export const formulaTerm = (catalog: PlanningCatalog, code: FormulaTermCode): PlanningCatalogEntry => {
  const term = catalog.formula.find((candidate) => candidate.code === code);
  if (term === undefined) throw new RangeError(`formula term ${code} missing from a parsed catalogue`);
  return term;
};

export const workdaysPerInspection = (catalog: PlanningCatalog, cls: 'key' | 'general') => {
  const row = catalog.inspectionWorkdays.find((candidate) => candidate.class === cls);
  if (row === undefined)
    throw new RangeError(`workdays per ${cls} inspection missing from a parsed catalogue`);
  return row;
};

// Every entry with a source, for listing what a plan rests on and what is still 待核实.
export const planningCatalogEntries = (catalog: PlanningCatalog): PlanningCatalogEntry[] => [
  catalog.method,
  ...catalog.formula,
  ...catalog.otherEnforcementCategories,
  ...catalog.nonEnforcementCategories,
  ...catalog.inspectionWorkdays,
  catalog.doubleRandom,
  catalog.rotation,
  catalog.schedule,
  catalog.monthlyPlan,
  catalog.execution,
  ...catalog.targetedTriggers,
];
