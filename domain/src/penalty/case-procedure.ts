import { z } from 'zod';
import procedureJson from '@inspecta/catalog/case-procedure.json' with { type: 'json' };
import {
  ZCatalogCodeSchema,
  ZCatalogProvenanceSchema,
  ZCatalogVersionSchema,
} from '../catalog/catalog-entry.ts';
import { addDays } from '../calendar/iso-day.ts';
import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { seededCalendar } from '../calendar/statutory-calendar.ts';
import { addWorkdays } from '../calendar/workdays.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { ZIsoDateSchema } from '../shared/iso-date.ts';
import { SANCTIONS } from './violation-catalog.ts';
import type { Sanction } from './violation-catalog.ts';
import { TIERS } from './discretion-catalog.ts';
import type { Tier } from './discretion-catalog.ts';

// issue 15 item 3: the periods and thresholds of the penalty procedure (catalog/case-procedure.json).

export const CASE_MILESTONES = ['opened', 'notified', 'hearing', 'decided', 'served'] as const;
export type CaseMilestone = (typeof CASE_MILESTONES)[number];

const ZPeriodSchema = ZCatalogProvenanceSchema.extend({
  code: ZCatalogCodeSchema,
  name: z.string().min(1),
  days: z.number().int().positive(),
  // 行政处罚法 第八十五条: 二、三、五、七日 are workdays
  unit: z.enum(['days', 'workdays']),
  from: z.enum(CASE_MILESTONES),
});
export type CasePeriodRule = z.infer<typeof ZPeriodSchema>;

export const ZCaseProcedureCatalogSchema = z.object({
  version: ZCatalogVersionSchema,
  effective: ZIsoDateSchema,
  note: z.string().optional(),
  periods: z.array(ZPeriodSchema).min(1),
  simplifiedProcedure: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    maxFineCitizenFen: z.number().int().positive(),
    maxFineOrganisationFen: z.number().int().positive(),
  }),
  hearingThreshold: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    organisationFromFen: z.number().int().positive(),
    citizenFromFen: z.number().int().positive(),
  }),
  collectiveDiscussion: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    fromFineFen: z.number().int().positive(),
    sanctions: z.array(z.enum(SANCTIONS)),
    tiers: z.array(z.enum(TIERS)),
  }),
  // measure 14: the observation period (观察期) after a decision of the listed tiers
  observation: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    days: z.number().int().positive(),
    tiers: z.array(z.enum(TIERS)).min(1),
  }),
  // measure 16: 查封、扣押 (行政强制法 第二十五条) and the platform's reminder before the last day
  seizure: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    limitDays: z.number().int().positive(),
    extensionMaxDays: z.number().int().positive(),
    remindDaysBefore: z.number().int().nonnegative(),
  }),
  // measure 22: what the 信用修复告知书 tells the party (publication class and periods, conditions, materials)
  creditRepair: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    platforms: z.array(z.string().min(1)).min(1),
    classes: z
      .array(
        z.object({
          class: z.enum(['minor', 'general', 'serious']),
          name: z.string().min(1),
          minMonths: z.number().int().nonnegative(),
          maxMonths: z.number().int().positive(),
          rule: z.string().min(1),
          repair: z.string().min(1),
        }),
      )
      .length(3),
    classification: z.string().min(1),
    conditions: z.array(z.string().min(1)).min(1),
    materials: z.array(z.string().min(1)).min(1),
    channel: z.string().min(1),
    // how long the bureau has to decide an application (placeholder until 令第36号's period is read)
    decisionWorkdays: z.number().int().positive(),
  }),
  // 令第11号: the listing cases a decision is checked against
  seriousDishonesty: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    scope: z.string().min(1),
    criteria: z
      .array(
        z.object({
          code: ZCatalogCodeSchema,
          text: z.string().min(1),
          violationCodes: z.array(z.string().min(1)).min(1),
          note: z.string().optional(),
        }),
      )
      .min(1),
    // how long a listing lasts and when an early removal may first be asked (placeholders: 山西 implementation [P])
    listingYears: z.number().int().positive(),
    earlyRemovalMonths: z.number().int().positive(),
  }),
  // issue 15 item 3 after service: paying the fine, 暂缓/分期, 加处罚款, 催告 and the court application
  finePerformance: ZCatalogProvenanceSchema.extend({
    code: ZCatalogCodeSchema,
    name: z.string(),
    paymentDuePeriod: ZCatalogCodeSchema,
    surcharge: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string(),
      ratePercentPerDay: z.number().int().positive().max(100),
    }),
    // how the surcharge reads on an approved 暂缓/分期, and when a later 催告 may follow: the law does not say
    surchargeOnArrangement: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string(),
      rule: z.string(),
    }),
    repeatedReminder: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string(),
      rule: z.string(),
    }),
    deferral: ZCatalogProvenanceSchema.extend({ code: ZCatalogCodeSchema, name: z.string() }),
    reminder: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string(),
      waitDays: z.number().int().positive(),
    }),
    courtApplication: ZCatalogProvenanceSchema.extend({
      code: ZCatalogCodeSchema,
      name: z.string(),
      months: z.number().int().positive(),
    }),
    challengePeriods: z
      .array(
        ZCatalogProvenanceSchema.extend({
          code: ZCatalogCodeSchema,
          name: z.string(),
          days: z.number().int().positive().optional(),
          months: z.number().int().positive().optional(),
        }),
      )
      .min(1),
  }),
});
export type CaseProcedureCatalog = z.infer<typeof ZCaseProcedureCatalogSchema>;

export const caseProcedureCatalog: CaseProcedureCatalog = ZCaseProcedureCatalogSchema.parse(procedureJson);

export type CasePeriod = {
  code: string;
  name: string;
  from: IsoDate;
  due: IsoDate;
  unit: 'days' | 'workdays';
  source: string;
  verified: boolean;
  // years counted weekends only for want of the State Council's table (待国务院公布)
  pendingYears: number[];
};

// The periods that have started, from the milestones reached so far; the hearing notice is counted back.
export const casePeriods = (
  milestones: Partial<Record<CaseMilestone, IsoDate>>,
  options: { calendar?: StatutoryCalendar; catalog?: CaseProcedureCatalog } = {},
): CasePeriod[] => {
  const calendar = options.calendar ?? seededCalendar;
  const catalog = options.catalog ?? caseProcedureCatalog;
  const periods: CasePeriod[] = [];
  for (const rule of catalog.periods) {
    const from = milestones[rule.from];
    if (!from) continue;
    const backwards = rule.code === 'hearing_notice_before';
    let due: IsoDate;
    let pendingYears: number[] = [];
    if (rule.unit === 'days') due = addDays(from, backwards ? -rule.days : rule.days);
    else {
      const counted = addWorkdays(from, backwards ? -rule.days : rule.days, calendar);
      if (!counted.ok) continue;
      due = counted.value;
      pendingYears = counted.pendingYears;
    }
    periods.push({
      code: rule.code,
      name: rule.name,
      from,
      due,
      unit: rule.unit,
      source: rule.source,
      verified: rule.verified,
      pendingYears,
    });
  }
  return periods;
};

export type PeriodWarning = { code: string; name: string; due: IsoDate; state: 'due_soon' | 'overdue' };

// Warned before it passes: within `warnDays` calendar days of the due day, or past it.
export const periodWarnings = (
  periods: readonly CasePeriod[],
  today: IsoDate,
  warnDays = 3,
): PeriodWarning[] =>
  periods.flatMap((period): PeriodWarning[] => {
    if (period.code === 'hearing_notice_before') return [];
    if (today > period.due)
      return [{ code: period.code, name: period.name, due: period.due, state: 'overdue' }];
    if (addDays(today, warnDays) >= period.due)
      return [{ code: period.code, name: period.name, due: period.due, state: 'due_soon' }];
    return [];
  });

// 行政处罚法 第五十一条: 当场处罚 for a warning, or a fine up to 200 yuan (citizen) or 3000 yuan (organisation).
export const maySimplifyProcedure = (
  options: { partyKind: 'citizen' | 'organisation'; fineFen: number; sanctions: readonly Sanction[] },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): { allowed: boolean; basis: string } => {
  const limit =
    options.partyKind === 'citizen'
      ? catalog.simplifiedProcedure.maxFineCitizenFen
      : catalog.simplifiedProcedure.maxFineOrganisationFen;
  const onlyOrder = options.sanctions.every((sanction) => sanction === 'order_correction');
  return { allowed: options.fineFen <= limit && onlyOrder, basis: catalog.simplifiedProcedure.source };
};

// 行政处罚法 第六十三条: the decisions that carry a right to a hearing.
export const hearingRight = (
  options: { partyKind: 'citizen' | 'organisation'; fineFen: number; sanctions: readonly Sanction[] },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): boolean => {
  const threshold =
    options.partyKind === 'citizen'
      ? catalog.hearingThreshold.citizenFromFen
      : catalog.hearingThreshold.organisationFromFen;
  return (
    options.fineFen >= threshold ||
    options.sanctions.some(
      (sanction) => sanction === 'suspend' || sanction === 'revoke' || sanction === 'close',
    )
  );
};

// 行政处罚法 第五十七条第二款 (placeholder thresholds): the head's collective discussion.
export const needsCollectiveDiscussion = (
  options: { tier: Tier; fineFen: number; sanctions: readonly Sanction[]; majorHiddenDanger: boolean },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): boolean => {
  const rule = catalog.collectiveDiscussion;
  return (
    options.majorHiddenDanger ||
    options.fineFen >= rule.fromFineFen ||
    rule.tiers.includes(options.tier) ||
    options.sanctions.some((sanction) => rule.sanctions.includes(sanction))
  );
};

// Measure 14 (观察期): an enterprise spared a penalty because it corrected is watched for a while: the day by
// which an officer goes back (calendar days from the decision, catalogue `observation`, a placeholder), or null
// when the decision's tier opens no observation.
export const observationFollowUp = (
  decision: { tier: Tier; decidedOn: IsoDate },
  catalog: CaseProcedureCatalog = caseProcedureCatalog,
): { followUpOn: IsoDate; days: number; source: string; verified: boolean } | null => {
  const rule = catalog.observation;
  if (!rule.tiers.includes(decision.tier)) return null;
  return {
    followUpOn: addDays(decision.decidedOn, rule.days),
    days: rule.days,
    source: rule.source,
    verified: rule.verified,
  };
};

// the basis an officer reads (the catalogue entry, with its marks, is the legal reviewer's)
export const OBSERVATION_BASIS =
  '《江门市应急管理系统严格规范涉企行政检查若干措施》第十四项（建立完善安全生产行政执法观察期制度）';

export const OBSERVATION_OUTCOMES = ['kept', 'reoffended'] as const;
export type ObservationOutcome = (typeof OBSERVATION_OUTCOMES)[number];
export const OBSERVATION_OUTCOME_NAMES: Record<ObservationOutcome, string> = {
  kept: '观察期内守法，观察结束',
  reoffended: '观察期内再次违法',
};

// The outcome is recorded once. A re-offence may be recorded whenever it is found; "kept the law" only when the
// period has run (on or after the follow-up day), since before it nobody can say so.
export const mayRecordObservation = (
  observation: { followUpOn: IsoDate; outcome: ObservationOutcome | null },
  outcome: ObservationOutcome,
  today: IsoDate,
): Ok | Refusal<'OBSERVATION_RECORDED' | 'OBSERVATION_NOT_OVER'> => {
  const basis = OBSERVATION_BASIS;
  if (observation.outcome)
    return refuse({
      code: 'OBSERVATION_RECORDED',
      measure: 14,
      basis,
      message: `观察期结果已记录（${OBSERVATION_OUTCOME_NAMES[observation.outcome]}），不能再次记录`,
    });
  if (outcome === 'kept' && today < observation.followUpOn)
    return refuse({
      code: 'OBSERVATION_NOT_OVER',
      measure: 14,
      basis,
      message: `观察期至 ${observation.followUpOn} 届满，届满前只能记录再次违法`,
    });
  return ok();
};
