import { dayNumber } from '../calendar/iso-day.ts';
import { seededCalendar } from '../calendar/statutory-calendar.ts';
import type { CalendarResult, StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { monthlyPlanDeadline, workdaysBefore, workdaysBetween } from '../calendar/workdays.ts';
import { isAfter } from '../shared/iso-date.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { AnnualPlan, DoubleRandomBatch, KeyInspectionEntry } from './annual-plan-types.ts';
import { planningCatalog } from './planning-catalog.ts';
import type { PlanningCatalog } from './planning-catalog.ts';

// measure 2: each enforcement unit draws up next month's plan (次月工作计划) before the month ends and
// submits it to the supervision unit, which watches how it is carried out. The deadline is the last
// workday of the month before (see calendar/workdays.ts, monthlyPlanDeadline, for why); the unit and the
// supervisor are reminded a set number of workdays before it (catalog/planning.json, monthlyPlan).

export type MonthlyPlanRefusalCode = 'MONTHLY_PLAN_CALENDAR_INVALID_MONTH';

export type MonthlyPlanRefusal = Refusal<MonthlyPlanRefusalCode>;

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第二项（应当在每月月底前制定次月工作计划报本部门负责执法监督的工作机构备案）';

const calendarRefusal = (message: string): MonthlyPlanRefusal =>
  refuse({ code: 'MONTHLY_PLAN_CALENDAR_INVALID_MONTH', measure: 2, basis: BASIS, message });

// pendingYears: years counted weekends only for want of a holiday table (待国务院公布)
export type MonthlyPlanDueDates = { deadline: IsoDate; reminderOn: IsoDate; pendingYears: number[] };

type MonthlyPlanContext = { catalog: PlanningCatalog; calendar?: StatutoryCalendar };

export const monthlyPlanDueDates = (
  plan: { year: number; month: number },
  context: MonthlyPlanContext = { catalog: planningCatalog },
): Ok<MonthlyPlanDueDates> | MonthlyPlanRefusal => {
  const calendar = context.calendar ?? seededCalendar;
  const deadline = monthlyPlanDeadline(plan.year, plan.month, calendar);
  if (!deadline.ok) return calendarRefusal(deadline.message);
  const reminderOn = workdaysBefore(
    deadline.value,
    context.catalog.monthlyPlan.reminderWorkdaysBefore,
    calendar,
  );
  if (!reminderOn.ok) return calendarRefusal(reminderOn.message);
  const pendingYears = [...new Set([...deadline.pendingYears, ...reminderOn.pendingYears])].sort();
  return ok({ deadline: deadline.value, reminderOn: reminderOn.value, pendingYears });
};

// on_time and late: submitted; pending: not yet submitted, deadline not passed; overdue: not submitted, deadline passed.
export type MonthlyPlanTimelinessStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export type MonthlyPlanTimeliness = MonthlyPlanDueDates & {
  status: MonthlyPlanTimelinessStatus;
  // calendar days and workdays past the deadline: on submission, or up to `today` while still missing
  daysLate: number;
  // null when the holiday calendar does not yet cover the days to count
  workdaysLate: number | null;
  // remind the unit and the supervisor: not yet submitted, and today is on or after the reminder day
  shouldRemind: boolean;
};

const valueOrNull = (result: CalendarResult<number>): number | null => (result.ok ? result.value : null);

// `submittedOn` is the day the unit submitted the plan to the supervision unit for the record (报…备案; the
// workflow's 'submit'), whenever the supervision unit then files it; `today` is passed in, the domain never
// reads the clock. A plan submitted on the deadline is on time.
export const monthlyPlanTimeliness = (
  plan: { year: number; month: number; submittedOn: IsoDate | null; today: IsoDate },
  context: MonthlyPlanContext = { catalog: planningCatalog },
): Ok<MonthlyPlanTimeliness> | MonthlyPlanRefusal => {
  const due = monthlyPlanDueDates(plan, context);
  if (!due.ok) return due;
  const { deadline, reminderOn, pendingYears } = due;
  const until = plan.submittedOn ?? plan.today;
  const late = isAfter(until, deadline);
  const status: MonthlyPlanTimelinessStatus =
    plan.submittedOn === null ? (late ? 'overdue' : 'pending') : late ? 'late' : 'on_time';
  return ok({
    deadline,
    reminderOn,
    pendingYears,
    status,
    daysLate: late ? dayNumber(until) - dayNumber(deadline) : 0,
    workdaysLate: late
      ? valueOrNull(workdaysBetween(deadline, until, context.calendar ?? seededCalendar))
      : 0,
    shouldRemind: plan.submittedOn === null && !isAfter(reminderOn, plan.today),
  });
};

// What the annual plan puts in a month, as the starting point of that month's plan.
export const annualPlanMonth = (
  plan: AnnualPlan,
  month: number,
): { keyInspections: KeyInspectionEntry[]; batches: DoubleRandomBatch[] } => ({
  keyInspections: plan.keyInspections.filter((entry) => entry.months.includes(month)),
  batches: plan.batches.filter((batch) => batch.month === month),
});
