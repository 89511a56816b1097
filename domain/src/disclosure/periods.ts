import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { seededCalendar } from '../calendar/statutory-calendar.ts';
import { addWorkdays } from '../calendar/workdays.ts';
import { isoDate } from '../calendar/iso-day.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import {
  disclosureCatalog,
  disclosurePeriod,
  type DisclosureCatalog,
  type DisclosurePeriodCode,
} from './disclosure-catalog.ts';

// Measure 29: the day by which a record is published (or withdrawn) under the Guangdong 公示办法, counted in
// statutory workdays from the catalogue's period, and whether it was in time.

export type PublicationDue = {
  code: DisclosurePeriodCode;
  from: IsoDate;
  due: IsoDate;
  workdays: number;
  source: string;
  verified: boolean;
  // years counted on weekends only for want of a holiday table (待国务院公布)
  pendingYears: number[];
};

export const publicationDue = (
  code: DisclosurePeriodCode,
  from: IsoDate,
  context: { calendar?: StatutoryCalendar; catalog?: DisclosureCatalog } = {},
): Ok<PublicationDue> | Refusal<'DISCLOSURE_INVALID_DATE'> => {
  const period = disclosurePeriod(code, context.catalog ?? disclosureCatalog);
  const due = addWorkdays(from, period.workdays, context.calendar ?? seededCalendar);
  if (!due.ok)
    return refuse({
      code: 'DISCLOSURE_INVALID_DATE',
      measure: 29,
      basis: period.source,
      message: `无法计算公示期限：${due.message}`,
    });
  return ok({
    code,
    from,
    due: due.value,
    workdays: period.workdays,
    source: period.source,
    verified: period.verified,
    pendingYears: due.pendingYears,
  });
};

// late when done after the due day, or not yet done and the due day has passed
export const isLate = (due: IsoDate, doneOn: IsoDate | null, today: IsoDate): boolean =>
  doneOn ? doneOn > due : today > due;

// 公示办法 第十七条: the report on a year is published by 31 January of the next.
export const annualReportDueOn = (year: number, catalog: DisclosureCatalog = disclosureCatalog): IsoDate =>
  isoDate(year + 1, catalog.annualReport.month, catalog.annualReport.day);

export const ANNUAL_REPORT_STATES = ['not_due', 'due', 'overdue', 'published', 'published_late'] as const;
export type AnnualReportState = (typeof ANNUAL_REPORT_STATES)[number];
export const ANNUAL_REPORT_STATE_NAMES: Record<AnnualReportState, string> = {
  not_due: '年度未结束',
  due: '待发布',
  overdue: '逾期未发布',
  published: '已按期发布',
  published_late: '逾期发布',
};

// The report on `year` as of `today`: not due while the year runs; due from 1 January to the deadline; overdue
// after it until published.
export const annualReportState = (
  facts: { year: number; publishedOn: IsoDate | null; today: IsoDate },
  catalog: DisclosureCatalog = disclosureCatalog,
): AnnualReportState => {
  const dueOn = annualReportDueOn(facts.year, catalog);
  if (facts.publishedOn) return facts.publishedOn > dueOn ? 'published_late' : 'published';
  if (facts.today <= isoDate(facts.year, 12, 31)) return 'not_due';
  return facts.today > dueOn ? 'overdue' : 'due';
};

// The year whose report the bureau owes on `today`: last year's.
export const reportYearOf = (today: IsoDate): number => Number(today.slice(0, 4)) - 1;
