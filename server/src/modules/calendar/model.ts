import { z } from 'zod';
import { ZDateSchema } from '../../platform/http/dates.ts';

export const ZYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

// no NUL and no lone surrogate: neither can be stored or shown
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ZNoticeSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((text) => !text.includes('\u0000') && !LONE_SURROGATE.test(text), '文号含有无效字符');

export const ZEnterHolidayTableSchema = z.strictObject({
  // the number of the State Council's notice, e.g. 国办发明电〔2026〕7号
  notice: ZNoticeSchema,
  holidays: z.array(ZDateSchema).min(1).max(60),
  makeUpWorkdays: z.array(ZDateSchema).max(30).default([]),
});

export const ZHolidayYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(['chinese_days', 'legal_reviewer']),
  sourceName: z.string(),
  notice: z.string().nullable(),
  holidays: z.array(z.string()),
  makeUpWorkdays: z.array(z.string()),
  enteredAt: z.string().nullable(),
  enteredByName: z.string().nullable(),
});

export const ZHolidayTablesSchema = z.object({
  items: z.array(ZHolidayYearSchema),
  // the years after the last table up to next year: deadlines reaching them are counted weekends only
  pendingYears: z.array(z.number().int()),
  mayEnter: z.boolean(),
});

export const ZEnteredHolidayTableSchema = z.object({
  table: ZHolidayYearSchema,
  recomputedOrders: z.number().int(),
  toldAnnualPlans: z.number().int(),
});

export type THolidayYear = z.infer<typeof ZHolidayYearSchema>;
