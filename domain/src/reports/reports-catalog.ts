import { z } from 'zod';
import raw from '@inspecta/catalog/reports.json' with { type: 'json' };

// catalog/reports.json: the reward amounts of 安监总财〔2018〕19号, the handling periods, the employee rule of
// 应急〔2020〕69号 and the internal reporting mechanism of 安委〔2024〕7号, each with its source and mark.
const entry = {
  code: z.string(),
  name: z.string(),
  rule: z.string(),
  source: z.string(),
  effective: z.string(),
  verified: z.boolean(),
};
const period = z.object({
  ...entry,
  days: z.number().int().positive(),
  counting: z.literal('calendar_days'),
});

export const ZReportsCatalogSchema = z.object({
  version: z.string(),
  rewards: z.object({
    fineShare: z.object({
      ...entry,
      appliesTo: z.array(z.string()),
      rate: z.number().positive(),
      minimumYuan: z.number().int().nonnegative(),
      maximumYuan: z.number().int().positive(),
    }),
    concealedAccident: z.object({
      ...entry,
      appliesTo: z.array(z.string()),
      perDeathYuan: z.object({
        general: z.number().int(),
        larger: z.number().int(),
        major: z.number().int(),
        especially_major: z.number().int(),
      }),
      maximumYuan: z.number().int().positive(),
    }),
    employeeUplift: z.object({ ...entry, rate: z.number().nonnegative() }),
    firstReporterOnly: z.object(entry),
    whoAcceptsPays: z.object(entry),
  }),
  deadlines: z.object({
    verify: period,
    extension: period,
    answer: period,
    collectNotice: period,
    collectPeriod: period,
    lastDayOnHoliday: z.object(entry),
  }),
  employeeReports: z.object(entry),
  internalReporting: z.object({
    ...entry,
    keyIndustriesDeadline: z.string(),
    industryCodes: z.array(z.string()),
  }),
});
export type ReportsCatalog = z.infer<typeof ZReportsCatalogSchema>;

export const reportsCatalog: ReportsCatalog = ZReportsCatalogSchema.parse(raw);
