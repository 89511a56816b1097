import { z } from 'zod';
import { ANNUAL_REPORT_STATES } from '@inspecta/domain';

// Measure 29: what the public portal serves. Each schema lists the public fields and nothing else; the response
// serialiser drops any other property a row might carry (tested in disclosure.test.ts).

export const ZTerritoryQuerySchema = z.object({
  territory: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码为 6 位数字')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZPeriodSchema = z.object({
  code: z.string(),
  name: z.string(),
  workdays: z.number().int(),
  source: z.string(),
  verified: z.boolean(),
});

export const ZPortalSchema = z.object({
  today: z.string(),
  periods: z.array(ZPeriodSchema),
  annualReport: z.object({
    dueOn: z.string(),
    year: z.number().int(),
    source: z.string(),
    verified: z.boolean(),
  }),
  redaction: z.object({ source: z.string(), verified: z.boolean() }),
  datasets: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const ZPublicInspectionResultSchema = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  organisationName: z.string(),
  concludedOn: z.string(),
  matters: z.array(z.string()),
  resultSummary: z.string(),
  // 公示办法 第二十一条: published by this day (20 workdays)
  publishDue: z.string().nullable(),
});

export const ZPublicCreditRepairSchema = z.object({
  id: z.string(),
  documentNumber: z.string(),
  partyName: z.string(),
  authority: z.string(),
  decidedOn: z.string(),
  repairedOn: z.string(),
});

export const ZBenchmarkSchema = z.object({
  violationCode: z.string(),
  violation: z.string(),
  provision: z.string(),
  penaltyText: z.string(),
  tiers: z.array(
    z.object({
      tier: z.string(),
      tierName: z.string(),
      conditions: z.string(),
      band: z.string(),
      source: z.string(),
      verified: z.boolean(),
      effective: z.string(),
    }),
  ),
});

export const ZBenchmarkQuerySchema = z.object({
  territory: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码为 6 位数字')
    .default('440700'),
});

export const ZInspectionCapsSchema = z.object({
  bureaus: z.array(z.object({ name: z.string(), territory: z.string(), territoryName: z.string() })),
  caps: z.array(
    z.object({
      code: z.string(),
      className: z.string(),
      standardisation: z.string(),
      // null: no cap for that class
      perYear: z.number().int().nullable(),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
  minimum: z.array(
    z.object({
      code: z.string(),
      className: z.string(),
      count: z.number().int(),
      perYears: z.number().int(),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
});

const ZFiguresSchema = z.object({
  inspectionsConcluded: z.number().int(),
  inspectionsWithFindings: z.number().int(),
  findings: z.number().int(),
  rectificationOrders: z.number().int(),
  penaltyDecisions: z.number().int(),
  fineTotalFen: z.number().int(),
  publicationsWithdrawn: z.number().int(),
  creditRepairs: z.number().int(),
  draws: z.number().int(),
  openDays: z.number().int(),
  suggestionsAnswered: z.number().int(),
});

export const ZPublicAnnualReportSchema = z.object({
  id: z.string(),
  organisationName: z.string(),
  territoryName: z.string(),
  year: z.number().int(),
  figures: ZFiguresSchema,
  analysis: z.string(),
  publishedOn: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
});

export const ZAnnualReportSchema = z.object({
  id: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  dueOn: z.string(),
  state: z.enum(ANNUAL_REPORT_STATES),
  stateName: z.string(),
  figures: ZFiguresSchema.nullable(),
  analysis: z.string().nullable(),
  generatedAt: z.string().nullable(),
  generatedByName: z.string().nullable(),
  publishedOn: z.string().nullable(),
  publishedByName: z.string().nullable(),
  source: z.string(),
  mayGenerate: z.boolean(),
  mayPublish: z.boolean(),
});

export const ZYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const OPEN_DATASETS = [
  'penalty-decisions',
  'penalty-withdrawals',
  'inspection-results',
  'credit-repairs',
  'discretion-benchmarks',
  'inspection-caps',
  'annual-reports',
  'open-days',
  'draws',
  'annual-plans',
  'guide-list',
] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

export const ZOpenDataParamsSchema = z.object({ dataset: z.enum(OPEN_DATASETS) });
export const ZOpenDataQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
