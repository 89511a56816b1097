import { pendingCalendarNote, seededCalendar } from '../calendar/statutory-calendar.ts';
import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { workdaysInYear } from '../calendar/workdays.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import { buildFormula } from './annual-plan-formula.ts';
import type { AnnualPlan, ComputeAnnualPlanInput, WorkdayEntry } from './annual-plan-types.ts';
import { planWarnings, shortfallOf } from './annual-plan-warnings.ts';
import { planDoubleRandomBatches } from './plan-double-random-batches.ts';
import { planningCatalog, workdaysPerInspection } from './planning-catalog.ts';
import type { PlanningCatalog, WorkdayCategory } from './planning-catalog.ts';
import { scheduleKeyInspections } from './schedule-key-inspections.ts';

// measure 1: each bureau makes its annual supervision plan under 《安全生产年度监督检查计划编制办法》;
// measure 5: key enterprises fully covered each year, the others by double-random draw at the set ratio.
// Pure: the caller passes the year, the roster, the deductions and the graded enterprises.

export type AnnualPlanRefusalCode =
  | 'PLAN_CALENDAR_INVALID_YEAR'
  | 'PLAN_UNKNOWN_WORKDAY_CATEGORY'
  | 'PLAN_DUPLICATE_WORKDAY_CATEGORY'
  | 'PLAN_DUPLICATE_ENTERPRISE'
  | 'PLAN_INVALID_MONTHS'
  | 'PLAN_DEDUCTIONS_EXCEED_WORKDAYS';

export type AnnualPlanRefusal = Refusal<AnnualPlanRefusalCode>;

const BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第一项；《安全生产年度监督检查计划编制办法》(安监总政法〔2017〕150号)';

const refusePlan = (code: AnnualPlanRefusalCode, message: string): AnnualPlanRefusal =>
  refuse({ code, measure: 1, basis: BASIS, message });

// Every category of the catalogue appears in the formula (0 when not entered), in catalogue order.
const categorise = (
  entries: readonly WorkdayEntry[],
  categories: readonly WorkdayCategory[],
  what: string,
): AnnualPlanRefusal | { category: WorkdayCategory; workdays: number }[] => {
  const seen = new Set<string>();
  for (const { category } of entries) {
    if (!categories.some((candidate) => candidate.code === category))
      return refusePlan('PLAN_UNKNOWN_WORKDAY_CATEGORY', `${what}类别“${category}”不在目录中`);
    if (seen.has(category))
      return refusePlan('PLAN_DUPLICATE_WORKDAY_CATEGORY', `${what}类别“${category}”重复填写`);
    seen.add(category);
  }
  return categories.map((category) => ({
    category,
    workdays: entries.find((row) => row.category === category.code)?.workdays ?? 0,
  }));
};

const firstDuplicate = (ids: readonly string[]): string | undefined => {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
};

const validMonths = (months: readonly number[]): boolean =>
  months.length > 0 && months.every((month) => Number.isInteger(month) && month >= 1 && month <= 12);

export const computeAnnualPlan = (
  input: ComputeAnnualPlanInput,
  context: { catalog: PlanningCatalog; calendar?: StatutoryCalendar } = { catalog: planningCatalog },
): Ok<{ plan: AnnualPlan }> | AnnualPlanRefusal => {
  const { catalog } = context;
  const { year } = input;
  // issue 11 item 12: a year whose holidays are not yet published is computed weekends only, and says so
  const statutory = workdaysInYear(year, context.calendar ?? seededCalendar);
  if (!statutory.ok) return refusePlan('PLAN_CALENDAR_INVALID_YEAR', statutory.message);
  const calendarPending = statutory.pendingYears.length > 0;

  const other = categorise(
    input.otherEnforcementWorkdays,
    catalog.otherEnforcementCategories,
    '其他执法工作日',
  );
  if (!Array.isArray(other)) return other;
  const non = categorise(input.nonEnforcementWorkdays, catalog.nonEnforcementCategories, '非执法工作日');
  if (!Array.isArray(non)) return non;

  const duplicate = firstDuplicate(input.enterprises.map((enterprise) => enterprise.enterpriseId));
  if (duplicate !== undefined) return refusePlan('PLAN_DUPLICATE_ENTERPRISE', `企业“${duplicate}”重复列入`);

  const keyMonths = input.keyInspectionMonths ?? catalog.schedule.keyInspectionMonths;
  const batchMonths = input.batchMonths ?? catalog.schedule.batchMonths;
  if (!validMonths(keyMonths) || !validMonths(batchMonths))
    return refusePlan('PLAN_INVALID_MONTHS', '排期月份应为 1 至 12 的整数，且至少一个');

  const officers =
    'count' in input.officers
      ? input.officers.count
      : input.officers.roster.filter((officer) => officer.mayInspect).length;
  const totalWorkdays = statutory.value * officers;
  const deductions = [...other, ...non].reduce((total, row) => total + row.workdays, 0);
  if (deductions > totalWorkdays)
    return refusePlan(
      'PLAN_DEDUCTIONS_EXCEED_WORKDAYS',
      `其他执法工作日与非执法工作日合计 ${deductions} 日，超过总法定工作日 ${totalWorkdays} 日（${statutory.value} × ${officers}）`,
    );
  const inspectionWorkdays = totalWorkdays - deductions;

  const perKey = workdaysPerInspection(catalog, 'key');
  const perGeneral = workdaysPerInspection(catalog, 'general');
  const keyCandidates = input.enterprises.filter((enterprise) => enterprise.grading.class === 'key');
  const generalAll = input.enterprises.filter((enterprise) => enterprise.grading.class === 'general');
  const generalCapZero = generalAll.filter((enterprise) => enterprise.grading.allowance.cap === 0);
  const key = scheduleKeyInspections({
    enterprises: keyCandidates,
    months: keyMonths,
    workdaysPerInspection: perKey.workdays,
  });
  const general = planDoubleRandomBatches({
    year,
    enterprises: generalAll.filter((enterprise) => enterprise.grading.allowance.cap !== 0),
    ratio: catalog.doubleRandom,
    months: batchMonths,
    workdaysPerInspection: perGeneral.workdays,
  });

  const keyInspections = key.entries.reduce((total, entry) => total + entry.inspections, 0);
  const keyWorkdaysNeeded = keyInspections * perKey.workdays;
  const generalWorkdaysNeeded = general.planned * perGeneral.workdays;
  const keyInspectionWorkdays = Math.min(keyWorkdaysNeeded, inspectionWorkdays);
  const generalInspectionWorkdays = inspectionWorkdays - keyInspectionWorkdays;
  const shortfall = shortfallOf(inspectionWorkdays, key.entries, general.planned, perGeneral.workdays);
  const minimumVerified = input.enterprises.every(
    (enterprise) => enterprise.grading.allowance.minimumVerified,
  );

  const formula = buildFormula(catalog, {
    statutoryWorkdays: statutory.value,
    certifiedOfficers: officers,
    otherEnforcement: other,
    nonEnforcement: non,
    keyInspections,
    workdaysPerKeyInspection: perKey,
    keyInspectionsSource: {
      source:
        '《江门市应急管理系统严格规范涉企行政检查若干措施》第五项（重点企业每年至少1次“全覆盖”检查）；检查频次取自分级结果',
      verified: minimumVerified,
    },
    generalPlanned: general.planned,
    workdaysPerGeneralInspection: perGeneral,
    generalPlannedSource: {
      source: `${catalog.doubleRandom.source}；${catalog.rotation.source}`,
      verified: catalog.doubleRandom.verified && catalog.rotation.verified,
    },
    keyInspectionWorkdays,
    generalInspectionWorkdays,
  });

  const warnings = [
    ...(calendarPending
      ? [
          {
            code: 'CALENDAR_PENDING' as const,
            measure: 1,
            message: `法定工作日 ${statutory.value} 日为暂算：${pendingCalendarNote(statutory.pendingYears)}`,
            enterpriseIds: [],
            catalogCodes: [],
          },
        ]
      : []),
    ...planWarnings({
      catalog,
      officers,
      inspectionWorkdays,
      workdaysNeeded: keyWorkdaysNeeded + generalWorkdaysNeeded,
      shortfall,
      keyOverCap: key.overCap,
      generalCapZero: generalCapZero.map((enterprise) => enterprise.enterpriseId),
      defaultSchedule: !(input.keyInspectionMonths && input.batchMonths),
    }),
  ];

  return ok({
    plan: {
      year,
      bureau: input.bureau,
      catalogVersion: catalog.version,
      totals: {
        statutoryWorkdays: statutory.value,
        certifiedOfficers: officers,
        totalWorkdays,
        otherEnforcementWorkdays: other.reduce((total, row) => total + row.workdays, 0),
        nonEnforcementWorkdays: non.reduce((total, row) => total + row.workdays, 0),
        inspectionWorkdays,
        keyInspectionWorkdays,
        generalInspectionWorkdays,
        keyWorkdaysNeeded,
        generalWorkdaysNeeded,
        workdayBalance: inspectionWorkdays - keyWorkdaysNeeded - generalWorkdaysNeeded,
        keyEnterprises: key.entries.length,
        keyInspections,
        generalPool: general.pool.length,
        generalPlanned: general.planned,
        rotationDue: general.rotationDue,
      },
      formula,
      ratio: {
        numerator: catalog.doubleRandom.numerator,
        denominator: catalog.doubleRandom.denominator,
        verified: catalog.doubleRandom.verified,
      },
      keyInspections: key.entries,
      generalPool: general.pool,
      batches: general.batches,
      shortfall,
      warnings,
      calendarPending,
    },
  });
};
