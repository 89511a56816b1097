import { z } from 'zod';
import { ZPlanStatusSchema, ZTargetedTriggerSchema } from '@inspecta/domain';
import { ZDateSchema } from '../../platform/http/dates.ts';

// Request and response shapes of the plan routes (measures 1, 2, 5).

export const ZYearSchema = z.number().int().min(2020).max(2100);
const ZMonthSchema = z.number().int().min(1).max(12);

export const ZComputeAnnualPlanSchema = z.strictObject({
  year: ZYearSchema,
  // other-enforcement and non-enforcement workdays per catalogue category (catalog/planning.json)
  workdays: z.record(z.string().max(64), z.number().int().min(0).max(10_000_000)).default({}),
});

export const ZSubmitAnnualSchema = z.strictObject({
  discussedOn: ZDateSchema.optional(),
  submittedOn: ZDateSchema.optional(),
});
export const ZApproveAnnualSchema = z.strictObject({
  documentNumber: z.string().trim().max(100).optional(),
  approvedOn: ZDateSchema.optional(),
});
export const ZFileSchema = z.strictObject({ filedOn: ZDateSchema.optional() });
export const ZPublishSchema = z.strictObject({ publishedOn: ZDateSchema.optional() });
export const ZReasonBodySchema = z.strictObject({ reason: z.string().trim().max(500) });

const ZTermSchema = z.object({
  code: z.string(),
  label: z.string(),
  value: z.number(),
  source: z.string(),
  verified: z.boolean(),
});
const ZFormulaSchema = z.object({
  lines: z.array(
    z.object({
      result: ZTermSchema,
      first: ZTermSchema,
      rest: z.array(z.object({ operator: z.enum(['+', '−', '×']), term: ZTermSchema })),
    }),
  ),
  text: z.array(z.string()),
});

const ZTotalsSchema = z.object({
  statutoryWorkdays: z.number(),
  certifiedOfficers: z.number(),
  totalWorkdays: z.number(),
  otherEnforcementWorkdays: z.number(),
  nonEnforcementWorkdays: z.number(),
  inspectionWorkdays: z.number(),
  keyInspectionWorkdays: z.number(),
  generalInspectionWorkdays: z.number(),
  keyWorkdaysNeeded: z.number(),
  generalWorkdaysNeeded: z.number(),
  workdayBalance: z.number(),
  keyEnterprises: z.number(),
  keyInspections: z.number(),
  generalPool: z.number(),
  generalPlanned: z.number(),
  rotationDue: z.number(),
});

const ZRecordSchema = z.object({
  discussedOn: z.string().nullable(),
  submittedOn: z.string().nullable(),
  approval: z.object({ documentNumber: z.string(), approvedOn: z.string() }).nullable(),
  filedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  adjustment: z.object({ reason: z.string(), previousVersion: z.number().int() }).nullable(),
});

export const ZAnnualPlanSummarySchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  territory: z.string(),
  territoryName: z.string(),
  version: z.number().int(),
  status: ZPlanStatusSchema,
  statusName: z.string(),
  record: ZRecordSchema,
  totals: ZTotalsSchema,
  shortfall: z
    .object({ workdays: z.number(), keyEnterprises: z.number(), generalEnterprises: z.number() })
    .nullable(),
  catalogVersion: z.string(),
  computedAt: z.string(),
  computedByName: z.string(),
});

export const ZAnnualPlanDetailSchema = ZAnnualPlanSummarySchema.extend({
  input: z.object({
    workdays: z.record(z.string(), z.number()),
    eligibilityDate: z.string(),
    officers: z.array(
      z.object({
        officerId: z.string(),
        name: z.string(),
        mayInspect: z.boolean(),
        reason: z.string().nullable(),
      }),
    ),
    ungradedEnterprises: z.number().int(),
  }),
  formula: ZFormulaSchema,
  ratio: z.object({ numerator: z.number(), denominator: z.number(), verified: z.boolean() }),
  keyInspections: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      territory: z.string(),
      unit: z.string().nullable(),
      matters: z.array(z.string()),
      enforcementLevel: z.string(),
      months: z.array(z.number().int()),
      inspections: z.number().int(),
      workdays: z.number(),
    }),
  ),
  batches: z.array(
    z.object({
      code: z.string(),
      month: z.number().int(),
      size: z.number().int(),
      ratio: z.object({ numerator: z.number(), denominator: z.number() }),
      share: z.number(),
      workdays: z.number(),
      // candidates are counted here; the draw (issue 6) reads the list from the stored plan
      strata: z.array(z.object({ key: z.string(), k: z.number().int(), candidates: z.number().int() })),
    }),
  ),
  warnings: z.array(
    z.object({
      code: z.string(),
      measure: z.number(),
      message: z.string(),
      enterpriseIds: z.array(z.string()),
      catalogCodes: z.array(z.string()),
    }),
  ),
  // issue 11 item 12: the year had no holiday table when computed (法定工作日 counted weekends only)
  calendarPending: z.boolean(),
  link: z
    .object({
      cityPlanId: z.uuid(),
      cityPlanVersion: z.number().int(),
      excluded: z.array(
        z.object({
          enterpriseId: z.string(),
          name: z.string(),
          matter: z.string(),
          coveredBy: z.object({
            planId: z.string(),
            territory: z.string(),
            kind: z.string(),
            month: z.number().int().nullable(),
          }),
        }),
      ),
    })
    .nullable(),
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), status: ZPlanStatusSchema })),
});

export const ZPublicAnnualPlanSchema = z.object({
  year: z.number().int(),
  territory: z.string(),
  territoryName: z.string(),
  version: z.number().int(),
  publishedOn: z.string(),
  approvalDocumentNumber: z.string().nullable(),
  totals: z.object({
    statutoryWorkdays: z.number(),
    certifiedOfficers: z.number(),
    inspectionWorkdays: z.number(),
    keyEnterprises: z.number(),
    keyInspections: z.number(),
    generalPool: z.number(),
    generalPlanned: z.number(),
  }),
  ratio: z.object({ numerator: z.number(), denominator: z.number() }),
  matters: z.array(z.object({ code: z.string(), name: z.string() })),
});

const ZExecutionRowSchema = z.object({
  key: z.string(),
  planned: z.object({ keyInspections: z.number(), doubleRandom: z.number(), workdays: z.number() }),
  actual: z.object({
    keyInspections: z.number(),
    doubleRandom: z.number(),
    targeted: z.number(),
    other: z.number(),
    workdays: z.number(),
  }),
});

export const ZExecutionSchema = z.object({
  planId: z.uuid(),
  year: z.number().int(),
  asOf: z.string(),
  keyCoverage: z.object({ total: z.number().int(), covered: z.number().int(), share: z.number() }),
  uncoveredKeyEnterprises: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      territory: z.string(),
      unit: z.string().nullable(),
      plannedMonths: z.array(z.number().int()),
      behindSchedule: z.boolean(),
    }),
  ),
  coverageWarning: z.boolean(),
  batches: z.array(
    z.object({
      code: z.string(),
      month: z.number().int(),
      size: z.number().int(),
      done: z.number().int(),
      complete: z.boolean(),
    }),
  ),
  workdays: z.object({ planned: z.number(), used: z.number() }),
  byMonth: z.array(ZExecutionRowSchema),
  byUnit: z.array(ZExecutionRowSchema),
  byTerritory: z.array(ZExecutionRowSchema),
  byKind: z.array(ZExecutionRowSchema),
});

export const ZCreateMonthlyPlanSchema = z.strictObject({
  year: ZYearSchema,
  month: ZMonthSchema,
  enterpriseIds: z.array(z.string().max(64)).max(5000).optional(),
});

export const ZMonthlyPlanQuerySchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
});

const ZMonthlyEnterpriseSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  territory: z.string(),
});

export const ZMonthlyPlanSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  month: z.number().int(),
  territory: z.string(),
  territoryName: z.string(),
  unitName: z.string(),
  annualPlanId: z.uuid(),
  status: ZPlanStatusSchema,
  statusName: z.string(),
  submittedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  timeliness: z
    .object({
      deadline: z.string(),
      reminderOn: z.string(),
      // years counted weekends only for want of a holiday table (待国务院公布)
      pendingYears: z.array(z.number().int()),
      status: z.enum(['on_time', 'late', 'pending', 'overdue']),
      daysLate: z.number().int(),
      workdaysLate: z.number().int().nullable(),
      shouldRemind: z.boolean(),
    })
    .nullable(),
  enterpriseCount: z.number().int(),
  keyInspections: z.array(ZMonthlyEnterpriseSchema),
  batches: z.array(
    z.object({
      code: z.string(),
      size: z.number().int(),
      listed: z.array(ZMonthlyEnterpriseSchema),
      toDraw: z.array(z.object({ key: z.string(), k: z.number().int(), candidates: z.number().int() })),
    }),
  ),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const ZStartCheckSchema = z.strictObject({
  enterpriseId: z.string().max(64),
  date: ZDateSchema,
  // checked by the domain, so an unknown source is refused with measure 5 rather than a bare 400
  trigger: z.string().max(64).optional(),
  triggerReference: z.string().trim().min(1).max(200).optional(),
});

export const ZStartCheckResultSchema = z.object({
  ok: z.literal(true),
  ground: z.enum(['monthly_plan', 'targeted_trigger']),
  planId: z.string().nullable(),
  trigger: ZTargetedTriggerSchema.nullable(),
  triggerReference: z.string().nullable(),
  frequencyCapExempt: z.boolean(),
});
